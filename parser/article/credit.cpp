#include "parser/article/credit.h"

#include <algorithm>
#include <array>
#include <string>
#include <vector>

#include "core/text.h"

namespace newswire {
namespace {

constexpr std::size_t k_max_credit_chars = 160;
constexpr std::size_t k_max_tokens = 8;

// News agencies by the codes newsrooms write in credit lines. rts and rtr are Reuters; news
// aktuell (ots) hands on German press releases; Arabic papers credit "the agencies" (وكالات).
constexpr std::array<std::string_view, 46> k_agency_codes = {
    "dpa", "afp", "rts", "rtr", "reuters", "ap", "kna", "epd", "sid", "dts", "afx", "dpa-afx",
    "bloomberg", "apa", "sda", "keystone-sda", "ats", "ddp", "dapd", "ots", "idea", "efe",
    "ansa", "belga", "anp", "ntb", "tt", "ritzau", "pa", "xinhua", "tass", "interfax",
    "ukrinform", "dj", "dow jones", "awp", "aap", "cp", "upi", "ips", "kap", "pti", "ani",
    "yonhap", "news aktuell", "\xD9\x88\xD9\x83\xD8\xA7\xD9\x84\xD8\xA7\xD8\xAA"};

// Words that open a credit line; what follows is the list of outlet, editors and agencies.
// Longer openers before the shorter ones they start with ("mit material von" before "mit").
// "Source:" in the languages of the papers we read, lower case (matched with any case): Polish
// "Źródło:", Turkish "Kaynak:", Arabic "المصدر:", Chinese "来源：" (with its full-width colon),
// Japanese "出典：", Korean "출처:", Russian "Источник:", Nordic, Dutch, Czech, Hungarian,
// Croatian, Greek and Romanian; ots closes a press release with "Original-Content von: …".
// Indian papers close agency copy with "(With inputs from PTI)".
constexpr std::array<std::string_view, 45> k_openers = {
    "quelle:", "quellen:", "source:", "sources:", "fuente:", "fonte:", "original-content von:",
    "\xC5\xBAr\xC3\xB3" "d\xC5\x82o:", "kaynak:", "\xD8\xA7\xD9\x84\xD9\x85\xD8\xB5\xD8\xAF\xD8\xB1:",
    "\xE6\x9D\xA5\xE6\xBA\x90\xEF\xBC\x9A", "\xE6\x9D\xA5\xE6\xBA\x90:", "\xE5\x87\xBA\xE5\x85\xB8\xEF\xBC\x9A",
    "\xE5\x87\xBA\xE5\x85\xB8:", "\xEC\xB6\x9C\xEC\xB2\x98:",
    "\xD0\xB8\xD1\x81\xD1\x82\xD0\xBE\xD1\x87\xD0\xBD\xD0\xB8\xD0\xBA:", "k\xC3\xA4lla:", "kilde:",
    "l\xC3\xA4hde:", "bron:", "zdroj:", "forr\xC3\xA1s:", "izvor:", "\xCF\x80\xCE\xB7\xCE\xB3\xCE\xAE:", "sursa:",
    "mit material von", "mit material der", "mit informationen von", "mit informationen der",
    "mit agenturmaterial von", "material von", "with material from", "with reporting by",
    "with inputs from", "with input from", "con informaci\xC3\xB3n de",
    "con informaciones de", "com informa\xC3\xA7\xC3\xB5" "es de", "com informa\xC3\xA7\xC3\xB5" "es da",
    "mit", "with", "avec", "con", "com", "met"};

// "Quelle:" and "来源：" (its colon full-width) close with a colon; "mit" is a word.
bool is_colon_opener(std::string_view opener) {
    return opener.ends_with(':') || opener.ends_with("\xEF\xBC\x9A");
}

std::string trim(std::string_view text) {
    return fold_whitespace(text);
}

bool is_editor_code(std::string_view token) {
    if (token.size() < 2 || token.size() > 4) return false;
    return std::all_of(token.begin(), token.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

// Splits at ',', '/', ';', '&', '+' and the words "und", "and", "sowie"; ots's "übermittelt
// durch" (handed on by) joins the sender and the agency that carried the release.
std::vector<std::string> split_tokens(std::string_view text) {
    std::string normalised = " " + std::string(text) + " ";
    for (std::string_view word : {" und ", " and ", " sowie ", " & ", " + ", " et ", " y ",
                                  " \xC3\xBC" "bermittelt durch "}) {
        std::size_t at;
        while ((at = normalised.find(word)) != std::string::npos) normalised.replace(at, word.size(), ",");
    }
    std::vector<std::string> tokens;
    std::string current;
    for (char c : normalised) {
        if (c == ',' || c == '/' || c == ';') {
            if (std::string t = trim(current); !t.empty()) tokens.push_back(t);
            current.clear();
        } else {
            current += c;
        }
    }
    if (std::string t = trim(current); !t.empty()) tokens.push_back(t);
    return tokens;
}

std::size_t word_count(std::string_view text) {
    return static_cast<std::size_t>(std::count(text.begin(), text.end(), ' ')) + 1;
}

std::optional<SourceCredit> classify(std::string raw, std::string_view list, bool opened) {
    std::vector<std::string> tokens = split_tokens(list);
    if (tokens.empty() || tokens.size() > k_max_tokens) return std::nullopt;
    SourceCredit credit;
    credit.raw = std::move(raw);
    for (const std::string& token : tokens) {
        if (is_agency_code(token)) {
            credit.agencies.push_back(token);
        } else if (is_editor_code(token)) {
            credit.editors.push_back(token);
        } else if (opened && credit.outlet.empty() && word_count(token) <= 4 &&
                   credit.agencies.empty() && credit.editors.empty()) {
            credit.outlet = token;
        } else {
            return std::nullopt;
        }
    }
    if (!opened && credit.agencies.empty()) return std::nullopt;
    if (credit.outlet.empty() && credit.agencies.empty()) return std::nullopt;
    return credit;
}

}  // namespace

bool is_agency_code(std::string_view code) {
    std::string lower = to_lower_ascii(code);
    return std::find(k_agency_codes.begin(), k_agency_codes.end(), lower) != k_agency_codes.end();
}

bool opens_with_source_word(std::string_view line) {
    std::string folded = fold_whitespace(line);
    return std::any_of(k_openers.begin(), k_openers.end(), [&](std::string_view opener) {
        return is_colon_opener(opener) && folded_prefix_length(folded, opener) > 0;
    });
}

std::optional<SourceCredit> parse_source_credit(std::string_view line) {
    std::string raw = fold_whitespace(line);
    if (raw.empty() || raw.size() > k_max_credit_chars) return std::nullopt;
    std::string_view inner = raw;
    if (inner.front() == '(' && inner.back() == ')') inner = inner.substr(1, inner.size() - 2);
    while (!inner.empty() && (inner.back() == '.' && !inner.ends_with(".de") &&
                              inner.find('.') == inner.size() - 1)) {
        inner.remove_suffix(1);
    }
    for (std::string_view opener : k_openers) {
        std::size_t opener_length = folded_prefix_length(inner, opener);
        if (opener_length == 0) continue;
        std::string_view rest = inner.substr(opener_length);
        bool colon_opener = is_colon_opener(opener);
        if (!colon_opener && !rest.empty() && rest.front() != ' ') continue;
        rest = rest.substr(std::min(rest.find_first_not_of(' '), rest.size()));
        if (rest.empty()) return std::nullopt;
        // "mit dpa" must be agencies only; "Quelle: ..." may name an outlet.
        return classify(raw, rest, colon_opener);
    }
    // A bare agency name is as likely a photo credit; alone it counts only in parentheses.
    bool parenthesised = inner.size() + 2 == raw.size();
    if (!parenthesised && split_tokens(inner).size() < 2) return std::nullopt;
    return classify(raw, inner, false);
}

}  // namespace newswire

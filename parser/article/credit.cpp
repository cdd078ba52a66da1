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

// News agencies by the codes newsrooms write in credit lines. rts and rtr are Reuters.
constexpr std::array<std::string_view, 44> k_agency_codes = {
    "dpa", "afp", "rts", "rtr", "reuters", "ap", "kna", "epd", "sid", "dts", "afx", "dpa-afx",
    "bloomberg", "apa", "sda", "keystone-sda", "ats", "ddp", "dapd", "ots", "idea", "efe",
    "ansa", "belga", "anp", "ntb", "tt", "ritzau", "pa", "xinhua", "tass", "interfax",
    "ukrinform", "dj", "dow jones", "awp", "aap", "cp", "upi", "ips", "kap", "pti", "ani",
    "yonhap"};

// Words that open a credit line; what follows is the list of outlet, editors and agencies.
// Longer openers before the shorter ones they start with ("mit material von" before "mit").
constexpr std::array<std::string_view, 24> k_openers = {
    "quelle:", "quellen:", "source:", "sources:", "fuente:", "fonte:", "mit material von",
    "mit material der", "mit informationen von", "mit informationen der", "mit agenturmaterial von",
    "material von", "with material from", "with reporting by", "con informaci\xC3\xB3n de",
    "con informaciones de", "com informa\xC3\xA7\xC3\xB5" "es de", "com informa\xC3\xA7\xC3\xB5" "es da",
    "mit", "with", "avec", "con", "com", "met"};

std::string trim(std::string_view text) {
    return fold_whitespace(text);
}

bool is_editor_code(std::string_view token) {
    if (token.size() < 2 || token.size() > 4) return false;
    return std::all_of(token.begin(), token.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

// Splits at ',', '/', ';', '&' and the words "und", "and", "sowie".
std::vector<std::string> split_tokens(std::string_view text) {
    std::string normalised = " " + std::string(text) + " ";
    for (std::string_view word : {" und ", " and ", " sowie ", " & ", " et ", " y "}) {
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

std::optional<SourceCredit> parse_source_credit(std::string_view line) {
    std::string raw = fold_whitespace(line);
    if (raw.empty() || raw.size() > k_max_credit_chars) return std::nullopt;
    std::string_view inner = raw;
    if (inner.front() == '(' && inner.back() == ')') inner = inner.substr(1, inner.size() - 2);
    while (!inner.empty() && (inner.back() == '.' && !inner.ends_with(".de") &&
                              inner.find('.') == inner.size() - 1)) {
        inner.remove_suffix(1);
    }
    std::string lower = to_lower_ascii(inner);
    for (std::string_view opener : k_openers) {
        if (!lower.starts_with(opener)) continue;
        std::string_view rest = inner.substr(opener.size());
        bool word_opener = opener.back() != ':';
        if (word_opener && !rest.empty() && rest.front() != ' ') continue;
        rest = rest.substr(std::min(rest.find_first_not_of(' '), rest.size()));
        if (rest.empty()) return std::nullopt;
        // "mit dpa" must be agencies only; "Quelle: ..." may name an outlet.
        bool outlet_allowed = opener.back() == ':';
        return classify(raw, rest, outlet_allowed);
    }
    // A bare agency name is as likely a photo credit; alone it counts only in parentheses.
    bool parenthesised = inner.size() + 2 == raw.size();
    if (!parenthesised && split_tokens(inner).size() < 2) return std::nullopt;
    return classify(raw, inner, false);
}

}  // namespace newswire

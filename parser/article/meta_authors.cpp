#include "parser/article/meta_authors.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "core/text.h"
#include "parser/article/meta_text.h"

namespace newswire {

namespace {

// Words that open a byline. Those that also open sentences or name a field ("Text", "Autor")
// count only with a colon after them.
struct Label {
    std::string_view word;
    bool needs_colon;
};

constexpr std::array<Label, 35> k_labels{{
    // German bylines name the writer's role first ("Von unserem Redakteur Stefan Huber").
    {"von unserem redakteur", false}, {"von unserer redakteurin", false}, {"von unserem korrespondenten", false},
    {"von unserer korrespondentin", false}, {"von unserem mitarbeiter", false}, {"von unserer mitarbeiterin", false},
    {"von", false}, {"by", false}, {"par", false}, {"por", false}, {"door", false}, {"av", false},
    {"af", false}, {"di", false}, {"text von", false}, {"written by", false}, {"submitted by", false},
    {"posted by", false}, {"text", true},
    {"texto", true}, {"texte", true}, {"teksti", true}, {"yazar", true},
    {"autor", true}, {"autorin", true}, {"autoren", true}, {"author", true}, {"auteur", true},
    {"autore", true}, {"reporter", true},
    {"\xE8\xB4\xA3\xE7\xBC\x96", true},                          // 责编 (editor in charge)
    {"\xE8\xB4\xA3\xE4\xBB\xBB\xE7\xBC\x96\xE8\xBE\x91", true},  // 责任编辑
    {"\xE7\xBC\x96\xE8\xBE\x91", true},                          // 编辑 (editor)
    {"\xE8\xAE\xB0\xE8\x80\x85", true},                          // 记者 (reporter)
    {"\xE8\xA8\x98\xE8\x80\x85", true}}};                        // 記者

constexpr std::string_view k_fullwidth_colon = "\xEF\xBC\x9A";
constexpr std::string_view k_fullwidth_open = "\xEF\xBC\x88";
constexpr std::string_view k_fullwidth_close = "\xEF\xBC\x89";

// Length of the byline label `text` opens with ("Von: ", "(责编："), separators included; 0
// when it opens with none.
std::size_t label_length(std::string_view text) {
    std::size_t at = text.starts_with("(") ? 1 : text.starts_with(k_fullwidth_open) ? k_fullwidth_open.size() : 0;
    std::string_view rest = text.substr(at);
    // Most texts open with no label: one look at the first letter settles them.
    if (rest.empty() || (static_cast<unsigned char>(rest[0]) < 0x80 &&
                         std::string_view("abdprstvwyABDPRSTVWY").find(rest[0]) == std::string_view::npos)) {
        return 0;
    }
    for (const Label& label : k_labels) {
        if (rest.size() < label.word.size() || !starts_with_ci(rest, label.word)) continue;
        std::string_view after = rest.substr(label.word.size());
        std::size_t separator = after.starts_with(":") ? 1 : after.starts_with(k_fullwidth_colon) ? k_fullwidth_colon.size() : 0;
        if (separator == 0 && (label.needs_colon || (!after.empty() && after[0] != ' '))) continue;
        std::size_t end = at + label.word.size() + separator;
        while (end < text.size() && text[end] == ' ') ++end;
        return end;
    }
    return 0;
}

// Lower-case words that mark a name as an agency, a desk or page furniture.
constexpr std::array<std::string_view, 49> k_not_people{
    "dpa", "afp", "ap", "reuters", "rtr", "sid", "kna", "epd", "apa", "sda", "ddp", "dapd",
    "efe", "ansa", "ats", "belga", "anp", "tt", "ntb", "ritzau", "pti", "ians",
    "redaktion", "newsroom", "staff", "agency", "agentur", "agenturen", "team", "desk",
    "online", "nachrichten", "presse", "press", "associated", "news", "zeitung", "magazin",
    "mit", "material", "wire", "redacción", "rédaction", "redazione", "unsere", "autoren",
    "autorinnen", "presse-agentur", "nachrichtenagentur"};

bool is_not_person_word(std::string_view lowered) {
    return std::find(k_not_people.begin(), k_not_people.end(), lowered) != k_not_people.end();
}

std::string_view strip_prefixes(std::string_view text) {
    for (std::size_t length = label_length(text); length > 0 && length < text.size(); length = label_length(text)) {
        text = trim(text.substr(length));
    }
    return text;
}

// "(责编：牛镛、岳弘彬)" -> "责编：牛镛、岳弘彬": a byline wholly in brackets.
std::string_view unwrap_brackets(std::string_view text) {
    if (text.size() > 2 && text.front() == '(' && text.back() == ')') return trim(text.substr(1, text.size() - 2));
    if (text.starts_with(k_fullwidth_open) && text.ends_with(k_fullwidth_close)) {
        return trim(text.substr(k_fullwidth_open.size(), text.size() - 2 * k_fullwidth_open.size()));
    }
    return text;
}

// Splits on commas, semicolons, slashes, "|", " und ", " and ", " & ", " y ", " et ", " e ",
// " og ", " och ", " en ".
std::vector<std::string> split_names(std::string_view text) {
    std::string marked(text);
    for (std::string_view comma : {"\xE3\x80\x81", "\xEF\xBC\x8C"}) {  // 、 and the full-width comma
        for (std::size_t at = marked.find(comma); at != std::string::npos; at = marked.find(comma, at)) {
            marked.replace(at, comma.size(), ",");
        }
    }
    for (std::string_view joiner : {" und ", " and ", " & ", " y ", " et ", " e ", " og ", " och ",
                                    " en ", " sowie ", " with ", " mit "}) {
        std::size_t at = 0;
        std::string lowered = to_lower_ascii(marked);
        while ((at = lowered.find(joiner, at)) != std::string::npos) {
            marked.replace(at, joiner.size(), ",");
            lowered.replace(at, joiner.size(), ",");
        }
    }
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (start <= marked.size()) {
        std::size_t end = marked.find_first_of(",;/|\n", start);
        if (end == std::string::npos) end = marked.size();
        std::string part = std::string(trim(std::string_view(marked).substr(start, end - start), " \t\r\n.:-"));
        if (!part.empty()) parts.push_back(std::move(part));
        start = end + 1;
    }
    return parts;
}

std::string strip_parenthesised(std::string_view text) {
    std::string out;
    int depth = 0;
    for (char c : text) {
        if (c == '(' || c == '[') ++depth;
        else if ((c == ')' || c == ']') && depth > 0) --depth;
        else if (depth == 0) out += c;
    }
    return fold_whitespace(out);
}

constexpr std::array<std::string_view, 18> k_particles{
    "von", "van", "de", "der", "den", "da", "di", "del", "della", "la", "le", "du", "zu", "y",
    "dos", "das", "bin", "al"};

// Either all words lower-case ("viktor hedlund"), or every word but name particles starts with
// a capital; an upper-case acronym of up to three letters ("MDR", "SWR") or a lone initial
// without a dot marks an organisation or a fragment.
bool capitalised_like_a_name(std::string_view name) {
    bool any_upper = false, any_lower_word = false;
    std::size_t start = 0;
    while (start < name.size()) {
        std::size_t end = name.find(' ', start);
        if (end == std::string_view::npos) end = name.size();
        std::string_view word = name.substr(start, end - start);
        start = end + 1;
        if (word.empty()) continue;
        unsigned char first = static_cast<unsigned char>(word[0]);
        if (first >= 0x80 || !std::isalpha(first)) continue;
        if (word.size() == 1) return false;
        bool all_upper = std::all_of(word.begin(), word.end(), [](char c) {
            return !std::isalpha(static_cast<unsigned char>(c)) || std::isupper(static_cast<unsigned char>(c));
        });
        if (all_upper && word.size() <= 3 && word.back() != '.') return false;
        if (std::isupper(first)) {
            any_upper = true;
        } else if (std::find(k_particles.begin(), k_particles.end(), to_lower_ascii(word)) == k_particles.end()) {
            any_lower_word = true;
        }
    }
    return !(any_upper && any_lower_word);
}

// "Carla Benton on Sun, 03/03/2024 - 14:05", "Max Muster am 12.03.2024": the date a byline
// gives after the names goes, so that the names stand alone.
std::string_view without_date_tail(std::string_view text) {
    constexpr std::size_t k_date_reach = 24;  // a weekday and a month name before the digits at most
    for (std::string_view joiner : {" on ", " am "}) {
        std::size_t at = text.find(joiner);
        if (at == std::string_view::npos || at == 0) continue;
        std::string_view tail = text.substr(at + joiner.size(), k_date_reach);
        if (tail.find_first_of("0123456789") != std::string_view::npos) return trim(text.substr(0, at));
    }
    return text;
}

}  // namespace

bool looks_like_person(std::string_view name, std::string_view site_name) {
    if (name.size() < 3 || name.size() > 60) return false;
    if (name.find('@') != std::string_view::npos || contains_ci(name, "http") ||
        contains_ci(name, "www.")) {
        return false;
    }
    if (!site_name.empty() && (equals_ci(name, site_name) || contains_ci(name, site_name))) return false;
    int words = 0;
    bool ascii_only = true;
    std::size_t start = 0;
    while (start < name.size()) {
        std::size_t end = name.find(' ', start);
        if (end == std::string_view::npos) end = name.size();
        std::string_view word = name.substr(start, end - start);
        start = end + 1;
        if (word.empty()) continue;
        ++words;
        std::string lowered = to_lower_ascii(trim(word, ".,:"));
        if (is_not_person_word(lowered)) return false;
        if (lowered.find('.') != std::string::npos && lowered.size() > 3) return false;  // "n-tv.de"
        for (char c : word) {
            if (std::isdigit(static_cast<unsigned char>(c))) return false;
            if (static_cast<unsigned char>(c) >= 0x80) ascii_only = false;
        }
    }
    if (words == 0 || words > 5) return false;
    if (!capitalised_like_a_name(name)) return false;
    // A Latin-script name has at least two words ("Anna Muster"); scripts without spaces
    // between name parts (CJK, Korean) may have one.
    return words >= 2 || !ascii_only;
}

std::vector<std::string> clean_authors(std::string_view text, std::string_view site_name) {
    std::vector<std::string> out;
    if (text.size() > 1000) return out;  // a byline, not a page
    std::string cleaned = clean_text(text);
    std::string folded = strip_parenthesised(unwrap_brackets(labelled_field(cleaned)));
    for (std::string_view title : {" \xEA\xB8\xB0\xEC\x9E\x90"}) {  // Korean " 기자" (reporter)
        std::size_t at = folded.find(title);
        if (at != std::string::npos) folded.erase(at, title.size());
    }
    for (std::string& part : split_names(without_date_tail(strip_prefixes(folded)))) {
        std::string name(strip_prefixes(part));
        if (!looks_like_person(name, site_name)) continue;
        append_unique(out, {name});
    }
    return out;
}

std::string organisation_name(std::string_view text) {
    if (text.size() > 200) return {};
    std::string name(strip_prefixes(unwrap_brackets(clean_text(text))));
    name = std::string(trim(name, " \t\r\n.,:;-|"));
    std::size_t words = 1 + static_cast<std::size_t>(std::count(name.begin(), name.end(), ' '));
    if (name.empty() || name.size() > 60 || words > 6 || name.starts_with("@")) return {};
    if (name.find('@') != std::string::npos || contains_ci(name, "http") || contains_ci(name, "www.") ||
        name.find('/') != std::string::npos) {
        return {};
    }
    return name;
}

std::string_view labelled_field(std::string_view text) {
    constexpr std::string_view k_open = "\xE3\x80\x90";   // 【
    constexpr std::string_view k_close = "\xE3\x80\x91";  // 】
    for (std::size_t open = text.find(k_open); open != std::string_view::npos; open = text.find(k_open, open + 1)) {
        std::size_t start = open + k_open.size();
        std::size_t close = text.find(k_close, start);
        if (close == std::string_view::npos) break;
        std::string_view field = trim(text.substr(start, close - start));
        if (label_length(field) > 0) return field;
    }
    return text;
}

bool starts_with_byline_label(std::string_view text) {
    std::size_t length = label_length(text);
    if (length == 0) return false;
    if (length == text.size()) return true;  // "Von:" before the names' own elements
    auto first = static_cast<unsigned char>(text[length]);
    return std::isupper(first) || first >= 0x80;
}

void append_unique(std::vector<std::string>& to, const std::vector<std::string>& from) {
    for (const std::string& name : from) {
        bool known = std::any_of(to.begin(), to.end(), [&](const std::string& n) { return equals_ci(n, name); });
        if (!known) to.push_back(name);
    }
}

}  // namespace newswire

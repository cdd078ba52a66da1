#include "parser/feed/xml_recover.h"

#include <algorithm>
#include <cstdint>
#include <cctype>
#include <map>
#include <vector>

#include "parser/feed/html_text.h"

namespace newswire::feed_detail {

namespace {

constexpr std::size_t k_max_entities = 256;
constexpr std::size_t k_max_entity_value = 4096;
constexpr std::size_t k_expansion_floor = 1 << 16;

bool is_name_start(char c) {
    return std::isalpha(static_cast<unsigned char>(c)) || c == '_' || c == ':' ||
           static_cast<unsigned char>(c) >= 0x80;
}

bool is_name_char(char c) {
    return is_name_start(c) || std::isdigit(static_cast<unsigned char>(c)) || c == '-' || c == '.';
}

std::size_t name_end(std::string_view s, std::size_t i) {
    while (i < s.size() && is_name_char(s[i])) ++i;
    return i;
}

void skip_space(std::string_view s, std::size_t& i) {
    while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
}

// The end of a DOCTYPE starting at `start` ("<!DOCTYPE"), past its internal subset.
std::size_t doctype_end(std::string_view xml, std::size_t start) {
    std::size_t i = start;
    bool in_subset = false;
    char quote = 0;
    for (; i < xml.size(); ++i) {
        char c = xml[i];
        if (quote) {
            if (c == quote) quote = 0;
        } else if (c == '"' || c == '\'') {
            quote = c;
        } else if (c == '[') {
            in_subset = true;
        } else if (c == ']') {
            in_subset = false;
        } else if (c == '>' && !in_subset) {
            return i + 1;
        }
    }
    return xml.size();
}

using EntityMap = std::map<std::string, std::string, std::less<>>;

// <!ENTITY name "value"> declarations of an internal subset (general entities only).
EntityMap read_entity_declarations(std::string_view doctype) {
    EntityMap entities;
    std::size_t i = 0;
    while (entities.size() < k_max_entities) {
        i = doctype.find("<!ENTITY", i);
        if (i == std::string_view::npos) break;
        i += 8;
        skip_space(doctype, i);
        if (i < doctype.size() && doctype[i] == '%') continue;
        std::size_t end = name_end(doctype, i);
        std::string name(doctype.substr(i, end - i));
        i = end;
        skip_space(doctype, i);
        if (i >= doctype.size() || (doctype[i] != '"' && doctype[i] != '\'')) continue;
        std::size_t close = doctype.find(doctype[i], i + 1);
        if (close == std::string_view::npos) break;
        std::string_view value = doctype.substr(i + 1, std::min(close - i - 1, k_max_entity_value));
        if (!name.empty() && !entities.contains(name)) entities.emplace(name, decode_html_entities(value));
        i = close + 1;
    }
    return entities;
}

// Whether a numeric reference ("#65", "#x1F") names a character XML allows.
bool allowed_in_xml(std::string_view reference) {
    bool hex = reference.size() > 1 && (reference[1] == 'x' || reference[1] == 'X');
    std::string_view digits = reference.substr(hex ? 2 : 1);
    std::uint64_t value = 0;
    for (char c : digits) {
        if (value > 0x10FFFF) return false;
        int d = std::isdigit(static_cast<unsigned char>(c)) ? c - '0' : (std::tolower(static_cast<unsigned char>(c)) - 'a' + 10);
        if (!hex && d > 9) return false;
        value = value * (hex ? 16 : 10) + static_cast<std::uint64_t>(d);
    }
    if (value == 0x9 || value == 0xA || value == 0xD) return true;
    if (value < 0x20 || (value >= 0xD800 && value <= 0xDFFF) || value == 0xFFFE || value == 0xFFFF) return false;
    return value <= 0x10FFFF && (hex || !digits.empty());
}

bool is_xml_entity(std::string_view name) {
    return name == "amp" || name == "lt" || name == "gt" || name == "quot" || name == "apos";
}

struct Expander {
    std::string_view xml;
    EntityMap entities;
    std::string out;
    std::size_t copied = 0;  // xml[0, copied) is already in `out`
    std::size_t expansion_budget = 0;
    bool changed = false;
    bool repaired = false;

    void replace(std::size_t from, std::size_t to, std::string_view with) {
        out.append(xml.substr(copied, from - copied));
        out.append(with);
        copied = to;
        changed = true;
    }

    // Handles the '&' at `i`; returns where scanning continues.
    std::size_t reference(std::size_t i) {
        std::size_t j = i + 1;
        std::string_view after = xml.substr(j, 5);
        if (after.starts_with("amp;") || after.starts_with("lt;") || after.starts_with("gt;") ||
            after.starts_with("quot;")) {
            return j + 2;
        }
        if (j < xml.size() && xml[j] == '#') {
            std::size_t k = j + 1;
            if (k < xml.size() && (xml[k] == 'x' || xml[k] == 'X')) ++k;
            std::size_t digits = k;
            while (k < xml.size() && std::isxdigit(static_cast<unsigned char>(xml[k]))) ++k;
            if (k > digits && k < xml.size() && xml[k] == ';') {
                if (allowed_in_xml(xml.substr(j, k - j))) return k + 1;
                replace(i, k + 1, "\xEF\xBF\xBD");  // U+FFFD for NUL, controls, surrogates
                repaired = true;
                return k + 1;
            }
        } else {
            std::size_t end = name_end(xml, j);
            if (end > j && end < xml.size() && xml[end] == ';') {
                std::string_view name = xml.substr(j, end - j);
                if (is_xml_entity(name)) return end + 1;
                if (auto found = entities.find(name); found != entities.end() &&
                                                      found->second.size() <= expansion_budget) {
                    expansion_budget -= found->second.size();
                    replace(i, end + 1, found->second);
                    return end + 1;
                }
                if (auto cp = html_entity(name)) {
                    std::string utf8;
                    append_utf8(utf8, *cp);
                    replace(i, end + 1, utf8);
                    repaired = true;
                    return end + 1;
                }
            }
        }
        replace(i, i + 1, "&amp;");
        repaired = true;
        return i + 1;
    }

    // Past the comment, CDATA section or DOCTYPE at `at` ("<!"); a DOCTYPE's entities are read.
    std::size_t skip_markup(std::size_t at) {
        std::string_view rest = xml.substr(at);
        if (rest.starts_with("<!--")) {
            std::size_t end = xml.find("-->", at + 4);
            return end == std::string_view::npos ? xml.size() : end + 3;
        }
        if (rest.starts_with("<![CDATA[")) {
            std::size_t end = xml.find("]]>", at + 9);
            return end == std::string_view::npos ? xml.size() : end + 3;
        }
        if (rest.starts_with("<!DOCTYPE") && entities.empty()) {
            std::size_t end = doctype_end(xml, at);
            entities = read_entity_declarations(xml.substr(at, end - at));
            if (!entities.empty()) replace(at, end, "");
            return end;
        }
        return at + 2;
    }

    // Finds each '&' with memchr; "<!" sections before it are skipped first, so that a '&'
    // inside CDATA or a comment is left alone.
    void run() {
        std::size_t i = 0;
        std::size_t markup = xml.find("<!");
        while (i < xml.size()) {
            std::size_t amp = xml.find('&', i);
            if (amp == std::string_view::npos) break;
            if (markup < amp) {
                i = std::max(i, skip_markup(markup));
                markup = xml.find("<!", std::max(i, markup + 2));
                continue;
            }
            i = reference(amp);
        }
        if (changed) out.append(xml.substr(copied));
    }
};

}  // namespace

EntityPass expand_entities(std::string_view xml) {
    Expander expander{xml, {}, {}, 0, std::max(k_expansion_floor, xml.size()), false, false};
    expander.run();
    return {std::move(expander.out), expander.changed, expander.repaired};
}

}  // namespace newswire::feed_detail

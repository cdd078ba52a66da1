#include "parser/article/meta_text.h"

#include <algorithm>
#include <array>
#include <cstdint>

#include "core/text.h"

namespace newswire {

namespace {

void append_utf8(std::string& out, std::uint32_t cp) {
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

struct Named {
    std::string_view name;
    std::uint32_t code_point;
};

constexpr std::array<Named, 38> k_named{{
    {"amp", '&'}, {"quot", '"'}, {"apos", '\''}, {"lt", '<'}, {"gt", '>'},
    {"nbsp", 0xA0}, {"shy", 0xAD}, {"ndash", 0x2013}, {"mdash", 0x2014},
    {"lsquo", 0x2018}, {"rsquo", 0x2019}, {"ldquo", 0x201C}, {"rdquo", 0x201D},
    {"bdquo", 0x201E}, {"laquo", 0xAB}, {"raquo", 0xBB}, {"hellip", 0x2026}, {"euro", 0x20AC},
    {"auml", 0xE4}, {"ouml", 0xF6}, {"uuml", 0xFC}, {"Auml", 0xC4}, {"Ouml", 0xD6}, {"Uuml", 0xDC},
    {"szlig", 0xDF}, {"eacute", 0xE9}, {"egrave", 0xE8}, {"ecirc", 0xEA}, {"aacute", 0xE1},
    {"agrave", 0xE0}, {"oacute", 0xF3}, {"iacute", 0xED}, {"uacute", 0xFA}, {"ntilde", 0xF1},
    {"ccedil", 0xE7}, {"Eacute", 0xC9}, {"copy", 0xA9}, {"middot", 0xB7},
}};

// Length consumed (after '&') and the code point, or 0 when `text` starts no reference.
std::size_t read_reference(std::string_view text, std::uint32_t& cp) {
    std::size_t semi = text.find(';');
    if (semi == std::string_view::npos || semi < 2 || semi > 10) return 0;
    std::string_view body = text.substr(0, semi);
    if (body[0] == '#') {
        bool hex = body.size() > 1 && (body[1] == 'x' || body[1] == 'X');
        std::string_view digits = body.substr(hex ? 2 : 1);
        if (digits.empty()) return 0;
        std::uint32_t value = 0;
        for (char c : digits) {
            int d = (c >= '0' && c <= '9') ? c - '0'
                    : (hex && c >= 'a' && c <= 'f') ? c - 'a' + 10
                    : (hex && c >= 'A' && c <= 'F') ? c - 'A' + 10 : -1;
            if (d < 0) return 0;
            value = value * (hex ? 16 : 10) + static_cast<std::uint32_t>(d);
            if (value > 0x10FFFF) return 0;
        }
        cp = value;
        return semi + 1;
    }
    for (const Named& named : k_named) {
        if (body == named.name) {
            cp = named.code_point;
            return semi + 1;
        }
    }
    return 0;
}


bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// "Subject: Politics" -> the label "Subject"; empty when `entry` is not such a pair.
std::string_view label_of(std::string_view entry) {
    std::size_t colon = entry.find(": ");
    if (colon == std::string_view::npos || colon == 0 || colon > 30) return {};
    std::string_view label = entry.substr(0, colon);
    bool word_like = std::all_of(label.begin(), label.end(),
                                 [](char c) { return is_ascii_letter(c) || c == ' ' || c == '-' || c == '_'; });
    return word_like ? label : std::string_view{};
}

std::vector<std::string> labelled_values(std::vector<std::string> topics) {
    std::size_t pairs = std::count_if(topics.begin(), topics.end(),
                                      [](const std::string& t) { return !label_of(t).empty(); });
    if (pairs < 3 || pairs * 2 < topics.size()) return topics;
    std::vector<std::string> out;
    for (const std::string& topic : topics) {
        std::string_view label = label_of(topic);
        bool wanted = false;
        for (std::string_view fragment : {"subject", "topic", "tag", "keyword", "entit", "thema", "schlagw"}) {
            wanted = wanted || contains_ci(label, fragment);
        }
        if (wanted) out.emplace_back(trim(std::string_view(topic).substr(label.size() + 2)));
    }
    return out;
}

// A word of CJK ideographs or kana starts with a lead byte of U+3040..U+9FFF (Hangul does not:
// Korean separates words, not keywords, with spaces).
bool is_cjk_word(std::string_view word) {
    auto lead = static_cast<unsigned char>(word[0]);
    return lead >= 0xE3 && lead <= 0xE9;
}

bool is_slug(std::string_view word) {
    return std::all_of(word.begin(), word.end(),
                       [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

std::vector<std::string> split_run(std::vector<std::string> topics) {
    if (topics.size() != 1) return topics;
    std::vector<std::string> words;
    std::string_view text = topics[0];
    for (std::size_t start = 0; start < text.size();) {
        std::size_t end = std::min(text.find(' ', start), text.size());
        if (end > start) words.emplace_back(text.substr(start, end - start));
        start = end + 1;
    }
    if (words.size() < 3) return topics;
    if (std::all_of(words.begin(), words.end(), is_cjk_word)) return words;
    std::size_t hyphenated = std::count_if(words.begin(), words.end(),
                                           [](const std::string& w) { return w.find('-') != std::string::npos; });
    if (!std::all_of(words.begin(), words.end(), is_slug) || hyphenated * 2 < words.size()) return topics;
    for (std::string& word : words) std::replace(word.begin(), word.end(), '-', ' ');
    return words;
}

std::vector<std::string> strip_paths(std::vector<std::string> topics) {
    if (topics.size() < 2) return topics;
    for (const std::string& topic : topics) {
        std::size_t slash = topic.find('/');
        if (slash == std::string::npos || slash == 0 || slash + 1 == topic.size() ||
            !std::all_of(topic.begin(), topic.begin() + static_cast<std::ptrdiff_t>(slash),
                         [](char c) { return (c >= 'a' && c <= 'z') || c == '-' || c == '_'; })) {
            return topics;
        }
    }
    for (std::string& topic : topics) topic.erase(0, topic.find('/') + 1);
    return topics;
}

}  // namespace

std::string clean_text(std::string_view text) {
    if (text.find('&') == std::string_view::npos) return fold_whitespace(text);
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        std::uint32_t cp = 0;
        std::size_t used = text[i] == '&' ? read_reference(text.substr(i + 1), cp) : 0;
        if (used == 0) {
            out += text[i];
            continue;
        }
        if (cp != 0xAD) append_utf8(out, cp);
        i += used;
    }
    return fold_whitespace(out);
}

namespace {

// How many bytes the UTF-8 character that `lead` opens takes (1 for a byte that opens none).
std::size_t sequence_length(unsigned char lead) {
    return lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
}

// Whether `character` is one of the characters of `chars`, compared whole.
bool is_one_of(std::string_view character, std::string_view chars) {
    for (std::size_t i = 0; i < chars.size();) {
        std::size_t length = std::min(sequence_length(static_cast<unsigned char>(chars[i])), chars.size() - i);
        if (chars.substr(i, length) == character) return true;
        i += length;
    }
    return false;
}

}  // namespace

std::string_view trim(std::string_view text, std::string_view chars) {
    const bool ascii = std::all_of(chars.begin(), chars.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    if (ascii) {
        std::size_t begin = text.find_first_not_of(chars);
        if (begin == std::string_view::npos) return {};
        std::size_t end = text.find_last_not_of(chars);
        return text.substr(begin, end - begin + 1);
    }
    // Characters are taken off whole: the bytes of '©' (C2 A9) must not cut the end off 'é' (C3 A9).
    while (!text.empty()) {
        std::size_t length = std::min(sequence_length(static_cast<unsigned char>(text.front())), text.size());
        if (!is_one_of(text.substr(0, length), chars)) break;
        text.remove_prefix(length);
    }
    while (!text.empty()) {
        std::size_t start = text.size() - 1;
        while (start > 0 && text.size() - start < 4 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
        if (!is_one_of(text.substr(start), chars)) break;
        text.remove_suffix(text.size() - start);
    }
    return text;
}

std::vector<std::string> normalise_topic_list(std::vector<std::string> topics) {
    return strip_paths(split_run(labelled_values(std::move(topics))));
}

}  // namespace newswire

#include "parser/feed/item_util.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cstdint>
#include <cstring>

#include "core/text.h"
#include "parser/feed/encoding.h"
#include "parser/feed/html_text.h"
#include "parser/feed/xml_util.h"

namespace newswire::feed_detail {

namespace {

// Per-item caps: the lists are deduplicated by a linear search, and no real item comes near.
constexpr std::size_t k_max_authors = 64;
constexpr std::size_t k_max_categories = 256;
constexpr std::size_t k_max_enclosures = 256;

// The type tests compare ASCII case-insensitively (name_is), as the attributes may be written.
bool is_html_type(std::string_view type) {
    return name_is(type, "html") || name_is(type, "text/html") || name_is(type, "escaped");
}

bool is_xhtml_type(std::string_view type) {
    return name_is(type, "xhtml") || name_is(type, "application/xhtml+xml");
}

bool ends_with_ci(std::string_view text, std::string_view suffix) {
    return text.size() >= suffix.size() && name_is(text.substr(text.size() - suffix.size()), suffix);
}

// RFC 4287 3.1.1: a MIME type that is neither text nor XML means base64-encoded content.
bool is_binary_type(std::string_view type) {
    if (type.find('/') == std::string_view::npos || starts_with_ci(type, "text/")) return false;
    return !ends_with_ci(type, "+xml") && !ends_with_ci(type, "/xml");
}

// The markup of inline content: the children of a wrapping xhtml <div>, else of the element.
std::string inline_markup(pugi::xml_node element) {
    pugi::xml_node only;
    int elements = 0;
    for (pugi::xml_node child = element.first_child(); child; child = child.next_sibling()) {
        if (child.type() == pugi::node_element) {
            only = child;
            ++elements;
        } else if (child.type() != pugi::node_pcdata || !trim(child.value()).empty()) {
            elements = 2;
        }
    }
    if (elements == 1 && equals_ci(local_name(only), "div")) return inner_xml(only);
    return inner_xml(element);
}

bool has_any_item_text(const FeedItem& item, std::string_view value) {
    return std::find(item.authors.begin(), item.authors.end(), value) != item.authors.end();
}

// No C0 controls other than tab and line breaks, and none of the invalid sequences pugixml can
// write for numeric references (surrogates, code points past U+10FFFF). The rest of the text is
// valid UTF-8 already (the document was). Sixteen bytes at a time where nothing is suspect.
bool is_clean(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
        i += clean_prefix(text.substr(i));
        for (std::size_t stop = std::min(text.size(), i + 16); i < stop; ++i) {  // the suspect block
            auto u = static_cast<unsigned char>(text[i]);
            if (u < 0x20 && u != '\t' && u != '\n' && u != '\r') return false;
            if (u >= 0xED && !is_valid_utf8(text.substr(i, u >= 0xF0 ? 4 : 3))) return false;
        }
    }
    return true;
}

void sanitise(std::string& text) {
    if (!is_clean(text)) text = repair_utf8(text);
}

}  // namespace

std::string base64_decode(std::string_view text) {
    std::string out;
    unsigned buffer = 0;
    int bits = 0;
    for (char c : text) {
        int v = -1;
        if (c >= 'A' && c <= 'Z') v = c - 'A';
        else if (c >= 'a' && c <= 'z') v = c - 'a' + 26;
        else if (c >= '0' && c <= '9') v = c - '0' + 52;
        else if (c == '+' || c == '-') v = 62;
        else if (c == '/' || c == '_') v = 63;
        else if (c == '=') break;
        if (v < 0) continue;
        buffer = (buffer << 6) | static_cast<unsigned>(v);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out.push_back(static_cast<char>((buffer >> bits) & 0xFF));
        }
    }
    return out;
}

std::string_view read_text_construct(pugi::xml_node element, std::string& storage) {
    auto [type_value, mode_value] = attrs<2>(element, {"type", "mode"});
    std::string_view type = trim(type_value);
    std::string_view mode = trim(mode_value);
    if (name_is(mode, "base64") || is_binary_type(type)) {
        storage = repair_utf8(base64_decode(ElementText(element)));
        return storage;
    }
    bool markup_wanted = is_xhtml_type(type) || (!is_html_type(type) && !name_is(mode, "escaped"));
    if (markup_wanted && has_element_children(element)) {
        storage = inline_markup(element);
        return storage;
    }
    return text_of(element, storage);
}

std::string plain_title(pugi::xml_node element) {
    std::string storage;
    return html_to_text(read_text_construct(element, storage));
}

std::string markup_of(pugi::xml_node element) {
    std::string storage;
    return std::string(trim(read_text_construct(element, storage)));
}

std::optional<Timestamp> parse_feed_date(std::string_view text) {
    std::string_view t = trim(text);
    if (t.empty() || t.size() > 200) return std::nullopt;
    // ISO 8601 starts with a four-digit year and a '-' or a digit; everything else is RFC 822.
    bool iso = t.size() >= 5 && std::isdigit(static_cast<unsigned char>(t[0])) &&
               std::isdigit(static_cast<unsigned char>(t[3])) &&
               (t[4] == '-' || std::isdigit(static_cast<unsigned char>(t[4])));
    if (iso) {
        if (auto parsed = parse_iso8601(t)) return parsed;
    }
    // ISO 8601 starts with a digit even after folding white space: a weekday is RFC 822's.
    if ((t[0] >= 'A' && t[0] <= 'Z') || (t[0] >= 'a' && t[0] <= 'z')) return parse_rfc822(t);
    return parse_datetime(t);
}

void add_author(FeedItem& item, std::string_view raw) {
    std::string text = fold_text(raw);
    std::string_view name = text;
    if (std::size_t open = name.find('('); open != std::string_view::npos && name.find('@') < open) {
        std::size_t close = name.rfind(')');
        if (close != std::string_view::npos && close > open) name = trim(name.substr(open + 1, close - open - 1));
    } else if (std::size_t lt = name.find('<'); lt != std::string_view::npos && lt > 0 &&
                                                 name.find('@') != std::string_view::npos) {
        name = trim(name.substr(0, lt));
    }
    if (name.empty() || item.authors.size() >= k_max_authors || has_any_item_text(item, name)) return;
    if (name.size() == text.size()) item.authors.push_back(std::move(text));  // the whole text: no copy
    else item.authors.emplace_back(name);
}

void add_category(FeedItem& item, std::string_view raw) {
    std::string text = fold_text(raw);
    if (text.empty() || item.categories.size() >= k_max_categories) return;
    if (std::find(item.categories.begin(), item.categories.end(), text) != item.categories.end()) return;
    item.categories.push_back(std::move(text));
}

void add_enclosure(FeedItem& item, std::string url, std::string_view type, std::string_view length) {
    if (url.empty() || item.enclosures.size() >= k_max_enclosures) return;
    for (Enclosure& existing : item.enclosures) {
        if (existing.url != url) continue;
        if (existing.type.empty()) existing.type = std::string(trim(type));
        return;
    }
    Enclosure enclosure{std::move(url), std::string(trim(type)), std::nullopt};
    std::string_view digits = trim(length);
    std::int64_t value = 0;
    auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (ec == std::errc() && end == digits.data() + digits.size() && value >= 0) enclosure.length = value;
    item.enclosures.push_back(std::move(enclosure));
}

std::optional<int> small_int(std::string_view text) {
    std::string_view digits = trim(text);
    int value = 0;
    auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (ec != std::errc() || end != digits.data() + digits.size() || value < 0) return std::nullopt;
    return value;
}

std::optional<int> update_period_minutes(std::string_view period, std::string_view frequency) {
    struct Period { std::string_view name; int minutes; };
    static constexpr std::array<Period, 5> k_periods{{
        {"hourly", 60}, {"daily", 1440}, {"weekly", 10080}, {"monthly", 43200}, {"yearly", 525600}}};
    std::string_view p = trim(period);
    if (p.empty() && trim(frequency).empty()) return std::nullopt;
    int minutes = 1440;
    if (!p.empty()) {
        auto it = std::find_if(k_periods.begin(), k_periods.end(),
                               [&](const Period& k) { return equals_ci(k.name, p); });
        if (it == k_periods.end()) return std::nullopt;
        minutes = it->minutes;
    }
    int times = small_int(frequency).value_or(1);
    return times > 0 ? std::max(1, minutes / times) : minutes;
}

void sanitise_strings(ParsedFeed& feed, bool clean_source) {
    sanitise(feed.title);
    if (clean_source) {
        for (FeedItem& item : feed.items) sanitise(item.title);
        return;
    }
    sanitise(feed.link);
    sanitise(feed.language);
    for (FeedItem& item : feed.items) {
        if (item.guid) sanitise(*item.guid);
        for (std::string* s : {&item.url, &item.title, &item.summary, &item.content}) sanitise(*s);
        for (std::string& s : item.authors) sanitise(s);
        for (std::string& s : item.categories) sanitise(s);
        for (Enclosure& e : item.enclosures) {
            sanitise(e.url);
            sanitise(e.type);
        }
    }
}

}  // namespace newswire::feed_detail

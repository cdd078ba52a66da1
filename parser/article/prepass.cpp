#include "parser/article/prepass.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstring>
#include <initializer_list>
#include <optional>

#include "core/text.h"
#include "parser/article/nesting.h"

namespace newswire {
namespace {

bool is_tag_name_end(char c) {
    return c == ' ' || c == '>' || c == '/' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

// Does `html` at `pos` (just after '<') start the tag `name` (lower-case)?
bool starts_tag(std::string_view html, std::size_t pos, std::string_view name) {
    if (pos + name.size() >= html.size()) return false;
    return equals_ci(html.substr(pos, name.size()), name) && is_tag_name_end(html[pos + name.size()]);
}

// The first '>', '"' or '\'' in p[i, n), or n: 16 bytes at a time where SSE2 is there.
std::size_t find_tag_delimiter(const char* p, std::size_t n, std::size_t i) {
#if defined(__SSE2__)
    const __m128i greater = _mm_set1_epi8('>');
    const __m128i double_quote = _mm_set1_epi8('"');
    const __m128i single_quote = _mm_set1_epi8('\'');
    for (; i + 16 <= n; i += 16) {
        __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
        __m128i hits = _mm_or_si128(_mm_cmpeq_epi8(v, greater),
                                    _mm_or_si128(_mm_cmpeq_epi8(v, double_quote), _mm_cmpeq_epi8(v, single_quote)));
        if (int mask = _mm_movemask_epi8(hits)) return i + static_cast<std::size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
    }
#endif
    for (; i < n; ++i) {
        if (p[i] == '>' || p[i] == '"' || p[i] == '\'') return i;
    }
    return n;
}

// Position just past the '>' that closes the tag opened at `pos`, honouring quoted values.
std::size_t tag_end(std::string_view html, std::size_t pos) {
    const char* p = html.data();
    std::size_t n = html.size();
    for (std::size_t i = find_tag_delimiter(p, n, pos); i < n; i = find_tag_delimiter(p, n, i)) {
        if (p[i] == '>') return i + 1;
        const void* close = std::memchr(p + i + 1, p[i], n - i - 1);
        if (!close) return n;
        i = static_cast<std::size_t>(static_cast<const char*>(close) - p) + 1;
    }
    return n;
}

// Position of the "</name" that closes a raw-text element, or npos.
std::size_t find_close(std::string_view html, std::size_t from, std::string_view name) {
    while (true) {
        std::size_t lt = html.find("</", from);
        if (lt == std::string_view::npos) return lt;
        if (starts_tag(html, lt + 2, name)) return lt;
        from = lt + 2;
    }
}

// End of an <svg> element opened at `lt`, counting nested <svg> (svg inside svg is legal).
std::size_t svg_end(std::string_view html, std::size_t lt) {
    int depth = 0;
    std::size_t i = lt;
    while (i < html.size()) {
        std::size_t next = html.find('<', i);
        if (next == std::string_view::npos) return html.size();
        std::size_t end = tag_end(html, next + 1);
        if (starts_tag(html, next + 1, "svg")) {
            if (html[end - 2] != '/') ++depth;
        } else if (next + 1 < html.size() && html[next + 1] == '/' && starts_tag(html, next + 2, "svg")) {
            if (--depth <= 0) return end;
        }
        i = end;
    }
    return html.size();
}

constexpr std::size_t k_long_tag = 64;
constexpr std::size_t k_long_value = 100;

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// Attributes that no reader of the page needs: data-* (tracking, JSON state) other than image
// sources, test ids, captions and credits; event handlers and framework bindings; and any other
// long value except links, names, classes and image sources. `lower` is the lower-case name.
bool is_droppable(std::string_view lower, std::size_t value_size) {
    bool bound = lower.starts_with("data-") || lower.starts_with("on") || lower.starts_with("x-") ||
                 lower.starts_with(":") || lower.starts_with("@") || lower.starts_with("v-");
    bool long_value = value_size >= k_long_value && lower != "style" && lower != "id" && lower != "datetime";
    if (!bound && !long_value) return false;
    for (std::string_view kept : {"src", "img", "image", "original", "caption", "credit", "testid", "href",
                                  "content", "class", "title", "alt", "url"}) {
        if (lower.find(kept) != std::string::npos) return false;
    }
    return true;
}

// Attributes of a <script> that is not JSON-LD which nothing reads: only its type is read.
bool is_unread_script_attribute(std::string_view lower) {
    for (std::string_view unread : {"src", "async", "defer", "crossorigin", "integrity", "nonce", "referrerpolicy",
                                    "nomodule", "charset", "language", "fetchpriority"}) {
        if (lower == unread) return true;
    }
    return false;
}

// How much of a quoted attribute value to keep: all of it (npos), or a prefix that reads the
// same. Only the first candidate of a srcset is read (first_srcset_url), so the value is kept up
// to and with the character after that candidate's URL: the prefix reads as the same URL. A
// value with a character reference or '\r' before that point stays whole, as those decode or
// trim differently. A lazy image source that is a data: URI is skipped by every reader, so
// "data:" alone says as much.
std::size_t kept_value_size(std::string_view lower, std::string_view value) {
    if (lower == "srcset" || lower == "data-srcset") {
        std::string_view url = first_srcset_url(value);
        if (url.empty()) return std::string_view::npos;
        std::size_t end = static_cast<std::size_t>(url.data() - value.data()) + url.size();
        if (end >= value.size()) return std::string_view::npos;
        if (value.substr(0, end + 1).find_first_of("&\r") != std::string_view::npos) return std::string_view::npos;
        return end + 1;
    }
    if ((lower == "data-src" || lower == "data-lazy-src" || lower == "data-original") && value.starts_with("data:")) {
        return 5;
    }
    return std::string_view::npos;
}

// Bytes that end an attribute name: white space, '=', '>' and '/'.
constexpr std::array<bool, 256> k_name_ends = [] {
    std::array<bool, 256> ends{};
    for (unsigned char c : {' ', '\t', '\n', '\r', '\f', '=', '>', '/'}) ends[c] = true;
    return ends;
}();

bool ends_name(char c) { return k_name_ends[static_cast<unsigned char>(c)]; }

// Can the attribute be dropped or cut at all? Most cannot, and need no lower-case copy: none
// of the names that are dropped or cut starts otherwise or is of another length.
bool may_change(std::string_view name, std::size_t value_size, bool script) {
    if (script || value_size >= k_long_value) return true;
    if (name.empty()) return false;  // "<div =x>": a nameless attribute with a short value
    switch (name[0]) {
    case 'd': case 'D': case 'o': case 'O': case 'x': case 'X': case ':': case '@': case 'v': case 'V': return true;
    default: return name.size() == 6;  // srcset
    }
}

// Attributes of a start tag past this many are left out. Gumbo compares each attribute's name
// with every one before it in the tag (a repeated name is dropped), so a tag's attributes cost
// the square of their number: one <p> with 700,000 short attributes (4.8 MB) took longer than
// two minutes. Pages write a few dozen at most.
constexpr std::size_t k_max_attributes = 64;

// Appends the start tag `tag` ("<div ...>") to `out` without its droppable attributes, and
// with srcset and data: URI values cut to what is read. `script`: the start tag of a script
// that is not JSON-LD. Runs of attributes that stay are appended at once.
void append_tag(std::string_view tag, std::string& out, bool script) {
    if (tag.size() < k_long_tag) {
        out.append(tag);
        return;
    }
    std::size_t i = 1;
    while (i < tag.size() && !is_space(tag[i]) && tag[i] != '>' && tag[i] != '/') ++i;
    std::size_t kept_from = 0;  // the start of what stays and is not yet appended
    std::array<char, 48> buffer{};
    std::size_t attributes = 0;
    while (i < tag.size()) {
        std::size_t start = i;
        while (i < tag.size() && is_space(tag[i])) ++i;
        std::size_t name_start = i;
        while (i < tag.size() && !ends_name(tag[i])) ++i;
        std::string_view name = tag.substr(name_start, i - name_start);
        std::size_t value_size = 0;
        std::string_view quoted;  // a value within quotes that close
        if (i < tag.size() && tag[i] == '=') {
            ++i;
            if (i < tag.size() && (tag[i] == '"' || tag[i] == '\'')) {
                std::size_t close = tag.find(tag[i], i + 1);
                if (close == std::string_view::npos) close = tag.size() - 1;
                else quoted = tag.substr(i + 1, close - i - 1);
                value_size = close - i - 1;
                i = close + 1;
            } else {
                std::size_t value_start = i;
                while (i < tag.size() && !is_space(tag[i]) && tag[i] != '>') ++i;
                value_size = i - value_start;
            }
        }
        if (name.empty() && i == name_start) {
            // A '/' within the tag is passed over, as Gumbo passes over it; '>' or "/>" closes it.
            if (i + 1 < tag.size() && tag[i] == '/' && tag[i + 1] != '>') {
                ++i;
                continue;
            }
            break;
        }
        if (++attributes > k_max_attributes) {
            out.append(tag.substr(kept_from, start - kept_from));
            kept_from = tag.ends_with("/>") ? tag.size() - 2 : tag.ends_with('>') ? tag.size() - 1 : tag.size();
            break;
        }
        if (name.size() > buffer.size() || !may_change(name, value_size, script)) continue;
        for (std::size_t k = 0; k < name.size(); ++k) {
            char c = name[k];
            buffer[k] = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
        }
        std::string_view lower(buffer.data(), name.size());
        if (is_droppable(lower, value_size) || (script && is_unread_script_attribute(lower))) {
            out.append(tag.substr(kept_from, start - kept_from));
            kept_from = i;
            continue;
        }
        std::size_t kept = quoted.data() ? kept_value_size(lower, quoted) : std::string_view::npos;
        if (kept != std::string_view::npos) {
            std::size_t value_start = static_cast<std::size_t>(quoted.data() - tag.data());
            out.append(tag.substr(kept_from, value_start + kept - kept_from));
            out.push_back(tag[value_start - 1]);
            kept_from = i;
        }
    }
    out.append(tag.substr(kept_from));
}

// Start tags past this depth are left out; their text stays. Gumbo's tree construction slows
// down with the square of the nesting depth (200,000 nested <div>s take minutes), and the
// extractor's walks that measure each box they pass (a marked lead's length, a class-named
// box's share of the page) cost the depth times the page: 1,990 nested <div class="lead">s
// around 1 MB of paragraphs took 4 s. Blink stops nesting at 512; no page of the corpus nests
// deeper than 26.
constexpr std::size_t k_max_depth = 256;

// The lower-case name of the tag that starts at `lt` ('<'), and whether it is an end tag.
std::string_view tag_name_at(std::string_view html, std::size_t lt, bool& closing, std::array<char, 16>& buffer) {
    std::size_t i = lt + 1;
    closing = i < html.size() && html[i] == '/';
    if (closing) ++i;
    std::size_t length = 0;
    while (i < html.size() && !is_tag_name_end(html[i]) && length < buffer.size()) {
        char c = html[i++];
        buffer[length++] = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    }
    return std::string_view(buffer.data(), length);
}

// The value of attribute `wanted` (lower-case) in the start tag `tag`; nullopt when absent.
std::optional<std::string_view> tag_attribute(std::string_view tag, std::string_view wanted) {
    std::size_t i = 1;
    while (i < tag.size() && !is_space(tag[i]) && tag[i] != '>' && tag[i] != '/') ++i;
    while (i < tag.size()) {
        while (i < tag.size() && (is_space(tag[i]) || tag[i] == '/')) ++i;
        std::size_t name_start = i;
        while (i < tag.size() && !is_space(tag[i]) && tag[i] != '=' && tag[i] != '>' && tag[i] != '/') ++i;
        std::string_view name = tag.substr(name_start, i - name_start);
        if (name.empty()) return std::nullopt;
        std::string_view value;
        if (i < tag.size() && tag[i] == '=') {
            ++i;
            if (i < tag.size() && (tag[i] == '"' || tag[i] == '\'')) {
                std::size_t close = tag.find(tag[i], i + 1);
                if (close == std::string_view::npos) close = tag.size() - 1;
                value = tag.substr(i + 1, close - i - 1);
                i = close + 1;
            } else {
                std::size_t value_start = i;
                while (i < tag.size() && !is_space(tag[i]) && tag[i] != '>') ++i;
                value = tag.substr(value_start, i - value_start);
            }
        }
        if (equals_ci(name, wanted)) return value;
    }
    return std::nullopt;
}

// A <link> that no reader looks at: only rel="canonical" is read, and itemprop links are
// microdata. Style sheets, preloads and icons are a good part of a modern page's head.
bool is_unread_link(std::string_view tag) {
    std::optional<std::string_view> rel = tag_attribute(tag, "rel");
    if (!rel || rel->empty() || contains_ci(*rel, "canonical")) return false;
    return !tag_attribute(tag, "itemprop");
}

// Appends the text between two tags. A run of white space alone (indentation between tags)
// becomes one character: every reader folds white space, and Gumbo need not copy the rest.
void append_text(std::string_view text, std::string& out) {
    if (text.size() < 2 || !is_space(text.front()) || !is_space(text.back()) ||
        !std::all_of(text.begin(), text.end(), is_space)) {
        out.append(text);
        return;
    }
    out.push_back(text.find('\n') == std::string_view::npos ? text.front() : '\n');
}

}  // namespace

std::string_view first_srcset_url(std::string_view srcset) {
    std::size_t start = srcset.find_first_not_of(" \t\r\n\f,");
    if (start == std::string_view::npos) return {};
    std::size_t end = start;
    while (end < srcset.size() && !is_space(srcset[end])) {
        if (srcset[end] == ',' && end + 1 < srcset.size() &&
            (srcset[end + 1] == '/' || equals_ci(srcset.substr(end + 1, 4), "http"))) {
            break;
        }
        ++end;
    }
    while (end > start && srcset[end - 1] == ',') --end;
    return srcset.substr(start, end - start);
}

std::string strip_heavy_content(std::string_view html) {
    std::string out;
    out.reserve(html.size() / 2);
    std::size_t i = 0;
    OpenElements open;
    while (i < html.size()) {
        std::size_t lt = html.find('<', i);
        if (lt == std::string_view::npos) break;
        append_text(html.substr(i, lt - i), out);
        if (html.substr(lt, 4) == "<!--") {
            std::size_t close = html.find("-->", lt + 4);
            i = close == std::string_view::npos ? html.size() : close + 3;
            continue;
        }
        bool closing = false;
        std::array<char, 16> buffer;
        std::string_view name = tag_name_at(html, lt, closing, buffer);
        // As starts_tag: the name is followed by a character that ends it.
        bool whole_start_name = !closing && lt + 1 + name.size() < html.size();
        if (whole_start_name && name == "svg") {
            i = svg_end(html, lt);
            continue;
        }
        std::string_view raw_name;
        if (whole_start_name && (name == "script" || name == "style" || name == "template")) raw_name = name;
        std::size_t open_end = tag_end(html, lt + 1);
        i = open_end;
        if (raw_name.empty()) {
            bool self_closing = open_end >= 2 && html[open_end - 2] == '/';
            if (!closing && name == "link" && is_unread_link(html.substr(lt, open_end - lt))) continue;
            if (counts_for_depth(name) && !self_closing) {
                if (closing) {
                    open.close(name);
                } else if (open.depth() >= k_max_depth) {
                    continue;
                } else {
                    open.open(name);
                }
            }
            append_tag(html.substr(lt, open_end - lt), out, false);
            continue;
        }
        bool json_ld = raw_name == "script" && contains_ci(html.substr(lt, open_end - lt), "ld+json");
        append_tag(html.substr(lt, open_end - lt), out, raw_name == "script" && !json_ld);
        std::size_t close = find_close(html, open_end, raw_name);
        if (close == std::string_view::npos) close = html.size();
        if (json_ld) out.append(html.substr(open_end, close - open_end));
        i = close;
    }
    if (i < html.size()) out.append(html.substr(i));
    return out;
}

}  // namespace newswire

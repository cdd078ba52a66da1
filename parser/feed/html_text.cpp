#include "parser/feed/html_text.h"

#include <algorithm>
#include <array>
#include <cctype>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "core/text.h"
#include "parser/feed/html_entities_table.h"

namespace newswire::feed_detail {

std::optional<char32_t> html_entity(std::string_view name) {
    if (name == "apos") return U'\'';
    auto it = std::lower_bound(k_html_entities.begin(), k_html_entities.end(), name,
                               [](const NamedEntity& e, std::string_view n) { return e.name < n; });
    if (it == k_html_entities.end() || it->name != name) return std::nullopt;
    return it->code_point;
}

void append_utf8(std::string& out, char32_t cp) {
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

namespace {

// "#123" / "#x1f" to a code point; empty when not a numeric reference.
std::optional<char32_t> numeric_reference(std::string_view body) {
    if (body.size() < 2 || body[0] != '#') return std::nullopt;
    bool hex = body[1] == 'x' || body[1] == 'X';
    std::string_view digits = body.substr(hex ? 2 : 1);
    if (digits.empty() || digits.size() > 8) return std::nullopt;
    char32_t value = 0;
    for (char c : digits) {
        int d = -1;
        if (c >= '0' && c <= '9') d = c - '0';
        else if (hex && c >= 'a' && c <= 'f') d = c - 'a' + 10;
        else if (hex && c >= 'A' && c <= 'F') d = c - 'A' + 10;
        if (d < 0) return std::nullopt;
        value = value * (hex ? 16 : 10) + static_cast<char32_t>(d);
    }
    return value;
}

bool is_block_tag(std::string_view tag) {
    static constexpr std::array<std::string_view, 14> k_block{
        "br", "p", "div", "li", "ul", "ol", "tr", "td", "h1", "h2", "h3", "h4", "blockquote", "hr"};
    std::size_t start = (!tag.empty() && tag[0] == '/') ? 1 : 0;
    std::size_t end = start;
    while (end < tag.size() && std::isalnum(static_cast<unsigned char>(tag[end]))) ++end;
    std::string name = to_lower_ascii(tag.substr(start, end - start));
    return std::find(k_block.begin(), k_block.end(), name) != k_block.end();
}

// Elements whose content is not text: "script" or "style", else empty.
std::string_view hidden_element(std::string_view tag) {
    if (starts_with_ci(tag, "script") && (tag.size() == 6 || !std::isalnum(static_cast<unsigned char>(tag[6])))) return "</script";
    if (starts_with_ci(tag, "style") && (tag.size() == 5 || !std::isalnum(static_cast<unsigned char>(tag[5])))) return "</style";
    return {};
}

// Past the closing tag `closer` from `from` (case-insensitive); the end when it is missing.
std::size_t end_of_hidden(std::string_view html, std::size_t from, std::string_view closer) {
    for (std::size_t i = html.find('<', from); i != std::string_view::npos; i = html.find('<', i + 1)) {
        if (starts_with_ci(html.substr(i), closer)) {
            std::size_t gt = html.find('>', i);
            return gt == std::string_view::npos ? html.size() : gt + 1;
        }
    }
    return html.size();
}

}  // namespace

std::string decode_html_entities(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        std::size_t amp = text.find('&', i);
        if (amp == std::string_view::npos) break;
        out.append(text.substr(i, amp - i));
        std::size_t semi = text.substr(0, std::min(text.size(), amp + 34)).find(';', amp + 1);
        std::string_view body = semi == std::string_view::npos
                                    ? std::string_view{}
                                    : text.substr(amp + 1, semi - amp - 1);
        std::optional<char32_t> cp = body.empty() ? std::nullopt
                                     : body[0] == '#' ? numeric_reference(body)
                                                      : html_entity(body);
        if (cp) {
            append_utf8(out, *cp);
            i = semi + 1;
        } else {
            out.push_back('&');
            i = amp + 1;
        }
    }
    out.append(text.substr(std::min(i, text.size())));
    return out;
}

std::string strip_tags(std::string_view html) {
    std::string out;
    out.reserve(html.size());
    std::size_t i = 0;
    std::size_t last_gt = html.rfind('>');  // no tag can close past it: keeps the scan linear
    while (i < html.size()) {
        std::size_t lt = html.find('<', i);
        if (lt == std::string_view::npos) break;
        out.append(html.substr(i, lt - i));
        char next = lt + 1 < html.size() ? html[lt + 1] : '\0';
        bool opens = std::isalpha(static_cast<unsigned char>(next)) || next == '/' || next == '!' || next == '?';
        std::size_t gt = opens && last_gt != std::string_view::npos && last_gt > lt ? html.find('>', lt + 1)
                                                                                    : std::string_view::npos;
        if (gt == std::string_view::npos) {
            out.push_back('<');
            i = lt + 1;
            continue;
        }
        std::string_view tag = html.substr(lt + 1, gt - lt - 1);
        if (is_block_tag(tag)) out.push_back(' ');
        i = gt + 1;
        if (std::string_view skipped = hidden_element(tag); !skipped.empty()) i = end_of_hidden(html, i, skipped);
    }
    out.append(html.substr(std::min(i, html.size())));
    return out;
}

namespace {

// The length of the Unicode white space character at `i` (U+00A0, U+1680, U+2000-U+200A,
// U+2028, U+2029, U+202F, U+205F, U+3000), or 0.
std::size_t unicode_space_at(std::string_view t, std::size_t i) {
    auto at = [&](std::size_t k) { return k < t.size() ? static_cast<unsigned char>(t[k]) : 0U; };
    unsigned c = at(i);
    if (c == 0xC2) return at(i + 1) == 0xA0 ? 2 : 0;
    if (c == 0xE1) return at(i + 1) == 0x9A && at(i + 2) == 0x80 ? 3 : 0;
    if (c == 0xE3) return at(i + 1) == 0x80 && at(i + 2) == 0x80 ? 3 : 0;
    if (c != 0xE2) return 0;
    unsigned b1 = at(i + 1), b2 = at(i + 2);
    if (b1 == 0x80 && (b2 <= 0x8A || b2 == 0xA8 || b2 == 0xA9 || b2 == 0xAF)) return 3;
    if (b1 == 0x81 && b2 == 0x9F) return 3;
    return 0;
}

}  // namespace

namespace {

bool is_plain_byte(unsigned char u) { return u > ' ' && u < 0xC2; }

// Where, from `i` (inside a run: the byte before it is kept), the first byte lies that fold_text
// must look at one by one; up to it the text is plain bytes with single spaces between them, and
// fold_text keeps it as it is. Sixteen bytes at a time; `i + 17 <= text.size()` (the byte after a
// block tells whether a space at its end stays).
std::size_t plain_stretch_end(std::string_view text, std::size_t i) {
#if defined(__SSE2__)
    const __m128i flip = _mm_set1_epi8(static_cast<char>(0x80));      // unsigned order as signed
    const __m128i above_space = _mm_set1_epi8(static_cast<char>(0xA0));  // ' ' ^ 0x80
    const __m128i below_c2 = _mm_set1_epi8(static_cast<char>(0x42));     // 0xC2 ^ 0x80
    const __m128i space = _mm_set1_epi8(' ');
    for (; i + 17 <= text.size(); i += 16) {
        __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + i));
        __m128i flipped = _mm_xor_si128(v, flip);
        auto plain = static_cast<unsigned>(_mm_movemask_epi8(
            _mm_and_si128(_mm_cmpgt_epi8(flipped, above_space), _mm_cmplt_epi8(flipped, below_c2))));
        if (plain == 0xFFFF) continue;
        auto spaces = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, space)));
        unsigned before = (plain << 1) | 1U;
        unsigned after = (plain >> 1) | (is_plain_byte(static_cast<unsigned char>(text[i + 16])) ? 0x8000U : 0U);
        unsigned odd = ~(plain | (spaces & before & after)) & 0xFFFFU;
        if (odd != 0) return i + static_cast<std::size_t>(__builtin_ctz(odd));
    }
#endif
    return i;
}

}  // namespace

std::string fold_text(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    std::size_t run = 0;  // start of the current run of non-space characters
    auto flush = [&](std::size_t end) {
        if (end <= run) return;
        if (!out.empty()) out.push_back(' ');
        out.append(text.substr(run, end - run));
    };
    for (std::size_t i = 0; i < text.size();) {
        char c = text[i];
        if (is_plain_byte(static_cast<unsigned char>(c))) {  // the common case
            ++i;
            if (i + 17 <= text.size()) i = plain_stretch_end(text, i);
            continue;
        }
        if (c == ' ' && i > run && i + 1 < text.size()) {  // one space between words stays in the run
            auto next = static_cast<unsigned char>(text[i + 1]);
            if (next > ' ' && next < 0xC2) {
                i += 2;
                continue;
            }
        }
        std::size_t space = (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') ? 1
                            : static_cast<unsigned char>(c) >= 0xC2 ? unicode_space_at(text, i)
                                                                     : 0;
        if (space == 0) {
            ++i;
            continue;
        }
        flush(i);
        i += space;
        run = i;
    }
    flush(text.size());
    return out;
}

bool decode_html_names_to(std::string_view text, std::string& out) {
    std::string decoded;
    std::size_t copied = 0;
    for (std::size_t amp = text.find('&'); amp != std::string_view::npos; amp = text.find('&', amp + 1)) {
        std::size_t end = amp + 1;
        while (end < text.size() && end - amp < 33 && std::isalnum(static_cast<unsigned char>(text[end]))) ++end;
        if (end >= text.size() || text[end] != ';' || end == amp + 1) continue;
        std::string_view name = text.substr(amp + 1, end - amp - 1);
        if (name == "amp" || name == "lt" || name == "gt" || name == "quot" || name == "apos") continue;
        auto cp = html_entity(name);
        if (!cp) continue;
        decoded.append(text.substr(copied, amp - copied));
        append_utf8(decoded, *cp);
        copied = end + 1;
    }
    if (copied == 0) return false;
    decoded.append(text.substr(copied));
    out = std::move(decoded);
    return true;
}

std::string decode_html_names(std::string_view text) {
    std::string out;
    return decode_html_names_to(text, out) ? out : std::string(text);
}

std::string html_to_text(std::string_view html) {
    std::string stripped;
    std::string_view text = html;
    if (html.find('<') != std::string_view::npos) {  // strip_tags changes nothing without one
        stripped = strip_tags(html);
        text = stripped;
    }
    if (text.find('&') == std::string_view::npos) return fold_text(text);
    return fold_text(decode_html_entities(text));
}

}  // namespace newswire::feed_detail

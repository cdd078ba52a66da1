#include "parser/feed/encoding.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "core/text.h"

namespace newswire::feed_detail {

namespace {

std::string_view trim_quotes_and_space(std::string_view value) {
    while (!value.empty() && (std::isspace(static_cast<unsigned char>(value.front())) ||
                              value.front() == '"' || value.front() == '\'')) {
        value.remove_prefix(1);
    }
    std::size_t end = 0;
    while (end < value.size() && !std::isspace(static_cast<unsigned char>(value[end])) &&
           value[end] != '"' && value[end] != '\'' && value[end] != ';' && value[end] != ',') {
        ++end;
    }
    return value.substr(0, end);
}

// UTF-16/32 without a BOM, recognised by where the NUL bytes of "<?" or "<" fall.
std::string_view wide_pattern(std::string_view b) {
    using namespace std::string_view_literals;
    if (b.starts_with("\x00\x00\x00<"sv)) return "utf-32be";
    if (b.starts_with("<\x00\x00\x00"sv)) return "utf-32le";
    if (b.starts_with("\x00<\x00"sv)) return "utf-16be";
    if (b.starts_with("<\x00"sv) && b.size() > 2 && b[2] != '\0') return "utf-16le";
    return {};
}

bool names_wide_charset(std::string_view name) {
    std::string lower = to_lower_ascii(name);
    return lower.starts_with("utf-16") || lower.starts_with("utf16") || lower.starts_with("utf-32") ||
           lower.starts_with("ucs");
}

struct ByteStats {
    std::size_t high = 0;          // bytes >= 0x80
    std::size_t runs = 0;          // runs of consecutive high bytes
    std::size_t odd_runs = 0;      // of odd length: no double-byte charset writes those
    std::size_t sjis_leads = 0;    // 0x81-0x9F followed by a Shift_JIS trail byte
    std::size_t kana_rows = 0;     // EUC lead bytes 0xA4/0xA5 (hiragana, katakana)
    std::size_t hangul_rows = 0;   // EUC lead bytes 0xB0-0xC8 (Hangul in EUC-KR)
    std::size_t han_rows = 0;      // EUC lead bytes 0xC9-0xF7 (Han in GB2312, Hanja in EUC-KR)
    std::size_t cyrillic_koi_lower = 0;   // 0xC0-0xDF: lower case in KOI8-R
    std::size_t cyrillic_1251_lower = 0;  // 0xE0-0xFF: lower case in windows-1251
};

ByteStats byte_stats(std::string_view bytes) {
    ByteStats stats;
    std::size_t run = 0;
    for (std::size_t i = 0; i <= bytes.size(); ++i) {
        auto b = i < bytes.size() ? static_cast<unsigned char>(bytes[i]) : 0U;
        if (b < 0x80) {
            if (run > 0) {
                ++stats.runs;
                stats.odd_runs += run % 2;
            }
            run = 0;
            continue;
        }
        ++stats.high;
        auto next = i + 1 < bytes.size() ? static_cast<unsigned char>(bytes[i + 1]) : 0U;
        if (b <= 0x9F && b >= 0x81 && next >= 0x40 && next <= 0xFC && next != 0x7F) ++stats.sjis_leads;
        if (run % 2 == 0) {  // the lead byte of an EUC pair
            if (b == 0xA4 || b == 0xA5) ++stats.kana_rows;
            else if (b >= 0xB0 && b <= 0xC8) ++stats.hangul_rows;
            else if (b >= 0xC9 && b <= 0xF7) ++stats.han_rows;
        }
        if (b >= 0xC0 && b <= 0xDF) ++stats.cyrillic_koi_lower;
        if (b >= 0xE0) ++stats.cyrillic_1251_lower;
        ++run;
    }
    return stats;
}

bool is_western_charset(std::string_view charset) {
    for (std::string_view name : {"iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "us-ascii", "ascii",
                                  "windows-1252", "cp1252", "x-cp1252"}) {
        if (equals_ci(charset, name)) return true;
    }
    return false;
}

}  // namespace

std::string guess_charset(std::string_view bytes) {
    ByteStats s = byte_stats(bytes.substr(0, 1 << 16));
    if (s.high == 0 || s.runs == 0) return {};
    if (s.sjis_leads * 10 > s.high) return "shift_jis";
    bool double_byte = s.odd_runs * 10 < s.runs && s.high >= 2 * s.runs;
    if (double_byte) {
        std::size_t pairs = s.high / 2;
        if (s.kana_rows * 10 > pairs) return "euc-jp";
        if (s.hangul_rows * 10 > pairs * 6 && s.han_rows * 20 < pairs) return "euc-kr";
        return "gb18030";
    }
    // Cyrillic text is runs of high bytes (whole words); Western text has one accent a word.
    if (s.high > 2 * s.runs) return s.cyrillic_koi_lower > s.cyrillic_1251_lower ? "koi8-r" : "windows-1251";
    return {};
}

std::string charset_from_content_type(std::string_view content_type) {
    std::string lower = to_lower_ascii(content_type);
    std::size_t at = lower.find("charset");
    if (at == std::string::npos) return {};
    std::size_t eq = lower.find('=', at);
    if (eq == std::string::npos) return {};
    return std::string(trim_quotes_and_space(std::string_view(lower).substr(eq + 1)));
}

std::string charset_from_xml_declaration(std::string_view bytes) {
    std::size_t start = 0;
    if (bytes.starts_with("\xEF\xBB\xBF")) start = 3;
    std::string_view head = bytes.substr(start, 256);
    std::size_t lead = 0;
    while (lead < head.size() && std::isspace(static_cast<unsigned char>(head[lead]))) ++lead;
    if (head.substr(lead, 5) != "<?xml") return {};
    std::size_t end = head.find("?>", lead);
    std::string_view decl = head.substr(lead, end == std::string_view::npos ? head.size() : end);
    std::size_t at = decl.find("encoding");
    if (at == std::string_view::npos) return {};
    std::size_t eq = decl.find('=', at);
    if (eq == std::string_view::npos) return {};
    return to_lower_ascii(trim_quotes_and_space(decl.substr(eq + 1)));
}

std::string declared_charset(std::string_view bytes, std::string_view content_type) {
    if (std::string_view wide = wide_pattern(bytes); !wide.empty()) return std::string(wide);
    std::string charset = charset_from_content_type(content_type);
    if (charset.empty()) charset = charset_from_xml_declaration(bytes);
    // A wide charset declared over bytes without NULs is a lie (the bytes were re-encoded).
    bool has_nul = bytes.substr(0, 64).find('\0') != std::string_view::npos;
    if (names_wide_charset(charset) && !has_nul) return {};
    return charset;
}

std::size_t clean_prefix(std::string_view text) {
    std::size_t i = 0;
#if defined(__SSE2__)
    const __m128i last_control = _mm_set1_epi8(0x1F);
    const __m128i first_suspect = _mm_set1_epi8(static_cast<char>(0xED));
    for (; i + 16 <= text.size(); i += 16) {
        __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + i));
        __m128i control = _mm_cmpeq_epi8(_mm_min_epu8(v, last_control), v);
        __m128i allowed = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\t')),
                                                    _mm_cmpeq_epi8(v, _mm_set1_epi8('\n'))),
                                       _mm_cmpeq_epi8(v, _mm_set1_epi8('\r')));
        __m128i high = _mm_cmpeq_epi8(_mm_max_epu8(v, first_suspect), v);
        if (_mm_movemask_epi8(_mm_or_si128(_mm_andnot_si128(allowed, control), high)) != 0) return i;
    }
#endif
    constexpr std::uint64_t k_ones = 0x0101010101010101ULL;
    constexpr std::uint64_t k_high = 0x8080808080808080ULL;
    auto has_less = [](std::uint64_t x, std::uint64_t n) { return ((x - k_ones * n) & ~x & k_high) != 0; };
    for (; i + 8 <= text.size(); i += 8) {
        std::uint64_t word = 0;
        std::memcpy(&word, text.data() + i, 8);
        if (has_less(word, 0x20) || has_less(~word, 0x13)) return i;  // a byte < 0x20 or >= 0xED
    }
    return i;
}

bool may_be_plain_utf8(std::string_view bytes) {
    using namespace std::string_view_literals;
    bool bom = bytes.starts_with("\xEF\xBB\xBF"sv) || bytes.starts_with("\xFE\xFF"sv) ||
               bytes.starts_with("\xFF\xFE"sv) || bytes.starts_with("\x00\x00\xFE\xFF"sv);
    return !bom && wide_pattern(bytes).empty();
}

bool has_suspect_reference(std::string_view text) {
    // Found by their '#', rarer than '&' in escaped markup ("&lt;p&gt;").
    for (std::size_t hash = text.find('#', 1); hash != std::string_view::npos; hash = text.find('#', hash + 1)) {
        if (text[hash - 1] != '&') continue;
        std::size_t i = hash + 1;
        bool hex = i < text.size() && (text[i] == 'x' || text[i] == 'X');
        i += hex ? 1 : 0;
        std::uint32_t value = 0;
        std::size_t digits = 0;
        for (; i < text.size() && digits < 8; ++i, ++digits) {
            char c = text[i];
            int d = c >= '0' && c <= '9' ? c - '0'
                    : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10
                    : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10
                                                  : -1;
            if (d < 0) break;
            value = value * (hex ? 16 : 10) + static_cast<std::uint32_t>(d);
        }
        if (digits == 0 || i >= text.size() || text[i] != ';') return true;
        bool ordinary = value == '\t' || value == '\n' || value == '\r' || (value >= 0x20 && value != 0x7F &&
                        value < 0xD800) || (value >= 0xE000 && value <= 0x10FFFF);
        if (!ordinary) return true;
    }
    return false;
}

std::string feed_to_utf8(std::string_view bytes, std::string_view content_type, bool* clean, bool plain_unclean) {
    using namespace std::string_view_literals;
    bool bom = bytes.starts_with("\xEF\xBB\xBF"sv) || bytes.starts_with("\xFE\xFF"sv) ||
               bytes.starts_with("\xFF\xFE"sv) || bytes.starts_with("\x00\x00\xFE\xFF"sv);
    if (clean) *clean = false;
    if (!plain_unclean && !bom && wide_pattern(bytes).empty() && is_clean_utf8_text(bytes)) {  // no NUL either
        if (clean) *clean = true;
        return std::string(bytes);
    }
    if (!bom && wide_pattern(bytes).empty() && bytes.find('\0') == std::string_view::npos && is_valid_utf8(bytes)) {
        return std::string(bytes);  // valid UTF-8 wins, with what controls it has
    }
    std::string charset = bom ? std::string() : declared_charset(bytes, content_type);
    if (!bom && charset.empty()) charset = guess_charset(bytes);
    if (!bom && (charset.empty() || is_western_charset(charset)) && !is_valid_utf8(bytes) && !is_mostly_utf8(bytes)) {
        return to_utf8(bytes, "windows-1252");  // WHATWG reads Latin-1 and ASCII labels so too
    }
    std::string text = to_utf8(bytes, charset);
    if (std::string_view(text).starts_with("\xEF\xBB\xBF"sv)) text.erase(0, 3);
    return text;
}

}  // namespace newswire::feed_detail

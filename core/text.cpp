#include "core/text.h"

#include <iconv.h>
#include <utf8proc.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <array>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <algorithm>
#include <memory>
#include <optional>
#include <vector>

#include <utf8proc.h>

namespace newswire {

namespace {

// Decodes one UTF-8 sequence at `i`; returns its length, or 0 when invalid.
std::size_t utf8_sequence_length(std::string_view s, std::size_t i) {
    utf8proc_int32_t codepoint = 0;
    auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                              static_cast<utf8proc_ssize_t>(s.size() - i), &codepoint);
    return n > 0 ? static_cast<std::size_t>(n) : 0;
}

bool is_dropped_control(unsigned char c) {
    return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f;
}

// iconv_open loads conversion modules and costs far more than converting a feed: each thread
// keeps the handles it opened (and the charsets iconv does not know), reset before every use.
class IconvCache {
public:
    IconvCache() = default;
    IconvCache(const IconvCache&) = delete;
    IconvCache& operator=(const IconvCache&) = delete;
    ~IconvCache() {
        for (const Entry& e : m_entries) {
            if (e.cd != k_failed) iconv_close(e.cd);
        }
    }

    // The handle converting `charset` to UTF-8 in its initial state; k_failed when none.
    iconv_t get(const std::string& charset) {
        for (const Entry& e : m_entries) {
            if (e.charset != charset) continue;
            if (e.cd != k_failed) iconv(e.cd, nullptr, nullptr, nullptr, nullptr);
            return e.cd;
        }
        iconv_t cd = iconv_open("UTF-8", charset.c_str());
        if (m_entries.size() >= k_max_entries) {  // hostile feeds name any number of charsets
            if (m_entries.front().cd != k_failed) iconv_close(m_entries.front().cd);
            m_entries.erase(m_entries.begin());
        }
        m_entries.push_back({charset, cd});
        return cd;
    }

    static inline const iconv_t k_failed = reinterpret_cast<iconv_t>(-1);

private:
    static constexpr std::size_t k_max_entries = 16;
    struct Entry {
        std::string charset;
        iconv_t cd;
    };
    std::vector<Entry> m_entries;
};

std::optional<std::string> iconv_to_utf8(std::string_view bytes, const std::string& charset) {
    thread_local IconvCache cache;
    iconv_t cd = cache.get(charset);
    if (cd == IconvCache::k_failed) return std::nullopt;
    std::string out;
    out.reserve(bytes.size() + bytes.size() / 2);
    char* in = const_cast<char*>(bytes.data());
    std::size_t in_left = bytes.size();
    std::array<char, 16384> buffer;  // iconv writes before anything reads
    while (in_left > 0) {
        char* out_ptr = buffer.data();
        std::size_t out_left = buffer.size();
        std::size_t rc = iconv(cd, &in, &in_left, &out_ptr, &out_left);
        out.append(buffer.data(), buffer.size() - out_left);
        if (rc == static_cast<std::size_t>(-1)) {
            if (errno == E2BIG) continue;
            // An invalid or truncated sequence: mark it and go on with the next byte.
            out += "\xEF\xBF\xBD";
            ++in;
            --in_left;
        }
    }
    return out;
}

std::string normalise_charset(std::string_view charset) {
    std::string name = to_lower_ascii(fold_whitespace(charset));
    while (!name.empty() && (name.front() == '"' || name.front() == '\'')) name.erase(0, 1);
    while (!name.empty() && (name.back() == '"' || name.back() == '\'')) name.pop_back();
    // WHATWG: these labels mean windows-1252 in practice.
    if (name == "iso-8859-1" || name == "latin1" || name == "latin-1" || name == "us-ascii" ||
        name == "ascii" || name == "iso8859-1" || name == "l1") {
        return "WINDOWS-1252";
    }
    if (name == "gb2312" || name == "gbk" || name == "x-gbk") return "GB18030";
    if (name == "utf8") return "UTF-8";
    return name;
}

std::string convert_or_repair(std::string_view bytes, const std::string& charset) {
    auto converted = iconv_to_utf8(bytes, charset);
    return repair_utf8(converted ? *converted : bytes);
}

// The length of a prefix of `bytes` (not necessarily the longest) that holds only ASCII
// bytes, checked 16 bytes at a time: most of what newswire reads is ASCII.
std::size_t ascii_prefix(std::string_view bytes) {
    std::size_t i = 0;
#if defined(__SSE2__)
    for (; i + 16 <= bytes.size(); i += 16) {
        __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes.data() + i));
        if (_mm_movemask_epi8(v) != 0) return i;
    }
#endif
    for (; i + 8 <= bytes.size(); i += 8) {
        std::uint64_t word = 0;
        std::memcpy(&word, bytes.data() + i, 8);
        if ((word & 0x8080808080808080ULL) != 0) return i;
    }
    return i;
}

}  // namespace

bool is_valid_utf8(std::string_view bytes) {
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
    std::size_t n = bytes.size();
    std::size_t i = 0;
    while (i < n) {
        i += ascii_prefix(bytes.substr(i));
        for (std::size_t stop = std::min(n, i + 16); i < stop;) {  // byte by byte past the block
            unsigned char c = p[i];
            if (c < 0x80) {
                ++i;
                continue;
            }
            std::size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
            if (len == 0 || c > 0xF4 || i + len > n) return false;
            for (std::size_t k = 1; k < len; ++k) {
                if ((p[i + k] & 0xC0) != 0x80) return false;
            }
            if (c == 0xE0 && p[i + 1] < 0xA0) return false;  // overlong
            if (c == 0xED && p[i + 1] >= 0xA0) return false;  // surrogates
            if (c == 0xF0 && p[i + 1] < 0x90) return false;  // overlong
            if (c == 0xF4 && p[i + 1] >= 0x90) return false;  // beyond U+10FFFF
            i += len;
        }
    }
    return true;
}

namespace {

// The length of the valid UTF-8 sequence of a lead byte >= 0x80 at p[i] (n bytes in all); 0
// when it is invalid.
[[gnu::always_inline]] inline std::size_t multibyte_length(const unsigned char* p, std::size_t n, std::size_t i) {
    unsigned char c = p[i];
    std::size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
    if (len == 0 || c > 0xF4 || i + len > n) return 0;
    for (std::size_t k = 1; k < len; ++k) {
        if ((p[i + k] & 0xC0) != 0x80) return 0;
    }
    if (c == 0xE0 && p[i + 1] < 0xA0) return 0;  // overlong
    if (c == 0xED && p[i + 1] >= 0xA0) return 0;  // surrogates
    if (c == 0xF0 && p[i + 1] < 0x90) return 0;  // overlong
    if (c == 0xF4 && p[i + 1] >= 0x90) return 0;  // beyond U+10FFFF
    return len;
}

// Checks p[i, n) byte by byte; the end of what is clean, or npos when a byte is not.
std::size_t clean_bytes_from(const unsigned char* p, std::size_t n, std::size_t i, std::size_t stop) {
    while (i < stop) {
        if (p[i] < 0x80) {
            if (is_dropped_control(p[i])) return std::string_view::npos;
            ++i;
            continue;
        }
        std::size_t len = multibyte_length(p, n, i);
        if (len == 0) return std::string_view::npos;
        i += len;
    }
    return i;
}

}  // namespace

bool is_clean_utf8_text(std::string_view bytes) {
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
    std::size_t n = bytes.size();
    std::size_t i = 0;
#if defined(__SSE2__)
    const __m128i space = _mm_set1_epi8(0x20);
    const __m128i del = _mm_set1_epi8(0x7f);
    while (i + 16 <= n) {
        __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
        // Signed: bytes >= 0x80 are below 0x20 too; tab and line breaks are sorted out below.
        auto mask = static_cast<unsigned>(
            _mm_movemask_epi8(_mm_or_si128(_mm_cmplt_epi8(v, space), _mm_cmpeq_epi8(v, del))));
        std::size_t next = i + 16;
        while (mask != 0) {
            std::size_t at = i + static_cast<std::size_t>(__builtin_ctz(mask));
            if (p[at] < 0x80) {
                if (is_dropped_control(p[at])) return false;
                mask &= mask - 1;
                continue;
            }
            std::size_t len = multibyte_length(p, n, at);
            if (len == 0) return false;
            if (at + len >= i + 16) {
                next = at + len;
                break;
            }
            mask &= ~((1U << (at + len - i)) - 1U);
        }
        i = next;
    }
#endif
    return clean_bytes_from(p, n, i, n) != std::string_view::npos;
}

bool is_mostly_utf8(std::string_view bytes) {
    std::size_t valid_multibyte = 0, invalid = 0;
    for (std::size_t i = 0; i < bytes.size();) {
        if (static_cast<unsigned char>(bytes[i]) < 0x80) {
            ++i;
            continue;
        }
        std::size_t n = utf8_sequence_length(bytes, i);
        if (n == 0) {
            ++invalid;
            ++i;
        } else {
            ++valid_multibyte;
            i += n;
        }
    }
    return valid_multibyte > 0 && valid_multibyte * 4 >= invalid;
}

namespace {

// Marks the bytes of a 16-byte block that repair_utf8 must look at one by one: controls other
// than tab, line feed and carriage return, DEL, and every byte of a multi-byte sequence.
#if defined(__SSE2__)
unsigned odd_bytes(const unsigned char* block) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(block));
    // Signed: bytes >= 0x80 are below 0x20 too.
    __m128i odd = _mm_or_si128(_mm_cmplt_epi8(v, _mm_set1_epi8(0x20)), _mm_cmpeq_epi8(v, _mm_set1_epi8(0x7f)));
    __m128i allowed = _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\t')),
                                   _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\n')), _mm_cmpeq_epi8(v, _mm_set1_epi8('\r'))));
    return static_cast<unsigned>(_mm_movemask_epi8(_mm_andnot_si128(allowed, odd)));
}
#endif

}  // namespace

// Bytes that need no change are copied a run at a time; only a dropped control character or a
// broken sequence ends a run. Blocks of 16 plain bytes are passed over at once.
std::string repair_utf8(std::string_view bytes) {
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
    const std::size_t n = bytes.size();
    std::string out;
    out.reserve(n);
    std::size_t run = 0;
    std::size_t i = 0;
    while (i < n) {
#if defined(__SSE2__)
        if (i + 16 <= n) {
            unsigned mask = odd_bytes(p + i);
            if (mask == 0) {
                i += 16;
                continue;
            }
            i += static_cast<std::size_t>(__builtin_ctz(mask));
        }
#endif
        unsigned char c = p[i];
        std::size_t length = c < 0x80 ? (is_dropped_control(c) ? 0 : 1) : multibyte_length(p, n, i);
        if (length > 0) {
            i += length;
            continue;
        }
        out.append(bytes.substr(run, i - run));
        if (c >= 0x80) out += "\xEF\xBF\xBD";
        run = ++i;
    }
    out.append(bytes.substr(run));
    return out;
}

namespace {

char lower_ascii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// Does `tail` (the rest of the needle) match h[0, tail.size()) ignoring ASCII case?
bool tail_equals_ci(const char* h, std::string_view tail) {
    for (std::size_t k = 0; k < tail.size(); ++k) {
        if (h[k] != tail[k] && lower_ascii(h[k]) != lower_ascii(tail[k])) return false;
    }
    return true;
}

}  // namespace

// Candidates for the needle's first character are found 16 at a time where SSE2 is there: a
// letter matches both cases at once through its 0x20 bit.
std::size_t find_ci(std::string_view haystack, std::string_view needle, std::size_t from) {
    if (from > haystack.size()) return std::string_view::npos;
    if (needle.empty()) return from;
    if (needle.size() > haystack.size() - from) return std::string_view::npos;
    const char first = lower_ascii(needle[0]);
    const bool letter = first >= 'a' && first <= 'z';
    const char fold = letter ? 0x20 : 0;
    const std::string_view tail = needle.substr(1);
    const char* h = haystack.data() + from;
    const std::size_t starts = haystack.size() - from - needle.size() + 1;
    std::size_t i = 0;
#if defined(__SSE2__)
    const __m128i wanted = _mm_set1_epi8(first);
    const __m128i folded = _mm_set1_epi8(fold);
    for (; i + 16 <= starts; i += 16) {
        __m128i v = _mm_or_si128(_mm_loadu_si128(reinterpret_cast<const __m128i*>(h + i)), folded);
        auto mask = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, wanted)));
        while (mask != 0) {
            std::size_t at = i + static_cast<std::size_t>(__builtin_ctz(mask));
            if (tail_equals_ci(h + at + 1, tail)) return from + at;
            mask &= mask - 1;
        }
    }
#endif
    for (; i < starts; ++i) {
        if (static_cast<char>(h[i] | fold) == first && tail_equals_ci(h + i + 1, tail)) return from + i;
    }
    return std::string_view::npos;
}

bool contains_ci(std::string_view haystack, std::string_view needle) {
    return find_ci(haystack, needle) != std::string_view::npos;
}

std::string to_utf8(std::string_view bytes, std::string_view charset) {
    using namespace std::string_view_literals;  // the marks hold NUL bytes
    if (bytes.starts_with("\xEF\xBB\xBF"sv)) return repair_utf8(bytes.substr(3));
    if (bytes.starts_with("\x00\x00\xFE\xFF"sv)) return convert_or_repair(bytes.substr(4), "UTF-32BE");
    if (bytes.starts_with("\xFF\xFE\x00\x00"sv)) return convert_or_repair(bytes.substr(4), "UTF-32LE");
    if (bytes.starts_with("\xFE\xFF"sv)) return convert_or_repair(bytes.substr(2), "UTF-16BE");
    if (bytes.starts_with("\xFF\xFE"sv)) return convert_or_repair(bytes.substr(2), "UTF-16LE");

    std::string name = normalise_charset(charset);
    bool wide = name.starts_with("utf-16") || name.starts_with("utf-32") || name.starts_with("ucs");
    if (!wide && is_valid_utf8(bytes)) return repair_utf8(bytes);
    if ((name.empty() || name == "utf-8") && is_mostly_utf8(bytes)) return repair_utf8(bytes);
    if (!name.empty() && name != "utf-8") {
        if (auto converted = iconv_to_utf8(bytes, name)) return repair_utf8(*converted);
    }
    if (auto converted = iconv_to_utf8(bytes, "WINDOWS-1252")) return repair_utf8(*converted);
    return repair_utf8(bytes);
}

// Writes into a buffer of the input's size (a run of white space never becomes longer) and
// cuts it to what was written.
std::string fold_whitespace(std::string_view text) {
    std::string out(text.size(), '\0');
    char* const begin = out.data();
    char* w = begin;
    bool pending_space = false;
    const auto* p = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t n = text.size();
    std::size_t i = 0;
    while (i < n) {
        unsigned char c = p[i];
        if (c < 0x80) {
            if (c == ' ' || (c >= '\t' && c <= '\r')) {
                pending_space = w != begin;
                ++i;
                continue;
            }
            if (pending_space) *w++ = ' ';
            pending_space = false;
#if defined(__SSE2__)
            // 16 bytes at a time up to the next byte <= 0x20 or >= 0x80 (signed, both are below
            // 0x21). The store stays inside `out`: nothing is written ahead of what is read.
            std::size_t run_start = i;
            while (i + 16 <= n) {
                __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
                _mm_storeu_si128(reinterpret_cast<__m128i*>(w), v);
                auto mask = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmplt_epi8(v, _mm_set1_epi8(0x21))));
                std::size_t plain = mask == 0 ? 16 : static_cast<std::size_t>(__builtin_ctz(mask));
                w += plain;
                i += plain;
                if (plain < 16) break;
            }
            if (i != run_start) continue;  // the byte it stopped at is read afresh
#endif
            do {  // a run of ASCII characters that are not white space
                *w++ = static_cast<char>(c);
                if (++i == n) break;
                c = p[i];
            } while (c < 0x80 && c != ' ' && (c < '\t' || c > '\r'));
            continue;
        }
        std::size_t length = 1;
        bool space = false;
        utf8proc_int32_t codepoint = 0;
        auto read = utf8proc_iterate(p + i, static_cast<utf8proc_ssize_t>(n - i), &codepoint);
        if (read > 0) {
            length = static_cast<std::size_t>(read);
            space = utf8proc_category(codepoint) == UTF8PROC_CATEGORY_ZS || codepoint == 0x2028 ||
                    codepoint == 0x2029 || codepoint == 0x85;
        }
        if (space) {
            pending_space = w != begin;
        } else {
            if (pending_space) *w++ = ' ';
            pending_space = false;
            std::memcpy(w, p + i, length);
            w += length;
        }
        i += length;
    }
    out.resize(static_cast<std::size_t>(w - begin));
    return out;
}

std::string to_lower_ascii(std::string_view text) {
    std::string out(text);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

bool equals_ci(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (a[i] != b[i] && lower_ascii(a[i]) != lower_ascii(b[i])) return false;
    }
    return true;
}

bool starts_with_ci(std::string_view text, std::string_view prefix) {
    return text.size() >= prefix.size() && equals_ci(text.substr(0, prefix.size()), prefix);
}

std::size_t folded_prefix_length(std::string_view text, std::string_view lower_prefix) {
    auto next = [](std::string_view from, std::size_t at, utf8proc_int32_t& codepoint) {
        return utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(from.data() + at),
                                static_cast<utf8proc_ssize_t>(from.size() - at), &codepoint);
    };
    std::size_t in_text = 0, in_prefix = 0;
    while (in_prefix < lower_prefix.size()) {
        if (in_text >= text.size()) return 0;
        utf8proc_int32_t wanted = 0, found = 0;
        auto wanted_length = next(lower_prefix, in_prefix, wanted);
        auto found_length = next(text, in_text, found);
        if (wanted_length <= 0 || found_length <= 0 || utf8proc_tolower(found) != wanted) return 0;
        in_prefix += static_cast<std::size_t>(wanted_length);
        in_text += static_cast<std::size_t>(found_length);
    }
    return in_text;
}

std::string letters_and_digits_key(std::string_view text) {
    std::string key;
    key.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        utf8proc_int32_t codepoint = 0;
        auto length = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + i),
                                       static_cast<utf8proc_ssize_t>(text.size() - i), &codepoint);
        if (length <= 0) {
            ++i;
            continue;
        }
        i += static_cast<std::size_t>(length);
        if (utf8proc_category(codepoint) > UTF8PROC_CATEGORY_NO) continue;  // punctuation, symbols, spaces
        utf8proc_uint8_t buffer[4];
        auto written = utf8proc_encode_char(utf8proc_tolower(codepoint), buffer);
        key.append(reinterpret_cast<const char*>(buffer), static_cast<std::size_t>(written));
    }
    return key;
}

}  // namespace newswire

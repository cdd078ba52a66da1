// copy_if_clean_utf8 (parser/feed/encoding.h): the feed's bytes copied for pugixml while they are
// checked as core's is_clean_utf8_text checks them.
#include <cstring>

#if defined(__SSE2__)
#include <immintrin.h>
#endif

#include "core/text.h"
#include "parser/feed/encoding.h"

namespace newswire::feed_detail {

#if defined(__SSE2__)
namespace {

constexpr unsigned k_broken = ~0U;

// UTF-8 in a block with bytes >= 0x80 (`high`) or owed continuation bytes, by masks (bit k: byte
// k): every lead byte wants 1-3 continuation bytes right after it and nothing else is one.
// `carry`: what earlier blocks want of this one; only bits from `first` on are this block's
// (the last block overlaps the one before). Returns what this block wants of the next, or
// k_broken. `block` may be read up to `end` (for the byte after a lead at its last place).
[[gnu::always_inline]] inline unsigned utf8_block(__m128i v, unsigned high, const unsigned char* block,
                                                  const unsigned char* end, unsigned carry, unsigned first = 0) {
    auto mask_of = [](__m128i m) { return static_cast<unsigned>(_mm_movemask_epi8(m)); };
    auto bytes = [](int b) { return _mm_set1_epi8(static_cast<char>(b)); };
    unsigned own = 0xFFFFU << first & 0xFFFFU;
    unsigned continuation = mask_of(_mm_cmplt_epi8(v, bytes(0xC0))) & own;  // 0x80-0xBF, signed
    unsigned lead = high & ~continuation & own;
    unsigned from_c2 = mask_of(_mm_cmpgt_epi8(v, bytes(0xC1))) & lead;
    unsigned from_e0 = mask_of(_mm_cmpgt_epi8(v, bytes(0xDF))) & lead;
    unsigned from_f0 = mask_of(_mm_cmpgt_epi8(v, bytes(0xEF))) & lead;
    unsigned from_f5 = mask_of(_mm_cmpgt_epi8(v, bytes(0xF4))) & lead;
    unsigned wanted = carry << first | lead << 1 | from_e0 << 2 | from_f0 << 3;
    if ((wanted & own) != continuation || lead != from_c2 || from_f5 != 0) return k_broken;
    // E0 and F0 would be overlong, ED a surrogate and F4 past U+10FFFF with some second bytes.
    for (unsigned leads = from_e0; leads != 0; leads &= leads - 1) {
        auto at = static_cast<std::size_t>(__builtin_ctz(leads));
        unsigned char c = block[at];
        if (c != 0xE0 && c != 0xED && c != 0xF0 && c != 0xF4) continue;
        if (block + at + 1 >= end) return k_broken;
        unsigned char next = block[at + 1];
        bool bad = c == 0xE0 ? next < 0xA0 : c == 0xED ? next >= 0xA0 : c == 0xF0 ? next < 0x90 : next >= 0x90;
        if (bad) return k_broken;
    }
    return wanted >> 16;
}

// Marks the bytes of a block that may be no plain text: below 0x21 after adding one (signed:
// controls, space excluded, DEL and every byte >= 0x80, as 0x7F and 0xFF wrap).
[[gnu::always_inline]] inline unsigned plain_bytes(__m128i v) {
    __m128i w = _mm_add_epi8(v, _mm_set1_epi8(1));
    return static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpgt_epi8(w, _mm_set1_epi8(0x20))));
}

// A block whose bytes outside `plain` are tab, line breaks or valid UTF-8, given what the
// blocks before want of it (`carry`, see utf8_block): what it wants of the next, or k_broken.
[[gnu::always_inline]] inline unsigned odd_block(__m128i v, unsigned plain, const unsigned char* block,
                                                 const unsigned char* end, unsigned carry, unsigned first = 0) {
    auto high = static_cast<unsigned>(_mm_movemask_epi8(v));
    if (unsigned controls = ~plain & ~high & (0xFFFFU << first & 0xFFFFU); controls != 0) {
        // Tab, line feed and carriage return plus one are 10, 11 and 14; 10 and 14 with bit 2 set are 14.
        __m128i w = _mm_add_epi8(v, _mm_set1_epi8(1));
        __m128i allowed = _mm_or_si128(_mm_cmpeq_epi8(_mm_or_si128(w, _mm_set1_epi8(4)), _mm_set1_epi8(14)),
                                       _mm_cmpeq_epi8(w, _mm_set1_epi8(11)));
        if ((controls & ~static_cast<unsigned>(_mm_movemask_epi8(allowed))) != 0) return k_broken;
    }
    return (high | carry) == 0 ? 0 : utf8_block(v, high, block, end, carry, first);
}

// The blocks from `i` on, fewer than 32 bytes, the last of them overlapping checked ones.
bool finish_clean_copy(const unsigned char* p, std::size_t n, char* out, std::size_t i, unsigned carry) {
    if (i + 16 <= n) {
        __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
        _mm_storeu_si128(reinterpret_cast<__m128i*>(out + i), v);
        unsigned plain = plain_bytes(v);
        if (plain != 0xFFFF || carry != 0) carry = odd_block(v, plain, p + i, p + n, carry);
        if (carry == k_broken) return false;
        i += 16;
    }
    if (i < n) {
        auto first = static_cast<unsigned>(16 - (n - i));
        __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + n - 16));
        _mm_storeu_si128(reinterpret_cast<__m128i*>(out + n - 16), v);
        unsigned plain = plain_bytes(v) | ((1U << first) - 1);
        if (plain != 0xFFFF || carry != 0) carry = odd_block(v, plain, p + n - 16, p + n, carry, first);
    }
    return carry == 0;
}

// Fewer than 16 bytes, padded with spaces to a block.
bool copy_short_if_clean(const unsigned char* p, std::size_t n, char* out) {
    unsigned char block[16];
    std::memset(block, ' ', sizeof block);
    std::memcpy(block, p, n);
    std::memcpy(out, p, n);
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(block));
    unsigned plain = plain_bytes(v);
    return plain == 0xFFFF || odd_block(v, plain, block, block + 16, 0) == 0;
}

// Two blocks a step: the usual step finds only plain bytes and goes on.
bool copy_with_sse2(const unsigned char* p, std::size_t n, char* out) {
    unsigned carry = 0;
    std::size_t i = 0;
    for (; i + 32 <= n; i += 32) {
        __m128i first = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
        __m128i second = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i + 16));
        _mm_storeu_si128(reinterpret_cast<__m128i*>(out + i), first);
        _mm_storeu_si128(reinterpret_cast<__m128i*>(out + i + 16), second);
        unsigned plain_first = plain_bytes(first);
        unsigned plain_second = plain_bytes(second);
        if ((plain_first & plain_second) == 0xFFFF && carry == 0) continue;
        carry = odd_block(first, plain_first, p + i, p + n, carry);
        if (carry == k_broken) return false;
        carry = odd_block(second, plain_second, p + i + 16, p + n, carry);
        if (carry == k_broken) return false;
    }
    return finish_clean_copy(p, n, out, i, carry);
}

#if defined(__x86_64__)
// As copy_with_sse2, 32 bytes a step in one AVX2 register. Nothing here calls SSE code while
// the upper halves of the AVX registers are in use (each SSE instruction would wait on them):
// the block checks are inlined, and the steps end in a return, where the compiler clears them.
[[gnu::target("avx2")]] bool copy_with_avx2(const unsigned char* p, std::size_t n, char* out, std::size_t& i,
                                            unsigned& carry) {
    for (; i + 32 <= n; i += 32) {
        __m256i v = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + i));
        _mm256_storeu_si256(reinterpret_cast<__m256i*>(out + i), v);
        // As plain_bytes, with tab and line breaks taken as plain (see odd_block).
        __m256i w = _mm256_add_epi8(v, _mm256_set1_epi8(1));
        __m256i allowed = _mm256_or_si256(
            _mm256_cmpeq_epi8(_mm256_or_si256(w, _mm256_set1_epi8(4)), _mm256_set1_epi8(14)),
            _mm256_cmpeq_epi8(w, _mm256_set1_epi8(11)));
        auto plain = static_cast<unsigned>(
            _mm256_movemask_epi8(_mm256_or_si256(_mm256_cmpgt_epi8(w, _mm256_set1_epi8(0x20)), allowed)));
        if (plain == 0xFFFFFFFFU && carry == 0) continue;
        carry = odd_block(_mm256_castsi256_si128(v), plain & 0xFFFF, p + i, p + n, carry);
        if (carry == k_broken) return false;
        carry = odd_block(_mm256_extracti128_si256(v, 1), plain >> 16, p + i + 16, p + n, carry);
        if (carry == k_broken) return false;
    }
    return true;
}
#endif

}  // namespace
#endif

bool copy_if_clean_utf8(std::string_view bytes, char* out, CleanCopyPath path) {
#if defined(__SSE2__)
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
    const std::size_t n = bytes.size();
    if (n == 0) return true;
    if (n < 16) return copy_short_if_clean(p, n, out);
#if defined(__x86_64__)
    static const bool avx2 = __builtin_cpu_supports("avx2");
    if (avx2 && path == CleanCopyPath::fastest) {
        std::size_t i = 0;
        unsigned carry = 0;
        return copy_with_avx2(p, n, out, i, carry) && finish_clean_copy(p, n, out, i, carry);
    }
#endif
    return copy_with_sse2(p, n, out);
#else
    (void)path;
    std::memcpy(out, bytes.data(), bytes.size());
    return is_clean_utf8_text(bytes);
#endif
}

}  // namespace newswire::feed_detail

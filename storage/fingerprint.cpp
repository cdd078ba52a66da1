#include "storage/fingerprint.h"

#include <utf8proc.h>

#include <array>
#include <bit>
#include <cstdlib>
#include <memory>
#include <vector>

#include "core/text.h"

namespace newswire {
namespace {

constexpr std::uint64_t k_fnv_offset = 14695981039346656037ULL;
constexpr std::uint64_t k_fnv_prime = 1099511628211ULL;
constexpr std::size_t k_shingle_words = 4;

std::uint64_t fnv1a(std::string_view bytes, std::uint64_t hash = k_fnv_offset) {
    for (unsigned char byte : bytes) {
        hash ^= byte;
        hash *= k_fnv_prime;
    }
    return hash;
}

// FNV-1a's high bits mix poorly; SimHash needs every bit to be a fair coin (splitmix64's
// finaliser).
std::uint64_t mix(std::uint64_t x) {
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    x ^= x >> 31;
    return x;
}

struct FreeDeleter {
    void operator()(void* pointer) const noexcept { std::free(pointer); }
};

bool is_word_byte(unsigned char byte) {
    return byte >= 0x80 || (byte >= '0' && byte <= '9') || (byte >= 'a' && byte <= 'z') ||
           (byte >= 'A' && byte <= 'Z');
}

std::vector<std::string_view> words_of(std::string_view text) {
    std::vector<std::string_view> words;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= text.size(); ++i) {
        if (i == text.size() || !is_word_byte(static_cast<unsigned char>(text[i]))) {
            if (i > start) {
                words.push_back(text.substr(start, i - start));
            }
            start = i + 1;
        }
    }
    return words;
}

std::uint64_t shingle_hash(const std::vector<std::string_view>& words, std::size_t first,
                           std::size_t count) {
    std::uint64_t hash = k_fnv_offset;
    for (std::size_t i = first; i < first + count; ++i) {
        hash = fnv1a(words[i], hash);
        hash = fnv1a(" ", hash);
    }
    return mix(hash);
}

}  // namespace

std::string normalise_text(std::string_view text) {
    const std::string folded = fold_whitespace(text);
    utf8proc_uint8_t* mapped = nullptr;
    const auto length = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(folded.data()),
                                     static_cast<utf8proc_ssize_t>(folded.size()), &mapped,
                                     static_cast<utf8proc_option_t>(
                                         UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD));
    std::unique_ptr<utf8proc_uint8_t, FreeDeleter> owner(mapped);
    if (length < 0) {
        return to_lower_ascii(folded);  // not UTF-8: the stored text was repaired upstream
    }
    return std::string(reinterpret_cast<const char*>(mapped), static_cast<std::size_t>(length));
}

std::string normalised_text(const Article& article) {
    return normalise_text(article_text(article));
}

std::string text_hash(std::string_view normalised) {
    static constexpr char k_digits[] = "0123456789abcdef";
    std::uint64_t hash = fnv1a(normalised);
    std::string hex(16, '0');
    for (int i = 15; i >= 0; --i) {
        hex[static_cast<std::size_t>(i)] = k_digits[hash & 0xf];
        hash >>= 4;
    }
    return hex;
}

std::optional<std::uint64_t> simhash(std::string_view normalised) {
    const auto words = words_of(normalised);
    if (words.empty()) {
        return std::nullopt;
    }
    std::array<std::int64_t, 64> votes{};
    auto vote = [&votes](std::uint64_t hash) {
        for (std::size_t bit = 0; bit < 64; ++bit) {
            votes[bit] += ((hash >> bit) & 1U) != 0 ? 1 : -1;
        }
    };
    if (words.size() < k_shingle_words) {
        vote(shingle_hash(words, 0, words.size()));
    } else {
        for (std::size_t first = 0; first + k_shingle_words <= words.size(); ++first) {
            vote(shingle_hash(words, first, k_shingle_words));
        }
    }
    std::uint64_t result = 0;
    for (std::size_t bit = 0; bit < 64; ++bit) {
        if (votes[bit] > 0) {
            result |= std::uint64_t{1} << bit;
        }
    }
    return result;
}

int hamming_distance(std::uint64_t a, std::uint64_t b) {
    return std::popcount(a ^ b);
}

}  // namespace newswire

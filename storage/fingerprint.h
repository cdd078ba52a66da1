#pragma once
// What article dedup compares: the normalised text, its exact hash, and a SimHash for
// near-duplicates. Pure functions of the text, no database.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/article.h"

namespace newswire {

// article_text() with white space folded and Unicode case folded (NFC), so that a page that
// only changed its spacing or capitalisation keeps its text.
std::string normalised_text(const Article& article);
std::string normalise_text(std::string_view text);

// 16 lower-case hex digits (64-bit FNV-1a). A match is a candidate, not a proof: callers
// compare the texts before treating two articles as the same.
std::string text_hash(std::string_view normalised);

// 64-bit SimHash over word 4-shingles (a text of fewer words is one shingle). Words are runs of
// ASCII letters and digits and any non-ASCII bytes. Empty for a text without words.
std::optional<std::uint64_t> simhash(std::string_view normalised);

int hamming_distance(std::uint64_t a, std::uint64_t b);

// Two texts are near-duplicates at this distance or closer.
inline constexpr int k_near_duplicate_distance = 3;

}  // namespace newswire

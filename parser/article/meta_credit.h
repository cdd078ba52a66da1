#pragma once
// Photo credits inside caption text: markers ("Foto:", "Bild:", "Quelle:", "©", "Photo by"),
// "Caption / Credit" tails and the cleanup of one credit. Private to parser/article; the
// public face is split_caption_credit() in images.h.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace newswire {

// Position of the first credit marker followed by ':' (or of "©", or of "Photo by " where a
// text, a parenthesis or a sentence opens) and, in `length`, how long the marker is including
// the colon; npos when the text has none.
std::size_t find_marker(std::string_view text, std::size_t& length);

// A credit text as a list: split at ';', '|', ', ' and ' & ', introducing words ("Foto:",
// "Photo by", "Copyright") and copyright tails removed, duplicates dropped.
std::vector<std::string> split_credit(std::string_view text);

// Separators trimmed from both ends, an unbalanced parenthesis too; empty for text longer than
// a credit can be.
std::string trim_credit(std::string_view text);

}  // namespace newswire

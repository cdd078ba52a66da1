#pragma once
// Photo credits inside caption text: markers ("Foto:", "Bild:", "Quelle:", "©", "Photo by"),
// "Caption / Credit" tails and the cleanup of one credit. Private to parser/article; the
// public face is split_caption_credit() in images.h.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "parser/article/images.h"

namespace newswire {

// Position of the first credit marker followed by ':' (or of "©", or of "Photo by " where a
// text, a parenthesis or a sentence opens) and, in `length`, how long the marker is including
// the colon; npos when the text has none.
std::size_t find_marker(std::string_view text, std::size_t& length);

// "Caption. (Helen Richardson, The Denver Post)", "Caption. (AP Photo/Evan Vucci)": names in
// parentheses that close a caption after its last sentence, for a caption that names no credit
// otherwise. The caption and the names as split_credit reads them; no credit when the
// parentheses hold a sentence or anything but names.
CaptionParts split_closing_names(std::string_view caption);

// A credit text as a list: split at ';', '|', ', ' and ' & ', introducing words ("Foto:",
// "Photo by", "Copyright") and copyright tails removed, duplicates dropped.
std::vector<std::string> split_credit(std::string_view text);

// Separators trimmed from both ends, an unbalanced parenthesis too; empty for text longer than
// a credit can be.
std::string trim_credit(std::string_view text);

}  // namespace newswire

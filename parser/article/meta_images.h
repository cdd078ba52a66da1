#pragma once
// One <figure> to an Image: its picture's URL, its caption and its photo credits. Private to
// parser/article.

#include <string_view>

#include <gumbo.h>

#include "core/article.h"

namespace newswire {

// `figure` is any element holding an image and its caption; `url` is the page's, for
// relative sources. Credit elements (class "credit", "copyright", "source", ...) and credit
// phrases in the caption ("Foto: ...", "(© ...)") go to `credit`.
Image read_figure(const GumboNode* figure, std::string_view url);

}  // namespace newswire

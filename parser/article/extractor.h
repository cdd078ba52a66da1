#pragma once
// HTML page bytes to an Article.

#include <string_view>

#include "core/article.h"
#include "core/error.h"

namespace newswire {

// Bumped whenever a change to extraction should make `newswire parse` redo stored pages.
inline constexpr int k_extractor_version = 1;

// `html` is the page as received (any charset); `url` where it came from (may be empty);
// `content_type` the HTTP header when known (its charset is trusted first).
// An error only when the bytes cannot be read as a page at all.
Result<Article> extract_article(std::string_view html, std::string_view url = {},
                                std::string_view content_type = {});

}  // namespace newswire

#pragma once
// HTML page bytes to an Article.

#include <string_view>

#include "core/article.h"
#include "core/error.h"

namespace newswire {

class SiteRules;

// Bumped whenever a change to extraction should make `newswire parse` redo stored pages.
inline constexpr int k_extractor_version = 5;

// `html` is the page as received (any charset); `url` where it came from (may be empty);
// `content_type` the HTTP header when known (its charset is trusted first); `site_rules` the
// user's rules (parser/article/site_rules.h), consulted before the built-in ones; may be null.
// An error only when the bytes cannot be read as a page at all.
Result<Article> extract_article(std::string_view html, std::string_view url = {},
                                std::string_view content_type = {}, const SiteRules* site_rules = nullptr);

}  // namespace newswire

#pragma once
// What a page says about itself: JSON-LD (NewsArticle, @graph, arrays), OpenGraph, article:*
// and other <meta>, <link rel=canonical>, <time datetime>, itemprop, <html lang>, bylines.
// Private to parser/article.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <gumbo.h>

#include "core/article.h"
#include "core/time.h"

namespace newswire {

struct PageMetadata {
    std::string headline;                 // the article's headline alone: no kicker, no site name
    std::string description;              // JSON-LD description / og:description / meta description
    std::string section;                  // JSON-LD articleSection / article:section, when given
    std::string language;                 // BCP 47
    std::string canonical_url;            // as the page states it (absolute), not yet canonicalised
    std::string site_name;
    std::vector<std::string> authors;     // the people who signed; else the organisations credited
    std::optional<Timestamp> published;
    std::optional<Timestamp> modified;
    std::vector<std::string> topics;
    std::vector<Image> images;            // declared images (JSON-LD image, og:image), lead first
    std::string declared_body;            // JSON-LD articleBody as written (plain text or HTML)
};

class SiteRules;

// Reads the metadata of the document rooted at `root`; `url` is where the page came from (for
// resolving relative URLs); `site_rules` the user's rules besides the built-in ones (may be null).
PageMetadata read_metadata(const GumboNode* root, std::string_view url, const SiteRules* site_rules = nullptr);

}  // namespace newswire

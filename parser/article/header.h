#pragma once
// What the page's header markup says above the article text: the headline element, the kicker
// (Dachzeile) and the section (breadcrumb or section label). Private to parser/article.

#include <string>
#include <string_view>

#include <gumbo.h>

namespace newswire {

// The element that shows the headline: the first <h1> (or <h2>) whose text contains
// `headline` (when given), else the first <h1>. nullptr when none.
const GumboNode* find_headline_element(const GumboNode* root, std::string_view headline);

// The kicker: text inside the headline element that stands before the headline itself, or an
// element marked as kicker right above it. Empty when none.
std::string find_kicker(const GumboNode* headline_element, std::string_view headline);

// The section from breadcrumb navigation: the first entry that is not the home link, the
// site's own name (`site_name`, the name in `host`), a label ("Themen:") or the headline.
// Empty when none.
std::string find_section(const GumboNode* root, std::string_view headline, std::string_view site_name = {},
                         std::string_view host = {});

}  // namespace newswire

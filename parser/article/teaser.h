#pragma once
// The lead paragraph(s) as the page marks them, taken out of the body blocks. Private to
// parser/article.

#include <string>
#include <string_view>
#include <vector>

#include <gumbo.h>

#include "core/article.h"
#include "parser/article/blocks.h"

namespace newswire {

// Finds the lead: an element marked as lead (hints.h) between the headline element and the
// first body block, else the first body block when its text equals `description` (the
// page's JSON-LD/meta description). Blocks that belong to the lead are removed from `blocks`.
// Returns the lead's paragraphs joined by "\n", empty when the page marks none. `known_lead`,
// when given (a site rule's), is the lead. `headline` is the article's headline: no lead repeats
// it, also where no headline element was found.
std::string take_teaser(const GumboNode* root, const GumboNode* headline_element, std::string_view headline,
                        std::vector<SourcedBlock>& blocks, std::string_view description,
                        const GumboNode* known_lead = nullptr);

}  // namespace newswire

#pragma once
// Site rule selectors applied to a page. Private to parser/article.

#include <vector>

#include <gumbo.h>

#include "parser/article/site_rules.h"

namespace newswire {

bool matches(const GumboNode* node, const ClassSelector& selector);
bool matches_any(const GumboNode* node, const std::vector<ClassSelector>& selectors);

// The first element under `root` that matches one of `selectors`, in selector order.
const GumboNode* find_by(const GumboNode* root, const std::vector<ClassSelector>& selectors);

}  // namespace newswire

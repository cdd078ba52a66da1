#include "parser/article/site_selectors.h"

#include "parser/article/dom.h"

namespace newswire {

bool matches(const GumboNode* node, const ClassSelector& selector) {
    if (!html::is_element(node)) return false;
    if (!selector.tag.empty() && html::tag_name(node) != selector.tag) return false;
    return selector.class_prefix.empty() || html::has_class_prefix(node, selector.class_prefix);
}

bool matches_any(const GumboNode* node, const std::vector<ClassSelector>& selectors) {
    for (const ClassSelector& selector : selectors) {
        if (matches(node, selector)) return true;
    }
    return false;
}

const GumboNode* find_by(const GumboNode* root, const std::vector<ClassSelector>& selectors) {
    for (const ClassSelector& selector : selectors) {
        if (const GumboNode* found = html::find_first(root, [&](const GumboNode* n) { return matches(n, selector); })) {
            return found;
        }
    }
    return nullptr;
}

}  // namespace newswire

#include "parser/article/meta_dom.h"

#include "core/text.h"
#include "parser/article/dom.h"

namespace newswire {

std::string bounded_text(const GumboNode* node, std::size_t limit) {
    std::string text;
    std::size_t cap = limit * 2 + 64;  // white space folds away later
    std::size_t nodes = 0;             // markup without text is bounded too
    html::walk(node, [&](const GumboNode* n) {
        if (text.size() > cap || ++nodes > 4 * cap) return html::Visit::stop;
        switch (n->type) {
        case GUMBO_NODE_TEXT:
        case GUMBO_NODE_WHITESPACE:
        case GUMBO_NODE_CDATA:
            text += n->v.text.text;
            return html::Visit::descend;
        case GUMBO_NODE_ELEMENT: {
            GumboTag tag = n->v.element.tag;
            if (tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE || tag == GUMBO_TAG_TEMPLATE ||
                tag == GUMBO_TAG_NOSCRIPT || tag == GUMBO_TAG_SVG) {
                return html::Visit::skip_children;
            }
            if (n != node && html::is_block(tag)) text += ' ';
            return html::Visit::descend;
        }
        default:
            return html::Visit::descend;
        }
    });
    return fold_whitespace(text);
}

const GumboNode* find_first_bounded(const GumboNode* node, std::size_t budget,
                                    const std::function<bool(const GumboNode*)>& predicate, bool* exhausted) {
    const GumboNode* found = nullptr;
    std::size_t seen = 0;
    bool ran_out = false;
    html::walk(node, [&](const GumboNode* n) {
        if (++seen > budget) {
            ran_out = true;
            return html::Visit::stop;
        }
        if (predicate(n)) {
            found = n;
            return html::Visit::stop;
        }
        return html::Visit::descend;
    });
    if (exhausted) *exhausted = ran_out;
    return found;
}

bool is_within(const GumboNode* node, const GumboNode* ancestor, int levels) {
    for (const GumboNode* n = node; n && levels >= 0; n = n->parent, --levels) {
        if (n == ancestor) return true;
    }
    return false;
}

}  // namespace newswire

#include "parser/article/meta_names.h"

#include <array>
#include <cstring>

#include "core/text.h"
#include "parser/article/dom.h"
#include "parser/article/hints.h"
#include "parser/article/meta_authors.h"
#include "parser/article/meta_text.h"

namespace newswire {

bool has_class_word(const GumboNode* node, std::initializer_list<std::string_view> words) {
    bool found = false;
    for (std::string_view name : {"class", "id"}) {
        for_each_class_word(html::attribute(node, name), [&](std::string_view word) {
            for (std::string_view wanted : words) {  // lower-case
                if (equals_ci(word, wanted)) found = true;
            }
        });
        if (found) return true;
    }
    return false;
}

unsigned class_word_kinds(const GumboNode* node) {
    static constexpr std::array<std::pair<std::string_view, unsigned>, 13> k_words{{
        {"nav", k_navigation_word}, {"navigation", k_navigation_word}, {"menu", k_navigation_word},
        {"breadcrumb", k_navigation_word}, {"breadcrumbs", k_navigation_word}, {"header", k_header_word},
        {"tag", k_tag_list_word}, {"tags", k_tag_list_word}, {"taglist", k_tag_list_word},
        {"keywords", k_tag_list_word}, {"schlagworte", k_tag_list_word}, {"topics", k_tag_list_word},
        {"themen", k_tag_list_word}}};
    unsigned kinds = 0;
    const GumboVector& attributes = node->v.element.attributes;
    for (unsigned a = 0; a < attributes.length; ++a) {
        const auto* attribute = static_cast<const GumboAttribute*>(attributes.data[a]);
        if (std::strcmp(attribute->name, "class") != 0 && std::strcmp(attribute->name, "id") != 0) continue;
        for_each_class_word(attribute->value, [&](std::string_view word) {
            for (const auto& [wanted, kind] : k_words) {
                if (word.size() == wanted.size() && equals_ci(word, wanted)) kinds |= kind;
            }
        });
    }
    return kinds;
}

HrefMarks marks_of_href(std::string_view href) {
    HrefMarks marks;
    for (std::size_t slash = href.find('/'); slash != std::string_view::npos; slash = href.find('/', slash + 1)) {
        std::string_view rest = href.substr(slash + 1);
        if (rest.empty()) break;
        auto any_of = [rest](std::initializer_list<std::string_view> paths) {
            for (std::string_view path : paths) {
                if (starts_with_ci(rest, path)) return true;
            }
            return false;
        };
        switch (rest[0] | 0x20) {  // ASCII lower case
        case 'a': marks.author |= any_of({"author", "autor"}); break;
        case 't': marks.topic |= any_of({"tag/", "tags/", "thema/", "themen/", "topic/", "topics/"}); break;
        case 's': marks.topic |= any_of({"schlagwort/", "stichwort/"}); break;
        case 'k': marks.topic |= any_of({"keyword/", "keywords/"}); break;
        default: break;
        }
    }
    return marks;
}

bool links_to_topic(const GumboNode* link, const HrefMarks& marks) {
    if (marks.topic) return true;
    const GumboVector& children = link->v.element.children;
    for (unsigned i = 0; i < children.length && i < 3; ++i) {
        const auto* child = static_cast<const GumboNode*>(children.data[i]);
        if (child->type == GUMBO_NODE_ELEMENT) return has_class_word(child, {"tag", "tags"});
    }
    return false;
}

bool names_contain(std::string_view lowered, std::initializer_list<std::string_view> fragments) {
    for (std::string_view fragment : fragments) {
        if (lowered.find(fragment) != std::string_view::npos) return true;
    }
    return false;
}

bool in_breadcrumb(const GumboNode* node) {
    int levels = 0;
    for (const GumboNode* n = node; n && n->type == GUMBO_NODE_ELEMENT && levels < 12; n = n->parent, ++levels) {
        GumboTag tag = n->v.element.tag;
        if (tag == GUMBO_TAG_BODY || tag == GUMBO_TAG_MAIN || tag == GUMBO_TAG_ARTICLE) return false;
        if (tag == GUMBO_TAG_NAV || is_breadcrumb(n)) return true;
    }
    return false;
}

namespace {

// A <footer> at the top of an <article> (its child or grandchild) is that article's own: who
// wrote it and when ("Submitted by Carla Benton on ..."), not the page's footer.
bool is_article_footer(const GumboNode* footer) {
    const GumboNode* parent = footer->parent;
    for (int level = 0; level < 2 && parent && parent->type == GUMBO_NODE_ELEMENT; ++level, parent = parent->parent) {
        if (parent->v.element.tag == GUMBO_TAG_ARTICLE) return true;
    }
    return false;
}

// A box named as the footer of the article or post ("article__footer", Blogger's "post-footer",
// WordPress's "entry-footer") is the article's own, like a <footer> inside <article>: who wrote
// it, its labels, not the page's footer.
bool is_article_footer_name(std::string_view lowered) {
    for (std::string_view owner : {"article", "post", "entry", "story"}) {
        for (std::size_t at = lowered.find(owner); at != std::string_view::npos; at = lowered.find(owner, at + 1)) {
            std::string_view rest = lowered.substr(at + owner.size());
            std::size_t separators = rest.find_first_not_of("-_");
            if (separators >= 1 && separators <= 2 && rest.substr(separators).starts_with("footer")) return true;
        }
    }
    return false;
}

}  // namespace

bool in_furniture(const GumboNode* node) {
    int levels = 0;
    std::string names;
    for (const GumboNode* n = node; n && n->type == GUMBO_NODE_ELEMENT && levels < 64; n = n->parent, ++levels) {
        GumboTag tag = n->v.element.tag;
        if (tag == GUMBO_TAG_BODY || tag == GUMBO_TAG_HTML) return false;
        if (tag == GUMBO_TAG_ASIDE || tag == GUMBO_TAG_BLOCKQUOTE) return true;
        if (tag == GUMBO_TAG_FOOTER && !is_article_footer(n)) return true;
        if (!html::has_attribute(n, "class") && !html::has_attribute(n, "id")) continue;
        lowered_names(html::attribute(n, "class"), html::attribute(n, "id"), names);
        if (names_contain(names, {"teaser", "related", "recommend", "quote", "comment", "sidebar",
                                  "most-read", "mostread", "most_read", "popular"})) {
            return true;
        }
        if (names_contain(names, {"footer"}) && !is_article_footer_name(names)) return true;
        if (tag == GUMBO_TAG_MAIN || tag == GUMBO_TAG_ARTICLE) return false;
    }
    return false;
}

bool inside_link(const GumboNode* node) {
    const GumboNode* n = node;
    for (int level = 0; level < 6 && n && n->type == GUMBO_NODE_ELEMENT; ++level, n = n->parent) {
        if (n->v.element.tag == GUMBO_TAG_A) return true;
    }
    return false;
}

const GumboNode* text_sibling_before(const GumboNode* node) {
    const GumboNode* parent = node->parent;
    if (!parent || parent->type != GUMBO_NODE_ELEMENT) return nullptr;
    const GumboVector& siblings = parent->v.element.children;
    for (unsigned i = node->index_within_parent, steps = 0; i-- > 0 && i < siblings.length && steps < 3; ++steps) {
        const auto* sibling = static_cast<const GumboNode*>(siblings.data[i]);
        if (sibling->type == GUMBO_NODE_WHITESPACE) continue;
        if (sibling->type != GUMBO_NODE_ELEMENT) return nullptr;
        const GumboVector& children = sibling->v.element.children;
        for (unsigned c = 0; c < children.length; ++c) {
            if (static_cast<const GumboNode*>(children.data[c])->type == GUMBO_NODE_ELEMENT) return nullptr;
        }
        return sibling;
    }
    return nullptr;
}

}  // namespace newswire

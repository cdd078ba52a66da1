#include "parser/article/dom.h"

#include <cstring>
#include <vector>

#include "core/text.h"

namespace newswire::html {

Document::Document(std::string html) : m_html(std::move(html)) {
    GumboOptions options = kGumboDefaultOptions;
    options.max_errors = 0;  // error records cost time and memory and nobody reads them
    m_output = gumbo_parse_with_options(&options, m_html.data(), m_html.size());
}

Document::~Document() {
    if (m_output) gumbo_destroy_output(&kGumboDefaultOptions, m_output);
}

const GumboNode* Document::root() const { return m_output ? m_output->root : nullptr; }

bool is_element(const GumboNode* node) { return node && node->type == GUMBO_NODE_ELEMENT; }

bool is_element(const GumboNode* node, GumboTag tag) {
    return is_element(node) && node->v.element.tag == tag;
}

GumboTag tag_of(const GumboNode* node) {
    return is_element(node) ? node->v.element.tag : GUMBO_TAG_UNKNOWN;
}

std::string tag_name(const GumboNode* node) {
    if (!is_element(node)) return {};
    if (node->v.element.tag != GUMBO_TAG_UNKNOWN) return gumbo_normalized_tagname(node->v.element.tag);
    GumboStringPiece piece = node->v.element.original_tag;
    gumbo_tag_from_original_text(&piece);
    return to_lower_ascii(std::string_view(piece.data, piece.length));
}

namespace {

// `name` == the NUL-terminated `c_name`, without measuring `c_name` first.
bool same_name(std::string_view name, const char* c_name) {
    for (char c : name) {
        if (*c_name != c) return false;  // also stops at c_name's NUL
        ++c_name;
    }
    return *c_name == '\0';
}

const GumboAttribute* find_attribute(const GumboNode* node, std::string_view name) {
    if (!is_element(node)) return nullptr;
    const GumboVector& attributes = node->v.element.attributes;
    for (unsigned i = 0; i < attributes.length; ++i) {
        const auto* attr = static_cast<const GumboAttribute*>(attributes.data[i]);
        if (same_name(name, attr->name)) return attr;
    }
    return nullptr;
}

}  // namespace

std::string_view attribute(const GumboNode* node, std::string_view name) {
    const GumboAttribute* attr = find_attribute(node, name);
    return attr ? std::string_view(attr->value) : std::string_view();
}

bool has_attribute(const GumboNode* node, std::string_view name) { return find_attribute(node, name) != nullptr; }

namespace {

template <typename Match>
bool any_class_token(const GumboNode* node, Match match) {
    std::string_view classes = attribute(node, "class");
    std::size_t i = 0;
    while (i < classes.size()) {
        while (i < classes.size() && std::strchr(" \t\n\r\f", classes[i])) ++i;
        std::size_t start = i;
        while (i < classes.size() && !std::strchr(" \t\n\r\f", classes[i])) ++i;
        if (i > start && match(classes.substr(start, i - start))) return true;
    }
    return false;
}

}  // namespace

bool is_block(GumboTag tag) {
    switch (tag) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_BR: case GUMBO_TAG_LI:
    case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_H1: case GUMBO_TAG_H2:
    case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6:
    case GUMBO_TAG_TR: case GUMBO_TAG_TD: case GUMBO_TAG_TH: case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_FIGURE: case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE: case GUMBO_TAG_HEADER: case GUMBO_TAG_FOOTER: case GUMBO_TAG_DT:
    case GUMBO_TAG_DD: case GUMBO_TAG_PRE: case GUMBO_TAG_TABLE:
        return true;
    default:
        return false;
    }
}


bool has_class(const GumboNode* node, std::string_view token) {
    return any_class_token(node, [&](std::string_view t) { return equals_ci(t, token); });
}

bool has_class_prefix(const GumboNode* node, std::string_view prefix) {
    return any_class_token(node, [&](std::string_view t) { return starts_with_ci(t, prefix); });
}

bool class_or_id_contains(const GumboNode* node, std::string_view fragment) {
    return contains_ci(attribute(node, "class"), fragment) || contains_ci(attribute(node, "id"), fragment);
}

std::string text_content(const GumboNode* node) {
    std::string text;
    append_visible_text(node, text);
    return fold_whitespace(text);
}

void append_visible_text(const GumboNode* node, std::string& text) {
    walk(node, [&](const GumboNode* n) {
        switch (n->type) {
        case GUMBO_NODE_TEXT:
        case GUMBO_NODE_WHITESPACE:
        case GUMBO_NODE_CDATA:
            text += n->v.text.text;
            return Visit::descend;
        case GUMBO_NODE_ELEMENT: {
            GumboTag tag = n->v.element.tag;
            if (tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE || tag == GUMBO_TAG_TEMPLATE ||
                tag == GUMBO_TAG_NOSCRIPT || tag == GUMBO_TAG_SVG) {
                return Visit::skip_children;
            }
            if (is_block(tag)) text += ' ';
            return Visit::descend;
        }
        default:
            return Visit::descend;
        }
    });
}

std::string_view raw_text(const GumboNode* node) {
    if (!is_element(node) || node->v.element.children.length == 0) return {};
    const auto* child = static_cast<const GumboNode*>(node->v.element.children.data[0]);
    if (child->type != GUMBO_NODE_TEXT && child->type != GUMBO_NODE_WHITESPACE &&
        child->type != GUMBO_NODE_CDATA) {
        return {};
    }
    return child->v.text.text;
}

}  // namespace newswire::html

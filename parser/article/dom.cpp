#include "parser/article/dom.h"

#include <bit>
#include <csetjmp>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "core/text.h"

namespace newswire::html {

// A small block is preceded by one word holding its class; a large one by a LargeBlock whose
// last word holds k_large_tag. Payloads stay 8-byte aligned, all that Gumbo's structures need.
struct ParsePool::LargeBlock {
    LargeBlock* previous;
    LargeBlock* next;
    std::size_t size;  // header included
    std::size_t tag;
};

namespace {

constexpr std::size_t k_header = sizeof(std::size_t);
constexpr std::size_t k_large_tag = ~std::size_t{0};
constexpr std::size_t k_smallest_block = 16;
constexpr std::size_t k_chunk_size = 64 * 1024;
constexpr std::size_t k_chunk_header = 16;  // the link to the previous chunk; blocks stay 16-byte aligned

// The class of a block of `size` payload bytes: blocks of class c hold 16 << c bytes.
int class_of(std::size_t size) {
    std::size_t block = size + k_header;
    return block <= k_smallest_block ? 0 : static_cast<int>(std::bit_width(block - 1)) - 4;
}

}  // namespace

ParsePool::~ParsePool() {
    while (m_chunks) {
        char* previous = nullptr;
        std::memcpy(&previous, m_chunks, sizeof previous);
        std::free(m_chunks);
        m_chunks = previous;
    }
    while (m_large) {
        LargeBlock* next = m_large->next;
        std::free(m_large);
        m_large = next;
    }
}

void* ParsePool::allocate(std::size_t size) noexcept {
    int c = size < (k_smallest_block << k_classes) ? class_of(size) : k_classes;
    if (c < k_classes) {
        if (void* block = m_free[c]) {
            std::memcpy(&m_free[c], block, sizeof(void*));
            return block;
        }
        std::size_t block_size = k_smallest_block << c;
        if (static_cast<std::size_t>(m_end - m_next) >= block_size) {
            char* start = m_next;
            m_next += block_size;
            std::size_t tag = static_cast<std::size_t>(c);
            std::memcpy(start, &tag, k_header);
            return start + k_header;
        }
    }
    return allocate_slowly(size, c);
}

// A new chunk, or a block past the largest class from malloc.
void* ParsePool::allocate_slowly(std::size_t size, int c) noexcept {
    if (c >= k_classes) {
        if (size > SIZE_MAX - sizeof(LargeBlock)) return nullptr;
        reserve(sizeof(LargeBlock) + size);
        auto* large = static_cast<LargeBlock*>(std::malloc(sizeof(LargeBlock) + size));
        if (!large) return nullptr;
        *large = LargeBlock{nullptr, m_large, sizeof(LargeBlock) + size, k_large_tag};
        if (m_large) m_large->previous = large;
        m_large = large;
        m_held += large->size;
        return large + 1;
    }
    reserve(k_chunk_size);
    char* chunk = static_cast<char*>(std::malloc(k_chunk_size));
    if (!chunk) return nullptr;
    m_held += k_chunk_size;
    std::memcpy(chunk, &m_chunks, sizeof m_chunks);  // chunks are linked through their first word
    m_chunks = chunk;
    m_next = chunk + k_chunk_header;
    m_end = chunk + k_chunk_size;
    return allocate(size);
}

void ParsePool::deallocate(void* block) noexcept {
    if (!block) return;
    std::size_t tag = 0;
    std::memcpy(&tag, static_cast<char*>(block) - k_header, k_header);
    if (tag == k_large_tag) {
        LargeBlock* large = static_cast<LargeBlock*>(block) - 1;
        if (large->previous) large->previous->next = large->next;
        else m_large = large->next;
        if (large->next) large->next->previous = large->previous;
        m_held -= large->size;
        std::free(large);
        return;
    }
    std::memcpy(block, &m_free[tag], sizeof(void*));
    m_free[tag] = block;
}

void ParsePool::limit(std::size_t bytes, std::jmp_buf& abandon) noexcept {
    m_budget = bytes;
    m_abandon = &abandon;
}

// Called before each malloc, so that the pool never holds more than its budget.
void ParsePool::reserve(std::size_t bytes) noexcept {
    if (!m_abandon || (m_held <= m_budget && bytes <= m_budget - m_held)) return;
    m_over_budget = true;
    std::jmp_buf& abandon = *m_abandon;
    m_abandon = nullptr;
    std::longjmp(abandon, 1);
}

namespace {

// Gumbo may build far more tree than the page has bytes: formatting elements that the end of a
// block closed are opened again before each later text (the HTML standard's reconstruction of
// active formatting elements), and their attributes are copied each time. 2,000 differing <b>s
// left open in a <p>, then "<p>x</p>" 2,000 times, made a 37 KB page take 1.8 GB. The pages
// of the corpus take at most 21 times their size, a wall of "<p>x" 144 times, one of <br> 77.
constexpr std::size_t k_budget_factor = 64;
constexpr std::size_t k_budget_floor = 16 << 20;

std::size_t parse_budget(std::size_t html_size) {
    return html_size > k_budget_floor / k_budget_factor ? html_size * k_budget_factor : k_budget_floor;
}

// Gumbo's parse of `html`, or nullptr when it would take the pool past `budget`: a function of
// its own with nothing to destroy, the only frame that the jump out of the pool's allocator
// (ParsePool::limit) returns to.
GumboOutput* parse_within(ParsePool& pool, std::size_t budget, const GumboOptions& options, const std::string& html) {
    std::jmp_buf abandon;
    if (setjmp(abandon) != 0) return nullptr;
    pool.limit(budget, abandon);
    GumboOutput* output = gumbo_parse_with_options(&options, html.data(), html.size());
    pool.end_limit();
    return output;
}

}  // namespace

Document::Document(std::string html) : m_html(std::move(html)), m_options(kGumboDefaultOptions) {
    m_options.max_errors = 0;  // error records cost time and memory and nobody reads them
    m_options.userdata = &m_pool;
    m_options.allocator = [](void* pool, std::size_t size) { return static_cast<ParsePool*>(pool)->allocate(size); };
    m_options.deallocator = [](void* pool, void* block) { static_cast<ParsePool*>(pool)->deallocate(block); };
    m_output = parse_within(m_pool, parse_budget(m_html.size()), m_options, m_html);
}

const GumboNode* Document::root() const { return m_output && !over_budget() ? m_output->root : nullptr; }

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

bool is_heading(GumboTag tag) {
    return tag == GUMBO_TAG_H1 || tag == GUMBO_TAG_H2 || tag == GUMBO_TAG_H3 || tag == GUMBO_TAG_H4 ||
           tag == GUMBO_TAG_H5 || tag == GUMBO_TAG_H6;
}

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

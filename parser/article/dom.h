#pragma once
// A small owner and walking helpers around Gumbo's tree. Private to parser/article: no Gumbo
// type appears in extractor.h.
//
// Every walk here is iterative, so a page nested a hundred thousand levels deep cannot blow
// the stack.

#include <csetjmp>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <gumbo.h>

namespace newswire::html {

// The memory of one parse: Gumbo makes millions of small allocations per corpus and frees
// most of them again, which costs more through malloc than through size-class free lists.
// Everything is released at once with the pool, so the tree needs no walk to be destroyed.
// Not thread-safe; one pool per document.
class ParsePool {
public:
    ParsePool() = default;
    ~ParsePool();
    ParsePool(const ParsePool&) = delete;
    ParsePool& operator=(const ParsePool&) = delete;

    // Both are called from Gumbo's C code, so they throw nothing; allocate returns nullptr when
    // malloc does.
    void* allocate(std::size_t size) noexcept;
    void deallocate(void* block) noexcept;  // a block from this pool, or nullptr

    // Until end_limit(), an allocation that would bring what the pool takes from malloc past
    // `bytes` does not return: it jumps to `abandon` (std::longjmp, value 1), and over_budget()
    // is true from then on. Gumbo writes to what its allocator returns without a test and is C,
    // so neither nullptr nor an exception can refuse it, and it reads no stop flag but after a
    // parse error; the jump leaves its parse where it stands, all of whose memory is in this
    // pool. Between the setjmp and the allocation may lie only frames with nothing to destroy
    // (Gumbo's and the pool's). `abandon` must stay valid until end_limit().
    void limit(std::size_t bytes, std::jmp_buf& abandon) noexcept;
    void end_limit() noexcept { m_abandon = nullptr; }
    bool over_budget() const { return m_over_budget; }
    std::size_t held() const { return m_held; }  // bytes taken from malloc and not given back

private:
    struct LargeBlock;
    [[gnu::noinline]] void* allocate_slowly(std::size_t size, int size_class) noexcept;
    void reserve(std::size_t bytes) noexcept;
    static constexpr int k_classes = 8;  // blocks of 16 .. 2,048 bytes, header included
    void* m_free[k_classes] = {};        // freed blocks of each class, linked through their payload
    char* m_chunks = nullptr;  // the newest 64 KiB chunk, linked to the one before
    char* m_next = nullptr;  // the unused rest of the newest chunk
    char* m_end = nullptr;
    LargeBlock* m_large = nullptr;  // live blocks past the largest class, doubly linked
    std::size_t m_held = 0;         // chunks and live large blocks, headers included
    std::size_t m_budget = SIZE_MAX;
    std::jmp_buf* m_abandon = nullptr;
    bool m_over_budget = false;
};

// Owns one parsed document. `html` must be UTF-8; Gumbo keeps pointers into it, so the
// document copies it and the caller's buffer may go away.
//
// A page whose tree would take more than 64 times its size in memory (16 MiB at least) is not
// read to its end: its parse stops there, root() is nullptr and over_budget() true.
class Document {
public:
    explicit Document(std::string html);
    Document(const Document&) = delete;
    Document& operator=(const Document&) = delete;

    const GumboNode* root() const;  // the <html> element
    const std::string& source() const { return m_html; }
    bool over_budget() const { return m_pool.over_budget(); }
    std::size_t memory_held() const { return m_pool.held(); }  // by the tree: within the budget

private:
    std::string m_html;
    GumboOptions m_options;
    ParsePool m_pool;        // holds the whole tree
    GumboOutput* m_output = nullptr;
};

bool is_element(const GumboNode* node);
bool is_element(const GumboNode* node, GumboTag tag);
// Elements that break a line of text: their text is set apart by a space when read as one.
bool is_block(GumboTag tag);
bool is_heading(GumboTag tag);  // h1 to h6
GumboTag tag_of(const GumboNode* node);  // GUMBO_TAG_UNKNOWN for non-elements

// Lower-case tag name, also for tags Gumbo does not know (custom elements such as <ntv-player>).
std::string tag_name(const GumboNode* node);

// The attribute's value, or empty when absent. `name` is lower-case.
std::string_view attribute(const GumboNode* node, std::string_view name);
bool has_attribute(const GumboNode* node, std::string_view name);

// Class list tests: exact token, token prefix ("article-detail_source" matches
// "article-detail_source__KslPc"), or substring anywhere in class/id, all ASCII case-insensitive.
bool has_class(const GumboNode* node, std::string_view token);
bool has_class_prefix(const GumboNode* node, std::string_view prefix);
bool class_or_id_contains(const GumboNode* node, std::string_view fragment);

enum class Visit { descend, skip_children, stop };

// Pre-order walk of `node` and its descendants; the visitor (callable as
// Visit(const GumboNode*)) decides whether to descend. A template so hot walks inline it.
template <typename Visitor>
void walk(const GumboNode* node, Visitor&& visitor) {
    if (!node) return;
    std::vector<const GumboNode*> stack{node};
    while (!stack.empty()) {
        const GumboNode* current = stack.back();
        stack.pop_back();
        Visit visit = visitor(current);
        if (visit == Visit::stop) return;
        if (visit == Visit::skip_children) continue;
        const GumboVector* children = nullptr;
        if (current->type == GUMBO_NODE_ELEMENT || current->type == GUMBO_NODE_TEMPLATE) {
            children = &current->v.element.children;
        } else if (current->type == GUMBO_NODE_DOCUMENT) {
            children = &current->v.document.children;
        }
        if (!children) continue;
        for (unsigned i = children->length; i-- > 0;) {
            stack.push_back(static_cast<const GumboNode*>(children->data[i]));
        }
    }
}

// The first descendant (or `node` itself) that satisfies `predicate`; nullptr when none.
template <typename Predicate>
const GumboNode* find_first(const GumboNode* node, Predicate&& predicate) {
    const GumboNode* found = nullptr;
    walk(node, [&](const GumboNode* n) {
        if (predicate(n)) {
            found = n;
            return Visit::stop;
        }
        return Visit::descend;
    });
    return found;
}

// Visible text of the subtree: <script>, <style>, <template>, <noscript> skipped; <br> and
// block boundaries become spaces; white space folded.
std::string text_content(const GumboNode* node);

// The same text appended to `text` unfolded, so that white space at its edges stays: the
// text of "in<a>side</a>" joins into one word, that of "in <a>side</a>" into two.
void append_visible_text(const GumboNode* node, std::string& text);

// Raw text of a <script>/<style>/<textarea> child (not folded); empty otherwise.
std::string_view raw_text(const GumboNode* node);

}  // namespace newswire::html

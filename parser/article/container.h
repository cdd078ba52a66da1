#pragma once
// Finding the element that holds the article's text. Private to parser/article.

#include <cstddef>
#include <unordered_map>

#include <gumbo.h>

namespace newswire {

// The element whose subtree holds the article body: paragraphs are scored by length, commas
// and link density and credit their parent and grandparent (class/id hints weigh in), then the
// best candidate grows to its parent while the parent holds clearly more article text, never
// past an <article> or itemprop=articleBody element. Candidates outside the <article> that
// holds `headline_element` (may be nullptr) count half. nullptr when the page has no text.
const GumboNode* find_article_container(const GumboNode* root, const GumboNode* headline_element = nullptr);

// Text statistics of a subtree with furniture left out: characters of visible text, and of
// text inside links.
struct TextStats {
    std::size_t chars = 0;
    std::size_t link_chars = 0;
};
TextStats text_stats(const GumboNode* node);
// The same, counted only until the characters pass `limit`: enough to tell a longer text.
TextStats text_stats_up_to(const GumboNode* node, std::size_t limit);

// Characters of text under `node` (<script> and <style> left out), counted only up to just
// past `limit`: a cheap size test before reading a subtree's text.
std::size_t bounded_text_length(const GumboNode* node, std::size_t limit);

// An <a> with an href: a named anchor (<a name="part2">) is no link.
bool is_link(const GumboNode* node);

// Characters of text in the subtree, furniture by tag or role left out.
std::size_t raw_chars(const GumboNode* node);

// While an object of this class lives, raw_chars of a large element of `root`'s document (one
// whose subtree has 1,024 nodes and characters or more) is read from a table that one walk of
// the page filled, not counted again: the walks that measure each box they pass
// (is_furniture_in of a class-named box, text_stats of a lead or of a paragraph's box, the
// body's boxes) cost the nesting depth times the page without it. The document must outlive
// the object. Per thread; the innermost of nested objects is read.
class PageTextSizes {
public:
    explicit PageTextSizes(const GumboNode* root);
    ~PageTextSizes();
    PageTextSizes(const PageTextSizes&) = delete;
    PageTextSizes& operator=(const PageTextSizes&) = delete;

    const std::size_t* find(const GumboNode* node) const;  // nullptr for an element not in the table

private:
    std::unordered_map<const GumboNode*, std::size_t> m_chars;
    const PageTextSizes* m_outer;
};

// Furniture inside a scope that holds `scope_chars` (raw_chars) characters of text: furniture by tag or
// role always, by class/id words only when the element holds less than half of the scope's
// text (a wrapper named "gate-ad" around the whole page is no advertisement).
bool is_furniture_in(const GumboNode* node, std::size_t scope_chars);

}  // namespace newswire

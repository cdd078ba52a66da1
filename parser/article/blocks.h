#pragma once
// The article's text blocks (paragraph, heading, quote, list item) in reading order, read from
// the container with furniture left out. Private to parser/article.

#include <functional>
#include <string>
#include <vector>

#include <gumbo.h>

#include "core/article.h"

namespace newswire {

struct SourcedBlock {
    Block block;
    const GumboNode* node = nullptr;  // the element the text came from (for the teaser test)
};

// Blocks of `container`. Skips furniture (hints.h), <h1>, <header>, images and captions, link
// lists, and blocks whose text is furniture; a block made mostly of link text is dropped.
// `also_drop`, when given, names more furniture (a site rule's).
std::vector<SourcedBlock> collect_blocks(const GumboNode* container,
                                         const std::function<bool(const GumboNode*)>& also_drop = {});

// Leaves out the short blocks after the last long paragraph that do not read as sentences
// (headings stay): the labels and boxes that close a page's article area ("Passend zum
// Artikel", "4 min", the author's department). Nothing is left out when a block of some length
// follows the last long paragraph. To be called once the source-credit line is taken.
void drop_trailing_labels(std::vector<SourcedBlock>& blocks);

// The <blockquote> that `figure` holds as a child of its own, when it holds no image beside
// it: a quotation set apart with its source in the caption, not a picture. nullptr otherwise.
const GumboNode* pull_quote_of(const GumboNode* figure);

}  // namespace newswire

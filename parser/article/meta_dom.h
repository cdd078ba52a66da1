#pragma once
// Bounded variants of the dom.h helpers for the metadata and image readers, so that a hostile
// page (deep nesting, huge boxes) costs linear time. Private to parser/article.

#include <cstddef>
#include <functional>
#include <string>

#include <gumbo.h>

namespace newswire {

// text_content() of `node`, but the walk stops once about `limit` bytes were gathered (or
// after a few times that many nodes); a result longer than `limit` means "at least that long".
std::string bounded_text(const GumboNode* node, std::size_t limit);

// The first descendant (or `node`) satisfying `predicate` among the first `budget` nodes of a
// pre-order walk; nullptr when none. `exhausted` tells whether the budget ran out first.
const GumboNode* find_first_bounded(const GumboNode* node, std::size_t budget,
                                    const std::function<bool(const GumboNode*)>& predicate,
                                    bool* exhausted = nullptr);

// True when `ancestor` is `node` or one of its first `levels` ancestors.
bool is_within(const GumboNode* node, const GumboNode* ancestor, int levels = 64);

}  // namespace newswire

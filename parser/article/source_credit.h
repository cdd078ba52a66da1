#pragma once
// The source-credit line that closes an article ("Quelle: ntv.de, gut/rts"), found in the
// body blocks or near the container and taken out of the body. Private to parser/article.

#include <optional>
#include <vector>

#include <gumbo.h>

#include "core/article.h"
#include "parser/article/blocks.h"

namespace newswire {

// Finds the source-credit line: among the last body blocks (then removed from `blocks`, and a
// trailing "(dpa)" cut from the last paragraph), else in a short element after the body's
// start, within three levels above it, outside figures and captions.
std::optional<SourceCredit> take_source_credit(const GumboNode* container,
                                               std::vector<SourcedBlock>& blocks);

}  // namespace newswire

#pragma once
// Repairs for XML that is not well-formed, so that pugixml can read it. Each is linear in the
// input and bounded in output (a fixed multiple of the input plus a small constant).

#include <string>
#include <string_view>

namespace newswire::feed_detail {

struct EntityPass {
    std::string text;      // the rewritten document (empty when `changed` is false)
    bool changed = false;  // anything was rewritten
    bool repaired = false; // something not well-formed was fixed (an HTML entity, a stray '&')
};

// Replaces references XML does not define: HTML names (&nbsp; → U+00A0) and entities the
// DOCTYPE's internal subset defines (expanded once, never recursively, and at most a bounded
// total size); a '&' that starts no reference becomes "&amp;". CDATA sections and comments are
// left alone. The DOCTYPE is dropped when it defined entities.
EntityPass expand_entities(std::string_view xml);

// The lenient second pass: a tokenizer that emits well-formed markup whatever it reads. Closing
// tags without an open element are dropped, unclosed elements are closed where an ancestor
// closes or at the end, attributes get quotes and values, a '<' that opens no tag becomes
// "&lt;", unterminated comments and CDATA sections are closed, the DOCTYPE is dropped.
std::string rebalance_markup(std::string_view xml);

}  // namespace newswire::feed_detail

#pragma once
// A byte-level pre-pass that runs before Gumbo: most bytes of a modern news page are scripts,
// styles, inline SVG and comments that the extractor never reads. Private to parser/article.

#include <string>
#include <string_view>

namespace newswire {

// `html` with the contents of <script> (except application/ld+json), <style> and <template>
// emptied, <svg> elements and comments removed. Tags that wrap the emptied contents stay, so
// the tree Gumbo builds keeps its shape; long data-* and handler attributes are dropped, and
// start tags nested deeper than 2,000 levels are left out (their text stays). Works on any
// ASCII-compatible encoding; runs in one linear pass and never grows the input.
std::string strip_heavy_content(std::string_view html);

}  // namespace newswire

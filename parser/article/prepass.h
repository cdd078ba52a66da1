#pragma once
// A byte-level pre-pass that runs before Gumbo: most bytes of a modern news page are scripts,
// styles, inline SVG and comments that the extractor never reads. Private to parser/article.

#include <string>
#include <string_view>

namespace newswire {

// `html` with the contents of <script> (except application/ld+json), <style> and <template>
// emptied, <svg> elements and comments removed. Tags that wrap the emptied contents stay, so
// the tree Gumbo builds keeps its shape; long data-* and handler attributes are dropped, as
// are a start tag's attributes past its 64th, and start tags nested deeper than 256 levels (as
// nesting.h counts them) are left out (their text stays). In start tags of 64 bytes or more, values that no reader reads in full are cut: a
// srcset or data-srcset after its first candidate (only that one is read), a data-src,
// data-lazy-src or data-original that is a data: URI to "data:" (readers skip those), and the
// src, async, defer, nonce and other loading attributes of a script that is not JSON-LD are
// left out (only its type is read). A new reader of such a value must change this pass too.
// Works on any ASCII-compatible encoding; runs in one linear pass and never grows the input.
std::string strip_heavy_content(std::string_view html);

// The URL of a srcset's first candidate as browsers read it: white space and commas before it
// skipped, up to the next white space, commas at its end dropped. A comma inside is part of it
// (image services write "/fetch/w_424,c_limit,f_webp/..."), unless "http" or "/" follows it: a
// next candidate written without a descriptor ("a.jpg,b.jpg"). Empty when there is none.
std::string_view first_srcset_url(std::string_view srcset);

}  // namespace newswire

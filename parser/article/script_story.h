#pragma once
// The story a page carries in its script data. Some pages ship their markup as a shell (a
// spinner where the article will be) and the article's HTML as data for the script that fills
// the shell in: the text rows of a Next.js flight payload (`self.__next_f.push([1, "..."])`), a
// string in a JSON script (`<script id="__NEXT_DATA__" type="application/json">`), or the
// articleBody of its JSON-LD. Private to parser/article.

#include <string>
#include <string_view>

namespace newswire {

// The HTML fragment among the page's script data that holds the most paragraph text (at least
// two paragraphs), decoded from its JSON string; empty when there is none. `page` is the whole
// page as UTF-8, scripts included. Linear in the page's size.
std::string script_story_html(std::string_view page);

// The story a page declares in its JSON-LD (`articleBody`) as an HTML fragment: HTML as it
// is, plain text as one paragraph per line. Empty for an empty body.
std::string declared_story_html(std::string_view article_body);

}  // namespace newswire

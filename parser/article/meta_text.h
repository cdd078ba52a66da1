#pragma once
// Small text helpers shared by the metadata and image readers. Private to parser/article.

#include <string>
#include <string_view>

namespace newswire {

// Decodes the character references that JSON-LD and attribute-escaped text commonly carry
// (&amp; &quot; &#8217; &#x2019; &nbsp; ...), then folds white space. Unknown references stay.
std::string clean_text(std::string_view text);

// ASCII-case-insensitive substring test.
bool contains_ci(std::string_view haystack, std::string_view needle);

// Trims the characters in `chars` from both ends.
std::string_view trim(std::string_view text, std::string_view chars = " \t\r\n");

}  // namespace newswire

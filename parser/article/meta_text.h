#pragma once
// Small text helpers shared by the metadata and image readers. Private to parser/article.

#include <string>
#include <string_view>
#include <vector>

namespace newswire {

// Decodes the character references that JSON-LD and attribute-escaped text commonly carry
// (&amp; &quot; &#8217; &#x2019; &nbsp; ...), then folds white space. Unknown references stay.
std::string clean_text(std::string_view text);

// Trims the characters in `chars` from both ends, each character (UTF-8) taken off whole.
std::string_view trim(std::string_view text, std::string_view chars = " \t\r\n");

// A keyword list as sites write it, one topic per entry. Lists of analytics pairs ("Subject:
// Politics", "Page Type: Article") keep the values of subject, topic, tag, keyword and entity
// labels only; a list that is one space-separated run of slugs ("middle-east-crisis icj un") or
// of CJK words is split at the spaces, slugs written with spaces; "sections/sverige" path forms
// lose the path when every entry has one.
std::vector<std::string> normalise_topic_list(std::vector<std::string> topics);

}  // namespace newswire

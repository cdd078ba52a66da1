#pragma once
// HTML text helpers for feed fields: character references XML does not define, tag stripping.
// Pure functions over UTF-8 strings; bounded work (linear in the input).

#include <optional>
#include <string>
#include <string_view>

namespace newswire::feed_detail {

// The code point of an HTML named character reference ("eacute", "nbsp", "apos"); empty when the
// name is not one.
std::optional<char32_t> html_entity(std::string_view name);

// Appends `code_point` as UTF-8; anything outside Unicode scalar values becomes U+FFFD.
void append_utf8(std::string& out, char32_t code_point);

// Decodes "&name;", "&#123;" and "&#x1F;" references; unknown names stay as written.
std::string decode_html_entities(std::string_view text);

// Decodes only HTML named references XML does not define ("&nbsp;", "&eacute;"), which a
// lenient XML reading leaves in text; "&amp;", "&lt;" and numeric references stay as written.
std::string decode_html_names(std::string_view text);

// decode_html_names into `out` (replacing what it held) when that changes something; false, with
// `out` left as it was, when `text` holds nothing to decode (no copy is made then).
bool decode_html_names_to(std::string_view text, std::string& out);

// Removes tags ("<b>", "</p>", "<!-- … -->" up to its first '>') the way a regex `<[^>]*>`
// would, but only where '<' opens markup (letter, '/', '!', '?'); block tags leave a space.
std::string strip_tags(std::string_view html);

// White space folded as core/text.h fold_whitespace does, faster when there is no Unicode space.
std::string fold_text(std::string_view text);

// Plain text of an HTML fragment: tags stripped, references decoded, white space folded.
std::string html_to_text(std::string_view html);

}  // namespace newswire::feed_detail

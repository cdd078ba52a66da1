#pragma once
// Recognising bytes that are not a feed at all, with a message a person understands.

#include <optional>
#include <string>
#include <string_view>

namespace newswire::feed_detail {

// A message when the raw bytes are an image, a PDF, an archive or other binary data.
std::optional<std::string> refuse_non_feed(std::string_view bytes);

// Where the first markup after leading white space, XML declaration, processing instructions
// and comments starts; npos when one of those is unterminated.
std::size_t skip_prolog(std::string_view text);

// The text from its first markup after the prolog (see skip_prolog) to its end; empty when the
// prolog is unterminated.
std::string_view first_markup(std::string_view text);

// A message when `markup`, the first markup of a (UTF-8) document as first_markup gives it, opens
// an HTML page: an <html> element or an HTML DOCTYPE.
std::optional<std::string> refuse_html(std::string_view markup);

}  // namespace newswire::feed_detail

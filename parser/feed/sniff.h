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

// A message when the (UTF-8) text is an HTML page: its first element is <html> or it opens with
// an HTML DOCTYPE.
std::optional<std::string> refuse_html(std::string_view text);

}  // namespace newswire::feed_detail

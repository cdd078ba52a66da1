#pragma once
// RSS 0.9x/1.0/2.0, Atom 0.3/1.0 and JSON Feed bytes to a ParsedFeed.

#include <string_view>

#include "core/error.h"
#include "core/feed.h"

namespace newswire {

// `body` is the feed as received (any encoding); `base_url` is where it came from, used to
// resolve relative links; `content_type` is the HTTP header, when known (for its charset).
// Malformed feeds are read leniently (ParsedFeed::recovered); an error only for bytes that are
// not a feed at all (HTML, an image, empty), with a message a person understands.
Result<ParsedFeed> parse_feed(std::string_view body, std::string_view base_url = {},
                              std::string_view content_type = {});

}  // namespace newswire

#pragma once
// The per-format readers behind parse_feed. Internal to parser/feed.

#include <string_view>

#include <pugixml.hpp>

#include "core/error.h"
#include "core/feed.h"

namespace newswire::feed_detail {

// RSS 0.9x/2.0 (<rss>), RSS 1.0 and 0.90 (<rdf:RDF>) and CDF-like bare <channel> documents.
void read_rss(pugi::xml_node root, std::string_view document_base, ParsedFeed& feed);

// Atom 1.0 and 0.3 (<feed>).
void read_atom(pugi::xml_node root, std::string_view document_base, ParsedFeed& feed);

// JSON Feed 1.0/1.1; an error when the JSON is not a feed.
Result<ParsedFeed> read_json_feed(std::string_view text, std::string_view document_base);

}  // namespace newswire::feed_detail

#pragma once
// Field helpers shared by the RSS, Atom and JSON Feed readers. Internal to parser/feed.

#include <optional>
#include <string>
#include <string_view>

#include <pugixml.hpp>

#include "core/feed.h"
#include "core/time.h"

namespace newswire::feed_detail {

// An element's text as its type says: Atom `type` ("text", "html", "xhtml", MIME types) and
// Atom 0.3 `mode` ("escaped", "base64"); inline child elements are kept as markup. A view into
// the document where possible (see text_of), else built in `storage`.
std::string_view read_text_construct(pugi::xml_node element, std::string& storage);

// A title as plain text: markup stripped, references decoded, white space folded.
std::string plain_title(pugi::xml_node element);

// Content or summary as the feed gives it (HTML kept), trimmed.
std::string markup_of(pugi::xml_node element);

std::string base64_decode(std::string_view text);

// A date in any of the forms feeds use; empty when unreadable.
std::optional<Timestamp> parse_feed_date(std::string_view text);

// "jane@example.com (Jane Doe)" and "Jane Doe <jane@example.com>" give "Jane Doe"; duplicates
// and empty names are skipped.
void add_author(FeedItem& item, std::string_view raw);
void add_category(FeedItem& item, std::string_view raw);
void add_enclosure(FeedItem& item, std::string url, std::string_view type, std::string_view length);

// sy:updatePeriod ("hourly", "daily", …) and sy:updateFrequency (times per period) in minutes.
std::optional<int> update_period_minutes(std::string_view period, std::string_view frequency);

// A small non-negative integer ("90", " 7 "); empty otherwise.
std::optional<int> small_int(std::string_view text);

// Every string of the feed made valid UTF-8 without control characters. `clean_source`: the
// document was clean (core's is_clean_utf8_text) and held no suspect numeric reference (see
// has_suspect_reference), so only titles, whose HTML references are decoded, can need it.
void sanitise_strings(ParsedFeed& feed, bool clean_source = false);

}  // namespace newswire::feed_detail

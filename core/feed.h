#pragma once
// A feed as the feed parser reads it: plain values, no XML types.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/time.h"

namespace newswire {

struct Enclosure {
    std::string url;
    std::string type;
    std::optional<std::int64_t> length;

    friend bool operator==(const Enclosure&, const Enclosure&) = default;
};

struct FeedItem {
    std::optional<std::string> guid;  // the id the feed gives, as given
    std::string url;                  // absolute
    std::string title;                // plain text
    std::string summary;              // as the feed gives it (may hold HTML)
    std::string content;              // full content (content:encoded, atom:content)
    std::vector<std::string> authors;
    std::optional<Timestamp> published;
    std::optional<Timestamp> updated;
    std::vector<std::string> categories;
    std::vector<Enclosure> enclosures;

    friend bool operator==(const FeedItem&, const FeedItem&) = default;
};

struct ParsedFeed {
    std::string format;  // rss0.9x, rss1.0, rss2.0, atom0.3, atom1.0, jsonfeed
    std::string title;
    std::string link;
    std::string language;
    std::optional<int> ttl_minutes;          // RSS <ttl>
    std::optional<int> update_period_minutes;  // sy:updatePeriod / sy:updateFrequency
    std::vector<int> skip_hours;             // RSS <skipHours>, 0-23 UTC
    std::vector<FeedItem> items;
    bool recovered = false;  // the bytes were not well-formed and were read leniently

    friend bool operator==(const ParsedFeed&, const ParsedFeed&) = default;
};

}  // namespace newswire

#pragma once
// Points in time as newswire stores and prints them: an instant plus the UTC offset the source
// stated, so "2025-12-12T05:07:47+01:00" round-trips exactly.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace newswire {

struct Timestamp {
    std::int64_t unix_seconds = 0;  // the instant, seconds since 1970-01-01T00:00:00Z
    int offset_minutes = 0;         // the offset the source wrote it in (display only)

    friend bool operator==(const Timestamp&, const Timestamp&) = default;
};

// "2025-12-12T05:07:47+01:00"; "Z" is written as "+00:00".
std::string to_iso8601(Timestamp t);

// ISO 8601 / W3C-DTF / RFC 3339: "2025-12-12", "2025-12-12T05:07", "2025-12-12 05:07:47.123Z",
// "20251212T050747+0100". A time without a zone is read at `default_offset_minutes`.
// Empty when the text is not such a date.
std::optional<Timestamp> parse_iso8601(std::string_view text, int default_offset_minutes = 0);

// RFC 822 / RFC 2822 as feeds write it, forgiving the usual sins (see time.cpp).
std::optional<Timestamp> parse_rfc822(std::string_view text);

// Any of the above, tried in a sensible order.
std::optional<Timestamp> parse_datetime(std::string_view text, int default_offset_minutes = 0);

// The UTC offset in minutes of an IANA zone (e.g. "Europe/Berlin") at a local wall-clock time
// given as seconds since the epoch as if it were UTC. Empty for an unknown zone.
std::optional<int> zone_offset_at_local(std::string_view zone, std::int64_t local_seconds);

std::int64_t now_unix_seconds();

}  // namespace newswire

#include <catch2/catch.hpp>

#include <string>

#include "core/time.h"
#include "parser/feed/feed_parser.h"

using namespace newswire;

namespace {

// The published time of a one-item RSS feed whose pubDate is `date`, as ISO 8601.
std::string published_of(const std::string& date) {
    auto feed = parse_feed("<rss version=\"2.0\"><channel><item><title>t</title><pubDate>" + date +
                           "</pubDate></item></channel></rss>");
    if (!feed || feed->items.empty() || !feed->items[0].published) return "none";
    return to_iso8601(*feed->items[0].published);
}

}  // namespace

TEST_CASE("RFC 822 dates as feeds write them", "[feed][dates]") {
    CHECK(published_of("Sat, 25 Apr 2026 20:43:28 +0200") == "2026-04-25T20:43:28+02:00");
    CHECK(published_of("Sat, 25 Apr 2026 18:43:28 GMT") == "2026-04-25T18:43:28+00:00");
}

TEST_CASE("a wrong or missing weekday does not matter", "[feed][dates]") {
    CHECK(published_of("Mon, 25 Apr 2026 20:43:28 +0200") == "2026-04-25T20:43:28+02:00");
    CHECK(published_of("25 Apr 2026 20:43:28 +0200") == "2026-04-25T20:43:28+02:00");
}

TEST_CASE("single-digit days and hours are read", "[feed][dates]") {
    CHECK(published_of("Mon, 5 Jan 2026 9:05:00 +0100") == "2026-01-05T09:05:00+01:00");
}

TEST_CASE("zone names are read as their offsets", "[feed][dates]") {
    CHECK(published_of("Mon, 05 Jan 2026 09:05:00 EST") == "2026-01-05T09:05:00-05:00");
    CHECK(published_of("Tue, 07 Jul 2026 09:05:00 PDT") == "2026-07-07T09:05:00-07:00");
    CHECK(published_of("Tue, 07 Jul 2026 09:05:00 CEST") == "2026-07-07T09:05:00+02:00");
    CHECK(published_of("Tue, 07 Jul 2026 09:05:00 MESZ") == "2026-07-07T09:05:00+02:00");
}

TEST_CASE("a date without a zone is read as UTC", "[feed][dates]") {
    CHECK(published_of("Tue, 07 Jul 2026 09:05:00") == "2026-07-07T09:05:00+00:00");
}

TEST_CASE("German month names are read", "[feed][dates]") {
    CHECK(published_of("Di, 03 März 2026 10:00:00 +0100") == "2026-03-03T10:00:00+01:00");
    CHECK(published_of("3 Dezember 2025 10:00:00 +0100") == "2025-12-03T10:00:00+01:00");
}

TEST_CASE("ISO 8601 and W3C-DTF dates in pubDate are read too", "[feed][dates]") {
    CHECK(published_of("2026-04-25T20:43:28+02:00") == "2026-04-25T20:43:28+02:00");
    CHECK(published_of("2026-04-25") == "2026-04-25T00:00:00+00:00");
}

TEST_CASE("an unreadable date leaves published empty", "[feed][dates]") {
    CHECK(published_of("yesterday, around noon") == "none");
    CHECK(published_of("") == "none");
}

TEST_CASE("RFC 850, asctime and a trailing zone comment are read", "[feed][dates]") {
    CHECK(published_of("Saturday, 25-Apr-26 20:43:28 GMT") == "2026-04-25T20:43:28+00:00");
    CHECK(published_of("Sat Apr 25 20:43:28 2026") == "2026-04-25T20:43:28+00:00");
    CHECK(published_of("Sat Apr 25 20:43:28 EDT 2026") == "2026-04-25T20:43:28-04:00");
    CHECK(published_of("Thu, 01 Jan 2004 19:48:21 -0800 (PST)") == "2004-01-01T19:48:21-08:00");
    CHECK(published_of("Sat, 25 Apr 2026 20:43:28 +02:00") == "2026-04-25T20:43:28+02:00");
}

TEST_CASE("German weekdays, months with umlauts and a dotted day are read", "[feed][dates]") {
    CHECK(published_of("Di, 25 Mär 2025 10:00:00 +0100") == "2025-03-25T10:00:00+01:00");
    CHECK(published_of("Samstag, 25. April 2026 20:43:28 +0200") == "2026-04-25T20:43:28+02:00");
    CHECK(published_of("So, 26 Okt 2025 10:00:00 MEZ") == "2025-10-26T10:00:00+01:00");
}

TEST_CASE("a date without a time is midnight, an impossible date is none", "[feed][dates]") {
    CHECK(published_of("Sat, 25 Apr 2026") == "2026-04-25T00:00:00+00:00");
    CHECK(published_of("Sat, 31 Feb 2026 10:00:00 GMT") == "none");
}

TEST_CASE("line breaks, tabs, doubled and no-break spaces inside a date are folded", "[feed][dates]") {
    CHECK(published_of("2026-04-25\n  20:43:28+02:00") == "2026-04-25T20:43:28+02:00");
    CHECK(published_of("2026-04-25\xC2\xA0" "20:43:28Z") == "2026-04-25T20:43:28+00:00");
    CHECK(published_of("\xC2\xA0" "2026-04-25T20:43:28Z") == "2026-04-25T20:43:28+00:00");
    CHECK(published_of("Sat,\t25 Apr  2026\n20:43:28 +0200") == "2026-04-25T20:43:28+02:00");
    CHECK(published_of("Sat, 25\xC2\xA0" "Apr 2026 20:43:28 +0200") == "2026-04-25T20:43:28+02:00");
    CHECK(published_of("Sat, 25 Aprilxxxxxxxxxxxxxxxxxxxx 2026 20:43:28 +0200") == "2026-04-25T20:43:28+02:00");
}

#include <catch2/catch.hpp>

#include "core/time.h"

using namespace newswire;

TEST_CASE("an ISO 8601 time keeps its stated offset when printed", "[core][time]") {
    auto t = parse_iso8601("2025-12-12T05:07:47+01:00");
    REQUIRE(t);
    CHECK(t->unix_seconds == 1765512467);
    CHECK(t->offset_minutes == 60);
    CHECK(to_iso8601(*t) == "2025-12-12T05:07:47+01:00");
}

TEST_CASE("ISO 8601 variants read as the same instant", "[core][time]") {
    CHECK(to_iso8601(*parse_iso8601("2025-12-12T04:07:47Z")) == "2025-12-12T04:07:47+00:00");
    CHECK(to_iso8601(*parse_iso8601("2025-12-12 04:07:47.123+0000")) == "2025-12-12T04:07:47+00:00");
    CHECK(to_iso8601(*parse_iso8601("20251212T050747+0100")) == "2025-12-12T05:07:47+01:00");
    CHECK(to_iso8601(*parse_iso8601("2025-12-12T05:07-05:30")) == "2025-12-12T05:07:00-05:30");
    CHECK(to_iso8601(*parse_iso8601("2025-12-12")) == "2025-12-12T00:00:00+00:00");
}

TEST_CASE("an ISO 8601 time without zone is read at the default offset", "[core][time]") {
    auto t = parse_iso8601("2025-12-12T05:07:47", 60);
    REQUIRE(t);
    CHECK(to_iso8601(*t) == "2025-12-12T05:07:47+01:00");
    CHECK(t->unix_seconds == 1765512467);
}

TEST_CASE("text that is no ISO 8601 date is refused", "[core][time]") {
    CHECK_FALSE(parse_iso8601(""));
    CHECK_FALSE(parse_iso8601("gestern"));
    CHECK_FALSE(parse_iso8601("2025-13-01"));
    CHECK_FALSE(parse_iso8601("2025-02-30T10:00:00Z"));
    CHECK_FALSE(parse_iso8601("2025-12-12T05:07:47+01:00 trailing"));
}

TEST_CASE("RFC 822 dates with the usual sins are read", "[core][time]") {
    CHECK(to_iso8601(*parse_rfc822("Fri, 12 Dec 2025 05:07:47 +0100")) == "2025-12-12T05:07:47+01:00");
    CHECK(to_iso8601(*parse_rfc822("Mon, 12 Dec 2025 05:07:47 GMT")) == "2025-12-12T05:07:47+00:00");
    CHECK(to_iso8601(*parse_rfc822("2 Jan 2025 10:00 EST")) == "2025-01-02T10:00:00-05:00");
    CHECK(to_iso8601(*parse_rfc822("Sa, 12 Dez 2025 05:07:47 MESZ")) == "2025-12-12T05:07:47+02:00");
    CHECK(to_iso8601(*parse_rfc822("12 Dec 25 05:07:47 +0000")) == "2025-12-12T05:07:47+00:00");
    CHECK_FALSE(parse_rfc822("not a date"));
}

// The forms nearly every feed writes are read at fixed positions; their neighbours, one step off
// that form, go the general way and must come out as the general reading gives them.
TEST_CASE("dates in the usual forms and one step off them read alike", "[core][time]") {
    CHECK(to_iso8601(*parse_rfc822("Sat, 5 Apr 2025 20:43:28 +0200")) == "2025-04-05T20:43:28+02:00");
    CHECK(to_iso8601(*parse_rfc822("sat, 05 APR 2025 20:43:28 UT")) == "2025-04-05T20:43:28+00:00");
    CHECK(to_iso8601(*parse_rfc822("Sat, 05 Apr 0025 20:43:28 Z")) == "2025-04-05T20:43:28+00:00");
    CHECK(to_iso8601(*parse_rfc822("Sat, 05 Apr 2025 20:43:28 +2500")) == "2025-04-05T20:43:28+00:00");
    CHECK(to_iso8601(*parse_rfc822("Sat, 05 Apr 2025 20:43:28 +0200 (CEST)")) == "2025-04-05T20:43:28+02:00");
    CHECK(to_iso8601(*parse_rfc822("Sat, 05 Apr 2025 20:43:28 cest")) == "2025-04-05T20:43:28+02:00");
    CHECK_FALSE(parse_rfc822("Sat, 31 Apr 2025 20:43:28 GMT"));
    CHECK(to_iso8601(*parse_iso8601("2025-04-05T20:43:28.123456+0200")) == "2025-04-05T20:43:28+02:00");
    CHECK(to_iso8601(*parse_iso8601("2025-04-05t20:43:28z")) == "2025-04-05T20:43:28+00:00");
    CHECK(to_iso8601(*parse_iso8601("2025-04-05T20:43:28 +02:00")) == "2025-04-05T20:43:28+02:00");
    CHECK(to_iso8601(*parse_iso8601("2025-04-05T20:43:28+02")) == "2025-04-05T20:43:28+02:00");
    CHECK(to_iso8601(*parse_iso8601("2025-04-05T20:43:28.+02:00")) == "2025-04-05T20:43:28+02:00");
    CHECK_FALSE(parse_iso8601("2025-04-05T20:43:28+15:00"));
    CHECK_FALSE(parse_iso8601("2025-04-05T20:43:28.1234567890123Z"));
}

TEST_CASE("parse_datetime tries ISO 8601 first, then RFC 822", "[core][time]") {
    CHECK(parse_datetime("2025-12-12T05:07:47+01:00")->unix_seconds == 1765512467);
    CHECK(parse_datetime("Fri, 12 Dec 2025 05:07:47 +0100")->unix_seconds == 1765512467);
}

TEST_CASE("the offset of Europe/Berlin follows summer time", "[core][time]") {
    auto winter = parse_iso8601("2025-12-12T05:07:00Z");
    auto summer = parse_iso8601("2025-07-12T05:07:00Z");
    CHECK(zone_offset_at_local("Europe/Berlin", winter->unix_seconds) == 60);
    CHECK(zone_offset_at_local("Europe/Berlin", summer->unix_seconds) == 120);
    CHECK_FALSE(zone_offset_at_local("Mars/Olympus_Mons", winter->unix_seconds));
}

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

// Regression tests for what fuzzing core's parsers of internet text found (fuzz/url_fuzzer.cpp,
// fuzz/time_fuzzer.cpp).

#include <catch2/catch.hpp>

#include "core/time.h"
#include "core/url.h"

using namespace newswire;

TEST_CASE("a host with several trailing dots is canonical after one pass", "[core][url][fuzz]") {
    CHECK(canonical_url("https://Example.ORG../a") == "https://example.org/a");
    CHECK(canonical_url("https://example.org/a") == "https://example.org/a");
}

TEST_CASE("a number host that loses its trailing dot is canonical after one pass", "[core][url][fuzz]") {
    // curl reads "8." as a name and "8" as the address 0.0.0.8.
    auto canonical = canonical_url("https://8./a?x=1");
    REQUIRE(canonical);
    CHECK(*canonical == "https://0.0.0.8/a?x=1");
    CHECK(canonical_url(*canonical) == canonical);
    CHECK(canonical_url("https://0x7f.1./") == "https://127.0.0.1/");
}

TEST_CASE("a host of dots alone is canonical as it is, in one pass", "[core][url][fuzz]") {
    // Dropping its dots would leave no host, which curl refuses; canonical_url used to read the
    // unchanged URL again and again until the stack ran out.
    CHECK(canonical_url("HTTPS:/../a?id=7&fbclid=1#top") == "https://../a?id=7");
    CHECK(canonical_url("https://../a?id=7") == "https://../a?id=7");
    CHECK(canonical_url("https://./") == "https://./");
}

TEST_CASE("a host written as %7F is no host, as the byte itself is none", "[core][url][fuzz]") {
    // curl decoded it to the byte DEL and wrote it so, then refused to read what it wrote:
    // canonical_url("http:/%7f") gave "http://\x7F/", which is_http_url refused.
    CHECK_FALSE(is_http_url("http:/%7f"));
    CHECK_FALSE(canonical_url("http://a%7Fb/x"));
    CHECK_FALSE(resolve_url("https://example.org/", "//%7f/x"));
    CHECK(url_host("http://a%7Fb/x") == "");
    CHECK(canonical_url("http://a%41b/x") == "http://aab/x");
}

TEST_CASE("a host written with white space in %XX is no host", "[core][url][fuzz]") {
    // Decoded to U+0085 (next line) and written so, the host was folded to "ttx" and a space
    // when the resolved URL was read again, which curl refused.
    CHECK_FALSE(resolve_url("http:/@ttx%c2\x85", ""));
    CHECK_FALSE(is_http_url("http://a%C2%A0b/x"));
    CHECK_FALSE(canonical_url("http://a%e2%80%a8b/x"));
    CHECK(url_host("http://a%C2%85b/x") == "");
    CHECK(canonical_url("http://caf%C3%A9.example/x") == "http://caf\xC3\xA9.example/x");
}

TEST_CASE("a number host written with %XX is canonical after one pass", "[core][url][fuzz]") {
    // curl reads "%38" as the name "8" and writes it so; read afresh, "8" is 0.0.0.8.
    CHECK(canonical_url("http://%38/x") == "http://0.0.0.8/x");
    CHECK(canonical_url("http://0.0.0.8/x") == "http://0.0.0.8/x");
    CHECK(canonical_url("http://%31%32%37.0.0.1:8080/x#y") == "http://127.0.0.1:8080/x");
}

TEST_CASE("a fraction of twelve nines is read without overflowing", "[core][time][fuzz]") {
    auto read = parse_iso8601("2025-12-12 05:07:47.999999999999 Z");
    REQUIRE(read);
    CHECK(to_iso8601(*read) == "2025-12-12T05:07:47+00:00");
    CHECK_FALSE(parse_iso8601("2025-12-12 05:07:47.9999999999999 Z"));
}

TEST_CASE("the end of the year 9999 is the last time that reads", "[core][time][fuzz]") {
    CHECK(parse_iso8601("9999-12-31T23:59:59Z") == Timestamp{253402300799, 0});
    CHECK_FALSE(parse_iso8601("9999-12-31T24:00"));
    CHECK_FALSE(parse_rfc822("Fri, 31 Dec 9999 24:00:00 GMT"));
    CHECK(parse_iso8601("2025-12-31T24:00") == parse_iso8601("2026-01-01T00:00"));
}

// Regression tests for what fuzzing core's parsers of internet text found (fuzz/url_fuzzer.cpp,
// fuzz/time_fuzzer.cpp).

#include <catch2/catch.hpp>

#include "core/url.h"

using namespace newswire;

TEST_CASE("a host with several trailing dots is canonical after one pass", "[core][url][fuzz]") {
    CHECK(canonical_url("https://Example.ORG../a") == "https://example.org/a");
    CHECK(canonical_url("https://example.org/a") == "https://example.org/a");
}

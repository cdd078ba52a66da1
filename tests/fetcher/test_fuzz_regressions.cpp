// Regression tests for hostile answers found while fuzzing and reviewing the fetcher's readers
// of internet bytes.

#include <atomic>
#include <string>

#include <catch2/catch.hpp>

#include "fetcher/fetcher.h"
#include "tests/fetcher/test_server.h"

using namespace newswire;
using namespace std::chrono_literals;
using newswire::test::local_options;
using newswire::test::TestServer;

TEST_CASE("a Retry-After of the largest 64-bit number is a wait of a year, not an overflow", "[fetcher][fuzz]") {
    TestServer http;
    std::atomic<int> hits{0};
    http.server().Get("/forever", [&hits](const httplib::Request&, httplib::Response& response) {
        ++hits;
        response.status = 503;
        response.set_header("Retry-After", "9223372036854775807");
    });
    http.start();
    FetchOptions options = local_options();
    options.retries = 2;
    options.max_retry_after = 2s;
    Fetcher fetcher(options);

    FetchResponse response = fetcher.fetch_one({1, http.url("/forever"), "", ""});

    REQUIRE(response.error);
    CHECK(response.status == 503);
    CHECK(response.attempts == 1);
    CHECK(hits == 1);
    CHECK(response.retry_after_seconds == 366 * 24 * 3600);
}

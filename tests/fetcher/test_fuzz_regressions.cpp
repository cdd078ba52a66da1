// Regression tests for hostile answers found while fuzzing and reviewing the fetcher's readers
// of internet bytes.

#include <atomic>
#include <chrono>
#include <string>

#include <catch2/catch.hpp>

#include "fetcher/fetcher.h"
#include "fetcher/robots.h"
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

TEST_CASE("robots.txt rules built to make star matching backtrack cost linear time", "[robots][fuzz]") {
    std::string pattern = "/*" + std::string(2000, 'a') + "b";
    std::string text = "User-agent: *\n";
    while (text.size() < 500 * 1024) text += "Disallow: " + pattern + "\n";
    RobotsRules rules = RobotsRules::parse(text, "newswire/0.1");
    std::string path = "/" + std::string(8000, 'a');

    auto start = std::chrono::steady_clock::now();
    CHECK(rules.allows(path));
    CHECK_FALSE(rules.allows(path + "b"));
    CHECK(std::chrono::steady_clock::now() - start < 500ms);
}

TEST_CASE("robots.txt stars and the end anchor take each piece at its leftmost place", "[robots][fuzz]") {
    RobotsRules rules = RobotsRules::parse("User-agent: *\nDisallow: /*ab*b$\nDisallow: /x*y\n", "newswire");
    CHECK_FALSE(rules.allows("/abb"));
    CHECK_FALSE(rules.allows("/zabzab"));
    CHECK(rules.allows("/ab"));
    CHECK(rules.allows("/abbc"));
    CHECK_FALSE(rules.allows("/xzzyzz"));
    CHECK(rules.allows("/zxy"));
}

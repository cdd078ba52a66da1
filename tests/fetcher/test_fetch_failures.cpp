#include <atomic>
#include <cstdlib>
#include <string>

#include <catch2/catch.hpp>

#include "fetcher/fetcher.h"
#include "tests/fetcher/test_server.h"

using namespace newswire;
using namespace std::chrono_literals;
using newswire::test::local_options;
using newswire::test::TestServer;

TEST_CASE("a 404 is an http error that keeps the status and is not retried", "[fetcher]") {
    TestServer http;
    std::atomic<int> hits{0};
    http.server().Get("/gone", [&hits](const httplib::Request&, httplib::Response& response) {
        ++hits;
        response.status = 404;
        response.set_content("no such page", "text/plain");
    });
    http.start();
    FetchOptions options = local_options();
    options.retries = 2;
    Fetcher fetcher(options);

    FetchResponse response = fetcher.fetch_one({1, http.url("/gone"), "", ""});

    REQUIRE(response.error);
    CHECK(response.error->code == ErrorCode::http);
    CHECK(response.error->message == "HTTP 404 for " + http.url("/gone"));
    CHECK(response.status == 404);
    CHECK(response.body == "no such page");
    CHECK(response.attempts == 1);
    CHECK(hits == 1);
    CHECK_FALSE(response.ok());
}

TEST_CASE("a 503 followed by a 200 succeeds on the second attempt", "[fetcher]") {
    TestServer http;
    std::atomic<int> hits{0};
    http.server().Get("/flaky", [&hits](const httplib::Request&, httplib::Response& response) {
        if (++hits == 1) {
            response.status = 503;
            return;
        }
        response.set_content("back again", "text/plain");
    });
    http.start();
    FetchOptions options = local_options();
    options.retries = 2;
    Fetcher fetcher(options);

    FetchResponse response = fetcher.fetch_one({1, http.url("/flaky"), "", ""});

    CHECK_FALSE(response.error);
    CHECK(response.status == 200);
    CHECK(response.body == "back again");
    CHECK(response.attempts == 2);
    CHECK(hits == 2);
}

TEST_CASE("a 5xx that persists is reported after all retries", "[fetcher]") {
    TestServer http;
    std::atomic<int> hits{0};
    http.server().Get("/down", [&hits](const httplib::Request&, httplib::Response& response) {
        ++hits;
        response.status = 500;
    });
    http.start();
    FetchOptions options = local_options();
    options.retries = 2;
    Fetcher fetcher(options);

    FetchResponse response = fetcher.fetch_one({1, http.url("/down"), "", ""});

    REQUIRE(response.error);
    CHECK(response.error->message == "HTTP 500 for " + http.url("/down"));
    CHECK(response.status == 500);
    CHECK(response.attempts == 3);
    CHECK(hits == 3);
    // Backoff 10 ms, then 20 ms.
    CHECK(response.seconds >= 0.030);
}

TEST_CASE("a refused connection is retried and then reported as a network error", "[fetcher]") {
    std::string url;
    {
        TestServer closed;  // a port that was just free, and is no longer listened on
        closed.start();
        url = closed.url("/feed");
    }
    FetchOptions options = local_options();
    options.retries = 2;
    Fetcher fetcher(options);

    FetchResponse response = fetcher.fetch_one({1, url, "", ""});

    REQUIRE(response.error);
    CHECK(response.error->code == ErrorCode::network);
    CHECK_THAT(response.error->message,
               Catch::StartsWith("Failed to connect to 127.0.0.1") && Catch::EndsWith(" for " + url));
    CHECK(response.status == 0);
    CHECK(response.attempts == 3);
}

TEST_CASE("a 429 waits as long as Retry-After asks, up to max_retry_after", "[fetcher]") {
    TestServer http;
    std::atomic<int> hits{0};
    http.server().Get("/busy", [&hits](const httplib::Request&, httplib::Response& response) {
        if (++hits == 1) {
            response.status = 429;
            response.set_header("Retry-After", "1");
            return;
        }
        response.set_content("served", "text/plain");
    });
    http.server().Get("/closed", [](const httplib::Request&, httplib::Response& response) {
        response.status = 429;
        response.set_header("Retry-After", "3600");
    });
    http.start();
    FetchOptions options = local_options();
    options.retries = 2;
    options.max_retry_after = 2s;
    Fetcher fetcher(options);

    FetchResponse waited = fetcher.fetch_one({1, http.url("/busy"), "", ""});
    CHECK_FALSE(waited.error);
    CHECK(waited.attempts == 2);
    CHECK(waited.seconds >= 0.95);

    FetchResponse refused = fetcher.fetch_one({2, http.url("/closed"), "", ""});
    REQUIRE(refused.error);
    CHECK(refused.error->message == "HTTP 429 for " + http.url("/closed"));
    CHECK(refused.status == 429);
    CHECK(refused.attempts == 1);
    CHECK(refused.retry_after_seconds == 3600);
    CHECK(waited.retry_after_seconds == 0);
}

TEST_CASE("a server that stalls runs into the timeout", "[fetcher]") {
    TestServer http;
    http.server().Get("/stall", [&http](const httplib::Request&, httplib::Response& response) {
        http.sleep_unless_stopping(5s);
        response.set_content("too late", "text/plain");
    });
    http.start();
    FetchOptions options = local_options();
    options.timeout = 300ms;
    Fetcher fetcher(options);

    FetchResponse response = fetcher.fetch_one({1, http.url("/stall"), "", ""});

    REQUIRE(response.error);
    CHECK(response.error->code == ErrorCode::network);
    CHECK_THAT(response.error->message,
               Catch::Contains("timed out") && Catch::EndsWith(" for " + http.url("/stall")));
    CHECK(response.status == 0);
    CHECK(response.seconds < 2.0);
}

TEST_CASE("a server that trickles is cut off by the minimum speed", "[fetcher]") {
    TestServer http;
    http.server().Get("/trickle", [&http](const httplib::Request&, httplib::Response& response) {
        response.set_chunked_content_provider(
            "text/plain", [&http](std::size_t, httplib::DataSink& sink) {
                http.sleep_unless_stopping(100ms);
                return !http.stopping() && sink.write("x", 1);
            });
    });
    http.start();
    FetchOptions options = local_options();
    options.timeout = 10s;
    options.min_speed_bytes_per_second = 1000;
    options.min_speed_window = 1s;
    Fetcher fetcher(options);

    FetchResponse response = fetcher.fetch_one({1, http.url("/trickle"), "", ""});

    REQUIRE(response.error);
    CHECK(response.error->code == ErrorCode::network);
    CHECK_THAT(response.error->message, Catch::Contains("too slow"));
    CHECK(response.seconds < 4.0);
}

TEST_CASE("a private address is refused unless allowed", "[fetcher]") {
    TestServer http;
    std::atomic<int> hits{0};
    http.server().Get("/feed", [&hits](const httplib::Request&, httplib::Response& response) {
        ++hits;
        response.set_content("private", "text/plain");
    });
    http.server().Get("/hop", [&http, &hits](const httplib::Request&, httplib::Response& response) {
        ++hits;
        response.set_redirect("http://127.0.0.2:" + std::to_string(http.port()) + "/feed", 302);
    });
    http.start();
    FetchOptions options = local_options();
    options.allow_private_addresses = false;
    options.retries = 2;

    SECTION("by address") {
        Fetcher fetcher(options);
        FetchResponse response = fetcher.fetch_one({1, http.url("/feed"), "", ""});
        REQUIRE(response.error);
        CHECK(response.error->code == ErrorCode::forbidden);
        CHECK(response.error->message ==
              "private address refused (127.0.0.1 is a loopback address) for " + http.url("/feed"));
        CHECK(response.status == 0);
        CHECK(response.attempts == 1);
        CHECK(hits == 0);
    }
    SECTION("by a name that resolves to it") {
        Fetcher fetcher(options);
        std::string url = "http://localhost:" + std::to_string(http.port()) + "/feed";
        FetchResponse response = fetcher.fetch_one({1, url, "", ""});
        REQUIRE(response.error);
        CHECK(response.error->code == ErrorCode::forbidden);
        CHECK_THAT(response.error->message, Catch::Contains("is a loopback address"));
        CHECK(hits == 0);
    }
    SECTION("through a redirect from an allowed network") {
        options.allowed_networks = {"127.0.0.1/32"};
        Fetcher fetcher(options);
        FetchResponse response = fetcher.fetch_one({1, http.url("/hop"), "", ""});
        REQUIRE(response.error);
        CHECK(response.error->code == ErrorCode::forbidden);
        CHECK(response.error->message ==
              "private address refused (127.0.0.2 is a loopback address) for " + http.url("/hop") +
                  " (redirected to http://127.0.0.2:" + std::to_string(http.port()) + "/feed)");
        CHECK(hits == 1);
    }
    SECTION("allowed when the option says so") {
        options.allow_private_addresses = true;
        Fetcher fetcher(options);
        FetchResponse response = fetcher.fetch_one({1, http.url("/feed"), "", ""});
        CHECK_FALSE(response.error);
        CHECK(response.body == "private");
    }
}

TEST_CASE("a proxy from the environment is ignored, so the address check sees the target",
          "[fetcher]") {
    TestServer http;
    http.server().Get("/feed", [](const httplib::Request&, httplib::Response& response) {
        response.set_content("direct", "text/plain");
    });
    http.start();
    // Restores the environment however the test ends.
    struct ProxyVariable {
        ProxyVariable() { ::setenv("http_proxy", "http://192.0.2.1:3128", 1); }
        ~ProxyVariable() { ::unsetenv("http_proxy"); }
    } proxy;
    Fetcher fetcher(local_options());

    FetchResponse response = fetcher.fetch_one({1, http.url("/feed"), "", ""});

    CHECK_FALSE(response.error);
    CHECK(response.body == "direct");
}

TEST_CASE("a malformed allowed network stops the Fetcher from being built", "[fetcher]") {
    FetchOptions options;
    options.allowed_networks = {"10.0.0.0/8", "10.0.0.0/40"};
    CHECK_THROWS_WITH(Fetcher(options),
                      "allowed network is not an IP address or CIDR block: '10.0.0.0/40'");
}

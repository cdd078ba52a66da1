#include <algorithm>
#include <map>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <catch2/catch.hpp>

#include "fetcher/fetcher.h"
#include "tests/fetcher/test_server.h"

using namespace newswire;
using namespace std::chrono_literals;
using newswire::test::local_options;
using newswire::test::TestServer;

namespace {

// Serves /slow?n=N: holds each request for a while and records how many ran at once and when
// each arrived.
struct CountingServer {
    TestServer http;
    std::mutex mutex;
    int active = 0;
    int max_active = 0;
    std::vector<std::chrono::steady_clock::time_point> arrivals;

    explicit CountingServer(std::chrono::milliseconds hold) {
        http.server().Get("/slow", [this, hold](const httplib::Request& request,
                                                httplib::Response& response) {
            {
                std::lock_guard lock(mutex);
                arrivals.push_back(std::chrono::steady_clock::now());
                max_active = std::max(max_active, ++active);
            }
            http.sleep_unless_stopping(hold);
            {
                std::lock_guard lock(mutex);
                --active;
            }
            response.set_content(request.get_param_value("n"), "text/plain");
        });
        http.start();
    }

    std::string url(int n) const { return http.url("/slow?n=" + std::to_string(n)); }
};

std::vector<FetchRequest> numbered_requests(const CountingServer& server, int count) {
    std::vector<FetchRequest> requests;
    for (int n = 0; n < count; ++n) {
        requests.push_back({static_cast<std::uint64_t>(1000 + n), server.url(n), "", ""});
    }
    return requests;
}

}  // namespace

TEST_CASE("no more than per_host_concurrency requests run at once on one host", "[fetcher]") {
    CountingServer server(100ms);
    FetchOptions options = local_options();
    options.concurrency = 8;
    options.per_host_concurrency = 2;
    Fetcher fetcher(options);

    int delivered = 0;
    fetcher.fetch(numbered_requests(server, 6), [&](FetchResponse&& response) {
        CHECK_FALSE(response.error);
        ++delivered;
    });

    CHECK(delivered == 6);
    CHECK(server.max_active == 2);
}

TEST_CASE("no more than concurrency requests run at once over all hosts", "[fetcher]") {
    CountingServer server(100ms);
    FetchOptions options = local_options();
    options.concurrency = 1;
    options.per_host_concurrency = 4;
    Fetcher fetcher(options);
    std::vector<FetchRequest> requests = numbered_requests(server, 2);
    // Same server under a second host name: the global limit still holds.
    requests.push_back({3, "http://localhost:" + std::to_string(server.http.port()) + "/slow?n=3", "", ""});

    int delivered = 0;
    fetcher.fetch(requests, [&](FetchResponse&& response) {
        CHECK_FALSE(response.error);
        ++delivered;
    });

    CHECK(delivered == 3);
    CHECK(server.max_active == 1);
}

TEST_CASE("starts on one host are at least per_host_interval apart", "[fetcher]") {
    CountingServer server(0ms);
    FetchOptions options = local_options();
    options.per_host_concurrency = 4;
    options.per_host_interval = 150ms;
    Fetcher fetcher(options);

    fetcher.fetch(numbered_requests(server, 3), [](FetchResponse&& response) {
        CHECK_FALSE(response.error);
    });

    REQUIRE(server.arrivals.size() == 3);
    std::sort(server.arrivals.begin(), server.arrivals.end());
    for (std::size_t i = 1; i < server.arrivals.size(); ++i) {
        // Arrival at the server can trail the start by connection setup, so allow slack.
        CHECK(server.arrivals[i] - server.arrivals[i - 1] >= 100ms);
    }
}

TEST_CASE("the per-host interval also holds between batches", "[fetcher]") {
    CountingServer server(0ms);
    FetchOptions options = local_options();
    options.per_host_interval = 150ms;
    Fetcher fetcher(options);

    CHECK_FALSE(fetcher.fetch_one({1, server.url(1), "", ""}).error);
    CHECK_FALSE(fetcher.fetch_one({2, server.url(2), "", ""}).error);

    REQUIRE(server.arrivals.size() == 2);
    CHECK(server.arrivals[1] - server.arrivals[0] >= 100ms);
}

TEST_CASE("many requests are each delivered once, with their ids, on the calling thread",
          "[fetcher]") {
    CountingServer server(0ms);
    FetchOptions options = local_options();
    // cpp-httplib listens with a backlog of 5: more simultaneous connects can lose a SYN and
    // wait a second for its retransmission.
    options.concurrency = 8;
    options.per_host_concurrency = 4;
    Fetcher fetcher(options);
    const auto caller = std::this_thread::get_id();

    std::map<std::uint64_t, std::string> bodies;
    int calls = 0;
    fetcher.fetch(numbered_requests(server, 60), [&](FetchResponse&& response) {
        CHECK(std::this_thread::get_id() == caller);
        INFO((response.error ? response.error->message : ""));
        CHECK_FALSE(response.error);
        bodies[response.id] = response.body;
        ++calls;
    });

    CHECK(calls == 60);
    REQUIRE(bodies.size() == 60);
    for (int n = 0; n < 60; ++n) CHECK(bodies[1000 + n] == std::to_string(n));
    CHECK(server.max_active <= 4);
}

TEST_CASE("an empty batch returns at once without calling back", "[fetcher]") {
    Fetcher fetcher(local_options());
    int calls = 0;
    fetcher.fetch({}, [&calls](FetchResponse&&) { ++calls; });
    CHECK(calls == 0);
}

TEST_CASE("a Fetcher serves several batches in a row", "[fetcher]") {
    CountingServer server(0ms);
    Fetcher fetcher(local_options());
    for (int round = 0; round < 3; ++round) {
        FetchResponse response = fetcher.fetch_one({1, server.url(round), "", ""});
        CHECK(response.body == std::to_string(round));
    }
}

TEST_CASE("an exception from on_done propagates and the Fetcher stays usable", "[fetcher]") {
    CountingServer server(0ms);
    Fetcher fetcher(local_options());

    auto throwing = [](FetchResponse&&) { throw std::runtime_error("caller gave up"); };
    CHECK_THROWS_WITH(fetcher.fetch(numbered_requests(server, 3), throwing), "caller gave up");

    int delivered = 0;
    fetcher.fetch(numbered_requests(server, 3), [&](FetchResponse&& response) {
        CHECK_FALSE(response.error);
        ++delivered;
    });
    CHECK(delivered == 3);
}

// The fetch stage's feed schedule against a real loopback server and a real SQLite file: backoff,
// the feeds' own wishes, moved and gone feeds.

#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <map>
#include <ctime>
#include <thread>

#include "parser/article/extractor.h"
#include "tests/pipeline/pipeline_support.h"

using namespace newswire;
using namespace newswire::test;
using namespace std::chrono_literals;

TEST_CASE("a failing feed waits twice as long after each failure, up to the cap", "[pipeline]") {
    Server server;
    server.http().Get("/feed", [](const httplib::Request&, httplib::Response& response) { response.status = 500; });
    test::TempDir dir;
    auto database = open_database(dir);
    Pipeline pipeline(config_for(server.url("/feed")), *database);

    std::vector<std::int64_t> waits;
    for (int run = 0; run < 4; ++run) {
        auto report = pipeline.fetch({true, std::nullopt, true});
        REQUIRE(report);
        CHECK(report->feeds_failed == 1);
        auto feeds = database->feeds();
        REQUIRE(feeds);
        waits.push_back(*(*feeds)[0].next_fetch_at - *(*feeds)[0].last_fetch_at);
    }
    CHECK(waits == std::vector<std::int64_t>{60, 120, 200, 200});
}

TEST_CASE("an answer that is not a feed, a web page naming none, is recorded as the feed's error", "[pipeline]") {
    Server server;
    server.http().Get("/feed", [](const httplib::Request&, httplib::Response& response) {
        response.set_content("<!doctype html><html><body><p>Wartungsarbeiten</p></body></html>", "text/html");
    });
    test::TempDir dir;
    auto database = open_database(dir);
    Pipeline pipeline(config_for(server.url("/feed")), *database);
    auto report = pipeline.run();
    REQUIRE(report);
    CHECK(report->feeds_failed == 1);
    REQUIRE(report->errors.size() == 1);
    CHECK(report->errors[0].rfind("feed test: not a feed: ", 0) == 0);
    auto feeds = database->feeds();
    REQUIRE(feeds);
    CHECK((*feeds)[0].last_error.rfind("not a feed: ", 0) == 0);
    CHECK((*feeds)[0].consecutive_failures == 1);
    CHECK((*feeds)[0].moved_to.empty());
}

TEST_CASE("a feed's ttl longer than its interval delays its next fetch", "[pipeline]") {
    Server server;
    server.http().Get("/feed", [](const httplib::Request&, httplib::Response& response) {
        response.set_content("<rss version=\"2.0\"><channel><title>T</title><ttl>30</ttl></channel></rss>",
                             "application/rss+xml");
    });
    test::TempDir dir;
    auto database = open_database(dir);
    Pipeline pipeline(config_for(server.url("/feed")), *database);
    REQUIRE(pipeline.fetch({true, std::nullopt, false}));
    auto feeds = database->feeds();
    REQUIRE(feeds);
    CHECK(*(*feeds)[0].next_fetch_at - *(*feeds)[0].last_fetch_at == 200);  // 30 min, held to the 200 s cap

    Config short_ttl = config_for(server.url("/feed"));
    short_ttl.schedule.backoff_cap = std::chrono::hours(6);
    Pipeline patient(short_ttl, *database);
    REQUIRE(patient.fetch({true, std::nullopt, false}));
    feeds = database->feeds();
    REQUIRE(feeds);
    CHECK(*(*feeds)[0].next_fetch_at - *(*feeds)[0].last_fetch_at == 1800);
}

TEST_CASE("a feed's update period outlives a 304 and its skip hours move the next fetch", "[pipeline]") {
    Server server;
    std::atomic<int> allowed_hour{-1};
    server.http().Get("/feed", [&](const httplib::Request& request, httplib::Response& response) {
        if (request.get_header_value("If-None-Match") == "\"v1\"") {
            response.status = 304;
            return;
        }
        // Every hour is skipped but the one after next (UTC).
        int hour = static_cast<int>(std::time(nullptr) % 86400 / 3600);
        allowed_hour = (hour + 2) % 24;
        std::string skip;
        for (int h = 0; h < 24; ++h) {
            if (h != allowed_hour) skip += "<hour>" + std::to_string(h) + "</hour>";
        }
        response.set_header("ETag", "\"v1\"");
        response.set_content("<rss version=\"2.0\" xmlns:sy=\"http://purl.org/rss/1.0/modules/syndication/\">"
                             "<channel><title>T</title><sy:updatePeriod>hourly</sy:updatePeriod>"
                             "<sy:updateFrequency>2</sy:updateFrequency><skipHours>" + skip +
                                 "</skipHours></channel></rss>",
                             "application/rss+xml");
    });
    test::TempDir dir;
    auto database = open_database(dir);
    Config config = config_for(server.url("/feed"));
    config.schedule.backoff_cap = std::chrono::hours(6);
    Pipeline pipeline(config, *database);

    REQUIRE(pipeline.fetch({true, std::nullopt, false}));
    FeedRow feed = database->feeds().value()[0];
    CHECK(feed.hints.min_interval_seconds == 1800);  // twice an hour
    CHECK(*feed.next_fetch_at % 3600 == 0);
    CHECK(*feed.next_fetch_at % 86400 / 3600 == allowed_hour);
    CHECK(*feed.next_fetch_at - *feed.last_fetch_at > 1800);
    CHECK(*feed.next_fetch_at - *feed.last_fetch_at <= 3 * 3600);

    REQUIRE(pipeline.fetch({true, std::nullopt, false}));
    feed = database->feeds().value()[0];
    CHECK(feed.last_status == 304);
    CHECK(feed.hints.min_interval_seconds == 1800);
    CHECK(*feed.next_fetch_at % 86400 / 3600 == allowed_hour);
}

TEST_CASE("a feed that moved permanently is fetched at its new address from then on", "[pipeline]") {
    Server server;
    std::atomic<int> old_hits{0}, new_hits{0};
    server.http().Get("/old", [&](const httplib::Request&, httplib::Response& response) {
        ++old_hits;
        response.set_redirect("/feed", 301);
    });
    server.http().Get("/feed", [&](const httplib::Request&, httplib::Response& response) {
        ++new_hits;
        response.set_content(rss_linking(server, {}), "application/rss+xml");
    });
    test::TempDir dir;
    auto database = open_database(dir);
    Pipeline pipeline(config_for(server.url("/old")), *database);
    for (int run = 0; run < 2; ++run) {
        auto report = pipeline.fetch({true, std::nullopt, false});
        REQUIRE(report);
        CHECK(report->feeds_fetched == 1);
    }
    CHECK(old_hits == 1);
    CHECK(new_hits == 2);
    auto feeds = database->feeds();
    REQUIRE(feeds);
    CHECK((*feeds)[0].url == server.url("/old"));
    CHECK((*feeds)[0].moved_to == server.url("/feed"));
}

TEST_CASE("a feed that is gone is asked again only by name", "[pipeline]") {
    Server server;
    std::atomic<int> hits{0};
    server.http().Get("/feed", [&](const httplib::Request&, httplib::Response& response) {
        ++hits;
        response.status = 410;
    });
    test::TempDir dir;
    auto database = open_database(dir);
    Pipeline pipeline(config_for(server.url("/feed")), *database);
    auto first = pipeline.fetch({true, std::nullopt, false});
    REQUIRE(first);
    CHECK(first->feeds_failed == 1);
    REQUIRE(first->errors.size() == 1);
    CHECK(first->errors[0] == "feed test: HTTP 410 for " + server.url("/feed") +
                                  "; the feed is gone and is not fetched again unless asked for by name");
    auto forced = pipeline.fetch({true, std::nullopt, false});
    REQUIRE(forced);
    CHECK(forced->feeds_due == 0);
    CHECK(hits == 1);
    auto named = pipeline.fetch({false, std::string("test"), false});
    REQUIRE(named);
    CHECK(named->feeds_due == 1);
    CHECK(hits == 2);
    auto feeds = database->feeds();
    REQUIRE(feeds);
    CHECK((*feeds)[0].gone_since.has_value());
}

TEST_CASE("a feed that asks to be left alone with Retry-After is asked again no sooner, up to the cap", "[pipeline]") {
    Server server;
    std::string retry_after = "150";
    server.http().Get("/feed", [&](const httplib::Request&, httplib::Response& response) {
        response.status = 503;
        response.set_header("Retry-After", retry_after);
    });
    test::TempDir dir;
    auto database = open_database(dir);
    Pipeline pipeline(config_for(server.url("/feed")), *database);
    std::vector<std::int64_t> waits;
    for (const char* asked : {"150", "86400"}) {
        retry_after = asked;
        auto report = pipeline.fetch({true, std::nullopt, false});
        REQUIRE(report);
        CHECK(report->feeds_failed == 1);
        auto feeds = database->feeds();
        REQUIRE(feeds);
        waits.push_back(*(*feeds)[0].next_fetch_at - *(*feeds)[0].last_fetch_at);
    }
    CHECK(waits == std::vector<std::int64_t>{150, 200});  // the interval is 60 s, the cap 200 s
}

TEST_CASE("a web page at a feed's address is replaced by the feed it names", "[pipeline]") {
    Server server;
    std::atomic<int> page_hits{0}, feed_hits{0};
    server.http().Get("/", [&](const httplib::Request&, httplib::Response& response) {
        ++page_hits;
        response.set_content(R"(<!DOCTYPE html><html><head><title>Beispiel</title>
            <link rel="alternate" type="application/rss+xml" title="Kommentare" href="/comments.xml">
            <link rel="alternate" type="application/rss+xml" title="Nachrichten" href="feed">
            </head><body><p>Willkommen</p></body></html>)", "text/html; charset=utf-8");
    });
    server.http().Get("/feed", [&](const httplib::Request&, httplib::Response& response) {
        ++feed_hits;
        response.set_content(rss_linking(server, {"/a/1"}), "application/rss+xml");
    });
    test::TempDir dir;
    auto database = open_database(dir);
    Pipeline pipeline(config_for(server.url("/")), *database);
    auto first = pipeline.fetch({true, std::nullopt, false});
    REQUIRE(first);
    CHECK(first->feeds_fetched == 1);
    CHECK(first->feeds_failed == 0);
    CHECK(first->items_new_or_changed == 1);
    auto second = pipeline.fetch({true, std::nullopt, false});
    REQUIRE(second);
    CHECK(page_hits == 1);
    CHECK(feed_hits == 2);
    auto feeds = database->feeds();
    REQUIRE(feeds);
    CHECK((*feeds)[0].moved_to == server.url("/feed"));
}

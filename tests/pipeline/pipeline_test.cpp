// The stages against a real loopback server and a real SQLite file.

#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <map>
#include <ctime>
#include <thread>

#include <httplib.h>

#include "parser/article/extractor.h"
#include "pipeline/pipeline.h"
#include "tests/support/process.h"
#include "tests/support/test_server.h"

using namespace newswire;
using namespace std::chrono_literals;

namespace {

// A started loopback server; routes are added before the first request.
class Server {
public:
    Server() { m_server.start(); }
    httplib::Server& http() { return m_server.server(); }
    std::string url(const std::string& path) const { return m_server.url(path); }

private:
    test::TestServer m_server;
};

Config config_for(const std::string& feed_url) {
    Config config;
    config.fetch.allow_private_addresses = true;
    config.fetch.retries = 0;
    config.fetch.per_host_interval = 1ms;
    config.fetch.timeout = 5s;
    config.schedule.default_interval = 60s;
    config.schedule.backoff_cap = 200s;
    config.feeds = {{"test", feed_url, 0s}};
    return config;
}

// A fresh database file in `dir`; the test stops when it cannot be opened.
std::optional<Database> open_database(const test::TempDir& dir) {
    auto database = Database::open((dir.path() / "news.db").string());
    REQUIRE(database);
    return std::move(*database);
}

// An RSS feed with one item per path, guids 1, 2, ...
std::string rss_linking(const Server& server, const std::vector<std::string>& paths) {
    std::string items;
    for (std::size_t i = 0; i < paths.size(); ++i) {
        std::string n = std::to_string(i + 1);
        items += "<item><guid>" + n + "</guid><title>Item " + n + "</title><link>" + server.url(paths[i]) + "</link></item>";
    }
    return "<rss version=\"2.0\"><channel><title>T</title>" + items + "</channel></rss>";
}

void serve_feed(Server& server, const std::vector<std::string>& paths) {
    server.http().Get("/feed", [&server, paths](const httplib::Request&, httplib::Response& response) {
        response.set_content(rss_linking(server, paths), "application/rss+xml");
    });
}

std::string article_page(const std::string& title) {
    return "<html><head><title>" + title + "</title></head><body><article><h1>" + title +
           "</h1><p>Ein Absatz mit genug Worten, damit er als Artikeltext zählt, über " + title +
           " und andere Dinge des Tages.</p><p>Noch ein Absatz, der die Geschichte zu Ende erzählt, "
           "mit weiteren Einzelheiten.</p></article></body></html>";
}

// article_page("Nachricht N") at /a/N.
void serve_articles(Server& server) {
    server.http().Get(R"(/a/(\d+))", [](const httplib::Request& request, httplib::Response& response) {
        response.set_content(article_page("Nachricht " + std::string(request.matches[1])), "text/html; charset=utf-8");
    });
}

}  // namespace

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

TEST_CASE("an answer that is not a feed is recorded as the feed's error", "[pipeline]") {
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
}

TEST_CASE("re-extracting every stored page changes no article", "[pipeline]") {
    Server server;
    serve_feed(server, {"/a/1", "/a/2"});
    serve_articles(server);
    test::TempDir dir;
    auto database = open_database(dir);
    Pipeline pipeline(config_for(server.url("/feed")), *database);
    auto first = pipeline.run();
    REQUIRE(first);
    CHECK(first->pages_fetched == 2);
    CHECK(first->articles_created == 2);

    PageSelection all;
    all.all = true;
    auto again = pipeline.parse(all);
    REQUIRE(again);
    CHECK(again->pages_parsed == 2);
    CHECK(again->articles_unchanged == 2);
    CHECK(again->articles_created == 0);

    PageSelection fresh;
    fresh.extractor_version = k_extractor_version;
    auto nothing = pipeline.parse(fresh);
    REQUIRE(nothing);
    CHECK(nothing->pages_parsed == 0);
}

TEST_CASE("a page that fails is recorded and the run goes on", "[pipeline]") {
    Server server;
    serve_feed(server, {"/gone", "/a/2"});
    server.http().Get("/a/2", [](const httplib::Request&, httplib::Response& response) {
        response.set_content(article_page("Nachricht 2"), "text/html");
    });
    test::TempDir dir;
    auto database = open_database(dir);
    Pipeline pipeline(config_for(server.url("/feed")), *database);
    auto report = pipeline.run();
    REQUIRE(report);
    CHECK(report->pages_fetched == 1);
    CHECK(report->pages_failed == 1);
    CHECK(report->articles_created == 1);
    REQUIRE(report->errors.size() == 1);
    CHECK(report->errors[0].rfind("page " + server.url("/gone") + ": ", 0) == 0);
}

TEST_CASE("a page the extractor cannot read is recorded once and not offered again", "[pipeline]") {
    Server server;
    serve_feed(server, {"/blob"});
    server.http().Get("/blob", [](const httplib::Request&, httplib::Response& response) {
        response.set_content(std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16), "text/html");
    });
    test::TempDir dir;
    auto database = open_database(dir);
    Pipeline pipeline(config_for(server.url("/feed")), *database);
    auto report = pipeline.run();
    REQUIRE(report);
    CHECK(report->pages_fetched == 1);
    CHECK(report->parse_failed == 1);
    REQUIRE(report->errors.size() == 1);
    CHECK(report->errors[0].rfind("page " + server.url("/blob") + ": ", 0) == 0);

    PageSelection fresh;
    fresh.extractor_version = k_extractor_version;
    auto again = pipeline.parse(fresh);
    REQUIRE(again);
    CHECK(again->parse_failed == 0);
    CHECK(again->pages_parsed == 0);
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

TEST_CASE("a changed item's page is asked for conditionally and a 304 keeps its article", "[pipeline]") {
    Server server;
    std::atomic<int> feed_version{1};
    std::atomic<int> page_bodies{0};
    server.http().Get("/feed", [&](const httplib::Request&, httplib::Response& response) {
        std::string title = feed_version == 1 ? "Eins" : "Eins, neu betitelt";
        response.set_content("<rss version=\"2.0\"><channel><title>T</title><item><guid>1</guid><title>" + title +
                                 "</title><link>" + server.url("/a/1?utm_source=rss") + "</link></item></channel></rss>",
                             "application/rss+xml");
    });
    server.http().Get("/a/1", [&](const httplib::Request& request, httplib::Response& response) {
        if (request.get_header_value("If-None-Match") == "\"p1\"") {
            response.status = 304;
            return;
        }
        ++page_bodies;
        response.set_header("ETag", "\"p1\"");
        response.set_content(article_page("Nachricht 1"), "text/html; charset=utf-8");
    });
    test::TempDir dir;
    auto database = open_database(dir);
    Pipeline pipeline(config_for(server.url("/feed")), *database);
    auto first = pipeline.run();
    REQUIRE(first);
    CHECK(first->pages_fetched == 1);
    CHECK(first->articles_created == 1);

    feed_version = 2;
    auto second = pipeline.fetch({true, std::nullopt, true});
    REQUIRE(second);
    auto parsed = pipeline.parse({});
    REQUIRE(parsed);
    second->add(*parsed);
    CHECK(second->items_new_or_changed == 1);
    CHECK(second->pages_fetched == 0);
    CHECK(second->pages_not_modified == 1);
    CHECK(second->pages_failed == 0);
    CHECK(second->articles_created == 0);
    CHECK(second->articles_revised == 0);
    CHECK(page_bodies == 1);
    CHECK(database->status().value().pages_pending == 0);
    CHECK(database->status().value().articles == 1);
}

TEST_CASE("article pages are fetched only where the site's robots.txt allows", "[pipeline]") {
    Server server;
    serve_feed(server, {"/public/1", "/private/2", "/public/3?print=1"});
    std::atomic<int> robots_asked{0};
    std::atomic<int> private_asked{0};
    server.http().Get("/robots.txt", [&](const httplib::Request&, httplib::Response& response) {
        ++robots_asked;
        response.set_content("User-agent: *\nDisallow: /\n\nUser-agent: newswire\nDisallow: /private/\nDisallow: /*?print=\n",
                             "text/plain");
    });
    server.http().Get(R"(/(public|private)/(\d))", [&](const httplib::Request& request, httplib::Response& response) {
        if (request.matches[1] == "private") ++private_asked;
        response.set_content(article_page("Nachricht " + std::string(request.matches[2])), "text/html; charset=utf-8");
    });
    test::TempDir dir;
    auto database = open_database(dir);
    Pipeline pipeline(config_for(server.url("/feed")), *database);
    auto report = pipeline.run();
    REQUIRE(report);
    CHECK(report->pages_fetched == 1);
    CHECK(report->pages_refused == 2);
    CHECK(report->pages_failed == 0);
    CHECK(report->errors.empty());
    CHECK(report->articles_created == 1);
    CHECK(private_asked == 0);
    CHECK(robots_asked == 1);
    CHECK(database->status().value().pages_pending == 0);

    Config without = config_for(server.url("/feed"));
    without.fetch.robots_txt = false;
    Pipeline careless(without, *database);
    REQUIRE(database->upsert_items(database->feeds().value()[0].id, {FeedItem{std::string("4"), server.url("/private/4"), "Vier", {}, {}, {}, {}, {}, {}, {}}}, 5000));
    auto ignoring = careless.fetch({false, std::nullopt, true});
    REQUIRE(ignoring);
    CHECK(ignoring->pages_fetched == 1);
    CHECK(private_asked == 1);
    CHECK(robots_asked == 1);
}

TEST_CASE("a site whose robots.txt fails has its pages retried, and asked again next time", "[pipeline]") {
    Server server;
    serve_feed(server, {"/a/1"});
    std::atomic<int> robots_asked{0};
    server.http().Get("/robots.txt", [&](const httplib::Request&, httplib::Response& response) {
        if (++robots_asked == 1) {
            response.status = 503;
            return;
        }
        response.status = 404;
    });
    serve_articles(server);
    test::TempDir dir;
    auto database = open_database(dir);
    Pipeline pipeline(config_for(server.url("/feed")), *database);
    auto first = pipeline.run();
    REQUIRE(first);
    CHECK(first->pages_failed == 1);
    REQUIRE(first->errors.size() == 1);
    CHECK(first->errors[0] ==
          "page " + server.url("/a/1") + ": robots.txt could not be read: HTTP 503 for " + server.url("/robots.txt"));
    CHECK(database->status().value().pages_pending == 1);

    auto second = pipeline.fetch({false, std::nullopt, true});
    REQUIRE(second);
    CHECK(second->pages_fetched == 1);
    CHECK(robots_asked == 2);
}

TEST_CASE("pages extracted on several threads are stored in page order, as on one", "[pipeline]") {
    std::vector<std::string> paths;
    for (int i = 0; i < 70; ++i) paths.push_back("/a/" + std::to_string(i));  // more than one batch
    paths.push_back("/blob");
    Server server;
    serve_feed(server, paths);
    serve_articles(server);
    server.http().Get("/blob", [](const httplib::Request&, httplib::Response& response) {
        response.set_content("\x89PNG not a page", "text/html");
    });
    // The page id of each article, in article id order: ascending when stored in page order.
    auto page_ids_of_articles = [&](unsigned threads) {
        test::TempDir dir;
        auto database = open_database(dir);
        Config config = config_for(server.url("/feed"));
        config.parse.threads = threads;
        config.schedule.max_pages_per_run = 100;
        Pipeline pipeline(config, *database);
        auto report = pipeline.run();
        REQUIRE(report);
        CHECK(report->pages_fetched == 71);
        CHECK(report->articles_created == 70);
        CHECK(report->parse_failed == 1);
        std::map<std::string, std::int64_t> page_of;
        auto pages = database->pages_to_parse({0, true, {}, {}, {}});
        auto articles = database->articles();
        REQUIRE(pages);
        REQUIRE(articles);
        for (const PageRef& page : *pages) page_of[page.url] = page.id;
        std::vector<std::int64_t> ids;
        for (const StoredArticle& stored : *articles) ids.push_back(page_of.at(stored.article.url));
        return ids;
    };
    for (unsigned threads : {1u, 3u}) {
        std::vector<std::int64_t> ids = page_ids_of_articles(threads);
        CHECK(ids.size() == 70);
        CHECK(std::is_sorted(ids.begin(), ids.end()));
    }
}

TEST_CASE("the parse stage applies the user's site rules", "[pipeline]") {
    Server server;
    serve_feed(server, {"/a/1"});
    server.http().Get("/a/1", [](const httplib::Request&, httplib::Response& response) {
        response.set_content(R"(<html><head><meta property="og:title" content="Kurze Zeile">
            <script type="application/ld+json">{"@type":"NewsArticle","headline":"Die lange Zeile der Seite"}</script>
            </head><body><article><h1>Die lange Zeile der Seite</h1><p>Ein Absatz mit genug Worten, damit er als
            Artikeltext zählt.</p></article></body></html>)", "text/html; charset=utf-8");
    });
    auto headline_with = [&](std::shared_ptr<const SiteRules> rules) {
        test::TempDir dir;
        auto database = open_database(dir);
        Config config = config_for(server.url("/feed"));
        config.parse.site_rules = std::move(rules);
        Pipeline pipeline(config, *database);
        auto report = pipeline.run();
        REQUIRE(report);
        auto articles = database->articles();
        REQUIRE(articles);
        REQUIRE(articles->size() == 1);
        return (*articles)[0].article.headline;
    };
    CHECK(headline_with(nullptr) == "Die lange Zeile der Seite");
    auto rules = std::make_shared<SiteRules>();
    REQUIRE(rules->add("loopback.yaml", "hosts: [127.0.0.1]\nheadline: og:title\n"));
    CHECK(headline_with(rules) == "Kurze Zeile");
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

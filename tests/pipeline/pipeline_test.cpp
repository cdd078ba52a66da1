// The stages against a real loopback server and a real SQLite file: pages and articles.

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

TEST_CASE("re-extracting a page or a feed that is not there is an error naming it", "[pipeline]") {
    Server server;
    serve_feed(server, {"/a/1"});
    serve_articles(server);
    test::TempDir dir;
    auto database = open_database(dir);
    Pipeline pipeline(config_for(server.url("/feed")), *database);
    REQUIRE(pipeline.run());

    PageSelection one_page;
    one_page.page_id = 1;
    auto redone = pipeline.parse(one_page);
    REQUIRE(redone);
    CHECK(redone->articles_unchanged == 1);

    one_page.page_id = 99;
    auto missing_page = pipeline.parse(one_page);
    REQUIRE_FALSE(missing_page);
    CHECK(missing_page.error().code == ErrorCode::not_found);
    CHECK(missing_page.error().message ==
          "no page 99 with stored bytes to extract (unknown, not fetched, or past raw_body_retention)");

    PageSelection other_feed;
    other_feed.feed_name = "tset";
    auto missing_feed = pipeline.parse(other_feed);
    REQUIRE_FALSE(missing_feed);
    CHECK(missing_feed.error().code == ErrorCode::not_found);
    CHECK(missing_feed.error().message == "no feed named 'tset' in the config");
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

TEST_CASE("a changed item's page that comes back changed is extracted again as a revision", "[pipeline]") {
    Server server;
    std::atomic<int> version{1};
    server.http().Get("/feed", [&](const httplib::Request&, httplib::Response& response) {
        std::string title = version == 1 ? "Eins" : "Eins, berichtigt";
        response.set_content("<rss version=\"2.0\"><channel><title>T</title><item><guid>1</guid><title>" + title +
                                 "</title><link>" + server.url("/a/1") + "</link></item></channel></rss>",
                             "application/rss+xml");
    });
    server.http().Get("/a/1", [&](const httplib::Request&, httplib::Response& response) {
        response.set_content(article_page(version == 1 ? "Nachricht 1" : "Nachricht 1 berichtigt"),
                             "text/html; charset=utf-8");
    });
    test::TempDir dir;
    auto database = open_database(dir);
    Pipeline pipeline(config_for(server.url("/feed")), *database);
    auto first = pipeline.run();
    REQUIRE(first);
    CHECK(first->articles_created == 1);

    version = 2;
    auto second = pipeline.fetch({true, std::nullopt, true});
    REQUIRE(second);
    auto parsed = pipeline.parse({});
    REQUIRE(parsed);
    second->add(*parsed);
    CHECK(second->pages_fetched == 1);
    CHECK(second->pages_parsed == 1);
    CHECK(second->articles_revised == 1);
    auto articles = database->articles();
    REQUIRE(articles);
    REQUIRE(articles->size() == 1);
    CHECK(articles->front().article.headline == "Nachricht 1 berichtigt");
    CHECK(articles->front().revisions == 2);
}

TEST_CASE("a page is asked for again after its revisit wait, and a correction becomes a revision", "[pipeline]") {
    Server server;
    serve_feed(server, {"/a/1"});
    std::atomic<int> version{1};
    std::atomic<int> conditional{0};
    server.http().Get("/a/1", [&](const httplib::Request& request, httplib::Response& response) {
        std::string etag = "\"v" + std::to_string(version.load()) + "\"";
        if (request.has_header("If-None-Match")) ++conditional;
        if (request.get_header_value("If-None-Match") == etag) {
            response.status = 304;
            return;
        }
        response.set_header("ETag", etag);
        response.set_content(article_page(version == 1 ? "Nachricht 1" : "Nachricht 1 berichtigt"),
                             "text/html; charset=utf-8");
    });
    test::TempDir dir;
    auto database = open_database(dir);
    Config config = config_for(server.url("/feed"));
    config.schedule.page_revisits = {1s, 1s};
    Pipeline pipeline(config, *database);
    auto first = pipeline.run();
    REQUIRE(first);
    CHECK(first->articles_created == 1);

    auto early = pipeline.run();  // not due yet
    REQUIRE(early);
    CHECK(early->pages_fetched + early->pages_not_modified == 0);

    std::this_thread::sleep_for(1100ms);
    auto unchanged = pipeline.run();
    REQUIRE(unchanged);
    CHECK(unchanged->pages_not_modified == 1);
    CHECK(unchanged->articles_revised == 0);

    version = 2;
    std::this_thread::sleep_for(1100ms);
    auto corrected = pipeline.run();
    REQUIRE(corrected);
    CHECK(corrected->pages_fetched == 1);
    CHECK(corrected->articles_revised == 1);
    CHECK(conditional == 2);

    std::this_thread::sleep_for(1100ms);
    auto done = pipeline.run();  // both revisits used up
    REQUIRE(done);
    CHECK(done->pages_fetched + done->pages_not_modified == 0);
    auto articles = database->articles();
    REQUIRE(articles);
    REQUIRE(articles->size() == 1);
    CHECK(articles->front().article.headline == "Nachricht 1 berichtigt");
    CHECK(articles->front().revisions == 2);
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
    // A long page first, which finishes after the short ones behind it when there are workers
    // enough; more pages than the line holds at once; one page that fails.
    std::vector<std::string> paths{"/long"};
    for (int i = 0; i < 69; ++i) paths.push_back("/a/" + std::to_string(i));
    paths.push_back("/blob");
    Server server;
    serve_feed(server, paths);
    serve_articles(server);
    server.http().Get("/long", [](const httplib::Request&, httplib::Response& response) {
        std::string paragraphs;
        for (int i = 0; i < 4000; ++i) paragraphs += "<p>Ein langer Absatz " + std::to_string(i) + " mit genug Worten darin.</p>";
        response.set_content("<html><body><article><h1>Lang</h1>" + paragraphs + "</article></body></html>", "text/html");
    });
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

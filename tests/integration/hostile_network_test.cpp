// Unattended dependability, part one: the real binary against hostile loopback servers
// (oversized, compressed, stalling, redirecting, not-a-feed answers), checked in the real
// SQLite file.

#include <catch2/catch.hpp>

#include "tests/integration/hostile_support.h"

using namespace newswire::test;
using namespace newswire::test::hostile;

TEST_CASE("a feed larger than max_body_bytes is that feed's error and the other feed is stored", "[integration][hostile]") {
    Site site;
    const std::string huge = rss({{"g1", site.url("/a/never.html")}}, "<description>" + std::string(100 * 1024, 'x') + "</description>");
    site.http().Get("/sized.xml", [&](const httplib::Request&, httplib::Response& response) {
        response.set_content(huge, "application/rss+xml");  // with Content-Length
    });
    site.http().Get("/streamed.xml", [&](const httplib::Request&, httplib::Response& response) {
        response.set_chunked_content_provider("application/rss+xml", [&](std::size_t offset, httplib::DataSink& sink) {
            if (offset >= huge.size()) {
                sink.done();
                return true;
            }
            return sink.write(huge.data() + offset, std::min<std::size_t>(4096, huge.size() - offset));
        });
    });
    site.http().Get("/good.xml", [&](const httplib::Request&, httplib::Response& response) {
        response.set_content(rss({{"ok", site.url("/a/ok.html")}}), "application/rss+xml");
    });
    site.http().Get("/a/ok.html", [](const httplib::Request&, httplib::Response& response) {
        response.set_content(article_page("ok"), "text/html; charset=utf-8");
    });
    TempDir dir;
    auto config = write_config(dir, {{"sized", site.url("/sized.xml")}, {"streamed", site.url("/streamed.xml")},
                                     {"good", site.url("/good.xml")}},
                               k_fetch + "  max_body_bytes: 64KiB\n");
    auto run = run_binary(config, {"run"});
    INFO(run.err);
    CHECK(run.exit_code == 1);
    CHECK(summary_line(run.err) ==
          "feeds: 3 due, 1 fetched, 0 not modified, 2 failed; items: 1 new or changed; pages: 1 fetched, 0 not modified, 0 failed, 0 refused by robots.txt; "
          "articles: 1 new, 0 revised, 0 re-read, 0 unchanged, 0 aliased, 0 not extracted");
    const std::string sized_error = "body exceeds the cap of 65536 bytes for " + site.url("/sized.xml");
    const std::string streamed_error = "body exceeds the cap of 65536 bytes for " + site.url("/streamed.xml");
    CHECK(contains(run.err, "\n  feed sized: " + sized_error + "\n"));
    CHECK(contains(run.err, "\n  feed streamed: " + streamed_error + "\n"));

    Sql db(dir.path() / "news.db");
    CHECK(db.column("SELECT last_error FROM feeds ORDER BY name") ==
          std::vector<std::string>{"", sized_error, streamed_error});
    CHECK(db.column("SELECT consecutive_failures FROM feeds ORDER BY name") == std::vector<std::string>{"0", "1", "1"});
    CHECK(db.column("SELECT f.name FROM items i JOIN feeds f ON f.id = i.feed_id") == std::vector<std::string>{"good"});
    CHECK(db.column("SELECT canonical_url FROM articles") == std::vector<std::string>{site.url("/a/ok.html")});
    CHECK(site.requests("/a/never.html") == 0);
}

TEST_CASE("a gzip bomb is cut at the cap: the page fails, memory stays small, the run completes", "[integration][hostile]") {
    const std::string bomb = gzip_bomb(1'000'000);  // ~1.6 MB on the wire, ~258 MB decoded
    const std::size_t cap = 4 * 1024 * 1024;
    REQUIRE(bomb.size() < cap);  // only the decoded size can trip the cap
    std::unique_ptr<RawServer> server;
    server = std::make_unique<RawServer>([&](const std::string& path) -> std::optional<std::string> {
        if (path == "/feed.xml") {
            return raw_response("Content-Type: application/rss+xml\r\n",
                                rss({{"bomb", server->url("/bomb.html")}, {"ok", server->url("/ok.html")}}));
        }
        if (path == "/bomb.xml" || path == "/bomb.html") {
            return raw_response("Content-Type: text/html; charset=utf-8\r\nContent-Encoding: gzip\r\n", bomb);
        }
        if (path == "/ok.html") return raw_response("Content-Type: text/html; charset=utf-8\r\n", article_page("ok"));
        if (path == "/headers.xml") {  // endless small header lines: curl keeps every one for its header API
            std::string junk;
            for (int i = 0; i < 20'000; ++i) junk += "X-Filler-" + std::to_string(i) + ": " + std::string(60, 'h') + "\r\n";
            return raw_response(junk, "<rss version=\"2.0\"><channel><title>T</title></channel></rss>");
        }
        return "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
    });
    TempDir dir;
    auto config = write_config(dir, {{"news", server->url("/feed.xml")}, {"bombfeed", server->url("/bomb.xml")},
                                     {"headers", server->url("/headers.xml")}},
                               k_fetch + "  max_body_bytes: 4MiB\n");
    auto run = run_binary(config, {"run"});
    INFO(run.err);
    CHECK(run.exit_code == 1);
    CHECK(run.seconds < 10);
    // ~25 MiB; under ASan with fuzzing instrumentation ~190 MiB of shadow and quarantine. The
    // decoded bomb alone would be 246 MiB on top of either.
#ifdef NEWSWIRE_SANITIZED
    CHECK(run.max_rss_kib < 300 * 1024);
#else
    CHECK(run.max_rss_kib < 100 * 1024);
#endif
    const std::string bomb_error = "body exceeds the cap of 4194304 bytes for " + server->url("/bomb.html");
    const std::string feed_error = "body exceeds the cap of 4194304 bytes for " + server->url("/bomb.xml");
    CHECK(contains(run.err, "\n  feed bombfeed: " + feed_error + "\n"));
    CHECK(contains(run.err, "\n  page " + server->url("/bomb.html") + ": " + bomb_error + "\n"));

    Sql db(dir.path() / "news.db");
    CHECK(db.column("SELECT error || ' | ' || retryable || ' | ' || (body IS NULL) FROM pages WHERE url = " +
                    quoted(server->url("/bomb.html"))) == std::vector<std::string>{bomb_error + " | 0 | 1"});
    CHECK(db.column("SELECT canonical_url FROM articles") == std::vector<std::string>{server->url("/ok.html")});
    CHECK(db.column("SELECT last_error FROM feeds WHERE name = 'bombfeed'") == std::vector<std::string>{feed_error});
    auto headers_error = db.text("SELECT last_error FROM feeds WHERE name = 'headers'");
    CHECK(contains(headers_error, "header"));
    CHECK(contains(headers_error, " for " + server->url("/headers.xml")));
}

TEST_CASE("answers that are not feeds are each recorded with a clear error and the run goes on", "[integration][hostile]") {
    Site site;
    auto serve = [&](const std::string& path, std::string body, const std::string& type) {
        site.http().Get(path, [body, type](const httplib::Request&, httplib::Response& response) {
            response.set_content(body, type);
        });
    };
    serve("/html.xml", "<!DOCTYPE html>\n<html><head><title>Wartung</title></head><body><p>Bald zurück</p></body></html>",
          "text/html; charset=utf-8");
    serve("/empty.xml", "", "application/rss+xml");
    serve("/image.xml", k_png, "image/png");
    std::string whole = rss({{"one", site.url("/a/one.html")}, {"two", site.url("/a/two.html")}});
    serve("/truncated.xml", whole.substr(0, whole.rfind("</item>")) , "application/rss+xml");
    serve("/a/one.html", article_page("one"), "text/html; charset=utf-8");
    serve("/a/two.html", article_page("two"), "text/html; charset=utf-8");

    TempDir dir;
    std::vector<FeedEntry> broken{{"html", site.url("/html.xml")}, {"empty", site.url("/empty.xml")},
                                  {"image", site.url("/image.xml")}};
    const std::vector<std::string> errors{
        "not a feed: the document is empty",
        "not a feed: this is an HTML page (a web page, not its RSS or Atom feed)",
        "not a feed: the bytes are a PNG image",
    };

    SECTION("with a truncated feed read leniently beside them: exit 1") {
        broken.push_back({"truncated", site.url("/truncated.xml")});
        auto run = run_binary(write_config(dir, broken), {"run"});
        INFO(run.err);
        CHECK(run.exit_code == 1);
        CHECK(contains(run.err, "\n  feed html: " + errors[1] + "\n"));
        CHECK(contains(run.err, "\n  feed empty: " + errors[0] + "\n"));
        CHECK(contains(run.err, "\n  feed image: " + errors[2] + "\n"));
        CHECK_FALSE(contains(run.err, "feed truncated"));
        Sql db(dir.path() / "news.db");
        CHECK(db.column("SELECT last_error FROM feeds WHERE name <> 'truncated' ORDER BY name") == errors);
        CHECK(db.column("SELECT last_error FROM feeds WHERE name = 'truncated'") == std::vector<std::string>{""});
        CHECK(db.column("SELECT guid FROM items ORDER BY guid") == std::vector<std::string>{"one", "two"});
        CHECK(db.integer("SELECT count(*) FROM articles") == 2);
    }
    SECTION("alone, every due feed failed: exit 3, and status lists each error") {
        auto config = write_config(dir, broken);
        auto run = run_binary(config, {"run"});
        INFO(run.err);
        CHECK(run.exit_code == 3);
        auto status = run_binary(config, {"status"});
        CHECK(status.exit_code == 0);
        CHECK(contains(status.out, "feeds 3 (3 failing)"));
        for (const auto& error : errors) CHECK(contains(status.out, error + "\n"));
        Sql db(dir.path() / "news.db");
        CHECK(db.integer("SELECT count(*) FROM fetches WHERE error <> ''") == 3);
    }
}

// Guards Pipeline::parse recording what it could not extract (it once retried such pages, and
// exited 1, on every run).
TEST_CASE("a page that is no article fails once, is recorded, and does not fail every later run",
          "[integration][hostile]") {
    Site site;
    site.http().Get("/feed.xml", [&](const httplib::Request&, httplib::Response& response) {
        response.set_content(rss({{"empty", site.url("/p/empty.html")}, {"text", site.url("/p/text.html")},
                                  {"ok", site.url("/a/ok.html")}}),
                             "application/rss+xml");
    });
    site.http().Get("/p/empty.html", [](const httplib::Request&, httplib::Response& response) {
        response.set_content("", "text/html");
    });
    site.http().Get("/p/text.html", [](const httplib::Request&, httplib::Response& response) {
        response.set_content("Nur Text, kein Markup.", "text/html");
    });
    site.http().Get("/a/ok.html", [](const httplib::Request&, httplib::Response& response) {
        response.set_content(article_page("ok"), "text/html; charset=utf-8");
    });
    TempDir dir;
    auto config = write_config(dir, {{"news", site.url("/feed.xml")}});
    auto first = run_binary(config, {"run"});
    INFO(first.err);
    CHECK(first.exit_code == 1);
    CHECK(summary_line(first.err) ==
          "feeds: 1 due, 1 fetched, 0 not modified, 0 failed; items: 3 new or changed; pages: 3 fetched, 0 not modified, 0 failed, 0 refused by robots.txt; "
          "articles: 1 new, 0 revised, 0 re-read, 0 unchanged, 0 aliased, 2 not extracted");
    CHECK(contains(first.err, "\n  page " + site.url("/p/empty.html") + ": the page has no markup at all\n"));
    CHECK(contains(first.err, "\n  page " + site.url("/p/text.html") + ": the page has no markup at all\n"));
    {
        Sql db(dir.path() / "news.db");
        CHECK(db.column("SELECT p.url || ': ' || f.error FROM parse_failures f JOIN pages p ON p.id = f.page_id"
                        " ORDER BY p.url") ==
              std::vector<std::string>{site.url("/p/empty.html") + ": the page has no markup at all",
                                       site.url("/p/text.html") + ": the page has no markup at all"});
    }
    auto second = run_binary(config, {"run"});
    INFO(second.err);
    CHECK(second.exit_code == 0);
    CHECK(second.err.empty());
}

TEST_CASE("pages that redirect to other schemes or to private addresses are refused; the rest is fine", "[integration][hostile]") {
    Site site;
    const std::string port = std::to_string(site.port());
    const std::map<std::string, std::string> redirects{
        {"/r/ftp", "ftp://127.0.0.1:" + port + "/a/ok.html"},
        {"/r/loopback", "http://127.0.0.2:" + port + "/a/ok.html"},
        {"/r/v6", "http://[::1]:" + port + "/a/ok.html"},
        {"/r/metadata", "http://169.254.169.254/latest/meta-data/"},
        {"/r/mapped", "http://[::ffff:10.0.0.1]:" + port + "/a/ok.html"},
        {"/r/loop", "http://127.0.0.1:" + port + "/r/loop"},
        {"/moved.xml", "http://127.0.0.2:" + port + "/feed.xml"},
    };
    for (const auto& [from, to] : redirects) {
        site.http().Get(from, [to = to](const httplib::Request&, httplib::Response& response) {
            response.set_redirect(to);
        });
    }
    const std::string direct_private = "http://10.0.0.1:" + port + "/a/ok.html";
    site.http().Get("/feed.xml", [&](const httplib::Request&, httplib::Response& response) {
        std::vector<std::pair<std::string, std::string>> items{{"ok", site.url("/a/ok.html")}, {"private", direct_private},
                                                               {"file", "file:///etc/passwd"}, {"data", "data:text/html,hi"}};
        for (const auto& entry : redirects) {
            if (entry.first.starts_with("/r/")) items.emplace_back(entry.first.substr(3), site.url(entry.first));
        }
        response.set_content(rss(items), "application/rss+xml");
    });
    site.http().Get("/a/ok.html", [](const httplib::Request&, httplib::Response& response) {
        response.set_content(article_page("ok"), "text/html; charset=utf-8");
    });
    TempDir dir;
    auto config = write_config(dir, {{"news", site.url("/feed.xml")}, {"moved", site.url("/moved.xml")}},
                               "  allow_private_addresses: false\n  allowed_networks: [127.0.0.1/32]\n"
                               "  per_host_interval: 1ms\n  timeout: 3s\n  connect_timeout: 2s\n  retries: 0\n");
    auto run = run_binary(config, {"run"});
    INFO(run.err);
    CHECK(run.exit_code == 1);
    CHECK(summary_line(run.err) ==
          "feeds: 2 due, 1 fetched, 0 not modified, 1 failed; items: 10 new or changed; pages: 1 fetched, 0 not modified, 9 failed, 0 refused by robots.txt; "
          "articles: 1 new, 0 revised, 0 re-read, 0 unchanged, 0 aliased, 0 not extracted");
    CHECK(site.requests("/a/ok.html") == 1);  // only by the direct link: no redirect reached it

    auto refused = [&](const std::string& from, const std::string& why) {
        return "private address refused (" + why + ") for " + site.url(from) + " (redirected to " + redirects.at(from) + ")";
    };
    Sql db(dir.path() / "news.db");
    auto error_of = [&](const std::string& url) {
        return db.column("SELECT error || ' | retryable ' || retryable FROM pages WHERE url = " + quoted(url));
    };
    CHECK(error_of(site.url("/a/ok.html")) == std::vector<std::string>{" | retryable 0"});
    CHECK(error_of(site.url("/r/loopback")) ==
          std::vector<std::string>{refused("/r/loopback", "127.0.0.2 is a loopback address") + " | retryable 0"});
    CHECK(error_of(site.url("/r/v6")) == std::vector<std::string>{refused("/r/v6", "::1 is a loopback address") + " | retryable 0"});
    CHECK(error_of(site.url("/r/metadata")) ==
          std::vector<std::string>{refused("/r/metadata", "169.254.169.254 is a link-local address") + " | retryable 0"});
    CHECK(error_of(site.url("/r/mapped")) ==
          std::vector<std::string>{refused("/r/mapped", "10.0.0.1 is a private address") + " | retryable 0"});
    CHECK(error_of(direct_private) ==
          std::vector<std::string>{"private address refused (10.0.0.1 is a private address) for " + direct_private +
                                   " | retryable 0"});
    auto ftp = error_of(site.url("/r/ftp"));
    REQUIRE(ftp.size() == 1);
    CHECK(ftp[0].rfind("only http and https are allowed (", 0) == 0);
    CHECK(contains(ftp[0], ") for " + site.url("/r/ftp") + " (redirected to " + redirects.at("/r/ftp") + ") | retryable 0"));
    CHECK(error_of("file:///etc/passwd") ==
          std::vector<std::string>{"only http and https are allowed: file:///etc/passwd | retryable 0"});
    CHECK(error_of("data:text/html,hi") ==
          std::vector<std::string>{"not an absolute http(s) URL: 'data:text/html,hi' | retryable 0"});
    CHECK(db.integer("SELECT count(*) FROM pages WHERE body IS NOT NULL") == 1);
    CHECK(db.column("SELECT canonical_url FROM articles") == std::vector<std::string>{site.url("/a/ok.html")});
    CHECK(error_of(site.url("/r/loop")) ==
          std::vector<std::string>{"Maximum (5) redirects followed for " + site.url("/r/loop") + " | retryable 0"});
    CHECK(site.requests("/r/loop") == 6);
    CHECK(db.column("SELECT last_error FROM feeds ORDER BY name") ==
          std::vector<std::string>{refused("/moved.xml", "127.0.0.2 is a loopback address"), ""});

    auto again = run_binary(config, {"run"});  // refusals are final: nothing is asked again
    CHECK(again.exit_code == 0);
    CHECK(site.requests("/r/loopback") == 1);
}

TEST_CASE("a server that accepts and never answers costs one timeout, recorded as the error", "[integration][hostile]") {
    RawServer silent([](const std::string&) -> std::optional<std::string> { return std::nullopt; });
    Site site;
    site.http().Get("/feed.xml", [&](const httplib::Request&, httplib::Response& response) {
        response.set_content(rss({{"stalled", silent.url("/page.html")}, {"ok", site.url("/a/ok.html")}}),
                             "application/rss+xml");
    });
    site.http().Get("/a/ok.html", [](const httplib::Request&, httplib::Response& response) {
        response.set_content(article_page("ok"), "text/html; charset=utf-8");
    });
    TempDir dir;
    auto config = write_config(dir, {{"silent", silent.url("/feed.xml")}, {"news", site.url("/feed.xml")}},
                               "  allow_private_addresses: true\n  per_host_interval: 1ms\n  timeout: 1s\n"
                               "  connect_timeout: 1s\n  retries: 0\n");
    auto run = run_binary(config, {"run"});
    INFO(run.err);
    CHECK(run.exit_code == 1);
    CHECK(run.seconds < 2 * 1.0 + 3.0);  // the feed stage and the page stage wait once each
    CHECK(summary_line(run.err) ==
          "feeds: 2 due, 1 fetched, 0 not modified, 1 failed; items: 2 new or changed; pages: 1 fetched, 0 not modified, 1 failed, 0 refused by robots.txt; "
          "articles: 1 new, 0 revised, 0 re-read, 0 unchanged, 0 aliased, 0 not extracted");
    Sql db(dir.path() / "news.db");
    auto feed_error = db.text("SELECT last_error FROM feeds WHERE name = 'silent'");
    CHECK(contains(feed_error, "timed out"));
    CHECK(contains(feed_error, " for " + silent.url("/feed.xml")));
    auto page_error = db.text("SELECT error FROM pages WHERE url = " + quoted(silent.url("/page.html")));
    CHECK(contains(page_error, "timed out"));
    CHECK(db.integer("SELECT retryable FROM pages WHERE url = " + quoted(silent.url("/page.html"))) == 1);
    CHECK(db.integer("SELECT count(*) FROM articles") == 1);
}


// Unattended dependability, part two: runs killed by SIGKILL at chosen and arbitrary moments,
// pathological sizes and nesting, a corrupt database file, and mis-encoded bytes, all checked
// in the real SQLite file.

#include <catch2/catch.hpp>

#include "tests/integration/hostile_support.h"

using namespace newswire::test;
using namespace newswire::test::hostile;

namespace {

// Pages /a/<n> answer at once; pages /b/<n> hang until release() (or the site's end).
class SlowSite {
public:
    explicit SlowSite(int fast, int slow) {
        std::vector<std::pair<std::string, std::string>> items;
        for (int i = 1; i <= fast; ++i) items.emplace_back("a" + std::to_string(i), m_site.url("/a/" + std::to_string(i)));
        for (int i = 1; i <= slow; ++i) items.emplace_back("b" + std::to_string(i), m_site.url("/b/" + std::to_string(i)));
        m_feed = rss(items);
        m_site.http().Get("/feed.xml", [this](const httplib::Request&, httplib::Response& response) {
            response.set_content(m_feed, "application/rss+xml");
        });
        m_site.http().Get(R"(/([ab])/(\d+))", [this](const httplib::Request& request, httplib::Response& response) {
            if (request.matches[1] == "b") {
                std::unique_lock lock(m_mutex);
                ++m_waiting;
                m_released.wait(lock, [this] { return m_open; });
            }
            response.set_content(article_page(std::string(request.matches[1]) + std::string(request.matches[2])),
                                 "text/html; charset=utf-8");
        });
    }
    ~SlowSite() { release(); }
    void release() {
        std::lock_guard lock(m_mutex);
        m_open = true;
        m_released.notify_all();
    }
    int waiting() {
        std::lock_guard lock(m_mutex);
        return m_waiting;
    }
    Site& site() { return m_site; }

private:
    std::mutex m_mutex;
    std::condition_variable m_released;
    bool m_open = false;
    int m_waiting = 0;
    std::string m_feed;
    Site m_site;  // last: its handler threads stop before the members they use go
};

}  // namespace

TEST_CASE("a run killed mid-fetch leaves a whole database and the next run finishes the rest", "[integration][hostile]") {
    SlowSite slow(4, 6);
    Site& site = slow.site();
    TempDir dir;
    auto config = write_config(dir, {{"news", site.url("/feed.xml")}},
                               k_fetch + "  per_host_concurrency: 2\n");
    {
        Process first(config, {"run"});
        auto deadline = std::chrono::steady_clock::now() + 10s;
        while (slow.waiting() < 2 && std::chrono::steady_clock::now() < deadline) std::this_thread::sleep_for(5ms);
        REQUIRE(slow.waiting() == 2);  // both slots hang on /b/1 and /b/2; /a/* are done
        std::this_thread::sleep_for(300ms);
        first.kill_now();
        CHECK(first.wait().exit_code == 128 + SIGKILL);
    }
    check_whole(dir.path() / "news.db");
    {
        Sql db(dir.path() / "news.db");
        CHECK(db.integer("SELECT count(*) FROM items") == 10);
        CHECK(db.column("SELECT url FROM pages ORDER BY url") ==
              std::vector<std::string>{site.url("/a/1"), site.url("/a/2"), site.url("/a/3"), site.url("/a/4")});
        CHECK(db.integer("SELECT count(*) FROM items WHERE needs_page = 1") == 6);
        CHECK(db.integer("SELECT count(*) FROM articles") == 0);
    }
    slow.release();
    auto second = run_binary(config, {"run"});
    INFO(second.err);
    CHECK(second.exit_code == 0);
    CHECK(second.err.empty());
    check_whole(dir.path() / "news.db");
    Sql db(dir.path() / "news.db");
    CHECK(db.integer("SELECT count(*) FROM pages WHERE status = 200 AND error = ''") == 10);
    CHECK(db.integer("SELECT count(*) FROM articles") == 10);
    CHECK(site.requests("/feed.xml") == 1);  // not due again: the second run only continued
    for (int i = 1; i <= 4; ++i) CHECK(site.requests("/a/" + std::to_string(i)) == 1);
    CHECK(site.requests("/b/1") == 2);
    CHECK(site.requests("/b/2") == 2);
    for (int i = 3; i <= 6; ++i) CHECK(site.requests("/b/" + std::to_string(i)) == 1);
}

TEST_CASE("runs killed at arbitrary moments never leave half rows; the last run completes", "[integration][hostile]") {
    Site site;
    std::vector<std::pair<std::string, std::string>> items;
    for (int i = 1; i <= 60; ++i) items.emplace_back("n" + std::to_string(i), site.url("/a/" + std::to_string(i)));
    site.http().Get("/feed.xml", [&](const httplib::Request&, httplib::Response& response) {
        response.set_content(rss(items), "application/rss+xml");
    });
    site.http().Get(R"(/a/(\d+))", [](const httplib::Request& request, httplib::Response& response) {
        std::this_thread::sleep_for(10ms);
        response.set_content(article_page("n" + std::string(request.matches[1])), "text/html; charset=utf-8");
    });
    TempDir dir;
    auto config = write_config(dir, {{"news", site.url("/feed.xml")}}, k_fetch + "  per_host_concurrency: 2\n");
    auto database = dir.path() / "news.db";
    auto progress = [&] {
        Sql db(database);
        return std::pair(db.integer("SELECT count(*) FROM pages"), db.integer("SELECT count(*) FROM articles"));
    };
    auto kill_when = [&](const std::function<bool()>& moment) {
        Process run(config, {"run"});
        auto deadline = std::chrono::steady_clock::now() + 10s;
        while (!moment() && std::chrono::steady_clock::now() < deadline) std::this_thread::sleep_for(1ms);
        run.kill_now();
        int code = run.wait().exit_code;
        CHECK((code == 128 + SIGKILL || code == 0));
        if (fs::exists(database)) check_whole(database);
    };
    auto start = std::chrono::steady_clock::now();
    kill_when([&] { return std::chrono::steady_clock::now() - start > 30ms; });  // start-up or the feed stage
    kill_when([&] { return count_quietly(database, "pages") >= 5; });            // the page stage
    auto [pages, articles] = progress();
    CHECK(pages > 0);
    CHECK(pages < 60);
    CHECK(articles == 0);
    kill_when([&] { return count_quietly(database, "articles") > 0; });          // the parse stage
    std::tie(pages, articles) = progress();
    CHECK(pages == 60);
    CHECK(articles > 0);
    auto parse = run_binary(config, {"parse"});  // the parse stage alone finishes what the kill cut
    INFO(parse.err);
    CHECK(parse.exit_code == 0);
    CHECK(progress().second == 60);
    auto last = run_binary(config, {"run"});
    INFO(last.err);
    CHECK(last.exit_code == 0);
    check_whole(dir.path() / "news.db");
    Sql db(dir.path() / "news.db");
    CHECK(db.integer("SELECT count(*) FROM items") == 60);
    CHECK(db.integer("SELECT count(*) FROM articles") == 60);
    CHECK(db.integer("SELECT count(*) FROM article_pages") == 60);
    CHECK(db.integer("SELECT count(*) FROM revisions") == 60);
    int page_requests = 0;
    for (const auto& [path, count] : site.counts()) page_requests += path == "/feed.xml" ? 0 : count;
    CHECK(page_requests <= 60 + 3 * 2);  // a kill costs at most the two fetches in flight
}

// Regression: Gumbo 0.10 spends time superlinear in the nesting depth (40,000 nested <div>s:
// 14 s, 100,000: minutes); the extractor's pre-pass bounds the depth so no page can hang a run.
TEST_CASE("deeply nested feeds and pages are read or refused in bounded time; the run goes on",
          "[integration][hostile]") {
    const int depth = 100'000;  // a 600 KB page, far below the body cap
    std::string nested_divs, closing;
    for (int i = 0; i < depth; ++i) nested_divs += "<div>", closing += "</div>";
    Site site;
    site.http().Get("/feed.xml", [&](const httplib::Request&, httplib::Response& response) {
        std::string deep_item = "<item><title>Tief</title><description>" + nested_divs + "x" + closing +
                                "</description><link>" + site.url("/deep.html") + "</link><guid>deep</guid></item>";
        response.set_content(rss({{"ok", site.url("/a/ok.html")}}, deep_item), "application/rss+xml");
    });
    site.http().Get("/deep.html", [&](const httplib::Request&, httplib::Response& response) {
        response.set_content("<html><body><article><h1>Tief</h1>" + nested_divs + "<p>Text</p>" + closing +
                                 "</article></body></html>",
                             "text/html; charset=utf-8");
    });
    site.http().Get("/a/ok.html", [](const httplib::Request&, httplib::Response& response) {
        response.set_content(article_page("ok"), "text/html; charset=utf-8");
    });
    TempDir dir;
    auto run = run_binary(write_config(dir, {{"news", site.url("/feed.xml")}}), {"run"}, 5s);
    INFO(run.err);
    CHECK(run.exit_code != 128 + SIGKILL);  // killed at 5 s
    CHECK(run.exit_code <= 1);
    Sql db(dir.path() / "news.db");
    CHECK(db.column("SELECT guid FROM items ORDER BY guid") == std::vector<std::string>{"deep", "ok"});
    CHECK(db.column("SELECT canonical_url FROM articles WHERE canonical_url LIKE '%/a/ok.html'") ==
          std::vector<std::string>{site.url("/a/ok.html")});
}

TEST_CASE("a feed of 5000 items is stored once each and page fetching keeps to max_pages_per_run", "[integration][hostile]") {
    Site site;
    std::vector<std::pair<std::string, std::string>> items;
    for (int i = 0; i < 5000; ++i) items.emplace_back("g" + std::to_string(i), site.url("/p/" + std::to_string(i)));
    const std::string feed = rss(items);
    site.http().Get("/feed.xml", [&](const httplib::Request&, httplib::Response& response) {
        response.set_content(feed, "application/rss+xml");
    });
    site.http().Get(R"(/p/\d+)", [](const httplib::Request&, httplib::Response& response) { response.status = 404; });
    TempDir dir;
    auto config = write_config(dir, {{"big", site.url("/feed.xml")}}, k_fetch + "  concurrency: 4\n  per_host_concurrency: 4\n",
                               "  max_pages_per_run: 50\n");
    auto first = run_binary(config, {"run"});
    INFO(first.err);
    CHECK(first.exit_code == 1);
    CHECK(summary_line(first.err) ==
          "feeds: 1 due, 1 fetched, 0 not modified, 0 failed; items: 5000 new or changed; pages: 0 fetched, 0 not modified, 50 failed, 0 refused by robots.txt; "
          "articles: 0 new, 0 revised, 0 re-read, 0 unchanged, 0 aliased, 0 not extracted");
    CHECK(contains(first.err, "\n  … and 30 more (see `newswire status`)\n"));
    CHECK(contains(first.err, "\n  page " + site.url("/p/0") + ": HTTP 404 for " + site.url("/p/0") + "\n"));
    CHECK(site.counts().size() == 52);  // the feed, robots.txt (a 404: no rules), 50 pages

    auto second = run_binary(config, {"fetch", "--force"});
    INFO(second.err);
    CHECK(second.exit_code == 1);
    CHECK(summary_line(second.err) ==
          "feeds: 1 due, 1 fetched, 0 not modified, 0 failed; items: 0 new or changed; pages: 0 fetched, 0 not modified, 50 failed, 0 refused by robots.txt; "
          "articles: 0 new, 0 revised, 0 re-read, 0 unchanged, 0 aliased, 0 not extracted");
    auto counts = site.counts();
    CHECK(counts.size() == 102);  // 50 more pages, none of the first 50 again
    CHECK(counts["/feed.xml"] == 2);
    CHECK(counts["/robots.txt"] == 1);  // its answer is kept for a day
    CHECK(std::all_of(counts.begin(), counts.end(), [](const auto& entry) { return entry.first == "/feed.xml" || entry.second == 1; }));
    Sql db(dir.path() / "news.db");
    CHECK(db.integer("SELECT count(*) FROM items") == 5000);
    CHECK(db.integer("SELECT count(DISTINCT guid) FROM items") == 5000);
    CHECK(db.integer("SELECT count(*) FROM items WHERE needs_page = 1") == 4900);
    CHECK(db.integer("SELECT count(*) FROM pages WHERE status = 404 AND retryable = 0") == 100);
    CHECK(first.seconds + second.seconds < 20);
}

TEST_CASE("a run killed while storing a 20,000-item feed leaves all of its items or none", "[integration][hostile]") {
    Site site;
    std::vector<std::pair<std::string, std::string>> items;
    for (int i = 0; i < 20'000; ++i) items.emplace_back("g" + std::to_string(i), site.url("/p/" + std::to_string(i)));
    const std::string feed = rss(items);
    site.http().Get("/feed.xml", [&](const httplib::Request&, httplib::Response& response) {
        response.set_content(feed, "application/rss+xml");
    });
    std::vector<long long> stored;
    // Parsing and storing take ~200 ms here: kills from the feed's delivery on, spread over them.
    for (auto delay : {0ms, 100ms, 150ms, 200ms, 250ms}) {
        TempDir dir;
        auto config = write_config(dir, {{"big", site.url("/feed.xml")}});
        {
            int served = site.requests("/feed.xml");
            Process run(config, {"fetch", "--no-pages"});
            auto deadline = std::chrono::steady_clock::now() + 10s;
            while (site.requests("/feed.xml") == served && std::chrono::steady_clock::now() < deadline) {
                std::this_thread::sleep_for(1ms);
            }
            std::this_thread::sleep_for(delay);
            run.kill_now();
            run.wait();
        }
        if (!fs::exists(dir.path() / "news.db")) continue;
        check_whole(dir.path() / "news.db");
        stored.push_back(count_quietly(dir.path() / "news.db", "items"));
        INFO("killed after " << delay.count() << " ms");
        CHECK((stored.back() == 0 || stored.back() == 20'000));
        auto again = run_binary(config, {"fetch", "--no-pages"});
        CHECK(again.exit_code == 0);
        CHECK(count_quietly(dir.path() / "news.db", "items") == 20'000);
    }
    std::string trail;
    for (long long count : stored) trail += " " + std::to_string(count);
    INFO("items after each kill:" << trail);
    CHECK(!stored.empty());
}

TEST_CASE("a database file that is not SQLite stops the run with exit 4 and names the file", "[integration][hostile]") {
    TempDir dir;
    auto config = write_config(dir, {{"news", "http://127.0.0.1:9/feed.xml"}});
    write_text(dir.path() / "news.db", std::string(8192, '\x5a'));
    auto run = run_binary(config, {"run"});
    CHECK(run.exit_code == 4);
    CHECK(run.err == "newswire: " + (dir.path() / "news.db").string() + ": open: file is not a database\n");
    CHECK(read_text(dir.path() / "news.db") == std::string(8192, '\x5a'));  // left as it was
}

namespace {

// Two feeds and three pages with the encoding sins of real sites: Latin-1 bytes under a UTF-8
// declaration, windows-1252 without any declaration, and UTF-8 text with a few broken sequences.
class MisencodedSite {
public:
    MisencodedSite() {
        serve("/latin.xml", "application/rss+xml",
              "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>Gr\xfc\xdf" "e</title>"
              "<item><title>Gr\xfc\xdf" "e aus M\xfcnchen</title><link>" + m_site.url("/p/latin") +
                  "</link><guid>l1</guid></item>"
              "<item><title>Preise</title><link>" + m_site.url("/p/cp1252") + "</link><guid>l2</guid></item>"
              "</channel></rss>");
        serve("/mixed.xml", "application/rss+xml",
              "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>K\xc3\xb6ln</title>"
              "<item><title>K\xc3\xb6ln \xff\xfe kaputt \xc0\xaf \xed\xa0\x80 \xc3</title><link>" + m_site.url("/p/mixed") +
                  "</link><guid>m1</guid></item></channel></rss>");
        serve("/p/latin", "text/html",
              "<!doctype html><html lang=\"de\"><head><meta charset=\"utf-8\"><title>Gr\xfc\xdf" "e aus M\xfcnchen</title>"
              "</head><body><article><h1>Gr\xfc\xdf" "e aus M\xfcnchen</h1><p>Die M\xfcnchner Stra\xdf" "enbahn f\xe4hrt "
              "heute l\xe4nger, sagt die Stadt, und die Fahrg\xe4ste freuen sich \xfc" "ber den dichteren Takt am Abend.</p>"
              "<p>Ein zweiter Absatz, damit der Text lang genug f\xfcr einen Artikel ist, mit \xff\xfe\xc0\xaf Bytes.</p>"
              "</article></body></html>");
        serve("/p/cp1252", "text/html",
              "<!doctype html><html lang=\"de\"><head><title>Preise \x84steigen\x93</title></head>"
              "<body><article><h1>Preise \x84steigen\x93</h1><p>Ein Kaffee kostet jetzt 5 \x80, meldet der Verband "
              "der Caf\xe9s, und die G\xe4ste zahlen es trotzdem, weil es keine andere Wahl gibt.</p>"
              "<p>Der zweite Absatz erz\xe4hlt, warum das so ist und was die Stadt dagegen tun will.</p>"
              "</article></body></html>");
        serve("/p/mixed", "text/html; charset=utf-8",
              "<!doctype html><html lang=\"de\"><head><meta charset=\"utf-8\"><title>K\xc3\xb6ln feiert</title></head>"
              "<body><article><h1>K\xc3\xb6ln feiert</h1><p>Die K\xc3\xb6lner feiern \xe2\x80\x9e" "drau\xc3\x9f" "en\xe2\x80\x9c "
              "bis sp\xc3\xa4t in die Nacht, und ein kaputtes Byte \xff st\xc3\xb6rt niemanden dabei.</p>"
              "<p>Ein zweiter Absatz erz\xc3\xa4hlt, wie es weitergeht, und warum alle so fr\xc3\xb6hlich sind.</p>"
              "</article></body></html>");
    }
    std::string url(const std::string& path) const { return m_site.url(path); }
    std::vector<FeedEntry> feeds() const { return {{"latin", url("/latin.xml")}, {"mixed", url("/mixed.xml")}}; }

private:
    void serve(const std::string& path, const std::string& type, std::string body) {
        m_site.http().Get(path, [type, body = std::move(body)](const httplib::Request&, httplib::Response& response) {
            response.set_content(body, type);
        });
    }
    Site m_site;
};

std::map<std::string, nlohmann::json> exported_by_url(const fs::path& config) {
    auto exported = run_binary(config, {"export", "--format", "jsonl"});
    REQUIRE(exported.exit_code == 0);
    std::map<std::string, nlohmann::json> articles;
    std::istringstream lines(exported.out);
    for (std::string line; std::getline(lines, line);) {
        auto record = nlohmann::json::parse(line);  // throws on invalid UTF-8
        articles[record["url"]] = record;
    }
    return articles;
}

}  // namespace

TEST_CASE("invalid UTF-8 and Latin-1 bytes in feeds and pages are stored as valid UTF-8", "[integration][hostile]") {
    MisencodedSite site;
    TempDir dir;
    auto config = write_config(dir, site.feeds());
    auto run = run_binary(config, {"run"});
    INFO(run.err);
    CHECK(run.exit_code == 0);

    auto articles = exported_by_url(config);
    REQUIRE(articles.size() == 3);
    CHECK(articles[site.url("/p/latin")]["headline"] == "Grüße aus München");
    CHECK(articles[site.url("/p/cp1252")]["headline"] == "Preise „steigen“");
    CHECK(contains(articles[site.url("/p/cp1252")].dump(), "5 €, meldet der Verband der Cafés"));

    // export replaces what is invalid on output: the stored text itself must already be valid.
    Sql db(dir.path() / "news.db");
    std::vector<std::string> stored;
    for (const char* sql : {"SELECT title FROM feeds", "SELECT title FROM items", "SELECT document FROM items",
                            "SELECT headline FROM articles", "SELECT document FROM articles",
                            "SELECT document FROM revisions", "SELECT body FROM articles_fts"}) {
        for (auto& text : db.column(sql)) stored.push_back(std::move(text));
    }
    CHECK(stored.size() == 2 + 3 + 3 + 3 + 3 + 3 + 3);
    for (const auto& text : stored) {
        INFO(text);
        CHECK_NOTHROW(nlohmann::json(text).dump());  // the strict handler throws on invalid UTF-8
    }
    CHECK(db.column("SELECT title FROM items WHERE guid = 'l1'") == std::vector<std::string>{"Grüße aus München"});
    CHECK(db.column("SELECT title FROM feeds WHERE name = 'latin'") == std::vector<std::string>{"Grüße"});
}

// Regression: to_utf8 once read UTF-8 with a few broken sequences as windows-1252 as a whole.
TEST_CASE("UTF-8 with a few broken bytes keeps its good characters and loses only the broken ones",
          "[integration][hostile]") {
    MisencodedSite site;
    TempDir dir;
    auto config = write_config(dir, site.feeds());
    auto run = run_binary(config, {"run"});
    INFO(run.err);
    CHECK(run.exit_code == 0);
    CHECK(exported_by_url(config)[site.url("/p/mixed")]["headline"] == "Köln feiert");
    Sql db(dir.path() / "news.db");
    CHECK(db.column("SELECT title FROM feeds WHERE name = 'mixed'") == std::vector<std::string>{"Köln"});
    auto title = db.text("SELECT title FROM items WHERE guid = 'm1'");
    CHECK(title.rfind("Köln \xef\xbf\xbd", 0) == 0);  // U+FFFD where the broken bytes were
    CHECK(contains(title, " kaputt "));
}

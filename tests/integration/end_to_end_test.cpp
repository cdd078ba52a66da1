// The real binary against a real loopback HTTP server and a real SQLite file.

#include <catch2/catch.hpp>

#include <sys/file.h>
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <map>
#include <mutex>
#include <set>
#include <thread>

#include <httplib.h>
#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include "parser/article/extractor.h"
#include "tests/support/process.h"

using namespace newswire::test;

namespace {

// Two feeds (RSS 2.0 with ETag, Atom with Last-Modified) and the pages they link to. Article B
// is linked from both feeds, once with tracking parameters: it must be stored once.
class NewsSite {
public:
    NewsSite() {
        m_server.Get("/rss.xml", [this](const httplib::Request& request, httplib::Response& response) {
            count(request);
            const std::string etag = m_corrected ? "\"rss-v2\"" : "\"rss-v1\"";
            if (request.get_header_value("If-None-Match") == etag) {
                response.status = 304;
                return;
            }
            response.set_header("ETag", etag);
            response.set_content(rss(), "application/rss+xml; charset=utf-8");
        });
        m_server.Get("/atom.xml", [this](const httplib::Request& request, httplib::Response& response) {
            count(request);
            if (request.get_header_value("If-Modified-Since") == k_atom_modified) {
                response.status = 304;
                return;
            }
            response.set_header("Last-Modified", k_atom_modified);
            response.set_content(atom(), "application/atom+xml");
        });
        m_server.Get("/moved.xml", [this](const httplib::Request& request, httplib::Response& response) {
            count(request);
            response.set_redirect("/rss.xml", 308);
        });
        m_server.Get("/gone.xml", [this](const httplib::Request& request, httplib::Response& response) {
            count(request);
            response.status = 410;
        });
        m_server.Get(R"(/politik/(\w+)\.html)", [this](const httplib::Request& request, httplib::Response& response) {
            count(request);
            std::string name = request.matches[1];
            response.set_content(page(name), "text/html; charset=utf-8");
        });
        m_port = m_server.bind_to_any_port("127.0.0.1");
        m_thread = std::thread([this] { m_server.listen_after_bind(); });
        while (!m_server.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }

    ~NewsSite() {
        m_server.stop();
        m_thread.join();
    }

    std::string base() const { return "http://127.0.0.1:" + std::to_string(m_port); }

    int requests(const std::string& path) {
        std::lock_guard lock(m_mutex);
        return m_counts[path];
    }
    std::set<std::string> conditional_paths() {
        std::lock_guard lock(m_mutex);
        return m_conditional;
    }
    // The newsroom corrects article alpha: one word of its second paragraph, and its feed item.
    void correct() { m_corrected = true; }
    void reset_counts() {
        std::lock_guard lock(m_mutex);
        m_counts.clear();
        m_conditional.clear();
    }

    static constexpr const char* k_atom_modified = "Tue, 24 Nov 2026 08:00:00 GMT";

private:
    void count(const httplib::Request& request) {
        std::lock_guard lock(m_mutex);
        ++m_counts[request.path];
        if (request.has_header("If-None-Match") || request.has_header("If-Modified-Since")) {
            m_conditional.insert(request.path);
        }
    }

    std::string rss() const {
        return R"(<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Testwire Politik</title><link>)" + base() + R"(/</link>
<item><title>Erster Artikel)" + std::string(m_corrected ? " (korrigiert)" : "") + R"(</title><link>)" + base() + R"(/politik/alpha.html</link>
<guid isPermaLink="false">alpha-1</guid><pubDate>Tue, 24 Nov 2026 07:00:00 +0100</pubDate></item>
<item><title>Zweiter Artikel</title><link>)" + base() + R"(/politik/beta.html</link>
<guid isPermaLink="false">beta-1</guid><pubDate>Tue, 24 Nov 2026 07:30:00 +0100</pubDate></item>
</channel></rss>)";
    }

    std::string atom() const {
        return R"(<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Testwire Atom</title><id>urn:testwire</id>
<updated>2026-11-24T08:00:00Z</updated>
<entry><title>Zweiter Artikel</title><id>urn:testwire:beta</id>
<link rel="alternate" href=")" + base() + R"(/politik/beta.html?utm_source=atom&amp;utm_medium=feed"/>
<updated>2026-11-24T06:30:00Z</updated></entry>
<entry><title>Dritter Artikel</title><id>urn:testwire:gamma</id>
<link rel="alternate" href=")" + base() + R"(/politik/gamma.html"/>
<updated>2026-11-24T06:45:00Z</updated></entry>
</feed>)";
    }

    std::string page(const std::string& name) const {
        return R"(<!doctype html><html lang="de"><head><meta charset="utf-8">
<title>Artikel )" + name + R"( - Testwire</title>
<link rel="canonical" href=")" + base() + "/politik/" + name + R"(.html">
<meta property="og:title" content="Artikel )" + name + R"(">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
"headline":"Artikel )" + name + R"(","datePublished":"2026-11-24T07:00:00+01:00",
"author":{"@type":"Person","name":"Erika Muster"}}</script></head>
<body><header><nav><a href="/">Start</a> <a href="/politik">Politik</a></nav></header>
<main><article><h1>Artikel )" + name + R"(</h1>
<p>Dies ist der erste Absatz des Artikels )" + name + R"(, lang genug, um als Text zu gelten, mit einigen Sätzen über Politik und Gesellschaft.</p>
<h2>Eine Zwischenüberschrift</h2>
<p>Der zweite Absatz erzählt )" + (m_corrected && name == "alpha" ? "genauer" : "weiter") + R"(, was in der Sache )" + name + R"( geschehen ist, und warum es für die Leser wichtig sein könnte.</p>
</article></main><footer>Impressum</footer></body></html>)";
    }

    httplib::Server m_server;
    int m_port = 0;
    std::thread m_thread;
    std::mutex m_mutex;
    std::map<std::string, int> m_counts;
    std::set<std::string> m_conditional;
    std::atomic<bool> m_corrected = false;
};

std::string config_for(const std::string& base, const std::string& interval = "1s") {
    return "database: news.db\n"
           "fetch:\n  allow_private_addresses: true\n  per_host_interval: 1ms\n  timeout: 5s\n  retries: 0\n"
           "feeds:\n"
           "  - name: rss\n    url: " + base + "/rss.xml\n    interval: " + interval + "\n"
           "  - name: atom\n    url: " + base + "/atom.xml\n    interval: " + interval + "\n";
}

long long count_rows(const std::filesystem::path& database, const std::string& table) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open_v2(database.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
    sqlite3_stmt* statement = nullptr;
    std::string sql = "SELECT count(*) FROM " + table;
    REQUIRE(sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr) == SQLITE_OK);
    REQUIRE(sqlite3_step(statement) == SQLITE_ROW);
    long long count = sqlite3_column_int64(statement, 0);
    sqlite3_finalize(statement);
    sqlite3_close(db);
    return count;
}

std::vector<nlohmann::json> exported(const std::filesystem::path& config) {
    auto result = run_newswire("--config '" + config.string() + "' export --format jsonl");
    REQUIRE(result.exit_code == 0);
    std::vector<nlohmann::json> records;
    std::istringstream lines(result.out);
    for (std::string line; std::getline(lines, line);) {
        if (!line.empty()) records.push_back(nlohmann::json::parse(line));
    }
    std::sort(records.begin(), records.end(),
              [](const auto& a, const auto& b) { return a["headline"].dump() < b["headline"].dump(); });
    return records;
}

}  // namespace

TEST_CASE("a run fills the database from two feeds, each article once", "[integration]") {
    NewsSite site;
    TempDir dir;
    auto config = dir.path() / "config.yaml";
    write_text(config, config_for(site.base()));

    auto first = run_newswire("--config '" + config.string() + "' run");
    INFO(first.err);
    REQUIRE(first.exit_code == 0);
    CHECK(site.requests("/politik/alpha.html") == 1);
    CHECK(site.requests("/politik/beta.html") == 1);  // one page for the plain link and the one with utm_*
    CHECK(site.requests("/politik/gamma.html") == 1);

    auto database = dir.path() / "news.db";
    CHECK(count_rows(database, "feeds") == 2);
    CHECK(count_rows(database, "items") == 4);
    CHECK(count_rows(database, "articles") == 3);

    auto articles = exported(config);
    REQUIRE(articles.size() == 3);
    CHECK(articles[0]["headline"] == "Artikel alpha");
    CHECK(articles[1]["headline"] == "Artikel beta");
    CHECK(articles[2]["headline"] == "Artikel gamma");
    CHECK(articles[1]["canonical_url"] == site.base() + "/politik/beta.html");
    auto feeds_of_beta = articles[1]["feeds"].get<std::set<std::string>>();
    CHECK(feeds_of_beta == std::set<std::string>{"atom", "rss"});
    CHECK(articles[0]["feeds"] == nlohmann::json({"rss"}));
    CHECK(articles[0]["authors"] == nlohmann::json({"Erika Muster"}));
    CHECK(articles[0]["published"] == "2026-11-24T07:00:00+01:00");
    // The extractor may take an unmarked first paragraph as the teaser: the text is the same.
    std::vector<std::pair<std::string, std::string>> blocks;
    if (articles[2]["teaser"].is_string()) blocks.emplace_back("paragraph", articles[2]["teaser"]);
    for (const auto& block : articles[2]["body"]) blocks.emplace_back(block["type"], block["text"]);
    REQUIRE(blocks.size() == 3);
    CHECK(blocks[0].second.rfind("Dies ist der erste Absatz des Artikels gamma", 0) == 0);
    CHECK(blocks[1] == std::pair<std::string, std::string>{"heading", "Eine Zwischenüberschrift"});
    CHECK(blocks[2].second.rfind("Der zweite Absatz erzählt weiter", 0) == 0);

    SECTION("a second run asks conditionally, fetches no page again and changes no article") {
        std::this_thread::sleep_for(std::chrono::milliseconds(1100));  // the feeds' 1 s interval
        site.reset_counts();
        auto second = run_newswire("--config '" + config.string() + "' run");
        INFO(second.err);
        REQUIRE(second.exit_code == 0);
        CHECK(site.requests("/rss.xml") == 1);
        CHECK(site.requests("/atom.xml") == 1);
        CHECK(site.conditional_paths() == std::set<std::string>{"/rss.xml", "/atom.xml"});
        CHECK(site.requests("/politik/alpha.html") == 0);
        CHECK(site.requests("/politik/beta.html") == 0);
        CHECK(site.requests("/politik/gamma.html") == 0);
        CHECK(count_rows(database, "articles") == 3);
        CHECK(exported(config) == articles);
    }

    SECTION("search finds an article by words of its body, show prints it whole") {
        auto search = run_newswire("--config '" + config.string() + "' search 'Sache gamma'");
        REQUIRE(search.exit_code == 0);
        CHECK(search.out.find("Artikel gamma") != std::string::npos);
        CHECK(search.out.find("Artikel alpha") == std::string::npos);
        std::string id = std::to_string(articles[2]["id"].get<long long>());
        auto show = run_newswire("--config '" + config.string() + "' show " + id);
        REQUIRE(show.exit_code == 0);
        CHECK(nlohmann::json::parse(show.out) == articles[2]);
    }

    SECTION("a search that matches nothing says so and exits 1; a page that is not there is a usage error") {
        auto search = run_newswire("--config '" + config.string() + "' search 'Sache omega'");
        CHECK(search.exit_code == 1);
        CHECK(search.out.empty());
        CHECK(search.err == "newswire: no article matches 'Sache omega'\n");
        auto parse = run_newswire("--config '" + config.string() + "' parse --page 999");
        CHECK(parse.exit_code == 2);
        CHECK(parse.err == "newswire: no page 999 with stored bytes to extract (unknown, not fetched, or past "
                           "raw_body_retention)\n");
    }

    SECTION("export --since prints the articles created or changed since then") {
        auto all = run_newswire("--config '" + config.string() + "' export --since 2000-01-01");
        REQUIRE(all.exit_code == 0);
        CHECK(std::count(all.out.begin(), all.out.end(), '\n') == 3);
        auto none = run_newswire("--config '" + config.string() + "' export --since 2999-01-01T00:00:00Z");
        REQUIRE(none.exit_code == 0);
        CHECK(none.out.empty());
        auto bad = run_newswire("--config '" + config.string() + "' export --since yesterday");
        CHECK(bad.exit_code == 2);
        CHECK(bad.err == "newswire: --since must be an ISO 8601 date or time, not 'yesterday'\n");
    }

    SECTION("a corrected story is a new revision: diff shows what changed, show prints either text, by id or URL") {
        site.correct();
        const std::string cli = "--config '" + config.string() + "' ";
        auto fetch = run_newswire(cli + "fetch --force");
        INFO(fetch.err);
        REQUIRE(fetch.exit_code == 0);
        CHECK(site.requests("/politik/alpha.html") == 2);
        REQUIRE(run_newswire(cli + "parse").exit_code == 0);
        const std::string alpha = std::to_string(articles[0]["id"].get<long long>());
        const std::string beta = std::to_string(articles[1]["id"].get<long long>());

        auto diff = run_newswire(cli + "diff '" + site.base() + "/politik/alpha.html?utm_source=rss'");
        INFO(diff.err);
        REQUIRE(diff.exit_code == 0);
        const std::size_t hunk = diff.out.find("@@ ");
        REQUIRE(hunk != std::string::npos);
        CHECK(diff.out.rfind("--- article " + alpha + " revision 1, stored 20", 0) == 0);
        CHECK(diff.out.find("\n+++ article " + alpha + " revision 2, stored 20") != std::string::npos);
        CHECK(diff.out.substr(hunk) ==
              "@@ -3,4 +3,4 @@\n"
              " authors: Erika Muster\n"
              " published: 2026-11-24T07:00:00+01:00\n"
              " ## Eine Zwischenüberschrift\n"
              "-Der zweite Absatz erzählt weiter, was in der Sache alpha geschehen ist, und warum es für die "
              "Leser wichtig sein könnte.\n"
              "+Der zweite Absatz erzählt genauer, was in der Sache alpha geschehen ist, und warum es für die "
              "Leser wichtig sein könnte.\n");
        auto words = run_newswire(cli + "diff " + alpha + " --words");
        REQUIRE(words.exit_code == 0);
        CHECK(words.out.substr(words.out.find("@@ ")) ==
              "@@ -3,4 +3,4 @@\n"
              " authors: Erika Muster\n"
              " published: 2026-11-24T07:00:00+01:00\n"
              " ## Eine Zwischenüberschrift\n"
              "~Der zweite Absatz erzählt [-weiter,-] {+genauer,+} was in der Sache alpha geschehen ist, und "
              "warum es für die Leser wichtig sein könnte.\n");

        auto latest = run_newswire(cli + "show " + alpha);
        REQUIRE(latest.exit_code == 0);
        auto oldest = run_newswire(cli + "show '" + site.base() + "/politik/alpha.html' --revision 1");
        REQUIRE(oldest.exit_code == 0);
        auto latest_record = nlohmann::json::parse(latest.out), first_record = nlohmann::json::parse(oldest.out);
        CHECK(latest_record["revisions"] == 2);
        CHECK(first_record["revision"] == 1);
        CHECK(latest_record.dump().find("erzählt genauer") != std::string::npos);
        CHECK(first_record.dump().find("erzählt weiter") != std::string::npos);
        first_record.erase("revision");
        first_record.erase("stored_at");
        first_record["revisions"] = 1;
        CHECK(first_record == articles[0]);

        auto one = run_newswire(cli + "diff " + beta);
        CHECK(one.exit_code == 1);
        CHECK(one.err == "newswire: article " + beta + " has one revision: nothing to compare\n");
        auto past = run_newswire(cli + "diff " + alpha + " --from 1 --to 3");
        CHECK(past.exit_code == 1);
        CHECK(past.err == "newswire: article " + alpha + " has no revision 3 (it has 1 to 2)\n");
        auto elsewhere = run_newswire(cli + "show https://example.org/politik/alpha.html");
        CHECK(elsewhere.exit_code == 1);
        CHECK(elsewhere.err == "newswire: no article has the URL https://example.org/politik/alpha.html\n");
    }

    SECTION("status names every feed") {
        auto status = run_newswire("--config '" + config.string() + "' status");
        REQUIRE(status.exit_code == 0);
        CHECK(status.out.find("rss") != std::string::npos);
        CHECK(status.out.find("atom") != std::string::npos);
        CHECK(status.out.find("articles 3") != std::string::npos);
    }
}

TEST_CASE("--version names the extractor and the database schema the binary writes", "[integration]") {
    NewsSite site;
    TempDir dir;
    auto config = dir.path() / "config.yaml";
    write_text(config, config_for(site.base()));
    REQUIRE(run_newswire("--config '" + config.string() + "' run").exit_code == 0);
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open_v2((dir.path() / "news.db").c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
    sqlite3_stmt* statement = nullptr;
    REQUIRE(sqlite3_prepare_v2(db, "SELECT MAX(version) FROM schema_version", -1, &statement, nullptr) == SQLITE_OK);
    REQUIRE(sqlite3_step(statement) == SQLITE_ROW);
    const long long schema = sqlite3_column_int64(statement, 0);
    sqlite3_finalize(statement);
    sqlite3_close(db);

    auto version = run_newswire("--version");
    CHECK(version.exit_code == 0);
    CHECK(version.out == "newswire 0.1.0 (extractor " + std::to_string(newswire::k_extractor_version) +
                             ", database schema " + std::to_string(schema) + ")\n");
}

TEST_CASE("feeds that are not due are not fetched", "[integration]") {
    NewsSite site;
    TempDir dir;
    auto config = dir.path() / "config.yaml";
    write_text(config, config_for(site.base(), "1h"));
    REQUIRE(run_newswire("--config '" + config.string() + "' run").exit_code == 0);
    site.reset_counts();
    auto again = run_newswire("--config '" + config.string() + "' run");
    REQUIRE(again.exit_code == 0);
    CHECK(site.requests("/rss.xml") == 0);
    CHECK(site.requests("/atom.xml") == 0);

    auto forced = run_newswire("--config '" + config.string() + "' fetch --feed rss");
    REQUIRE(forced.exit_code == 0);
    CHECK(site.requests("/rss.xml") == 1);
    CHECK(site.requests("/atom.xml") == 0);
}

TEST_CASE("without a reachable server the run ends with a database and every feed's error", "[integration]") {
    TempDir dir;
    auto config = dir.path() / "config.yaml";
    // Port 9 (discard) on loopback: nothing listens there, so every connection is refused.
    write_text(config, config_for("http://127.0.0.1:9"));
    auto result = run_newswire("--config '" + config.string() + "' run");
    CHECK(result.exit_code == 3);
    CHECK(result.err.find("feed rss:") != std::string::npos);
    CHECK(result.err.find("feed atom:") != std::string::npos);
    CHECK(std::filesystem::exists(dir.path() / "news.db"));
    CHECK(count_rows(dir.path() / "news.db", "feeds") == 2);

    auto status = run_newswire("--config '" + config.string() + "' status");
    CHECK(status.exit_code == 0);
    CHECK(status.out.find("2 failing") != std::string::npos);
}

TEST_CASE("a second run while one holds the lock exits at once with its own code", "[integration]") {
    TempDir dir;
    auto config = dir.path() / "config.yaml";
    write_text(config, config_for("http://127.0.0.1:9"));
    int fd = ::open((dir.path() / "news.db.lock").c_str(), O_RDWR | O_CREAT, 0644);
    REQUIRE(fd >= 0);
    REQUIRE(::flock(fd, LOCK_EX | LOCK_NB) == 0);
    auto result = run_newswire("--config '" + config.string() + "' run");
    ::close(fd);
    CHECK(result.exit_code == 5);
    CHECK(result.err.find("another newswire run is using") != std::string::npos);
}

TEST_CASE("a config with an unknown key stops before anything runs", "[integration]") {
    TempDir dir;
    auto config = dir.path() / "config.yaml";
    write_text(config, "database: news.db\nfetch:\n  speed: 11\n");
    auto result = run_newswire("--config '" + config.string() + "' run");
    CHECK(result.exit_code == 2);
    CHECK(result.err == "newswire: " + config.string() + ":3: fetch.speed: unknown key\n");
    CHECK_FALSE(std::filesystem::exists(dir.path() / "news.db"));
}

TEST_CASE("status tells which feeds moved and which are gone", "[integration]") {
    NewsSite site;
    TempDir dir;
    auto config = dir.path() / "config.yaml";
    write_text(config, "database: news.db\n"
                       "fetch:\n  allow_private_addresses: true\n  per_host_interval: 1ms\n  timeout: 5s\n  retries: 0\n"
                       "feeds:\n"
                       "  - name: moved\n    url: " + site.base() + "/moved.xml\n"
                       "  - name: gone\n    url: " + site.base() + "/gone.xml\n");
    auto run = run_newswire("--config '" + config.string() + "' run");
    CHECK(run.exit_code == 1);
    CHECK(run.err.find("feed gone: HTTP 410 for " + site.base() + "/gone.xml; the feed is gone") != std::string::npos);
    auto again = run_newswire("--config '" + config.string() + "' fetch --force");
    CHECK(again.exit_code == 0);
    CHECK(site.requests("/moved.xml") == 1);
    CHECK(site.requests("/gone.xml") == 1);
    CHECK(site.requests("/rss.xml") == 2);
    auto status = run_newswire("--config '" + config.string() + "' status");
    REQUIRE(status.exit_code == 0);
    CHECK(status.out.find("moved is fetched at " + site.base() + "/rss.xml (moved there, or named as the feed by the "
                          "configured page); update config.yaml\n") != std::string::npos);
    CHECK(status.out.find("gone is gone (HTTP 410) since ") != std::string::npos);
    CHECK(status.out.find("retry with `newswire fetch --feed gone`\n") != std::string::npos);
}

// Unattended dependability: the real binary against hostile loopback servers (oversized,
// compressed, stalling, redirecting, not-a-feed, mis-encoded answers) and against SIGKILL,
// checked in the real SQLite file.

#include <catch2/catch.hpp>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <condition_variable>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <thread>

#include <httplib.h>
#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include "tests/support/process.h"

extern char** environ;

using namespace newswire::test;
using namespace std::chrono_literals;
namespace fs = std::filesystem;

namespace {

// ---- the binary, started without a shell so its own rusage and pid are at hand ----

struct Outcome {
    int exit_code = -1;  // 128 + signal when killed
    std::string out, err;
    double seconds = 0;
    long max_rss_kib = 0;
};

class Process {
public:
    Process(const fs::path& config, const std::vector<std::string>& command) : m_dir(config.parent_path()) {
        static std::atomic<int> counter{0};
        std::string tag = std::to_string(++counter);
        m_out = m_dir / ("out-" + tag);
        m_err = m_dir / ("err-" + tag);
        std::vector<std::string> words{NEWSWIRE_BINARY, "--config", config.string()};
        words.insert(words.end(), command.begin(), command.end());
        std::vector<char*> argv;
        for (auto& word : words) argv.push_back(word.data());
        argv.push_back(nullptr);
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
        posix_spawn_file_actions_addopen(&actions, 1, m_out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        posix_spawn_file_actions_addopen(&actions, 2, m_err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        m_started = std::chrono::steady_clock::now();
        int spawned = posix_spawn(&m_pid, argv[0], &actions, nullptr, argv.data(), environ);
        posix_spawn_file_actions_destroy(&actions);
        REQUIRE(spawned == 0);
    }
    ~Process() {
        if (m_pid > 0) {
            ::kill(m_pid, SIGKILL);
            ::waitpid(m_pid, nullptr, 0);
        }
    }
    Process(const Process&) = delete;
    Process& operator=(const Process&) = delete;

    void kill_now() { ::kill(m_pid, SIGKILL); }

    // Waits until the process ends, killing it once `limit` has passed since its start.
    Outcome wait(std::chrono::milliseconds limit = std::chrono::minutes(5)) {
        int status = 0;
        rusage usage{};
        for (;;) {
            pid_t done = ::wait4(m_pid, &status, WNOHANG, &usage);
            if (done == m_pid || (done < 0 && errno != EINTR)) break;
            if (std::chrono::steady_clock::now() - m_started > limit) {
                kill_now();
                while (::wait4(m_pid, &status, 0, &usage) < 0 && errno == EINTR) {}
                break;
            }
            std::this_thread::sleep_for(2ms);
        }
        m_pid = -1;
        Outcome outcome;
        outcome.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - m_started).count();
        outcome.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        outcome.max_rss_kib = usage.ru_maxrss;
        outcome.out = read_text(m_out);
        outcome.err = read_text(m_err);
        return outcome;
    }

private:
    fs::path m_dir, m_out, m_err;
    pid_t m_pid = -1;
    std::chrono::steady_clock::time_point m_started;
};

Outcome run_binary(const fs::path& config, const std::vector<std::string>& command,
                   std::chrono::milliseconds limit = std::chrono::minutes(5)) {
    Process process(config, command);
    return process.wait(limit);
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// ---- servers ----

// cpp-httplib on 127.0.0.1 with a request count per path.
class Site {
public:
    Site() {
        m_server.set_logger([this](const httplib::Request& request, const httplib::Response&) {
            std::lock_guard lock(m_mutex);
            ++m_counts[request.path];
        });
        m_port = m_server.bind_to_any_port("127.0.0.1");
        m_thread = std::thread([this] { m_server.listen_after_bind(); });
        while (!m_server.is_running()) std::this_thread::sleep_for(1ms);
    }
    ~Site() {
        m_server.stop();
        m_thread.join();
    }
    httplib::Server& http() { return m_server; }
    int port() const { return m_port; }
    std::string url(const std::string& path) const { return "http://127.0.0.1:" + std::to_string(m_port) + path; }
    int requests(const std::string& path) {
        std::lock_guard lock(m_mutex);
        return m_counts[path];
    }
    std::map<std::string, int> counts() {
        std::lock_guard lock(m_mutex);
        return m_counts;
    }

private:
    httplib::Server m_server;
    int m_port = 0;
    std::thread m_thread;
    std::mutex m_mutex;
    std::map<std::string, int> m_counts;
};

// A loopback server that sends exactly the bytes it is given (no library adding or compressing
// anything). `respond` maps the request path to a whole HTTP response; std::nullopt keeps the
// connection open without ever answering.
class RawServer {
public:
    using Responder = std::function<std::optional<std::string>(const std::string& path)>;

    explicit RawServer(Responder respond) : m_respond(std::move(respond)) {
        m_listen = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t length = sizeof address;
        REQUIRE(::bind(m_listen, reinterpret_cast<sockaddr*>(&address), length) == 0);
        REQUIRE(::listen(m_listen, 16) == 0);
        REQUIRE(::getsockname(m_listen, reinterpret_cast<sockaddr*>(&address), &length) == 0);
        m_port = ntohs(address.sin_port);
        m_thread = std::thread([this] { serve(); });
    }
    ~RawServer() {
        m_stop = true;
        m_thread.join();
        for (int held : m_held) ::close(held);
        ::close(m_listen);
    }
    std::string url(const std::string& path) const { return "http://127.0.0.1:" + std::to_string(m_port) + path; }

private:
    void serve() {
        while (!m_stop) {
            pollfd ready{m_listen, POLLIN, 0};
            if (::poll(&ready, 1, 20) <= 0) continue;
            int connection = ::accept4(m_listen, nullptr, nullptr, SOCK_CLOEXEC);
            if (connection < 0) continue;
            timeval limit{2, 0};
            ::setsockopt(connection, SOL_SOCKET, SO_RCVTIMEO, &limit, sizeof limit);
            std::string request;
            char buffer[4096];
            while (request.find("\r\n\r\n") == std::string::npos) {
                ssize_t got = ::recv(connection, buffer, sizeof buffer, 0);
                if (got <= 0) break;
                request.append(buffer, static_cast<std::size_t>(got));
            }
            std::size_t start = request.find(' ') + 1;
            std::string path = request.substr(start, request.find(' ', start) - start);
            auto response = m_respond(path);
            if (!response) {
                m_held.push_back(connection);
                continue;
            }
            for (std::size_t sent = 0; sent < response->size();) {
                ssize_t n = ::send(connection, response->data() + sent, response->size() - sent, MSG_NOSIGNAL);
                if (n <= 0) break;
                sent += static_cast<std::size_t>(n);
            }
            ::close(connection);
        }
    }

    Responder m_respond;
    int m_listen = -1;
    int m_port = 0;
    std::atomic<bool> m_stop{false};
    std::vector<int> m_held;
    std::thread m_thread;
};

std::string raw_response(const std::string& head, const std::string& body) {
    return "HTTP/1.1 200 OK\r\n" + head + "Content-Length: " + std::to_string(body.size()) +
           "\r\nConnection: close\r\n\r\n" + body;
}

// ---- content ----

std::string rss(const std::vector<std::pair<std::string, std::string>>& items, const std::string& extra = "") {
    std::string text = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\"><channel><title>Testwire</title>" + extra;
    for (const auto& [guid, link] : items) {
        text += "<item><title>Titel " + guid + "</title><link>" + link + "</link><guid isPermaLink=\"false\">" + guid +
                "</guid></item>\n";
    }
    return text + "</channel></rss>\n";
}

std::string article_page(const std::string& name) {
    return "<!doctype html><html lang=\"de\"><head><meta charset=\"utf-8\"><title>Artikel " + name +
           "</title></head><body><main><article><h1>Artikel " + name +
           "</h1><p>Dies ist der erste Absatz des Artikels " + name +
           ", lang genug, um als Text zu gelten, mit einigen Sätzen über Politik und Gesellschaft.</p>"
           "<p>Der zweite Absatz erzählt weiter, was in der Sache " + name +
           " geschehen ist, und warum es für die Leser wichtig sein könnte.</p></article></main></body></html>";
}

// A 1x1 PNG.
const std::string k_png("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89"
                        "\0\0\0\rIDATx\x9c" "c\xf8\x0f\0\x01\x01\x01\0\x18\xdd\x8d\xb0\0\0\0\0IEND\xae" "B`\x82",
                        67);

// A gzip member whose single fixed-Huffman deflate block is a zero byte followed by `matches`
// copies of <length 258, distance 1>: 13 bits per 258 decoded bytes, the deflate maximum. The
// trailer's CRC is not that of the data: a fetcher that honours its cap never gets there.
std::string gzip_bomb(std::size_t matches) {
    std::string out("\x1f\x8b\x08\0\0\0\0\0\0\x03", 10);
    std::uint32_t bits = 0;
    int count = 0;
    auto put = [&](std::uint32_t value, int length) {  // LSB first, as deflate packs fields
        bits |= value << count;
        count += length;
        while (count >= 8) {
            out.push_back(static_cast<char>(bits & 0xff));
            bits >>= 8;
            count -= 8;
        }
    };
    auto put_code = [&](std::uint32_t code, int length) {  // Huffman codes go MSB first
        for (int i = length - 1; i >= 0; --i) put((code >> i) & 1u, 1);
    };
    put(1, 1);                 // BFINAL
    put(1, 2);                 // BTYPE 01: fixed Huffman codes
    put_code(0x30, 8);         // literal 0
    for (std::size_t i = 0; i < matches; ++i) {
        put_code(0xc5, 8);     // length code 285: 258 bytes
        put_code(0, 5);        // distance code 0: distance 1
    }
    put_code(0, 7);            // end of block
    if (count > 0) put(0, 8 - count);
    std::uint64_t size = 1 + 258ull * matches;
    for (int i = 0; i < 4; ++i) out.push_back(0);
    for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>((size >> (8 * i)) & 0xff));
    return out;
}

// ---- config and database ----

struct FeedEntry {
    std::string name, url;
};

const std::string k_fetch = "  allow_private_addresses: true\n  per_host_interval: 1ms\n  timeout: 5s\n"
                            "  connect_timeout: 2s\n  retries: 0\n";

fs::path write_config(const TempDir& dir, const std::vector<FeedEntry>& feeds, const std::string& fetch = k_fetch,
                      const std::string& schedule = "") {
    std::string text = "database: news.db\nfetch:\n" + fetch;
    if (!schedule.empty()) text += "schedule:\n" + schedule;
    text += "feeds:\n";
    for (const auto& feed : feeds) text += "  - name: " + feed.name + "\n    url: " + feed.url + "\n    interval: 1h\n";
    auto path = dir.path() / "config.yaml";
    write_text(path, text);
    return path;
}

// The database file through the sqlite3 C API; opened read-write so that a WAL left by a
// killed process is recovered exactly as the next run would.
class Sql {
public:
    explicit Sql(const fs::path& file) {
        REQUIRE(sqlite3_open_v2(file.c_str(), &m_db, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK);
        sqlite3_busy_timeout(m_db, 2000);
    }
    ~Sql() { sqlite3_close(m_db); }
    Sql(const Sql&) = delete;
    Sql& operator=(const Sql&) = delete;

    // The first column of every row as text ("NULL" for null).
    std::vector<std::string> column(const std::string& sql) {
        sqlite3_stmt* statement = nullptr;
        int prepared = sqlite3_prepare_v2(m_db, sql.c_str(), -1, &statement, nullptr);
        INFO(sql << ": " << sqlite3_errmsg(m_db));
        REQUIRE(prepared == SQLITE_OK);
        std::vector<std::string> values;
        int step = SQLITE_ROW;
        while ((step = sqlite3_step(statement)) == SQLITE_ROW) {
            auto* text = reinterpret_cast<const char*>(sqlite3_column_text(statement, 0));
            values.emplace_back(text ? std::string(text, static_cast<std::size_t>(sqlite3_column_bytes(statement, 0)))
                                     : "NULL");
        }
        sqlite3_finalize(statement);
        REQUIRE(step == SQLITE_DONE);
        return values;
    }
    std::string text(const std::string& sql) {
        auto values = column(sql);
        REQUIRE(values.size() == 1);
        return values[0];
    }
    long long integer(const std::string& sql) { return std::stoll(text(sql)); }

private:
    sqlite3* m_db = nullptr;
};

std::string quoted(const std::string& text) {
    std::string out = "'";
    for (char c : text) out += c == '\'' ? std::string("''") : std::string(1, c);
    return out + "'";
}

// What a killed run may never leave behind. A run killed while migrating leaves an older
// schema (each migration is one transaction): the next run migrates further.
void check_whole(const fs::path& database) {
    Sql db(database);
    CHECK(db.column("PRAGMA integrity_check") == std::vector<std::string>{"ok"});
    CHECK(db.column("PRAGMA foreign_key_check").empty());
    auto tables = db.column("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'");
    if (tables.empty() || db.integer("SELECT max(version) FROM schema_version") < 4) return;
    CHECK(db.integer("SELECT count(*) FROM articles a WHERE NOT EXISTS"
                     " (SELECT 1 FROM article_pages ap WHERE ap.article_id = a.id)") == 0);
    CHECK(db.integer("SELECT count(*) FROM articles a WHERE NOT EXISTS"
                     " (SELECT 1 FROM revisions r WHERE r.article_id = a.id)") == 0);
    CHECK(db.integer("SELECT count(*) FROM pages WHERE status BETWEEN 200 AND 299 AND error = ''"
                     " AND body IS NULL") == 0);
    CHECK(db.integer("SELECT count(*) FROM articles") == db.integer("SELECT count(*) FROM articles_fts"));
}

// For polling while a run writes: no assertions, 0 until the table exists.
long long count_quietly(const fs::path& database, const std::string& table) {
    sqlite3* db = nullptr;
    sqlite3_stmt* statement = nullptr;
    long long count = 0;
    std::string sql = "SELECT count(*) FROM " + table;
    if (sqlite3_open_v2(database.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK &&
        sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr) == SQLITE_OK &&
        sqlite3_step(statement) == SQLITE_ROW) {
        count = sqlite3_column_int64(statement, 0);
    }
    sqlite3_finalize(statement);
    sqlite3_close(db);
    return count;
}

std::string summary_line(const std::string& err) { return err.substr(0, err.find('\n')); }

}  // namespace

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
          "feeds: 3 due, 1 fetched, 0 not modified, 2 failed; items: 1 new or changed; pages: 1 fetched, 0 failed; "
          "articles: 1 new, 0 revised, 0 unchanged, 0 aliased, 0 not extracted");
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
          "feeds: 1 due, 1 fetched, 0 not modified, 0 failed; items: 3 new or changed; pages: 3 fetched, 0 failed; "
          "articles: 1 new, 0 revised, 0 unchanged, 0 aliased, 2 not extracted");
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
          "feeds: 2 due, 1 fetched, 0 not modified, 1 failed; items: 10 new or changed; pages: 1 fetched, 9 failed; "
          "articles: 1 new, 0 revised, 0 unchanged, 0 aliased, 0 not extracted");
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
          "feeds: 2 due, 1 fetched, 0 not modified, 1 failed; items: 2 new or changed; pages: 1 fetched, 1 failed; "
          "articles: 1 new, 0 revised, 0 unchanged, 0 aliased, 0 not extracted");
    Sql db(dir.path() / "news.db");
    auto feed_error = db.text("SELECT last_error FROM feeds WHERE name = 'silent'");
    CHECK(contains(feed_error, "timed out"));
    CHECK(contains(feed_error, " for " + silent.url("/feed.xml")));
    auto page_error = db.text("SELECT error FROM pages WHERE url = " + quoted(silent.url("/page.html")));
    CHECK(contains(page_error, "timed out"));
    CHECK(db.integer("SELECT retryable FROM pages WHERE url = " + quoted(silent.url("/page.html"))) == 1);
    CHECK(db.integer("SELECT count(*) FROM articles") == 1);
}

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
          "feeds: 1 due, 1 fetched, 0 not modified, 0 failed; items: 5000 new or changed; pages: 0 fetched, 50 failed; "
          "articles: 0 new, 0 revised, 0 unchanged, 0 aliased, 0 not extracted");
    CHECK(contains(first.err, "\n  … and 30 more (see `newswire status`)\n"));
    CHECK(contains(first.err, "\n  page " + site.url("/p/0") + ": HTTP 404 for " + site.url("/p/0") + "\n"));
    CHECK(site.counts().size() == 51);

    auto second = run_binary(config, {"fetch", "--force"});
    INFO(second.err);
    CHECK(second.exit_code == 1);
    CHECK(summary_line(second.err) ==
          "feeds: 1 due, 1 fetched, 0 not modified, 0 failed; items: 0 new or changed; pages: 0 fetched, 50 failed; "
          "articles: 0 new, 0 revised, 0 unchanged, 0 aliased, 0 not extracted");
    auto counts = site.counts();
    CHECK(counts.size() == 101);  // 50 more pages, none of the first 50 again
    CHECK(counts["/feed.xml"] == 2);
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

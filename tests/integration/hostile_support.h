#pragma once
// What the hostile end-to-end tests share: the real binary started without a shell (its
// rusage and pid at hand), loopback sites that misbehave in chosen ways, feed and page
// fixtures, and checks on the SQLite file.

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

namespace newswire::test::hostile {

using namespace std::chrono_literals;
namespace fs = std::filesystem;

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

inline Outcome run_binary(const fs::path& config, const std::vector<std::string>& command,
                   std::chrono::milliseconds limit = std::chrono::minutes(5)) {
    Process process(config, command);
    return process.wait(limit);
}

inline bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

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

inline std::string raw_response(const std::string& head, const std::string& body) {
    return "HTTP/1.1 200 OK\r\n" + head + "Content-Length: " + std::to_string(body.size()) +
           "\r\nConnection: close\r\n\r\n" + body;
}

// ---- content ----

inline std::string rss(const std::vector<std::pair<std::string, std::string>>& items, const std::string& extra = "") {
    std::string text = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\"><channel><title>Testwire</title>" + extra;
    for (const auto& [guid, link] : items) {
        text += "<item><title>Titel " + guid + "</title><link>" + link + "</link><guid isPermaLink=\"false\">" + guid +
                "</guid></item>\n";
    }
    return text + "</channel></rss>\n";
}

inline std::string article_page(const std::string& name) {
    return "<!doctype html><html lang=\"de\"><head><meta charset=\"utf-8\"><title>Artikel " + name +
           "</title></head><body><main><article><h1>Artikel " + name +
           "</h1><p>Dies ist der erste Absatz des Artikels " + name +
           ", lang genug, um als Text zu gelten, mit einigen Sätzen über Politik und Gesellschaft.</p>"
           "<p>Der zweite Absatz erzählt weiter, was in der Sache " + name +
           " geschehen ist, und warum es für die Leser wichtig sein könnte.</p></article></main></body></html>";
}

// A 1x1 PNG.
inline const std::string k_png("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89"
                        "\0\0\0\rIDATx\x9c" "c\xf8\x0f\0\x01\x01\x01\0\x18\xdd\x8d\xb0\0\0\0\0IEND\xae" "B`\x82",
                        67);

// A gzip member whose single fixed-Huffman deflate block is a zero byte followed by `matches`
// copies of <length 258, distance 1>: 13 bits per 258 decoded bytes, the deflate maximum. The
// trailer's CRC is not that of the data: a fetcher that honours its cap never gets there.
inline std::string gzip_bomb(std::size_t matches) {
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

inline const std::string k_fetch = "  allow_private_addresses: true\n  per_host_interval: 1ms\n  timeout: 5s\n"
                            "  connect_timeout: 2s\n  retries: 0\n";

inline fs::path write_config(const TempDir& dir, const std::vector<FeedEntry>& feeds, const std::string& fetch = k_fetch,
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

inline std::string quoted(const std::string& text) {
    std::string out = "'";
    for (char c : text) out += c == '\'' ? std::string("''") : std::string(1, c);
    return out + "'";
}

// What a killed run may never leave behind. A run killed while migrating leaves an older
// schema (each migration is one transaction): the next run migrates further.
inline void check_whole(const fs::path& database) {
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
inline long long count_quietly(const fs::path& database, const std::string& table) {
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

inline std::string summary_line(const std::string& err) { return err.substr(0, err.find('\n')); }

}  // namespace newswire::test::hostile

#pragma once
// What the pipeline tests share: a loopback server, a config pointing at it, a fresh database,
// and a feed with its article pages.

#include <catch2/catch.hpp>

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include <httplib.h>

#include "pipeline/pipeline.h"
#include "tests/support/process.h"
#include "tests/support/test_server.h"

namespace newswire::test {

// A started loopback server; routes are added before the first request.
class Server {
public:
    Server() { m_server.start(); }
    httplib::Server& http() { return m_server.server(); }
    std::string url(const std::string& path) const { return m_server.url(path); }

private:
    test::TestServer m_server;
};

inline Config config_for(const std::string& feed_url) {
    Config config;
    config.fetch.allow_private_addresses = true;
    config.fetch.retries = 0;
    config.fetch.per_host_interval = std::chrono::milliseconds(1);
    config.fetch.timeout = std::chrono::seconds(5);
    config.schedule.default_interval = std::chrono::seconds(60);
    config.schedule.backoff_cap = std::chrono::seconds(200);
    config.feeds = {{"test", feed_url, std::chrono::seconds(0)}};
    return config;
}

// A fresh database file in `dir`; the test stops when it cannot be opened.
inline std::optional<Database> open_database(const test::TempDir& dir) {
    auto database = Database::open((dir.path() / "news.db").string());
    REQUIRE(database);
    return std::move(*database);
}

// An RSS feed with one item per path, guids 1, 2, ...
inline std::string rss_linking(const Server& server, const std::vector<std::string>& paths) {
    std::string items;
    for (std::size_t i = 0; i < paths.size(); ++i) {
        std::string n = std::to_string(i + 1);
        items += "<item><guid>" + n + "</guid><title>Item " + n + "</title><link>" + server.url(paths[i]) + "</link></item>";
    }
    return "<rss version=\"2.0\"><channel><title>T</title>" + items + "</channel></rss>";
}

inline void serve_feed(Server& server, const std::vector<std::string>& paths) {
    server.http().Get("/feed", [&server, paths](const httplib::Request&, httplib::Response& response) {
        response.set_content(rss_linking(server, paths), "application/rss+xml");
    });
}

inline std::string article_page(const std::string& title) {
    return "<html><head><title>" + title + "</title></head><body><article><h1>" + title +
           "</h1><p>Ein Absatz mit genug Worten, damit er als Artikeltext zählt, über " + title +
           " und andere Dinge des Tages.</p><p>Noch ein Absatz, der die Geschichte zu Ende erzählt, "
           "mit weiteren Einzelheiten.</p></article></body></html>";
}

// article_page("Nachricht N") at /a/N.
inline void serve_articles(Server& server) {
    server.http().Get(R"(/a/(\d+))", [](const httplib::Request& request, httplib::Response& response) {
        response.set_content(article_page("Nachricht " + std::string(request.matches[1])), "text/html; charset=utf-8");
    });
}


}  // namespace newswire::test

#include <cstdint>
#include <mutex>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "fetcher/fetcher.h"
#include "tests/fetcher/test_server.h"

using namespace newswire;
using newswire::test::local_options;
using newswire::test::TestServer;

namespace {

const std::string k_feed = "<rss version=\"2.0\"><channel><title>t</title></channel></rss>";
const std::string k_etag = "\"v1-abc\"";
const std::string k_last_modified = "Tue, 24 Nov 2026 10:00:00 GMT";

// gzip of "<rss>gzip works</rss>\n" (Python: gzip.compress(..., mtime=0)).
const unsigned char k_gzip_body[] = {
    0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x03, 0xb3, 0x29, 0x2a,
    0x2e, 0xb6, 0x4b, 0xaf, 0xca, 0x2c, 0x50, 0x28, 0xcf, 0x2f, 0xca, 0x2e, 0xb6,
    0xd1, 0x07, 0xf1, 0xb9, 0x00, 0x02, 0xde, 0xc3, 0x6d, 0x16, 0x00, 0x00, 0x00};

// gzip of 5000 times 'a': 41 bytes on the wire.
const unsigned char k_gzip_bomb[] = {
    0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x03, 0xed, 0xc1, 0x31, 0x01,
    0x00, 0x00, 0x00, 0xc2, 0xa0, 0xac, 0xeb, 0x5f, 0xc2, 0x14, 0x7e, 0x40, 0x01, 0x00,
    0x00, 0x00, 0x00, 0x6f, 0x03, 0x76, 0x59, 0xf4, 0x4c, 0x88, 0x13, 0x00, 0x00};

// A zlib stream of `text` in one stored (uncompressed) block: a little longer than `text`.
std::string stored_zlib_stream(const std::string& text) {
    std::string stream = "\x78\x01\x01";
    auto length = static_cast<std::uint16_t>(text.size());
    for (std::uint16_t half : {length, static_cast<std::uint16_t>(~length)}) {
        stream += static_cast<char>(half & 0xff);
        stream += static_cast<char>(half >> 8);
    }
    stream += text;
    std::uint32_t a = 1;
    std::uint32_t b = 0;
    for (unsigned char byte : text) {
        a = (a + byte) % 65521;
        b = (b + a) % 65521;
    }
    std::uint32_t adler = (b << 16) | a;
    for (int shift : {24, 16, 8, 0}) stream += static_cast<char>((adler >> shift) & 0xff);
    return stream;
}

// Serves /feed with validators; answers 304 when the request carries matching ones and
// remembers what it received.
struct FeedServer {
    TestServer http;
    std::mutex mutex;
    std::string if_none_match;
    std::string if_modified_since;
    std::string user_agent;
    std::string accept_encoding;

    FeedServer() {
        http.server().Get("/feed", [this](const httplib::Request& request, httplib::Response& response) {
            std::lock_guard lock(mutex);
            if_none_match = request.get_header_value("If-None-Match");
            if_modified_since = request.get_header_value("If-Modified-Since");
            user_agent = request.get_header_value("User-Agent");
            accept_encoding = request.get_header_value("Accept-Encoding");
            if (if_none_match == k_etag || if_modified_since == k_last_modified) {
                response.status = 304;
                return;
            }
            response.set_header("ETag", k_etag);
            response.set_header("Last-Modified", k_last_modified);
            response.set_content(k_feed, "application/rss+xml; charset=utf-8");
        });
        http.start();
    }
};

}  // namespace

TEST_CASE("a 200 hands back the body and the validators of the response", "[fetcher]") {
    FeedServer feed;
    FetchOptions options = local_options();
    options.user_agent = "newswire-test/1.0";
    Fetcher fetcher(options);

    FetchResponse response = fetcher.fetch_one({42, feed.http.url("/feed"), "", ""});

    CHECK_FALSE(response.error);
    CHECK(response.ok());
    CHECK(response.id == 42);
    CHECK(response.status == 200);
    CHECK(response.body == k_feed);
    CHECK(response.etag == k_etag);
    CHECK(response.last_modified == k_last_modified);
    CHECK(response.content_type == "application/rss+xml; charset=utf-8");
    CHECK(response.url == feed.http.url("/feed"));
    CHECK(response.final_url == feed.http.url("/feed"));
    CHECK(response.attempts == 1);
    CHECK(response.seconds > 0);
    CHECK(feed.user_agent == "newswire-test/1.0");
    CHECK(feed.if_none_match.empty());
    CHECK(feed.if_modified_since.empty());
}

TEST_CASE("a matching If-None-Match gets a 304 with an empty body and no error", "[fetcher]") {
    FeedServer feed;
    Fetcher fetcher(local_options());

    FetchResponse response = fetcher.fetch_one({1, feed.http.url("/feed"), k_etag, ""});

    CHECK(feed.if_none_match == k_etag);
    CHECK(feed.if_modified_since.empty());
    CHECK(response.status == 304);
    CHECK(response.not_modified());
    CHECK_FALSE(response.ok());
    CHECK_FALSE(response.error);
    CHECK(response.body.empty());
}

TEST_CASE("a matching If-Modified-Since gets a 304", "[fetcher]") {
    FeedServer feed;
    Fetcher fetcher(local_options());

    FetchResponse response = fetcher.fetch_one({1, feed.http.url("/feed"), "", k_last_modified});

    CHECK(feed.if_modified_since == k_last_modified);
    CHECK(feed.if_none_match.empty());
    CHECK(response.not_modified());
    CHECK(response.body.empty());
}

TEST_CASE("a validator with a line break is not sent, so it cannot inject headers", "[fetcher]") {
    FeedServer feed;
    Fetcher fetcher(local_options());

    FetchResponse response =
        fetcher.fetch_one({1, feed.http.url("/feed"), "\"x\"\r\nX-Injected: 1", ""});

    CHECK(feed.if_none_match.empty());
    CHECK(response.status == 200);
}

TEST_CASE("a gzip-encoded body arrives decoded", "[fetcher]") {
    TestServer http;
    http.server().Get("/gzip", [](const httplib::Request&, httplib::Response& response) {
        response.set_header("Content-Encoding", "gzip");
        response.set_content(std::string(reinterpret_cast<const char*>(k_gzip_body), sizeof k_gzip_body),
                             "application/octet-stream");
    });
    http.start();
    Fetcher fetcher(local_options());

    FetchResponse response = fetcher.fetch_one({1, http.url("/gzip"), "", ""});

    CHECK_FALSE(response.error);
    CHECK(response.body == "<rss>gzip works</rss>\n");
}

TEST_CASE("the request offers gzip, deflate and br", "[fetcher]") {
    FeedServer feed;
    Fetcher fetcher(local_options());

    fetcher.fetch_one({1, feed.http.url("/feed"), "", ""});

    CHECK_THAT(feed.accept_encoding, Catch::Contains("gzip") && Catch::Contains("deflate") &&
                                         Catch::Contains("br"));
}

TEST_CASE("a redirect is followed and final_url names where it led", "[fetcher]") {
    TestServer http;
    http.server().Get("/old", [](const httplib::Request&, httplib::Response& response) {
        response.set_header("ETag", "\"redirect\"");
        response.set_redirect("/middle", 301);
    });
    http.server().Get("/middle", [](const httplib::Request&, httplib::Response& response) {
        response.set_redirect("/new", 302);
    });
    http.server().Get("/new", [](const httplib::Request&, httplib::Response& response) {
        response.set_header("ETag", "\"final\"");
        response.set_content("moved here", "application/octet-stream");
    });
    http.start();

    SECTION("within max_redirects") {
        Fetcher fetcher(local_options());
        FetchResponse response = fetcher.fetch_one({1, http.url("/old"), "", ""});
        CHECK_FALSE(response.error);
        CHECK(response.status == 200);
        CHECK(response.body == "moved here");
        CHECK(response.url == http.url("/old"));
        CHECK(response.final_url == http.url("/new"));
        CHECK(response.moved_to.empty());  // the 302 on the way makes the move temporary
        CHECK(response.etag == "\"final\"");
        CHECK(response.content_type == "application/octet-stream");
    }
    SECTION("beyond max_redirects it is an error") {
        FetchOptions options = local_options();
        options.max_redirects = 1;
        Fetcher fetcher(options);
        FetchResponse response = fetcher.fetch_one({1, http.url("/old"), "", ""});
        REQUIRE(response.error);
        CHECK(response.error->code == ErrorCode::network);
        CHECK_THAT(response.error->message, Catch::Contains("redirect") &&
                                                Catch::Contains(http.url("/old")));
        CHECK(response.body.empty());
    }
}

TEST_CASE("redirects that are all permanent name where the resource moved", "[fetcher]") {
    TestServer http;
    http.server().Get("/old", [](const httplib::Request&, httplib::Response& response) {
        response.set_redirect("/older", 301);
    });
    http.server().Get("/older", [](const httplib::Request&, httplib::Response& response) {
        response.set_redirect("/new", 308);
    });
    http.server().Get("/new", [](const httplib::Request& request, httplib::Response& response) {
        if (request.get_header_value("If-None-Match") == "\"v1\"") {
            response.status = 304;
            return;
        }
        response.set_content(k_feed, "application/rss+xml");
    });
    http.server().Get("/gone", [](const httplib::Request&, httplib::Response& response) {
        response.set_redirect("/nowhere", 301);
    });
    http.server().Get("/nowhere", [](const httplib::Request&, httplib::Response& response) { response.status = 404; });
    http.start();
    Fetcher fetcher(local_options());

    FetchResponse moved = fetcher.fetch_one({1, http.url("/old"), "", ""});
    CHECK(moved.status == 200);
    CHECK(moved.moved_to == http.url("/new"));
    FetchResponse unchanged = fetcher.fetch_one({2, http.url("/old"), "\"v1\"", ""});
    CHECK(unchanged.status == 304);
    CHECK(unchanged.moved_to == http.url("/new"));
    FetchResponse direct = fetcher.fetch_one({3, http.url("/new"), "", ""});
    CHECK(direct.moved_to.empty());
    FetchResponse missing = fetcher.fetch_one({4, http.url("/gone"), "", ""});
    CHECK(missing.status == 404);
    CHECK(missing.moved_to.empty());  // a move to nothing is no move
}

TEST_CASE("a redirect to a non-http scheme is refused", "[fetcher]") {
    TestServer http;
    http.server().Get("/to-file", [](const httplib::Request&, httplib::Response& response) {
        response.set_redirect("file:///etc/passwd", 302);
    });
    http.server().Get("/to-ftp", [](const httplib::Request&, httplib::Response& response) {
        response.set_redirect("ftp://127.0.0.1/feed.xml", 302);
    });
    http.start();
    Fetcher fetcher(local_options());

    for (const char* path : {"/to-file", "/to-ftp"}) {
        FetchResponse response = fetcher.fetch_one({1, http.url(path), "", ""});
        REQUIRE(response.error);
        CHECK(response.error->code == ErrorCode::forbidden);
        CHECK_THAT(response.error->message, Catch::Contains("only http and https") &&
                                                Catch::Contains(http.url(path)));
        CHECK(response.body.empty());
    }
}

TEST_CASE("a request for a non-http URL never reaches the network", "[fetcher]") {
    Fetcher fetcher(local_options());

    FetchResponse file = fetcher.fetch_one({7, "file:///etc/passwd", "", ""});
    REQUIRE(file.error);
    CHECK(file.error->code == ErrorCode::forbidden);
    CHECK(file.error->message == "only http and https are allowed: file:///etc/passwd");
    CHECK(file.attempts == 0);
    CHECK(file.id == 7);

    FetchResponse garbage = fetcher.fetch_one({8, "not a url", "", ""});
    REQUIRE(garbage.error);
    CHECK(garbage.error->code == ErrorCode::invalid_input);
    CHECK(garbage.error->message == "not an absolute http(s) URL: 'not a url'");
}

TEST_CASE("a body over max_body_bytes is an error that names the cap", "[fetcher]") {
    TestServer http;
    http.server().Get("/exact", [](const httplib::Request&, httplib::Response& response) {
        response.set_content(std::string(1000, 'x'), "application/octet-stream");
    });
    http.server().Get("/big", [](const httplib::Request&, httplib::Response& response) {
        response.set_content(std::string(1001, 'x'), "application/octet-stream");
    });
    http.server().Get("/unsized", [](const httplib::Request&, httplib::Response& response) {
        response.set_chunked_content_provider("application/octet-stream",
                                              [](std::size_t, httplib::DataSink& sink) {
                                                  std::string chunk(600, 'y');
                                                  sink.write(chunk.data(), chunk.size());
                                                  sink.write(chunk.data(), chunk.size());
                                                  sink.done();
                                                  return true;
                                              });
    });
    http.start();
    FetchOptions options = local_options();
    options.max_body_bytes = 1000;
    Fetcher fetcher(options);

    FetchResponse exact = fetcher.fetch_one({1, http.url("/exact"), "", ""});
    CHECK_FALSE(exact.error);
    CHECK(exact.body.size() == 1000);

    for (const char* path : {"/big", "/unsized"}) {
        FetchResponse response = fetcher.fetch_one({2, http.url(path), "", ""});
        REQUIRE(response.error);
        CHECK(response.error->code == ErrorCode::too_large);
        CHECK(response.error->message ==
              "body exceeds the cap of 1000 bytes for " + http.url(path));
        CHECK(response.body.empty());
        CHECK(response.attempts == 1);
    }
}

TEST_CASE("the cap applies to the decoded size of a compressed body", "[fetcher]") {
    TestServer http;
    http.server().Get("/bomb", [](const httplib::Request&, httplib::Response& response) {
        response.set_header("Content-Encoding", "gzip");
        response.set_content(std::string(reinterpret_cast<const char*>(k_gzip_bomb), sizeof k_gzip_bomb),
                             "application/octet-stream");
    });
    http.start();
    FetchOptions options = local_options();
    options.max_body_bytes = 1000;
    Fetcher fetcher(options);

    FetchResponse response = fetcher.fetch_one({1, http.url("/bomb"), "", ""});

    REQUIRE(response.error);
    CHECK(response.error->code == ErrorCode::too_large);
    CHECK(response.error->message == "body exceeds the cap of 1000 bytes for " + http.url("/bomb"));
    CHECK(response.body.empty());
}

TEST_CASE("the cap applies to the bytes on the wire of an unsized body", "[fetcher]") {
    TestServer http;
    const std::string text(1000, 'z');
    const std::string stream = stored_zlib_stream(text);
    REQUIRE(stream.size() == 1011);
    http.server().Get("/deflate", [&stream](const httplib::Request&, httplib::Response& response) {
        response.set_header("Content-Encoding", "deflate");
        response.set_chunked_content_provider("application/octet-stream",
                                              [&stream](std::size_t, httplib::DataSink& sink) {
                                                  sink.write(stream.data(), stream.size());
                                                  sink.done();
                                                  return true;
                                              });
    });
    http.start();

    SECTION("decoded within the cap and on the wire within the cap") {
        FetchOptions options = local_options();
        options.max_body_bytes = 1011;
        Fetcher fetcher(options);
        FetchResponse response = fetcher.fetch_one({1, http.url("/deflate"), "", ""});
        CHECK_FALSE(response.error);
        CHECK(response.body == text);
    }
    SECTION("decoded within the cap but over it on the wire") {
        FetchOptions options = local_options();
        options.max_body_bytes = 1005;
        Fetcher fetcher(options);
        FetchResponse response = fetcher.fetch_one({1, http.url("/deflate"), "", ""});
        REQUIRE(response.error);
        CHECK(response.error->code == ErrorCode::too_large);
        CHECK(response.body.empty());
    }
}

TEST_CASE("a compressed body within the cap decodes whole", "[fetcher]") {
    TestServer http;
    http.server().Get("/text", [](const httplib::Request&, httplib::Response& response) {
        // text/plain: cpp-httplib compresses it with the best encoding the request offers.
        response.set_content(std::string(200'000, 'a'), "text/plain");
    });
    http.start();
    Fetcher fetcher(local_options());

    FetchResponse response = fetcher.fetch_one({1, http.url("/text"), "", ""});

    CHECK_FALSE(response.error);
    CHECK(response.body == std::string(200'000, 'a'));
}

TEST_CASE("cookies are neither sent back nor kept", "[fetcher]") {
    TestServer http;
    std::mutex mutex;
    std::vector<std::string> cookies_seen;
    http.server().Get("/login", [](const httplib::Request&, httplib::Response& response) {
        response.set_header("Set-Cookie", "session=secret; Path=/");
        response.set_redirect("/check", 302);
    });
    http.server().Get("/check", [&](const httplib::Request& request, httplib::Response& response) {
        std::lock_guard lock(mutex);
        cookies_seen.push_back(request.get_header_value("Cookie"));
        response.set_content("checked", "text/plain");
    });
    http.start();
    Fetcher fetcher(local_options());

    CHECK(fetcher.fetch_one({1, http.url("/login"), "", ""}).body == "checked");
    CHECK(fetcher.fetch_one({2, http.url("/check"), "", ""}).body == "checked");

    CHECK(cookies_seen == std::vector<std::string>{"", ""});
}

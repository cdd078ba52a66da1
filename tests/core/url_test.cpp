#include <catch2/catch.hpp>

#include "core/url.h"

using namespace newswire;

TEST_CASE("relative references resolve against the base", "[core][url]") {
    CHECK(resolve_url("https://www.n-tv.de/politik/", "artikel-1.html") ==
          "https://www.n-tv.de/politik/artikel-1.html");
    CHECK(resolve_url("https://www.n-tv.de/politik/a.html", "/wirtschaft/b.html") ==
          "https://www.n-tv.de/wirtschaft/b.html");
    CHECK(resolve_url("https://www.n-tv.de/politik/", "//cdn.n-tv.de/x.jpg") == "https://cdn.n-tv.de/x.jpg");
    CHECK(resolve_url("", "http://example.org/a") == "http://example.org/a");
}

TEST_CASE("only absolute http and https URLs come out of resolution", "[core][url]") {
    CHECK_FALSE(resolve_url("", "relative/only"));
    CHECK_FALSE(resolve_url("https://example.org/", "javascript:alert(1)"));
    CHECK_FALSE(resolve_url("https://example.org/", "ftp://example.org/file"));
    CHECK_FALSE(resolve_url("https://example.org/", "mailto:a@example.org"));
}

TEST_CASE("the canonical URL drops tracking parameters, fragment and default port", "[core][url]") {
    CHECK(canonical_url("HTTPS://WWW.N-TV.DE:443/politik/a.html?utm_source=rss&id=7&wt_mc=x#top") ==
          "https://www.n-tv.de/politik/a.html?id=7");
    CHECK(canonical_url("https://example.org/a?fbclid=1&at_medium=rss") == "https://example.org/a");
    CHECK(canonical_url("http://example.org:8080/a") == "http://example.org:8080/a");
    CHECK_FALSE(canonical_url("not a url"));
}

TEST_CASE("the host of a URL is lower-case", "[core][url]") {
    CHECK(url_host("https://WWW.Tagesschau.DE/inland") == "www.tagesschau.de");
    CHECK(url_host("nonsense").empty());
}

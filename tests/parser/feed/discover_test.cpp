#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "parser/feed/discover.h"

using namespace newswire;
using Links = std::vector<std::string>;

TEST_CASE("a page's alternate feed links are found, resolved, each once, comment feeds last", "[feed][discover]") {
    const std::string page = R"html(<!DOCTYPE html><html><head>
        <link rel="stylesheet" href="/style.css">
        <link rel="alternate" type="application/rss+xml" title="Kommentare zu allem" href="/comments/feed/">
        <link rel="Alternate Home" type="Application/RSS+XML" href="feed/">
        <link rel="alternate" type="application/atom+xml" href="https://cdn.example.org/atom.xml">
        <link rel="alternate" type="application/rss+xml" href="/news/feed/">
        <link rel="alternate" type="text/html" hreflang="en" href="/en/">
        <link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">
        <a rel="alternate" type="application/feed+json" href="/feed.json?a=1&amp;b=2">JSON</a>
        <!-- <link rel="alternate" type="application/rss+xml" href="/old.xml"> -->
        </head><body><link rel="alternate" type="application/rss+xml" href="/body.xml"></body></html>)html";
    CHECK(discover_feed_links(page, "https://www.example.org/news/") ==
          Links{"https://www.example.org/news/feed/", "https://cdn.example.org/atom.xml",
                "https://www.example.org/feed.json?a=1&b=2", "https://www.example.org/comments/feed/"});
}

TEST_CASE("a base element moves where relative feed links point", "[feed][discover]") {
    const std::string page = R"(<html><head><base href="https://static.example.net/site/">
        <link rel="alternate" type="application/rss+xml" href="rss.xml"></head></html>)";
    CHECK(discover_feed_links(page, "https://www.example.org/") == Links{"https://static.example.net/site/rss.xml"});
}

TEST_CASE("no markup, or markup without feed links, names no feed", "[feed][discover]") {
    CHECK(discover_feed_links("just text", "https://www.example.org/").empty());
    CHECK(discover_feed_links("<html><head><title>x</title></head></html>", "https://www.example.org/").empty());
}

TEST_CASE("a web page is told apart from a feed by its first markup", "[feed][discover]") {
    CHECK(looks_like_html_page("<!DOCTYPE html><html></html>"));
    CHECK(looks_like_html_page("\xEF\xBB\xBF\n  <!-- generated --> <HTML lang=de>"));
    CHECK_FALSE(looks_like_html_page("<?xml version=\"1.0\"?><rss version=\"2.0\"></rss>"));
    CHECK_FALSE(looks_like_html_page("<rss version=\"2.0\"><channel><description>&lt;html&gt;</description></channel></rss>"));
    CHECK_FALSE(looks_like_html_page("<!-- unterminated"));
    CHECK_FALSE(looks_like_html_page(""));
}

TEST_CASE("a hostile page costs one linear scan", "[feed][discover]") {
    std::string deep;
    for (int i = 0; i < 200000; ++i) deep += "<div a=\"";
    CHECK(discover_feed_links(deep, "https://www.example.org/").empty());
    std::string unclosed = "<html><head><link rel=alternate type=application/rss+xml href=/x.xml";
    CHECK(discover_feed_links(unclosed, "https://www.example.org/") == Links{"https://www.example.org/x.xml"});
}

#include <catch2/catch.hpp>

#include <chrono>
#include <string>

#include "parser/feed/feed_parser.h"
#include "tests/parser/feed/fixture.h"

using namespace newswire;

TEST_CASE("HTML entities, a stray ampersand and DOCTYPE entities are recovered", "[feed][recovery]") {
    auto feed = parse_feed(feed_fixture("entities_and_junk.xml"));
    REQUIRE(feed);
    CHECK(feed->recovered);
    CHECK(feed->title == "Café & Bar News");
    CHECK(feed->link == "https://ent.example.com/");
    REQUIRE(feed->items.size() == 1);
    CHECK(feed->items[0].title == "Fish & Chips © 2026");
    CHECK(feed->items[0].url == "https://ent.example.com/a?x=1&y=2");
    CHECK(feed->items[0].guid == "https://ent.example.com/guid/1");
}

TEST_CASE("a truncated feed with mismatched tags keeps every item", "[feed][recovery]") {
    auto feed = parse_feed(feed_fixture("truncated.xml"));
    REQUIRE(feed);
    CHECK(feed->recovered);
    CHECK(feed->title == "Cut off");
    REQUIRE(feed->items.size() == 3);
    CHECK(feed->items[0].url == "http://cut.example.com/1");
    CHECK(feed->items[1].title == "Broken markup item");
    CHECK(feed->items[2].title == "Last item");
    CHECK(feed->items[2].url == "http://cut.example.com/3");
}

TEST_CASE("a well-formed feed is not marked recovered", "[feed][recovery]") {
    auto feed = parse_feed(feed_fixture("rss20.xml"));
    REQUIRE(feed);
    CHECK_FALSE(feed->recovered);
}

TEST_CASE("unquoted attributes and undeclared prefixes are read", "[feed][recovery]") {
    auto feed = parse_feed("<rss version=2.0><channel><item><title>t</title>"
                           "<enclosure url=http://e.example.com/a.mp3 length=12 type=audio/mpeg>"
                           "<dc:creator>Ann</dc:creator></item></channel></rss>");
    REQUIRE(feed);
    CHECK(feed->recovered);
    REQUIRE(feed->items.size() == 1);
    CHECK(feed->items[0].authors == std::vector<std::string>{"Ann"});
    CHECK(feed->items[0].enclosures == std::vector<Enclosure>{{"http://e.example.com/a.mp3", "audio/mpeg", 12}});
}

TEST_CASE("entity definitions are never expanded beyond a bound", "[feed][recovery]") {
    std::string body = "<!DOCTYPE rss [<!ENTITY a \"" + std::string(4000, 'x') + "\">]><rss version=\"2.0\"><channel><title>";
    for (int i = 0; i < 5000; ++i) body += "&a;";
    body += "</title></channel></rss>";
    auto feed = parse_feed(body);
    REQUIRE(feed);
    CHECK(feed->title.size() <= body.size() + 65536);
}

TEST_CASE("deep nesting neither crashes nor recurses", "[feed][recovery]") {
    std::string body = "<rss version=\"2.0\"><channel><item><title>deep</title><description>";
    for (int i = 0; i < 200000; ++i) body += "<b>";
    auto feed = parse_feed(body);
    REQUIRE(feed);
    REQUIRE(feed->items.size() == 1);
    CHECK(feed->items[0].title == "deep");
}

TEST_CASE("an HTML page is not a feed", "[feed][errors]") {
    auto feed = parse_feed(feed_fixture("html_page.html"));
    REQUIRE_FALSE(feed);
    CHECK(feed.error().code == ErrorCode::invalid_input);
    CHECK(feed.error().message == "not a feed: this is an HTML page (a web page, not its RSS or Atom feed)");
}

TEST_CASE("an HTML page behind a comment and an XML declaration is still an HTML page", "[feed][errors]") {
    auto feed = parse_feed("<?xml version=\"1.0\"?>\n<!-- saved from the web -->\n<html><body><p>x</p></body></html>");
    REQUIRE_FALSE(feed);
    CHECK(feed.error().message == "not a feed: this is an HTML page (a web page, not its RSS or Atom feed)");
}

TEST_CASE("empty bytes, an image and foreign XML are not feeds", "[feed][errors]") {
    auto empty = parse_feed("  \n ");
    REQUIRE_FALSE(empty);
    CHECK(empty.error().message == "not a feed: the document is empty");
    auto png = parse_feed(std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
    REQUIRE_FALSE(png);
    CHECK(png.error().message == "not a feed: the bytes are a PNG image");
    auto svg = parse_feed("<svg xmlns=\"http://www.w3.org/2000/svg\"><rect/></svg>");
    REQUIRE_FALSE(svg);
    CHECK(svg.error().message == "not a feed: the document is XML with root element <svg>, not <rss>, <rdf:RDF> or <feed>");
    auto json = parse_feed("{\"hello\": 1}");
    REQUIRE_FALSE(json);
    CHECK(json.error().message == "not a feed: JSON without a JSON Feed version or items");
}

TEST_CASE("inputs built to be slow are read in linear time", "[feed][recovery]") {
    auto rss = [](const std::string& item_inner) {
        return "<rss version=\"2.0\"><channel><item>" + item_inner + "</item></channel></rss>";
    };
    std::string ampersands = rss("<title>" + std::string(1 << 20, '&') + "</title>");
    std::string open_brackets = rss("<title><![CDATA[");
    for (int i = 0; i < 200000; ++i) open_brackets += "<a";
    open_brackets += "]]></title>";
    std::string enclosures;
    for (int i = 0; i < 50000; ++i) enclosures += "<enclosure url=\"http://e.example.com/" + std::to_string(i) + "\"/>";
    std::string declarations = "<rss version=\"2.0\"";
    for (int i = 0; i < 20000; ++i) declarations += " xmlns:p" + std::to_string(i) + "=\"urn:x:" + std::to_string(i) + "\"";
    declarations += "><channel>";
    for (int i = 0; i < 2000; ++i) declarations += "<item><title>t</title></item>";
    declarations += "</channel></rss>";

    auto start = std::chrono::steady_clock::now();
    auto a = parse_feed(ampersands);
    auto b = parse_feed(open_brackets);
    auto c = parse_feed(rss(enclosures));
    auto d = parse_feed(declarations);
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    REQUIRE(a);
    REQUIRE(b);
    REQUIRE(c);
    REQUIRE(d);
    CHECK(a->items.at(0).title == std::string(1 << 20, '&'));
    CHECK(c->items.at(0).enclosures.size() == 256);
    CHECK(d->items.size() == 2000);
    CHECK(seconds < 10.0);
}

TEST_CASE("deeply nested JSON is refused or read without recursion", "[feed][recovery]") {
    std::string body = "{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": [" + std::string(100000, '[') +
                       std::string(100000, ']') + ", {\"id\": \"x\", \"url\": \"https://j.example.com/x\"}]}";
    auto feed = parse_feed(body);
    REQUIRE(feed);
    REQUIRE(feed->items.size() == 1);
    CHECK(feed->items[0].url == "https://j.example.com/x");
    auto truncated = parse_feed("{\"version\": \"https://jsonfeed.org/version/1\", \"items\": [{\"id\": \"x\"");
    REQUIRE_FALSE(truncated);
    CHECK(truncated.error().message == "not a feed: broken JSON");
}

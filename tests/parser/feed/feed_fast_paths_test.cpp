// Guards for the feed parser's fast paths: each must give what the plain reading gives.
#include <catch2/catch.hpp>

#include <string>

#include "core/text.h"
#include "parser/feed/feed_parser.h"
#include "parser/feed/html_text.h"
#include "parser/feed/sniff.h"

using namespace newswire;

TEST_CASE("fold_text keeps single spaces and folds runs across sixteen-byte blocks", "[feed][text]") {
    // Each odd spot sits at or next to a block edge (bytes 15, 16, 31, 32, 47).
    std::string text = "abcdefghijklmn  opqrstuvwxyzabc d\tefghijklmnopqrstu vwxyz\n0123456789 abcdefgh ";
    CHECK(feed_detail::fold_text(text) ==
          "abcdefghijklmn opqrstuvwxyzabc d efghijklmnopqrstu vwxyz 0123456789 abcdefgh");
    CHECK(feed_detail::fold_text(text) == fold_whitespace(text));
    std::string spaces_at_edges = "0123456789abcde fghijklmnopqrst u\xC2\xA0vwxyz0123456789abcdefg";
    CHECK(feed_detail::fold_text(spaces_at_edges) == fold_whitespace(spaces_at_edges));
    CHECK(feed_detail::fold_text("  leading and trailing  ") == "leading and trailing");
}

TEST_CASE("decode_html_names_to reports whether it changed anything", "[feed][text]") {
    std::string out = "untouched";
    CHECK_FALSE(feed_detail::decode_html_names_to("AT&T &amp; &lt;b&gt;", out));
    CHECK(out == "untouched");
    CHECK(feed_detail::decode_html_names_to("caf&eacute;&nbsp;&amp;", out));
    CHECK(out == "caf\xC3\xA9\xC2\xA0&amp;");
}

TEST_CASE("the prolog ends after the first terminator of each declaration and comment", "[feed][sniff]") {
    CHECK(feed_detail::first_markup("<?xml version=\"1.0\"?>\n<!-- a > b -- c -->\n<rss/>") == "<rss/>");
    CHECK(feed_detail::first_markup("<!-->--><feed/>") == "--><feed/>");
    CHECK(feed_detail::first_markup("<?xml version=\"1.0\"><rss/>").empty());
    CHECK(feed_detail::refuse_html(feed_detail::first_markup("<!-- x --><HTML><body/></HTML>")));
    CHECK_FALSE(feed_detail::refuse_html(feed_detail::first_markup("<!-- x --><rss/>")));
}

TEST_CASE("text-construct and link types are read whatever their case", "[feed][atom]") {
    auto feed = parse_feed(
        "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry>"
        "<title type=\"HTML\">A &lt;b&gt;bold&lt;/b&gt; move</title>"
        "<summary type=\"XHTML\"><div xmlns=\"http://www.w3.org/1999/xhtml\"><p>Hi</p></div></summary>"
        "<link rel=\"ALTERNATE\" type=\"TEXT/HTML\" href=\"https://example.org/a\"/>"
        "<link rel=\"Enclosure\" type=\"Audio/MPEG\" href=\"https://example.org/a.mp3\" length=\"12\"/>"
        "</entry></feed>");
    REQUIRE(feed);
    REQUIRE(feed->items.size() == 1);
    const FeedItem& item = feed->items[0];
    CHECK(item.title == "A bold move");
    CHECK(item.summary == "<p>Hi</p>");
    CHECK(item.url == "https://example.org/a");
    REQUIRE(item.enclosures.size() == 1);
    CHECK(item.enclosures[0].type == "audio/mpeg");
    CHECK(item.enclosures[0].length == 12);
}

TEST_CASE("an RSS 1.0 channel and its sibling items share the root's namespaces and base", "[feed][rss]") {
    auto feed = parse_feed(
        "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns=\"http://purl.org/rss/1.0/\""
        " xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xml:base=\"https://example.org/news/\">"
        "<channel><title>T</title><link>index.html</link></channel>"
        "<item><title>One</title><link>one.html</link><dc:creator>Ann</dc:creator></item>"
        "</rdf:RDF>");
    REQUIRE(feed);
    CHECK(feed->format == "rss1.0");
    CHECK(feed->link == "https://example.org/news/index.html");
    REQUIRE(feed->items.size() == 1);
    CHECK(feed->items[0].url == "https://example.org/news/one.html");
    CHECK(feed->items[0].authors == std::vector<std::string>{"Ann"});
}

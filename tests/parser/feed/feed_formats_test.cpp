#include <catch2/catch.hpp>

#include "core/time.h"
#include "parser/feed/feed_parser.h"
#include "tests/parser/feed/fixture.h"

using namespace newswire;

namespace {

std::string iso(const std::optional<Timestamp>& t) { return t ? to_iso8601(*t) : "none"; }

}  // namespace

TEST_CASE("an RSS 2.0 feed gives every item field, resolved against the feed URL", "[feed]") {
    auto feed = parse_feed(feed_fixture("rss20.xml"), "https://news.example.de/feed.xml");
    REQUIRE(feed);
    CHECK(feed->format == "rss2.0");
    CHECK(feed->title == "Beispiel Nachrichten");
    CHECK(feed->link == "https://news.example.de/");
    CHECK(feed->language == "de");
    CHECK(feed->ttl_minutes == 15);
    CHECK(feed->update_period_minutes == 30);
    CHECK(feed->skip_hours == std::vector<int>{1, 2, 0});
    CHECK_FALSE(feed->recovered);
    REQUIRE(feed->items.size() == 2);
    const FeedItem& first = feed->items[0];
    CHECK(first.guid == "a1b2c3");
    CHECK(first.url == "https://news.example.de/politik/bahn-einigung-100.html");
    CHECK(first.title == "Bahn & Bund: Einigung erzielt");
    CHECK(first.summary == "Kurz: <p>Die Einigung steht.</p>");
    CHECK(first.content == "<p>Die Einigung steht. Mehr dazu im <a href=\"/x\">Text</a>.</p>");
    CHECK(first.authors == std::vector<std::string>{"Juliane Rohr", "Max Muster"});
    CHECK(iso(first.published) == "2026-04-25T20:43:28+02:00");
    CHECK(first.categories == std::vector<std::string>{"Politik", "Verkehr"});
    REQUIRE(first.enclosures.size() == 3);
    CHECK(first.enclosures[0] == Enclosure{"https://cdn.example.de/audio/1.mp3", "audio/mpeg", 123456});
    CHECK(first.enclosures[1] == Enclosure{"https://cdn.example.de/img/1.jpg", "image/jpeg", 2048});
    CHECK(first.enclosures[2] == Enclosure{"https://cdn.example.de/img/1-small.jpg", "", std::nullopt});
}

TEST_CASE("a permalink guid is the link of an item without one, dc:date its date", "[feed]") {
    auto feed = parse_feed(feed_fixture("rss20.xml"));
    REQUIRE(feed);
    const FeedItem& second = feed->items.at(1);
    CHECK(second.url == "https://news.example.de/wirtschaft/zwei-100.html");
    CHECK(second.guid == "https://news.example.de/wirtschaft/zwei-100.html");
    CHECK(iso(second.published) == "2026-04-25T17:59:58+02:00");
}

TEST_CASE("without a feed URL a relative link stays as written", "[feed]") {
    auto feed = parse_feed(feed_fixture("rss20.xml"));
    REQUIRE(feed);
    CHECK(feed->items.at(0).url == "/politik/bahn-einigung-100.html");
}

TEST_CASE("an Atom 1.0 entry prefers the HTML alternate link and honours xml:base", "[feed]") {
    auto feed = parse_feed(feed_fixture("atom10.xml"), "https://ignored.example.com/");
    REQUIRE(feed);
    CHECK(feed->format == "atom1.0");
    CHECK(feed->title == "Beispiel online News");
    CHECK(feed->link == "https://www.example.org/");
    CHECK(feed->language == "de");
    REQUIRE(feed->items.size() == 2);
    const FeedItem& first = feed->items[0];
    CHECK(first.guid == "http://example.org/-11271938");
    CHECK(first.url == "https://www.example.org/artikel/1.html?wt_mc=rss");
    CHECK(first.title == "Top 10: Das beste \"Tablet\" im Test");
    CHECK(first.summary == "<p>Kurz gesagt.</p>");
    CHECK(first.content == "<p>Lang <b>gesagt</b>.</p>");
    CHECK(first.authors == std::vector<std::string>{"Stefan Krempl", "Falk Steiner"});
    CHECK(iso(first.published) == "2026-04-25T20:00:00+02:00");
    CHECK(iso(first.updated) == "2026-04-25T20:30:00+02:00");
    CHECK(first.categories == std::vector<std::string>{"Tablets"});
    CHECK(first.enclosures == std::vector<Enclosure>{{"https://img.example.org/1.jpg", "image/jpeg", 999}});
    const FeedItem& second = feed->items[1];
    CHECK(second.url == "https://other.example.net/blog/post-2");
    CHECK(iso(second.published) == "none");
    CHECK(iso(second.updated) == "2026-04-24T08:00:00+00:00");
}

TEST_CASE("Atom 0.3 escaped and base64 modes are decoded", "[feed]") {
    auto feed = parse_feed(feed_fixture("atom03.xml"));
    REQUIRE(feed);
    CHECK(feed->format == "atom0.3");
    CHECK(feed->title == "Old <b>Atom</b>");
    REQUIRE(feed->items.size() == 1);
    CHECK(feed->items[0].title == "Hello World");
    CHECK(feed->items[0].summary == "Plain & simple");
    CHECK(iso(feed->items[0].published) == "2004-01-01T19:48:21+00:00");
    CHECK(iso(feed->items[0].updated) == "2004-01-02T10:00:00+00:00");
}

TEST_CASE("an RSS 1.0 item takes its guid from rdf:about and ignores foreign namespaces", "[feed]") {
    auto feed = parse_feed(feed_fixture("rss10.rdf"));
    REQUIRE(feed);
    CHECK(feed->format == "rss1.0");
    CHECK(feed->language == "en");
    REQUIRE(feed->items.size() == 1);
    CHECK(feed->items[0].guid == "http://rdf.example.com/1");
    CHECK(feed->items[0].title == "First RDF item");
    CHECK(feed->items[0].categories == std::vector<std::string>{"Testing"});
    CHECK(iso(feed->items[0].published) == "2003-12-31T10:14:55-08:00");
}

TEST_CASE("RSS 0.91 is read as rss0.9x", "[feed]") {
    auto feed = parse_feed(feed_fixture("rss091.xml"));
    REQUIRE(feed);
    CHECK(feed->format == "rss0.9x");
    REQUIRE(feed->items.size() == 1);
    CHECK(feed->items[0].url == "http://old.example.com/item");
    CHECK(feed->items[0].summary == "Plain description");
    CHECK_FALSE(feed->items[0].guid);
}

TEST_CASE("RSS 0.90 in the Netscape RDF namespace is rss0.9x", "[feed]") {
    auto feed = parse_feed(R"(<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
        xmlns="http://my.netscape.com/rdf/simple/0.9/"><channel><title>N</title></channel>
        <item><title>Old</title><link>http://n.example.com/1</link></item></rdf:RDF>)");
    REQUIRE(feed);
    CHECK(feed->format == "rss0.9x");
    REQUIRE(feed->items.size() == 1);
    CHECK(feed->items[0].url == "http://n.example.com/1");
}

TEST_CASE("a JSON Feed gives its items with attachments and deduplicated tags", "[feed]") {
    auto feed = parse_feed(feed_fixture("jsonfeed.json"));
    REQUIRE(feed);
    CHECK(feed->format == "jsonfeed");
    CHECK(feed->title == "JSON Beispiel");
    CHECK(feed->link == "https://json.example.com/");
    REQUIRE(feed->items.size() == 2);
    const FeedItem& first = feed->items[0];
    CHECK(first.guid == "2");
    CHECK(first.url == "https://json.example.com/posts/2");
    CHECK(first.title == "Zweiter & letzter Beitrag");
    CHECK(first.content == "<p>Hallo</p>");
    CHECK(first.authors == std::vector<std::string>{"Anna Beispiel"});
    CHECK(first.categories == std::vector<std::string>{"Politik", "Welt"});
    CHECK(first.enclosures == std::vector<Enclosure>{{"https://json.example.com/a.mp3", "audio/mpeg", 5000}});
    CHECK(iso(first.updated) == "2026-04-25T11:00:00+02:00");
    CHECK(feed->items[1].guid == "1");
    CHECK(feed->items[1].url == "https://elsewhere.example.net/x");
    CHECK(feed->items[1].content == "Nur Text");
}

TEST_CASE("a title of plain type keeps its text, an HTML title loses its tags", "[feed]") {
    auto feed = parse_feed(R"(<feed xmlns="http://www.w3.org/2005/Atom"><entry>
        <title type="html">&lt;em&gt;Q&amp;amp;A&lt;/em&gt; &lt;script&gt;alert(1)&lt;/script&gt;session</title>
        </entry><entry><title type="text">  AT&amp;T   wins </title></entry></feed>)");
    REQUIRE(feed);
    REQUIRE(feed->items.size() == 2);
    CHECK(feed->items[0].title == "Q&A session");
    CHECK(feed->items[1].title == "AT&T wins");
}

TEST_CASE("an element of an unknown namespace does not shadow the RSS one", "[feed]") {
    auto feed = parse_feed(R"(<rss version="2.0" xmlns:x="http://example.com/x"><channel><item>
        <x:title>wrong</x:title><x:link>http://wrong.example.com/</x:link>
        <title>right</title><link>http://right.example.com/</link></item></channel></rss>)");
    REQUIRE(feed);
    REQUIRE(feed->items.size() == 1);
    CHECK(feed->items[0].title == "right");
    CHECK(feed->items[0].url == "http://right.example.com/");
}

TEST_CASE("a guid that is not a permalink is never the link", "[feed]") {
    auto feed = parse_feed(R"(<rss version="2.0"><channel><item>
        <guid isPermaLink="false">http://guid.example.com/</guid></item></channel></rss>)");
    REQUIRE(feed);
    CHECK(feed->items.at(0).guid == "http://guid.example.com/");
    CHECK(feed->items.at(0).url.empty());
}

TEST_CASE("namespaces declared past the first eight on an element still resolve, innermost first", "[feed]") {
    auto feed = parse_feed(R"(<rss version="2.0" xmlns:a="urn:a" xmlns:b="urn:b" xmlns:c="urn:c" xmlns:d="urn:d"
        xmlns:e="urn:e" xmlns:f="urn:f" xmlns:g="urn:g" xmlns:h="urn:h" xmlns:i="urn:i"
        xmlns:creator="http://purl.org/dc/elements/1.1/" xmlns:dc="urn:not-dc"><channel>
        <sy:updatePeriod xmlns:sy="http://purl.org/rss/1.0/modules/syndication/">hourly</sy:updatePeriod>
        <item xmlns:dc="http://purl.org/dc/elements/1.1/"><title>t</title><creator:creator>Jane</creator:creator>
        <dc:creator>Joe</dc:creator></item></channel></rss>)");
    REQUIRE(feed);
    CHECK(feed->update_period_minutes == 60);
    REQUIRE(feed->items.size() == 1);
    CHECK(feed->items[0].authors == std::vector<std::string>{"Jane", "Joe"});
}

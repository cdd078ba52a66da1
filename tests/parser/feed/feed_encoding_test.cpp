#include <catch2/catch.hpp>

#include <string>

#include "parser/feed/encoding.h"
#include "parser/feed/feed_parser.h"
#include "tests/parser/feed/fixture.h"

using namespace newswire;

TEST_CASE("ISO-8859-1 bytes declared in the XML declaration become UTF-8", "[feed][encoding]") {
    auto feed = parse_feed(feed_fixture("latin1.xml"));
    REQUIRE(feed);
    CHECK(feed->title == "Grüße aus Köln");
    REQUIRE(feed->items.size() == 1);
    CHECK(feed->items[0].title == "März € Preise");
}

TEST_CASE("UTF-16 with a byte order mark is read", "[feed][encoding]") {
    auto feed = parse_feed(feed_fixture("utf16le_bom.xml"));
    REQUIRE(feed);
    REQUIRE(feed->items.size() == 1);
    CHECK(feed->items[0].title == "Ünïcödé 16");
}

TEST_CASE("valid UTF-8 wins over a wrong declaration", "[feed][encoding]") {
    auto feed = parse_feed(feed_fixture("utf8_declared_latin1.xml"));
    REQUIRE(feed);
    CHECK(feed->items.at(0).title == "Grüße");
}

TEST_CASE("the HTTP charset comes before the XML declaration", "[feed][encoding]") {
    std::string body = "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel>"
                       "<title>K\xF6ln</title></channel></rss>";
    auto feed = parse_feed(body, "", "application/rss+xml; charset=\"iso-8859-1\"");
    REQUIRE(feed);
    CHECK(feed->title == "Köln");
}

TEST_CASE("the charset decision reads HTTP, BOM-less UTF-16 and the declaration", "[feed][encoding]") {
    using namespace std::string_literals;
    CHECK(feed_detail::charset_from_content_type("text/xml; charset='UTF-8'") == "utf-8");
    CHECK(feed_detail::charset_from_content_type("application/rss+xml") == "");
    CHECK(feed_detail::charset_from_xml_declaration("<?xml version='1.0' encoding='Windows-1252'?><rss/>") ==
          "windows-1252");
    CHECK(feed_detail::declared_charset("<\0?\0x\0m\0l\0"s, "") == "utf-16le");
    CHECK(feed_detail::declared_charset("<?xml version=\"1.0\" encoding=\"utf-16\"?><rss/>", "") == "");
}

TEST_CASE("output is valid UTF-8 even from invalid bytes and control characters", "[feed][encoding]") {
    std::string body = "<rss version=\"2.0\"><channel><item><title>a\x01" "b\xC3\x28" "c&#xD800;d</title>"
                       "<link>http://x.example.com/&#0;tail</link></item></channel></rss>";
    auto feed = parse_feed(body);
    REQUIRE(feed);
    REQUIRE(feed->items.size() == 1);
    // The invalid byte was read as windows-1252; the control dropped; the surrogate repaired.
    CHECK(feed->items[0].title == "ab\xC3\x83(c\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD" "d");
    // A reference to NUL ends the text it is in (pugixml writes the NUL); nothing worse.
    CHECK(feed->items[0].url == "http://x.example.com/");
}

TEST_CASE("a clean document's references to controls are still removed", "[feed][encoding]") {
    // Valid UTF-8 without a control byte: only references can bring controls in.
    std::string body = "<rss version=\"2.0\"><channel><item><title>t &amp;#1;x</title>"
                       "<guid>g&#x1;h</guid><description>caf\xC3\xA9 &#8217;s</description>"
                       "<author>a&#31;b</author></item></channel></rss>";
    auto feed = parse_feed(body);
    REQUIRE(feed);
    REQUIRE(feed->items.size() == 1);
    CHECK(feed->items[0].title == "t x");
    CHECK(feed->items[0].guid == "gh");
    CHECK(feed->items[0].summary == "caf\xC3\xA9 \xE2\x80\x99s");
    REQUIRE(feed->items[0].authors.size() == 1);
    CHECK(feed->items[0].authors[0] == "ab");
}

TEST_CASE("numeric references to ordinary characters are not suspect", "[feed][encoding]") {
    CHECK_FALSE(feed_detail::has_suspect_reference("a &#8217; &#x20AC; &#9; &#10; &amp; b"));
    CHECK(feed_detail::has_suspect_reference("&#1;"));
    CHECK(feed_detail::has_suspect_reference("&#x7f;"));
    CHECK(feed_detail::has_suspect_reference("&#xD800;"));
    CHECK(feed_detail::has_suspect_reference("&#x110000;"));
    CHECK(feed_detail::has_suspect_reference("&#x;"));
    CHECK(feed_detail::has_suspect_reference("&#12"));
    CHECK(feed_detail::has_suspect_reference(std::string(15, 'a') + "&#1;" + std::string(40, 'b')));
    CHECK(feed_detail::has_suspect_reference(std::string(40, '&') + "&#x0;"));
    CHECK_FALSE(feed_detail::has_suspect_reference(std::string(40, '&') + "&#x41; &lt;p&gt; &#35; and more text"));
}

namespace {

std::string title_of_undeclared(const std::string& title_bytes) {
    auto feed = parse_feed("<rss version=\"2.0\"><channel><item><title>" + title_bytes +
                           "</title></item></channel></rss>");
    return feed && !feed->items.empty() ? feed->items[0].title : "none";
}

}  // namespace

TEST_CASE("undeclared legacy charsets are recognised by their byte patterns", "[feed][encoding]") {
    CHECK(title_of_undeclared("\xEB\xC1\xCB \xD0\xC5\xD2\xC5\xD6\xC9\xD4\xD8 \xCE\xCF\xD7\xCF\xC7\xCF\xC4\xCE\xC0\xC0 "
                              "\xCE\xCF\xDE\xD8") == "Как пережить новогоднюю ночь");
    CHECK(title_of_undeclared("\xC7\xD1\xB1\xB9\xBE\xEE \xB4\xBA\xBD\xBA \xC1\xA6\xB8\xF1\xC0\xD4\xB4\xCF\xB4\xD9") ==
          "한국어 뉴스 제목입니다");
    CHECK(title_of_undeclared("\x93\xFA\x96{\x8C\xEA\x82\xCC\x83j\x83\x85\x81[\x83X\x82\xC5\x82\xB7") ==
          "日本語のニュースです");
    CHECK(title_of_undeclared("\xA5\xB2\xA1\xBC\xA5\xE0\xBB\xB0\xCB\xE6\xA4\xCA\xC0\xB5\xB7\xEE\xA4\xC7\xA4\xB9") ==
          "ゲーム三昧な正月です");
    CHECK(title_of_undeclared("\xB2\xBB\xB9\xE9\xD2\xC6\xC3\xF1\xC2\xFE\xBB\xAD\xCF\xB5\xC1\xD0\xD7\xA8\xD2\xB5\xB9\xA4"
                              "\xD7\xF7") == "不归移民漫画系列专业工作");
    CHECK(title_of_undeclared("Gr\xFC\xDF" "e aus K\xF6ln") == "Grüße aus Köln");
}

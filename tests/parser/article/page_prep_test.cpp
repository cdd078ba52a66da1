#include <catch2/catch.hpp>

#include <string>

#include "parser/article/charset.h"
#include "parser/article/prepass.h"

using newswire::declared_charset;
using newswire::decode_page;
using newswire::strip_heavy_content;

TEST_CASE("the pre-pass empties scripts and styles but keeps JSON-LD", "[article][prepass]") {
    std::string html = "<head><script>var a = '<p>x</p>';</script><style>p{}</style>"
                       "<script type=\"application/ld+json\">{\"headline\":\"H\"}</script></head>";
    CHECK(strip_heavy_content(html) ==
          "<head><script></script><style></style>"
          "<script type=\"application/ld+json\">{\"headline\":\"H\"}</script></head>");
}

TEST_CASE("the pre-pass drops nested SVG and comments", "[article][prepass]") {
    CHECK(strip_heavy_content("<p>a<svg><svg><path/></svg><text>t</text></svg>b<!-- <script> -->c</p>") ==
          "<p>abc</p>");
}

TEST_CASE("the pre-pass survives unterminated raw-text elements", "[article][prepass]") {
    CHECK(strip_heavy_content("<p>a</p><script>never closed") == "<p>a</p><script>");
    CHECK(strip_heavy_content("<svg><path") == "");
    CHECK(strip_heavy_content("<!-- open") == "");
}

TEST_CASE("the HTTP charset is trusted before the page's own", "[article][charset]") {
    CHECK(declared_charset("<meta charset=\"utf-8\">", "text/html; charset=ISO-8859-15") == "iso-8859-15");
    CHECK(declared_charset("<meta charset=\"windows-1252\">", "") == "windows-1252");
    CHECK(declared_charset("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=Shift_JIS\">", "") ==
          "shift_jis");
    CHECK(declared_charset("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><html>", "") == "iso-8859-1");
    CHECK(declared_charset("<html><head><title>x</title>", "").empty());
}

TEST_CASE("valid UTF-8 wins over a wrong declaration", "[article][charset]") {
    CHECK(decode_page("<meta charset=\"iso-8859-1\"><p>Gr\xC3\xBC\xC3\x9F" "e</p>", "") ==
          "<meta charset=\"iso-8859-1\"><p>Gr\xC3\xBC\xC3\x9F" "e</p>");
}

TEST_CASE("declared Latin-1 bytes become UTF-8", "[article][charset]") {
    CHECK(decode_page("<meta charset=\"iso-8859-1\"><p>Gr\xFC\xDF" "e</p>", "") ==
          "<meta charset=\"iso-8859-1\"><p>Gr\xC3\xBC\xC3\x9F" "e</p>");
}

TEST_CASE("a meta tag that claims UTF-16 means UTF-8", "[article][charset]") {
    CHECK(declared_charset("<meta charset=\"utf-16\">", "") == "utf-8");
}

TEST_CASE("the pre-pass leaves out start tags nested past 256 levels", "[article][prepass]") {
    std::string deep;
    for (int i = 0; i < 2500; ++i) deep += "<div>";
    deep += "text";
    std::string stripped = strip_heavy_content(deep);
    std::size_t kept = 0;
    for (std::size_t at = stripped.find("<div>"); at != std::string::npos; at = stripped.find("<div>", at + 1)) ++kept;
    CHECK(kept == 256);
    CHECK(stripped.ends_with("text"));
}

TEST_CASE("unclosed paragraphs and list items do not count as nesting", "[article][prepass]") {
    std::string page;
    for (int i = 0; i < 3000; ++i) page += "<li><p>x";
    CHECK(strip_heavy_content(page) == page);
}

TEST_CASE("long data attributes are dropped, image sources kept", "[article][prepass]") {
    std::string state(200, 'x');
    CHECK(strip_heavy_content("<img class=\"lead\" data-state=\"" + state + "\" data-src=\"/a.jpg\" alt=\"A\">") ==
          "<img class=\"lead\" data-src=\"/a.jpg\" alt=\"A\">");
}

TEST_CASE("the pre-pass cuts white space between tags to one character", "[article][prepass]") {
    CHECK(strip_heavy_content("<p>a</p>\n   \n  <p>b</p>") == "<p>a</p>\n<p>b</p>");
    CHECK(strip_heavy_content("<p>a <b>b</b> <i>c</i></p>") == "<p>a <b>b</b> <i>c</i></p>");
}

TEST_CASE("the pre-pass keeps only links something reads", "[article][prepass]") {
    CHECK(strip_heavy_content("<head><link rel=\"stylesheet\" href=\"/a.css\">"
                              "<link rel=\"canonical\" href=\"https://x/a\"><link rel=\"preload\" href=\"/f.woff\">"
                              "<link itemprop=\"url\" href=\"https://x/b\"></head>") ==
          "<head><link rel=\"canonical\" href=\"https://x/a\"><link itemprop=\"url\" href=\"https://x/b\"></head>");
}

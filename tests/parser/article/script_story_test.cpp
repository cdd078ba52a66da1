#include <catch2/catch.hpp>

#include <cstdio>
#include <string>
#include <string_view>

#include "parser/article/script_story.h"
#include "tests/parser/article/article_pages.h"

using namespace newswire;
using namespace newswire::test;

namespace {

// `text` as a JSON string literal the way Next.js writes one into a page: quotes, backslashes
// and line breaks escaped, and '<' as \u003c so that no "</script>" can end the script early.
std::string json_string(std::string_view text) {
    std::string out = "\"";
    for (char c : text) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '<') {
            out += "\\u003c";
        } else {
            out += c;
        }
    }
    return out + "\"";
}

std::string push(std::string_view chunk) {
    return "<script>self.__next_f.push([1," + json_string(chunk) + "])</script>";
}

// A text row of a flight payload: "ID:T<byte length in hex>,<text>".
std::string text_row(std::string_view id, std::string_view text) {
    char length[16];
    std::snprintf(length, sizeof length, "%zx", text.size());
    return std::string(id) + ":T" + length + "," + std::string(text);
}

const std::string k_story = "<p>" + k_first + "</p><h2>What happens next</h2><p>" + k_second + "</p><p>" + k_third + "</p>";

// A page as a Next.js server streams it when the article waits behind a suspense boundary:
// a spinner in the markup, the story's HTML in a text row of the flight payload.
std::string shell_page(std::string_view story) {
    std::string payload = "1:\"$Sreact.fragment\"\n" + text_row("24", story) +
                          "5:[\"$\",\"div\",null,{\"dangerouslySetInnerHTML\":{\"__html\":\"$24\"}}]\n";
    std::size_t half = payload.size() / 2;  // rows are split across calls wherever the stream broke
    return "<!doctype html><html><head><title>Bridge to close | Example News</title>"
           "<meta property=\"og:title\" content=\"Bridge to close\"></head><body>"
           "<main><div class=\"spinner\"><svg viewBox=\"0 0 24 24\"></svg></div></main>"
           "<script>(self.__next_f=self.__next_f||[]).push([0])</script>" +
           push(payload.substr(0, half)) + push(payload.substr(half)) + "</body></html>";
}

}  // namespace

TEST_CASE("a text row of a Next.js payload split across two pushes is read whole", "[article][script_story]") {
    CHECK(script_story_html(shell_page(k_story)) == k_story);
}

TEST_CASE("a text row's length counts bytes, not characters", "[article][script_story]") {
    std::string story = "<p>Grüße aus Köln – ein Bericht.</p><p>Zweiter Absatz über die Brücke.</p>";
    std::string page = push(text_row("3", story) + "4:[\"$\",\"p\",null,{}]\n") + push(text_row("7", "<p>one</p>"));
    CHECK(script_story_html(page) == story);
}

TEST_CASE("the HTML string of a JSON script is a story", "[article][script_story]") {
    std::string page = "<script id=\"__NEXT_DATA__\" type=\"application/json\">{\"props\":{\"pageProps\":{"
                       "\"teaser\":\"<p>Short.</p>\",\"article\":{\"html\":" +
                       json_string(k_story) + "}}}}</script>";
    CHECK(script_story_html(page) == k_story);
}

TEST_CASE("script data with fewer than two paragraphs is no story", "[article][script_story]") {
    CHECK(script_story_html(push(text_row("2", "<p>" + k_first + "</p>"))).empty());
    CHECK(script_story_html("<script type=\"application/json\">{\"a\":\"<div>no paragraphs</div>\"}</script>").empty());
    CHECK(script_story_html("<p>" + k_first + "</p><p>" + k_second + "</p>").empty());
}

TEST_CASE("a broken payload ends the reading without harm", "[article][script_story]") {
    CHECK(script_story_html("<script>self.__next_f.push([1,\"24:T5000,<p>cut</p><p>off").empty());
    CHECK(script_story_html(push("24:Tzz,<p>a</p><p>b</p>")).empty());
    CHECK(script_story_html(push("24:T" + std::string(40, 'f') + ",<p>a</p><p>b</p>")).empty());
    // A length past the payload's end takes what there is.
    CHECK(script_story_html(push("24:Tffffffff,<p>a</p><p>b</p>")) == "<p>a</p><p>b</p>");
}

TEST_CASE("a page that is a shell gets its body and pictures from the script data", "[article][script_story]") {
    std::string story = "<figure><img src=\"https://img.example.com/bridge.jpg\"><figcaption>The old bridge at dusk. "
                        "(Photo: Jane Roe)</figcaption></figure>" + k_story;
    auto article = extract_article(shell_page(story), "https://example.com/news/bridge");
    REQUIRE(article);
    CHECK(texts_of(*article) == std::vector<std::string>{k_first, "What happens next", k_second, k_third});
    CHECK(article->body[1].type == BlockType::heading);
    REQUIRE(article->images.size() == 1);
    CHECK(article->images[0].url == "https://img.example.com/bridge.jpg");
    CHECK(article->images[0].caption == "The old bridge at dusk.");
    CHECK(article->images[0].credit == std::vector<std::string>{"Jane Roe"});
}

TEST_CASE("a page with its own story keeps it whatever its script data holds", "[article][script_story]") {
    std::string page = shell_page("<p>A different story in the data, told at some length so that it would win.</p>"
                                  "<p>And a second paragraph of it, equally long and equally beside the point.</p>");
    std::string own = "<article><h1>Bridge to close</h1><p>" + k_first + "</p><p>" + k_second + "</p><p>" + k_third +
                      "</p><p>" + k_first + "</p></article>";
    page.replace(page.find("<main>"), 0, own);
    auto article = extract_article(page, "https://example.com/news/bridge");
    REQUIRE(article);
    CHECK(texts_of(*article) == std::vector<std::string>{k_first, k_second, k_third, k_first});
}

TEST_CASE("a declared article body becomes paragraphs, one a line, its markup characters as text", "[article][script_story]") {
    CHECK(declared_story_html("First line & more.\n\n  Second <line>.  \n") ==
          "<p>First line &amp; more.</p><p>Second &lt;line&gt;.</p>");
    CHECK(declared_story_html("<p>Already HTML.</p>") == "<p>Already HTML.</p>");
    CHECK(declared_story_html("").empty());
}

TEST_CASE("a shell page without script data takes its body from the JSON-LD articleBody", "[article][script_story]") {
    std::string body = k_first + "\\n\\n" + k_second + "\\n" + k_third;
    std::string page = "<!doctype html><html><head><title>Bridge to close</title>"
                       "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Bridge to close\","
                       "\"articleBody\":\"" + body + "\"}</script></head><body><div id=\"root\">Loading…</div></body></html>";
    auto article = extract_article(page, "https://example.com/news/bridge");
    REQUIRE(article);
    CHECK(texts_of(*article) == std::vector<std::string>{k_first, k_second, k_third});
}

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "parser/article/extractor.h"
#include "tests/parser/article/article_pages.h"

using namespace newswire;

namespace {

Article extract(const std::string& body_html) { return test::extract_page("<title>T</title>", body_html); }

using test::texts_of;

std::string paragraphs(const std::vector<std::string>& texts) {
    std::string html;
    for (const std::string& text : texts) html += "<p>" + text + "</p>";
    return html;
}

const std::vector<std::string> k_bridge = {
    "The council voted on Monday evening to close the old bridge, which has carried traffic since 1911.",
    "Engineers had warned for years that the supports were failing, the mayor said after the vote."};
const std::vector<std::string> k_harbour = {
    "The harbour will be dredged this summer, so that larger ferries can dock at the northern pier again.",
    "Fishermen fear that the work, which starts in June, will keep their boats in port for weeks.",
    "The port authority said it would pay for berths in the next town while the dredgers are at work.",
    "A second phase, planned for next year, would deepen the channel that leads to the open sea as well.",
    "The cost of both phases, about twelve million, is shared by the town, the region and the state."};

}  // namespace

TEST_CASE("a second story appended below the first is not part of the first one's body", "[article][container]") {
    Article article = extract("<main><article><h1>Bridge closes</h1>" + paragraphs(k_bridge) +
                              "</article><article><h1>Harbour to be dredged</h1>" + paragraphs(k_harbour) +
                              "</article></main>");
    CHECK(texts_of(article) == k_bridge);
}

TEST_CASE("the article does not reach past the <main> element that holds it", "[article][container]") {
    Article article = extract("<div class=\"page\"><main><h1>Bridge closes</h1>" + paragraphs(k_bridge) +
                              "</main><div class=\"more\"><p>" + k_harbour[0] + "</p><p>" + k_harbour[1] + "</p></div></div>");
    CHECK(texts_of(article) == k_bridge);
}

TEST_CASE("short labels after the last paragraph close the page, not the story", "[article][body]") {
    std::vector<std::string> story = {k_harbour[0] + " " + k_harbour[1], k_harbour[2] + " " + k_harbour[3],
                                      "The work ends in August."};  // a closing sentence stays
    Article article = extract("<article><h1>Harbour to be dredged</h1>" + paragraphs(story) +
                              "<div><p>Related topics</p><p>4 min</p><h2>More from the region</h2></div></article>");
    CHECK(texts_of(article) == story);  // the heading titled a box of links
}

TEST_CASE("short blocks stay when a longer one follows them", "[article][body]") {
    std::vector<std::string> story = {k_harbour[0] + " " + k_harbour[1], k_harbour[2] + " " + k_harbour[3]};
    story.push_back("Fact box");
    story.push_back("Dredging season: June to August; cost: twelve million, shared by the town, the region, the state and the port");
    Article article = extract("<article><h1>Harbour to be dredged</h1>" + paragraphs(story) + "</article>");
    CHECK(texts_of(article) == story);
}

TEST_CASE("a short line without a stop between two long paragraphs is a subheading", "[article][body]") {
    std::string first = k_harbour[0] + " " + k_harbour[1];
    std::string second = k_harbour[2] + " " + k_harbour[3];
    Article article = extract("<article><h1>Harbour to be dredged</h1><p>" + first +
                              "</p><p class=\"interline\">Berths in the next town</p><p>" + second +
                              "</p><p>Short, but a sentence.</p><p>" + first + " Again.</p></article>");
    REQUIRE(article.body.size() == 5);
    CHECK(article.body[1].type == BlockType::heading);
    CHECK(article.body[1].text == "Berths in the next town");
    CHECK(article.body[3].type == BlockType::paragraph);
}

TEST_CASE("an <h1> set as the last entry of a breadcrumb is not the headline the reader sees", "[article][header]") {
    auto article = extract_article(
        "<!doctype html><html><head><meta property=\"og:title\" content=\"Harbour to be dredged this summer\">"
        "</head><body><ol><li><a href=\"/\">Home</a></li><li><a href=\"/region\">Region</a></li>"
        "<li><h1>Harbour to be dredged this summer</h1></li></ol><article><h2><span>Ferries</span> Harbour to be "
        "dredged this summer</h2>" + paragraphs(k_harbour) + "</article></body></html>",
        "");
    REQUIRE(article);
    CHECK(article->kicker == "Ferries");
}

TEST_CASE("the standfirst in a box beside the headline named like furniture is the teaser", "[article][teaser]") {
    const std::string standfirst = "Larger ferries will dock at the northern pier again once the work is done.";
    auto article = extract_article(
        "<!doctype html><html><head><meta name=\"description\" content=\"" + standfirst + "\"></head><body>"
        "<article><div class=\"news-header\"><h1>Harbour to be dredged</h1><ul class=\"footer\"><li><h2>" + standfirst +
        "</h2></li></ul></div>" + paragraphs(k_harbour) + "</article></body></html>",
        "");
    REQUIRE(article);
    CHECK(article->teaser == standfirst);
}

TEST_CASE("a page with little text of its own does not take the <title> in its <head> as its body",
          "[article][container]") {
    Article article = test::extract_page("<title>Pictures: the carnival parade through the old town | Example News</title>",
                                         "<main><h1>Pictures: the carnival parade</h1><div><figure><img src=\"/1.jpg\">"
                                         "<figcaption>The parade set off at 11.11.</figcaption></figure></div></main>");
    CHECK(texts_of(article).empty());
    REQUIRE(article.images.size() == 1);
    CHECK(article.images[0].caption == "The parade set off at 11.11.");
}

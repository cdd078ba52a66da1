#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "parser/article/extractor.h"
#include "tests/parser/article/article_pages.h"

using namespace newswire;
using test::k_first;
using test::k_second;
using test::k_third;

namespace {

const std::string k_lead = "The old bridge closes for good after engineers found its supports failing.";

const std::string k_body = "<div class=\"story\"><p>" + k_first + "</p><p>" + k_second + "</p><p>" + k_third +
                           "</p></div>";

Article extract(const std::string& head, const std::string& body) {
    return test::extract_page("<title>Bridge closes</title>" + head, "<article>" + body + "</article>");
}

std::string meta_description(const std::string& text) {
    return "<meta name=\"description\" content=\"" + text + "\">";
}

std::vector<std::string> body_texts(const Article& article) {
    std::vector<std::string> texts;
    for (const Block& block : article.body) texts.push_back(block.text);
    return texts;
}

}  // namespace

TEST_CASE("a heading under the headline that reads as the description is the teaser", "[article][teaser]") {
    Article article = extract(meta_description(k_lead),
                              "<header><h1>Bridge closes</h1><ul class=\"info\"><li><h2>" + k_lead +
                                  "</h2></li></ul></header>" + k_body);
    CHECK(article.teaser == k_lead);
    CHECK(body_texts(article) == std::vector<std::string>{k_first, k_second, k_third});
}

TEST_CASE("the description matches the lead whatever its quotes and dashes", "[article][teaser]") {
    Article article = extract(meta_description("Engineers call the bridge &#39;unsafe&#39; - it closes today."),
                              "<h1>Bridge closes</h1><h3>Engineers call the bridge \xE2\x80\x9Cunsafe\xE2\x80\x9D "
                              "\xE2\x80\x93 it closes today.</h3>" + k_body);
    CHECK(article.teaser == "Engineers call the bridge \xE2\x80\x9Cunsafe\xE2\x80\x9D \xE2\x80\x93 it closes today.");
}

TEST_CASE("a lead that starts with a dateline still reads as the description", "[article][teaser]") {
    Article article = extract(meta_description(k_lead),
                              "<h1>Bridge closes</h1><div class=\"copy-lg\"><span>Berlin.</span> <span>" + k_lead +
                                  "</span></div>" + k_body);
    CHECK(article.teaser == "Berlin. " + k_lead);
}

TEST_CASE("the head's og:description counts when JSON-LD describes something else", "[article][teaser]") {
    std::string head = "<script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", \"headline\": "
                       "\"Bridge closes\", \"description\": \"A photo of the bridge at dusk, taken from the "
                       "river bank.\"}</script><meta property=\"og:description\" content=\"" + k_lead + "\">";
    Article article = extract(head, "<h1>Bridge closes</h1><div class=\"sub\"><p>" + k_lead + "</p></div>" + k_body);
    CHECK(article.teaser == k_lead);
}

TEST_CASE("a cut description does not make the first body paragraph a teaser", "[article][teaser]") {
    Article article = extract(meta_description(k_first.substr(0, 60) + "..."), "<h1>Bridge closes</h1>" + k_body);
    CHECK(article.teaser.empty());
    CHECK(body_texts(article) == std::vector<std::string>{k_first, k_second, k_third});
}

TEST_CASE("a cut description matches a lead outside the body", "[article][teaser]") {
    Article article = extract(meta_description(k_lead.substr(0, 50) + "\xE2\x80\xA6"),
                              "<h1>Bridge closes</h1><div class=\"text-xl\"><p>" + k_lead + "</p></div>" + k_body);
    CHECK(article.teaser == k_lead);
}

TEST_CASE("lead paragraphs marked by a test attribute form a teaser of several lines", "[article][teaser]") {
    Article article = extract("",
                              "<h1>Bridge closes</h1><div class=\"story\">"
                              "<p class=\"x1\" data-test-tag=\"lead-text\">The old bridge over the river closes for good.</p>"
                              "<p class=\"x1\" data-test-tag=\"lead-text\">Engineers found its supports failing.</p>"
                              "<p class=\"x2\">" + k_first + "</p><p class=\"x2\">" + k_second + "</p><p>" +
                                  k_third + "</p></div>");
    CHECK(article.teaser == "The old bridge over the river closes for good.\nEngineers found its supports failing.");
    CHECK(body_texts(article) == std::vector<std::string>{k_first, k_second, k_third});
}

TEST_CASE("a type attribute or a synopsis class marks the lead", "[article][teaser]") {
    Article typed = extract("", "<h1>Bridge closes</h1><div type=\"lead\"><p>" + k_lead + "</p></div>" + k_body);
    CHECK(typed.teaser == k_lead);
    Article synopsis = extract("", "<h1>Bridge closes</h1><div class=\"art_synopsis\"><div>" + k_lead +
                                       "</div></div>" + k_body);
    CHECK(synopsis.teaser == k_lead);
}

TEST_CASE("a marked lead that reads as the description wins over a marked subline", "[article][teaser]") {
    Article article = extract(meta_description(k_lead),
                              "<header><h1>Bridge closes</h1><p class=\"header-subline\">The council has decided "
                              "the bridge's fate</p></header><div class=\"content\"><p class=\"article-teaser\">" +
                                  k_lead + "</p>" + k_body + "</div>");
    CHECK(article.teaser == k_lead);
}

TEST_CASE("a description equal to a paragraph after the marked lead leaves the marked lead", "[article][teaser]") {
    Article article = extract(meta_description(k_first),
                              "<h1>Bridge closes</h1><p class=\"standfirst\">" + k_lead + "</p>" + k_body);
    CHECK(article.teaser == k_lead);
    CHECK(body_texts(article) == std::vector<std::string>{k_first, k_second, k_third});
}

TEST_CASE("a headline set in a paragraph is never the teaser", "[article][teaser]") {
    Article article = extract(R"(<meta property="og:title" content="The old bridge closes for good">
        <meta name="description" content="The old bridge closes for good">)",
                              "<p class=\"headline text-xl\">The old bridge closes for good</p><p class=\"lead\">" + k_lead +
                                  "</p>" + k_body);
    CHECK(article.headline == "The old bridge closes for good");
    CHECK(article.teaser == k_lead);
}

TEST_CASE("an element named like a lead that holds the whole body is the body", "[article][teaser]") {
    // Drupal names its body field "text-with-summary"; a video page calls its text a description.
    for (std::string name : {"field field--name-body field--type-text-with-summary", "video-description"}) {
        Article article = extract("", "<h1>Bridge closes</h1><div class=\"" + name + "\"><p>" + k_first + "</p><p>" +
                                           k_second + "</p><p>" + k_third + "</p></div>");
        CHECK(article.teaser.empty());
        CHECK(body_texts(article) == std::vector<std::string>{k_first, k_second, k_third});
    }
    Article lead = extract("", "<h1>Bridge closes</h1><div class=\"summary\"><p>" + k_lead + "</p></div>" + k_body);
    CHECK(lead.teaser == k_lead);
    CHECK(body_texts(lead) == std::vector<std::string>{k_first, k_second, k_third});
}

TEST_CASE("a box beside the headline named for a gallery and a lead is the gallery page's teaser", "[article][teaser]") {
    Article article = extract("", "<h1>Pictures: the bridge's last day</h1><p class=\"gallery-intro\">" + k_lead +
                                      "</p><div class=\"gallery-stage\"><figure><img src=\"/1.jpg\"><figcaption>The last "
                                      "car crosses.</figcaption></figure></div><div class=\"more\"><p>" + k_first +
                                      "</p><p>" + k_second + "</p></div>");
    CHECK(article.teaser == k_lead);
    // Named for a gallery alone, it is the gallery's furniture.
    Article plain = extract("", "<h1>Pictures: the bridge's last day</h1><p class=\"gallery-nav\">" + k_lead +
                                    "</p>" + k_body);
    CHECK(plain.teaser.empty());
}

TEST_CASE("a place set before the lead with a middle dot is its dateline, not its text", "[article][teaser]") {
    Article article = extract(meta_description(k_lead),
                              "<h1>Bridge closes</h1><p class=\"intro-box\"><em data-cy=\"dateline\">Bad Neuenahr</em>"
                              "<span> \xC2\xB7 </span><strong data-cy=\"intro\">" + k_lead + "</strong></p>" + k_body);
    CHECK(article.teaser == k_lead);
    CHECK(body_texts(article) == std::vector<std::string>{k_first, k_second, k_third});
    // A sentence with a middle dot further on keeps it.
    const std::string scores = "Results of the weekend: the Rams won 3 \xC2\xB7 the Hawks lost 1, and the league table moved.";
    Article scored = extract(meta_description(scores), "<h1>Bridge closes</h1><p class=\"intro\">" + scores + "</p>" + k_body);
    CHECK(scored.teaser == scores);
}

TEST_CASE("a byline in italics that closes the lead is not lead text", "[article][teaser]") {
    Article article = extract(meta_description(k_lead), "<h1>Bridge closes</h1><div class=\"shorttext\"><p>" + k_lead +
                                                            " <i>Von Eva Kirchner-R\xC3\xA4tsch </i></p></div>" + k_body);
    CHECK(article.teaser == k_lead);
    CHECK(body_texts(article) == std::vector<std::string>{k_first, k_second, k_third});
    // Italics that close the lead with its own words stay.
    const std::string titled = "The old bridge closes for good, as the council's report By the River";
    Article kept = extract(meta_description(titled), "<h1>Bridge closes</h1><div class=\"shorttext\"><p>"
                                                         "The old bridge closes for good, as the council's report "
                                                         "<i>By the River</i></p></div>" + k_body);
    CHECK(kept.teaser == titled);
}

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

// The body's texts of a page made of `body_html` under a plain head.
std::vector<std::string> body_of(const std::string& body_html) {
    return test::texts_of(test::extract_page("<title>T</title>", body_html));
}


}  // namespace

TEST_CASE("a streamed React segment marked hidden is read as part of the page", "[article][body]") {
    std::vector<std::string> body = body_of("<main><h1>Bridge closes</h1><div id=\"B:1\"></div></main>"
                                            "<div hidden id=\"S:1\"><div class=\"story\"><p>" + k_first +
                                            "</p><p>" + k_second + "</p></div></div>"
                                            "<div hidden><p>" + k_second + " Hidden copy.</p></div>");
    CHECK(body == std::vector<std::string>{k_first, k_second});
}

TEST_CASE("text hidden behind a paywall until a script unlocks it is body text", "[article][body]") {
    std::vector<std::string> body = body_of("<article><h1>Bridge closes</h1><p>" + k_first + "</p><p>" + k_second +
                                            "</p><div class=\"paywall\" hidden><p>" + k_third +
                                            "</p></div><div hidden><p>" + k_third + " Hidden copy.</p></div>"
                                            "</article>");
    CHECK(body == std::vector<std::string>{k_first, k_second, k_third});
}

TEST_CASE("inline elements join the words around them as a browser shows them", "[article][body]") {
    std::vector<std::string> body =
        body_of("<article><h1>Bridge closes</h1><p>" + k_first + "</p><p>The council voted i<a href=\"/v\">n favour</a>"
                " of the <b>plan </b>on Monday<span class=\"br\"></span>Drivers were not <em>amused</em>.</p></article>");
    CHECK(body == std::vector<std::string>{k_first, "The council voted in favour of the plan on Monday Drivers were not amused."});
}

TEST_CASE("a line made of a link inside bold text is a link line, not body text", "[article][body]") {
    std::vector<std::string> body =
        body_of("<article><h1>Bridge closes</h1><p>" + k_first + "</p><p><b>Read also: <a href=\"/x\">The old ferry "
                "returns to the river after forty years</a></b></p><p>" + k_second + "</p></article>");
    CHECK(body == std::vector<std::string>{k_first, k_second});
}

TEST_CASE("a box opened by a read-also label is left out with the teasers it announces", "[article][body]") {
    std::vector<std::string> body =
        body_of("<article><h1>Bridge closes</h1><p>" + k_first + "</p><p>" + k_second + "</p><div class=\"box\">"
                "<p>Czytaj więcej</p><div><a href=\"/a\">Ferry returns</a><p>The old ferry returns to the river after "
                "forty years of silence.</p></div></div><p>" + k_third + "</p></article>");
    CHECK(body == std::vector<std::string>{k_first, k_second, k_third});
}

TEST_CASE("a read-also label after body text in the same element leaves that text alone", "[article][body]") {
    std::vector<std::string> body =
        body_of("<article><h1>Bridge closes</h1><div><p>" + k_first + "</p><h3>Lesen Sie auch</h3><p>" + k_second +
                "</p></div></article>");
    CHECK(body == std::vector<std::string>{k_first, k_second});
}

TEST_CASE("a generated id whose pieces look like words marks no furniture", "[article][body]") {
    std::vector<std::string> body = body_of("<article><h1>Bridge closes</h1><p>" + k_first + "</p><p id=\"block-n1AuAdJlVL\">" +
                                            k_second + "</p><p class=\"topAd\">" + k_third + "</p></article>");
    CHECK(body == std::vector<std::string>{k_first, k_second});
}

TEST_CASE("a lead paragraph before the wrapper around the rest of the story belongs to the body", "[article][body]") {
    std::string rest;
    for (int i = 1; i <= 4; ++i) rest += "<p>" + std::to_string(i) + ". " + k_second + "</p>";
    std::vector<std::string> body =
        body_of("<header><h1>Bridge closes</h1></header><div class=\"story\"><p>" + k_first +
                "</p><div class=\"locked\">" + rest + "</div></div>");
    REQUIRE(body.size() == 5);
    CHECK(body[0] == k_first);
    CHECK(body[4] == "4. " + k_second);
}

TEST_CASE("a span around paragraphs keeps its headings and paragraphs apart", "[article][body]") {
    std::vector<std::string> body =
        body_of("<article><h1>Bridge closes</h1><p>" + k_first + "</p><p>" + k_second + "</p><span class=\"rest\">"
                "<h3>What comes next</h3><p>" + k_third + "</p></span></article>");
    CHECK(body == std::vector<std::string>{k_first, k_second, "What comes next", k_third});
}

TEST_CASE("an image box named for its picture is left out with its caption", "[article][body]") {
    std::vector<std::string> body =
        body_of("<article><h1>Bridge closes</h1><p>" + k_first + "</p><p>" + k_second + "</p><div class=\"article__picture\">"
                "<img src=\"b.jpg\"><p>The bridge at dusk. Photo: City archive</p></div><p>" + k_third + "</p></article>");
    CHECK(body == std::vector<std::string>{k_first, k_second, k_third});
}

TEST_CASE("a teaser card titled by a linked heading is left out with its text", "[article][body]") {
    std::vector<std::string> body =
        body_of("<article><h1>Bridge closes</h1><p>" + k_first + "</p><p>" + k_second + "</p><div class=\"card\">"
                "<h2><a href=\"/ferry\">The ferry returns</a></h2><div><p>After forty years the old ferry is back on "
                "the river.</p></div></div><div><h2 class=\"epigraph\"></h2><h3>What comes next</h3></div><p>" + k_third +
                "</p></article>");
    CHECK(body == std::vector<std::string>{k_first, k_second, "What comes next", k_third});
}

TEST_CASE("a heading wrapped in a named anchor is a heading, not a link", "[article][body]") {
    std::vector<std::string> body =
        body_of("<article><h1>Bridge closes</h1><p>" + k_first + "</p><p>" + k_second + "</p><div><h3><a name=\"part2\">"
                "What comes next</a></h3><p>" + k_third + "</p></div></article>");
    CHECK(body == std::vector<std::string>{k_first, k_second, "What comes next", k_third});
}

TEST_CASE("a media box with its picture and a stand-alone photo credit are not body text", "[article][body]") {
    std::vector<std::string> body =
        body_of("<article><h1>Bridge closes</h1><p>" + k_first + "</p><p>" + k_second + "</p><div class=\"mediaBox\">"
                "<img src=\"b.jpg\"><span>The bridge at dusk.</span></div><p>Foto: City archive</p><p>" + k_third +
                "</p></article>");
    CHECK(body == std::vector<std::string>{k_first, k_second, k_third});
}

TEST_CASE("an info box about a person marked up as a schema.org Person is not body text", "[article][body]") {
    std::vector<std::string> body =
        body_of("<article><h1>Bridge closes</h1><p>" + k_first + "</p><p>" + k_second + "</p><div itemscope "
                "itemtype=\"http://schema.org/Person\"><p>Jane Roe</p><p>Jane Roe is a civil engineer who has studied "
                "the bridge since 2001.</p></div><p>" + k_third + "</p></article>");
    CHECK(body == std::vector<std::string>{k_first, k_second, k_third});
}

TEST_CASE("visually hidden text inside a link stays out of the paragraph", "[article][body]") {
    std::vector<std::string> body =
        body_of("<article><h1>Bridge closes</h1><p>" + k_first + "</p><p>" + k_second + "</p><p>The report "
                "<a href=\"https://example.org/r.pdf\">was published<span class=\"go-vh\"> (opens in a new window)</span>"
                "</a> on Friday, <a href=\"/b\">a day<span class=\"visually-hidden\"> (external)</span></a> late.</p></article>");
    CHECK(body == std::vector<std::string>{k_first, k_second, "The report was published on Friday, a day late."});
}

TEST_CASE("the summary of a details box is the heading of the text it opens", "[article][body]") {
    Article article = test::extract_page(
        "<title>T</title>",
        "<article><h1>Bridge closes</h1><p>" + k_first + "</p><p>" + k_second + "</p><h2>Questions and answers</h2>"
        "<details class=\"faq-item\"><summary>When does the bridge close?</summary><p>" + k_third + "</p></details>"
        "</article>");
    CHECK(article.body == std::vector<Block>{Block{BlockType::paragraph, k_first}, Block{BlockType::paragraph, k_second},
                                             Block{BlockType::heading, "Questions and answers"},
                                             Block{BlockType::heading, "When does the bridge close?"},
                                             Block{BlockType::paragraph, k_third}});
}

#include <catch2/catch.hpp>

#include <string>

#include "parser/article/credit.h"
#include "parser/article/extractor.h"
#include "tests/parser/article/article_pages.h"

using namespace newswire;
using test::k_first;
using test::k_second;
using test::k_third;

namespace {

// The credit line of a page made of `body_html` under a plain head; none as an empty raw line.
SourceCredit credit_of(const std::string& body_html) {
    Article article = test::extract_page("<title>T</title>", body_html);
    return article.source_credit.value_or(SourceCredit{});
}

const std::string k_story = "<p>" + k_first + "</p><p>" + k_second + "</p><p>" + k_third + "</p>";

}  // namespace

TEST_CASE("a source line under the headline credits the story when none closes it", "[article][credit]") {
    // 来源：新华网 (source: Xinhua net) beside the date, as Chinese portals set it
    SourceCredit credit = credit_of(
        "<div class=\"left-col\"><div class=\"article-header\"><h1>Bridge closes</h1><div class=\"info\"><span "
        "class=\"time\">2024-05-14 18:30</span><span class=\"source\">\xE6\x9D\xA5\xE6\xBA\x90\xEF\xBC\x9A"
        "\xE6\x96\xB0\xE5\x8D\x8E\xE7\xBD\x91</span></div></div><div class=\"article-content\">" + k_story +
        "</div></div>");
    CHECK(credit == SourceCredit{"\xE6\x9D\xA5\xE6\xBA\x90\xEF\xBC\x9A\xE6\x96\xB0\xE5\x8D\x8E\xE7\xBD\x91",
                                 "\xE6\x96\xB0\xE5\x8D\x8E\xE7\xBD\x91", {}, {}});
    // The line's own element, not the box that also holds its time
    SourceCredit narrow = credit_of(
        "<article><h1>Bridge closes</h1><div class=\"meta\"><div><div><small>Bron: BELGA</small></div><time>Vandaag om "
        "20:07</time></div></div><div class=\"article-body\">" + k_story + "</div></article>");
    CHECK(narrow == SourceCredit{"Bron: BELGA", "", {}, {"BELGA"}});
}

TEST_CASE("before the story only a line opened by a source word is a credit line", "[article][credit]") {
    SourceCredit bare = credit_of("<article><h1>Bridge closes</h1><div class=\"meta\"><span>(dpa)</span></div>"
                                  "<div class=\"article-body\">" + k_story + "</div></article>");
    CHECK(bare.raw.empty());
    CHECK(opens_with_source_word("Quelle: dpa"));
    CHECK(opens_with_source_word("\xC5\xB9r\xC3\xB3" "d\xC5\x82o: PAP"));  // Źródło: PAP
    CHECK_FALSE(opens_with_source_word("(dpa)"));
    CHECK_FALSE(opens_with_source_word("Mit Material von dpa"));
}

TEST_CASE("a fact box's source names the source of its facts, not of the story", "[article][credit]") {
    SourceCredit credit = credit_of("<article><h1>Bridge closes</h1><div class=\"article-body\">" + k_story +
                                    "<aside class=\"factbox\"><h2>The bridge</h2><ul><li>Opened in 1911</li><li>Closed in "
                                    "2024</li></ul><p><i>Kilde: Store norske leksikon</i></p></aside><p>" + k_first +
                                    "</p></div></article>");
    CHECK(credit.raw.empty());
}

// Regression tests for pages built to hurt the extractor: what fuzzing and review of
// fuzz/extractor_fuzzer.cpp's target found.

#include <catch2/catch.hpp>

#include <string>

#include "parser/article/dom.h"
#include "parser/article/extractor.h"

using namespace newswire;

namespace {

// 2,000 differing <b>s left open in a paragraph, then 2,000 paragraphs: Gumbo opens all 2,000
// again before each paragraph's text, so 37 KB of markup made four million elements (1.8 GB).
std::string reopened_formatting_page() {
    std::string page = "<html><body><p>";
    for (int i = 0; i < 2000; ++i) page += "<b id=" + std::to_string(i) + ">";
    page += "</p>";
    for (int i = 0; i < 2000; ++i) page += "<p>x</p>";
    return page + "</body></html>";
}

}  // namespace

TEST_CASE("formatting reopened before every paragraph stops the parse at its memory budget", "[article][dom][fuzz]") {
    std::string page = reopened_formatting_page();
    REQUIRE(page.size() == 36923);

    html::Document document(page);

    CHECK(document.over_budget());
    CHECK(document.root() == nullptr);
    auto article = extract_article(page, "https://example.org/a.html");
    REQUIRE_FALSE(article);
    CHECK(article.error().message == "the page's markup would take more than 64 times its size to read");
}

TEST_CASE("a page of ordinary markup stays within its memory budget", "[article][dom][fuzz]") {
    std::string page = "<html><body>";
    for (int i = 0; i < 20000; ++i) page += "<p class=c" + std::to_string(i % 7) + ">Satz <b>" + std::to_string(i) + "</b>.</p>";
    html::Document document(page + "</body></html>");

    CHECK_FALSE(document.over_budget());
    REQUIRE(document.root() != nullptr);
    CHECK(html::text_content(document.root()).ends_with("Satz 19999."));
}

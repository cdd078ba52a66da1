// Regression tests for pages built to hurt the extractor: what fuzzing and review of
// fuzz/extractor_fuzzer.cpp's target found.

#include <catch2/catch.hpp>

#include <chrono>
#include <string>

#include "parser/article/dom.h"
#include "parser/article/extractor.h"

using namespace newswire;
using namespace std::chrono_literals;

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

// The sanitizers' Debug build reads a page about seven times slower.
#ifdef NEWSWIRE_SANITIZED
constexpr auto k_quick = 10s;
#else
constexpr auto k_quick = 1500ms;
#endif

// 1,999 <div>s nested one in the other, each opening with a short paragraph, and 10,000
// paragraphs in the innermost: every <div> is a candidate for the article's container, and
// each holds the rest of the page.
std::string nested_wrappers_page() {
    std::string page = "<html><body>";
    for (int i = 0; i < 1999; ++i) page += "<div><p>Wrapper paragraph number " + std::to_string(i) + " here.</p>";
    for (int i = 0; i < 10000; ++i) page += "<p>Paragraph " + std::to_string(i) + " of the story, long enough to count.</p>";
    for (int i = 0; i < 1999; ++i) page += "</div>";
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

TEST_CASE("nested wrappers that each hold a paragraph are not measured one by one", "[article][container][fuzz]") {
    std::string page = nested_wrappers_page();
    REQUIRE(page.size() == 673753);

    auto start = std::chrono::steady_clock::now();
    auto article = extract_article(page, "https://example.org/a.html");
    auto elapsed = std::chrono::steady_clock::now() - start;

    REQUIRE(article);
    REQUIRE(article->body.size() == 10001);
    CHECK(article->body.front().text == "Wrapper paragraph number 1998 here.");
    CHECK(article->body.back().text == "Paragraph 9999 of the story, long enough to count.");
    // Measuring all 1,999 candidates took 4.5 s in a release build; now 0.3 s.
    CHECK(elapsed < k_quick);
}

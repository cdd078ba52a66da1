#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "parser/article/extractor.h"
#include "tests/parser/article/article_pages.h"

using namespace newswire;

namespace {

Article extract(const std::string& body_html) { return test::extract_page("<title>T</title>", body_html); }

using test::k_first;
using test::k_second;
using test::k_third;
using test::texts_of;

}  // namespace

TEST_CASE("an article of three paragraphs keeps all three", "[article][furniture]") {
    Article article = extract("<article><h1>Bridge closes</h1><p>" + k_first + "</p><p>" + k_second + "</p><p>" +
                              k_third + "</p></article>");
    CHECK(texts_of(article) == std::vector<std::string>{k_first, k_second, k_third});
}

#include <catch2/catch.hpp>

#include <string>

#include "parser/article/dom.h"

namespace html = newswire::html;

TEST_CASE("a document's tree holds small and large values alike from its parse pool", "[article][dom]") {
    std::string long_text(100000, 'x');
    std::string long_value(10000, 'v');
    std::string page = "<html><body><div id=\"" + long_value + "\">" + long_text + "</div>";
    for (int i = 0; i < 3000; ++i) page += "<p class=\"c" + std::to_string(i) + "\">p" + std::to_string(i) + "</p>";
    html::Document document(page + "</body></html>");

    const GumboNode* body = html::find_first(document.root(), [](const GumboNode* n) {
        return html::is_element(n, GUMBO_TAG_BODY);
    });
    REQUIRE(body != nullptr);
    REQUIRE(body->v.element.children.length == 3001);
    const auto* div = static_cast<const GumboNode*>(body->v.element.children.data[0]);
    CHECK(html::attribute(div, "id") == long_value);
    CHECK(html::text_content(div) == long_text);
    const auto* last = static_cast<const GumboNode*>(body->v.element.children.data[3000]);
    CHECK(html::attribute(last, "class") == "c2999");
    CHECK(html::text_content(last) == "p2999");
}

TEST_CASE("two documents parsed side by side keep their own trees", "[article][dom]") {
    html::Document first("<p>one</p>");
    html::Document second("<p>two</p>");
    CHECK(html::text_content(first.root()) == "one");
    CHECK(html::text_content(second.root()) == "two");
}

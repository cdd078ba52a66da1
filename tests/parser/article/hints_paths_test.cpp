// The one-pass attribute reading and hashed word lists of parser/article/hints.
#include <catch2/catch.hpp>

#include <string>

#include "parser/article/dom.h"
#include "parser/article/hints.h"

using namespace newswire;

namespace {

// Runs `test` on the first <div>, <ol> or <nav> of `body`.
template <typename Test>
bool on_first(const std::string& body, Test test) {
    html::Document document("<html><body>" + body + "</body></html>");
    const GumboNode* node = html::find_first(document.root(), [](const GumboNode* n) {
        GumboTag tag = html::tag_of(n);
        return tag == GUMBO_TAG_DIV || tag == GUMBO_TAG_OL || tag == GUMBO_TAG_NAV;
    });
    REQUIRE(node != nullptr);
    return test(node);
}

bool breadcrumb(const std::string& body) { return on_first(body, [](const GumboNode* n) { return is_breadcrumb(n); }); }
bool furniture(const std::string& body) { return on_first(body, [](const GumboNode* n) { return is_furniture(n); }); }
bool hard_furniture(const std::string& body) {
    return on_first(body, [](const GumboNode* n) { return is_hard_furniture(n); });
}

}  // namespace

TEST_CASE("breadcrumbs are known by a crumb word, not by any name that holds 'crumb'", "[article][hints]") {
    CHECK(breadcrumb("<ol class=\"c-BreadCrumbs list\"><li>a</li></ol>"));
    CHECK(breadcrumb("<div id=\"page-crumb\">a</div>"));
    CHECK_FALSE(breadcrumb("<div class=\"crumbles\">a</div>"));
    CHECK(breadcrumb("<nav aria-label=\"Brotkrümelnavigation\">a</nav>"));
    CHECK(breadcrumb("<ol itemtype=\"https://schema.org/BreadcrumbList\">a</ol>"));
    CHECK_FALSE(breadcrumb("<div class=\"article-body\">a</div>"));
}

TEST_CASE("furniture words are found among class and id words of any case", "[article][hints]") {
    CHECK(furniture("<div class=\"ArticleShare_share__tS1mE\">a</div>"));
    CHECK(furniture("<div id=\"Newsletter-Box\">a</div>"));
    CHECK_FALSE(furniture("<div class=\"article-body story\">a</div>"));
    CHECK_FALSE(furniture("<div class=\"shared-text\">a</div>"));
}

TEST_CASE("a hidden style is found in any case, with spaces and in a long style", "[article][hints]") {
    CHECK(hard_furniture("<div style=\"DISPLAY: NONE\">a</div>"));
    CHECK(hard_furniture("<div style=\"" + std::string(300, ' ') + "color: red; visibility : hidden\">a</div>"));
    CHECK_FALSE(hard_furniture("<div style=\"display: block\">a</div>"));
    CHECK(hard_furniture("<div aria-hidden=\"true\">a</div>"));
    CHECK(hard_furniture("<div role=\"navigation\">a</div>"));
    CHECK_FALSE(hard_furniture("<div hidden id=\"S:1a\">a</div>"));
}

TEST_CASE("print-only utility classes say nothing of what an element is on screen", "[article][hints]") {
    CHECK_FALSE(furniture("<div class=\"text-lg print:article-dropcap-print\">a</div>"));
    CHECK_FALSE(furniture("<div class=\"print:hidden\">a</div>"));
    CHECK(furniture("<div class=\"md:print-button\">a</div>"));
    CHECK(furniture("<div class=\"article-print\">a</div>"));
}

TEST_CASE("a heading's id is a table of contents' target, no furniture name", "[article][hints]") {
    html::Document document("<html><body><h2 id=\"toc_1\">Zwischentitel</h2><div id=\"toc\">a</div></body></html>");
    const GumboNode* heading = html::find_first(document.root(), [](const GumboNode* n) { return html::tag_of(n) == GUMBO_TAG_H2; });
    const GumboNode* box = html::find_first(document.root(), [](const GumboNode* n) { return html::tag_of(n) == GUMBO_TAG_DIV; });
    REQUIRE(heading);
    REQUIRE(box);
    CHECK_FALSE(is_furniture(heading));
    CHECK(is_furniture(box));
}

TEST_CASE("sign-in prompts are furniture text", "[article][hints]") {
    CHECK(is_furniture_text("Sign In or Create an Account"));
    CHECK(is_furniture_text("Create a free account to keep reading"));
    CHECK_FALSE(is_furniture_text("Signing in to the new system took the council three weeks."));
}

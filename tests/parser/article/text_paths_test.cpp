// The block-at-a-time paths of core/text that extraction leans on, at the edges of their
// 16-byte blocks.
#include <catch2/catch.hpp>

#include <string>

#include "core/text.h"

using namespace newswire;

TEST_CASE("repair_utf8 finds a control or a broken sequence on either side of a 16-byte block edge",
          "[article][text]") {
    std::string fifteen(15, 'a');
    CHECK(repair_utf8(fifteen + "\x01" + "b") == fifteen + "b");
    CHECK(repair_utf8(fifteen + "a\x7f" + "b") == fifteen + "ab");
    CHECK(repair_utf8(fifteen + "\xC3\xA4" + fifteen) == fifteen + "\xC3\xA4" + fifteen);
    CHECK(repair_utf8(fifteen + "\xE2\x82") == fifteen + "\xEF\xBF\xBD\xEF\xBF\xBD");
    CHECK(repair_utf8(fifteen + "\xED\xA0\x80" + "x") == fifteen + "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD" + "x");
    CHECK(repair_utf8(fifteen + "\t\n\r" + fifteen) == fifteen + "\t\n\r" + fifteen);
}

TEST_CASE("contains_ci finds a needle in any case at a block edge and at the very end", "[article][text]") {
    std::string sixteen(16, 'x');
    CHECK(contains_ci(sixteen + "BreadCrumb", "breadcrumb"));
    CHECK(contains_ci(std::string(15, 'x') + "Crumb" + sixteen, "CRUMB"));
    CHECK_FALSE(contains_ci(sixteen + "crum", "crumb"));
    CHECK(contains_ci(sixteen + "a/b-1", "/B-1"));
    CHECK_FALSE(contains_ci(sixteen + "@", "`"));  // '@' | 0x20 is '`', but '@' is no letter
    CHECK(contains_ci("schema.org/Person", ""));
}

TEST_CASE("find_ci gives the first place at or after the start asked for", "[article][text]") {
    const std::string sixteen(16, '-');
    std::string text = sixteen + "<SCRIPT>a</script><Script>";
    CHECK(find_ci(text, "<script") == 16);
    CHECK(find_ci(text, "<script", 17) == 34);
    CHECK(find_ci(text, "</script", 17) == 25);
    CHECK(find_ci(text, "<script", 35) == std::string::npos);
    CHECK(find_ci(text, "", 5) == 5);
    CHECK(find_ci(text, "x", text.size() + 1) == std::string::npos);
    CHECK(find_ci("ab", "abc") == std::string::npos);
}

TEST_CASE("fold_whitespace keeps words whole across white space of every kind", "[article][text]") {
    CHECK(fold_whitespace("  \t Die\xC2\xA0Stadt \n\v\f plant\xE2\x80\xA8neu  ") == "Die Stadt plant neu");
    CHECK(fold_whitespace("\xE3\x80\x80") == "");
    CHECK(fold_whitespace("a\xFF" "b c") == "a\xFF" "b c");
    CHECK(fold_whitespace(std::string(40, 'w')) == std::string(40, 'w'));
    std::string a(20, 'a'), d(17, 'd');
    CHECK(fold_whitespace(a + "  b\x01" "c" + d + "\xC2\xA0" "e\t") == a + " b\x01" "c" + d + " e");
    CHECK(fold_whitespace(std::string(16, 'x') + " ") == std::string(16, 'x'));
}

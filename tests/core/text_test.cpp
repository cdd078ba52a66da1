#include <catch2/catch.hpp>

#include "core/text.h"

using namespace newswire;

TEST_CASE("valid UTF-8 wins over a wrong declaration", "[core][text]") {
    CHECK(to_utf8("Gr\xC3\xBC\xC3\x9F" "e", "iso-8859-1") == "Grüße");
}

TEST_CASE("a declared single-byte charset is converted", "[core][text]") {
    CHECK(to_utf8("Gr\xFC\xDF" "e", "iso-8859-1") == "Grüße");
    CHECK(to_utf8("\x80 5", "windows-1252") == "€ 5");
    CHECK(to_utf8("\xA4", "iso-8859-15") == "€");
}

TEST_CASE("a byte order mark decides the encoding", "[core][text]") {
    CHECK(to_utf8(std::string("\xFF\xFEH\0i\0", 6), "") == "Hi");
    CHECK(to_utf8(std::string("\xFE\xFF\0H\0i", 6), "utf-8") == "Hi");
    CHECK(to_utf8("\xEF\xBB\xBFHi", "") == "Hi");
}

TEST_CASE("undeclared non-UTF-8 bytes are read as windows-1252", "[core][text]") {
    CHECK(to_utf8("caf\xE9", "") == "café");
}

TEST_CASE("repair replaces broken sequences and drops control characters", "[core][text]") {
    CHECK(repair_utf8(std::string("a\xFF" "b\x01" "c\0d", 7)) == "a\xEF\xBF\xBD" "bcd");
    CHECK(repair_utf8("x\tGr\xC3\xBC\xC3\x9F" "e\x7F\r\ny\xC3") == "x\tGr\xC3\xBC\xC3\x9F" "e\r\ny\xEF\xBF\xBD");
    CHECK(is_valid_utf8("Grüße"));
    CHECK_FALSE(is_valid_utf8("\xC3("));
}

TEST_CASE("white space folds, including no-break and thin spaces", "[core][text]") {
    CHECK(fold_whitespace("  a \t\n b\xC2\xA0" "c\xE2\x80\x89" "d  ") == "a b c d");
    CHECK(fold_whitespace("") == "");
}

TEST_CASE("ASCII case helpers", "[core][text]") {
    CHECK(to_lower_ascii("AbC-Ä") == "abc-Ä");
    CHECK(starts_with_ci("Quelle: ntv.de", "quelle:"));
    CHECK(equals_ci("DPA", "dpa"));
    CHECK_FALSE(equals_ci("dpa", "dpa "));
}

TEST_CASE("a prefix in lower case opens text in any case of any script", "[core][text]") {
    CHECK(folded_prefix_length("\xC5\xB9r\xC3\xB3" "d\xC5\x82o: PAP", "\xC5\xBAr\xC3\xB3" "d\xC5\x82o:") == 10);  // Źródło:
    CHECK(folded_prefix_length("\xD0\x9E\xD0\xB1\xD0\xBD\xD0\xBE\xD0\xB2\xD0\xBB\xD0\xB5\xD0\xBD\xD0\xBE",
                               "\xD0\xBE\xD0\xB1\xD0\xBD\xD0\xBE\xD0\xB2\xD0\xBB") == 12);  // Обновлено, обновл
    CHECK(folded_prefix_length("QUELLE: dpa", "quelle:") == 7);
    CHECK(folded_prefix_length("Quell", "quelle:") == 0);
    CHECK(folded_prefix_length("Sources: AFP", "quelle:") == 0);
    CHECK(folded_prefix_length("anything", "") == 0);
}

TEST_CASE("UTF-8 with a stray byte keeps its good characters", "[core][text]") {
    CHECK(to_utf8("K\xC3\xB6ln \xFF und M\xC3\xBCnchen", "utf-8") == "Köln \xEF\xBF\xBD und München");
    CHECK(to_utf8("K\xC3\xB6ln \xFF", "") == "Köln \xEF\xBF\xBD");
    CHECK(is_mostly_utf8("K\xC3\xB6ln \xFF"));
    CHECK_FALSE(is_mostly_utf8("caf\xE9"));
    CHECK_FALSE(is_mostly_utf8("Gr\xFC\xDF" "e aus M\xFC" "nchen, \xC3\xA9 \xFC\xFC\xFC"));
    CHECK_FALSE(is_mostly_utf8("plain ascii"));
}

TEST_CASE("Latin-1 mislabelled as UTF-8 is still read as windows-1252", "[core][text]") {
    CHECK(to_utf8("Gr\xFC\xDF" "e aus M\xFC" "nchen", "utf-8") == "Grüße aus München");
}

TEST_CASE("clean UTF-8 text is valid UTF-8 that repair leaves unchanged", "[core][text]") {
    CHECK(is_clean_utf8_text(""));
    CHECK(is_clean_utf8_text("Gr\xC3\xBC\xC3\x9F" "e\tline\r\nnext, a long plain ASCII run of text \xF0\x9F\x93\xB0"));
    CHECK_FALSE(is_clean_utf8_text("a plain ASCII run longer than sixteen bytes, then \x01"));
    CHECK_FALSE(is_clean_utf8_text(std::string_view("nul\0inside", 10)));
    CHECK_FALSE(is_clean_utf8_text("delete \x7f"));
    CHECK_FALSE(is_clean_utf8_text("a plain ASCII run longer than sixteen bytes \xC3("));
    CHECK_FALSE(is_clean_utf8_text("surrogate \xED\xA0\x80"));
    CHECK_FALSE(is_clean_utf8_text("cut \xE2\x82"));
    std::string mixed = "0123456789abcdef\xC3\xA9\x08 and more plain bytes after it";
    CHECK(is_clean_utf8_text(mixed) == (repair_utf8(mixed) == mixed));
}

TEST_CASE("two renderings of the same words give the same key of letters and digits", "[core]") {
    CHECK(letters_and_digits_key("„Terrible“, he said – 2024.") == "terriblehesaid2024");
    CHECK(letters_and_digits_key("\"terrible\" he said - 2024") == "terriblehesaid2024");
    CHECK(letters_and_digits_key("ŹRÓDŁO: PAP") == "źródłopap");
    CHECK(letters_and_digits_key("关联。") == "关联");
    CHECK(letters_and_digits_key("a\xFF" "b") == "ab");  // a stray byte
    CHECK(letters_and_digits_key("नमस्ते!") == "नमस्ते");  // the marks of Devanagari are part of its words
    CHECK(letters_and_digits_key("").empty());
}

#include <catch2/catch.hpp>

#include "storage/fingerprint.h"

using namespace newswire;

namespace {

std::string words(int from, int to) {
    std::string text;
    for (int i = from; i < to; ++i) {
        text += (text.empty() ? "wort" : " wort") + std::to_string(i);
    }
    return text;
}

}  // namespace

TEST_CASE("normalised text folds white space and case, also beyond ASCII", "[storage]") {
    CHECK(normalise_text("  Grüße\u00a0aus\n\nKÖLN  ") == "grüsse aus köln");
    CHECK(normalise_text("STRASSE") == normalise_text("Straße"));
    CHECK(normalise_text("") == "");
}

TEST_CASE("the text hash is 16 hex digits of FNV-1a", "[storage]") {
    CHECK(text_hash("") == "cbf29ce484222325");
    CHECK(text_hash("a") == "af63dc4c8601ec8c");
    CHECK(text_hash("grüße aus köln").size() == 16);
}

TEST_CASE("a SimHash moves a little for an edit and a lot for another text", "[storage]") {
    const std::string text = words(0, 600);
    std::string edited = text;
    edited.replace(edited.find("wort150"), 7, "anders");
    const auto original = simhash(text).value();
    CHECK(simhash(text).value() == original);
    CHECK(hamming_distance(original, simhash(edited).value()) <= k_near_duplicate_distance);
    CHECK(hamming_distance(original, simhash(words(1000, 1600)).value()) > 16);
}

TEST_CASE("a text without words has no SimHash, a short one is one shingle", "[storage]") {
    CHECK_FALSE(simhash("").has_value());
    CHECK_FALSE(simhash(" ... !? ").has_value());
    CHECK(simhash("eins zwei").has_value());
    CHECK(simhash("eins, zwei!") == simhash("eins zwei"));
    CHECK(simhash("eins zwei") != simhash("zwei eins"));
}

TEST_CASE("Hamming distance counts differing bits", "[storage]") {
    CHECK(hamming_distance(0, 0) == 0);
    CHECK(hamming_distance(0, ~std::uint64_t{0}) == 64);
    CHECK(hamming_distance(0b1011, 0b0110) == 3);
}

#pragma once
// What the article tests share: a page built around a few lines of markup, extracted, and the
// texts of its body.

#include <catch2/catch.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "parser/article/extractor.h"

namespace newswire::test {

// Three sentences of one short story, long enough to read as body paragraphs.
inline const std::string k_first =
    "The council voted on Monday evening to close the old bridge, which has carried traffic since 1911.";
inline const std::string k_second =
    "Engineers had warned for years that the supports were failing, the mayor said after the vote.";
inline const std::string k_third =
    "Drivers will have to take the ring road, which adds about twenty minutes to the trip into town.";

// The Article of a page whose <head> holds `head_html` and whose <body> is `body_html`.
inline Article extract_page(const std::string& head_html, const std::string& body_html, std::string_view url = {}) {
    auto article = extract_article("<!doctype html><html><head>" + head_html + "</head><body>" + body_html +
                                       "</body></html>",
                                   url);
    REQUIRE(article);
    return *article;
}

// The texts of the body's blocks, in order.
inline std::vector<std::string> texts_of(const Article& article) {
    std::vector<std::string> texts;
    for (const Block& block : article.body) texts.push_back(block.text);
    return texts;
}

}  // namespace newswire::test

#pragma once
// What the article tests share: a page built around a few lines of markup, extracted, and the
// texts of its body.

#include <catch2/catch.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "parser/article/extractor.h"

namespace newswire::test {

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

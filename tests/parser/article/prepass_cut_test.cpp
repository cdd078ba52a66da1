#include <catch2/catch.hpp>

#include <string>

#include "parser/article/extractor.h"
#include "parser/article/prepass.h"

using newswire::strip_heavy_content;

TEST_CASE("the pre-pass keeps a srcset's first candidate and the separator after it", "[article][prepass]") {
    CHECK(strip_heavy_content("<img alt=\"\" srcset=\" https://cdn.example.com/a-320.jpg 320w, "
                              "https://cdn.example.com/a-640.jpg 640w\">") ==
          "<img alt=\"\" srcset=\" https://cdn.example.com/a-320.jpg \">");
    CHECK(strip_heavy_content("<source data-srcset='https://cdn.example.com/b-320.jpg,https://cdn.example.com/b-2x.jpg 2x'>") ==
          "<source data-srcset='https://cdn.example.com/b-320.jpg,'>");
}

TEST_CASE("a comma inside an image service's address is part of the srcset's first candidate", "[article][prepass]") {
    CHECK(newswire::first_srcset_url(" https://cdn.example.com/fetch/w_424,c_limit,f_webp/a.png 424w, "
                                     "https://cdn.example.com/fetch/w_848,c_limit,f_webp/a.png 848w") ==
          "https://cdn.example.com/fetch/w_424,c_limit,f_webp/a.png");
    CHECK(newswire::first_srcset_url("/a.jpg,/b.jpg 2x") == "/a.jpg");
    CHECK(newswire::first_srcset_url(",, https://cdn.example.com/a.jpg, https://cdn.example.com/b.jpg 2x") ==
          "https://cdn.example.com/a.jpg");
    CHECK(strip_heavy_content("<source srcset=\"https://cdn.example.com/crops/w=640,h=256,q=70/a.jpg 640w, "
                              "https://cdn.example.com/crops/w=1280,h=512,q=70/a.jpg 1280w\">") ==
          "<source srcset=\"https://cdn.example.com/crops/w=640,h=256,q=70/a.jpg \">");
}

TEST_CASE("a srcset with a character reference or a carriage return before its first break stays whole",
          "[article][prepass]") {
    std::string reference = "<img srcset=\"https://cdn.example.com/a.jpg?w=1&amp;h=2 1x, https://cdn.example.com/b.jpg 2x\">";
    CHECK(strip_heavy_content(reference) == reference);
    std::string carriage = "<img srcset=\"https://cdn.example.com/a.jpg\r 1x, https://cdn.example.com/b.jpg 2x\">";
    CHECK(strip_heavy_content(carriage) == carriage);
}

TEST_CASE("a lazy image source that is a data: URI is cut to data:", "[article][prepass]") {
    CHECK(strip_heavy_content("<img data-src=\"data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAAB\" "
                              "src=\"https://cdn.example.com/x.jpg\">") ==
          "<img data-src=\"data:\" src=\"https://cdn.example.com/x.jpg\">");
    // src is read for more than the address (logo and icon names), so it stays.
    std::string plain = "<img src=\"data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAAB\" alt=\"\">";
    CHECK(strip_heavy_content(plain) == plain);
}

TEST_CASE("a script's address and loading flags are left out, its type and JSON-LD kept", "[article][prepass]") {
    CHECK(strip_heavy_content("<script type=\"module\" src=\"https://cdn.example.com/bundle.js\" async defer "
                              "crossorigin></script>") == "<script type=\"module\"></script>");
    std::string json_ld = "<script type=\"application/ld+json\" nonce=\"abcdefghijklmnopqrstuvwxyz0123456789\">"
                          "{\"headline\":\"H\"}</script>";
    CHECK(strip_heavy_content(json_ld) == json_ld);
}

TEST_CASE("an image read from the first candidate of a cut srcset keeps its address", "[article][prepass][images]") {
    const std::string text =
        "The council voted on Monday evening to close the old bridge, which has carried traffic since 1911.";
    auto article = newswire::extract_article(
        "<!doctype html><html><head><title>T</title></head><body><article><h1>Bridge closes</h1><figure>"
        "<img data-src=\"data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAAB\" "
        "srcset=\"https://cdn.example.com/bridge-320.jpg 320w, https://cdn.example.com/bridge-640.jpg 640w\">"
        "<figcaption>The old bridge at dusk.</figcaption></figure><p>" + text + "</p><p>" + text +
            "</p></article></body></html>",
        "");
    REQUIRE(article);
    REQUIRE(article->images.size() == 1);
    CHECK(article->images[0].url == "https://cdn.example.com/bridge-320.jpg");
    CHECK(article->images[0].caption == "The old bridge at dusk.");
}

TEST_CASE("attributes around a dropped one stay as they were, a nameless one too", "[article][prepass]") {
    CHECK(strip_heavy_content("<div =xyz class=\"story-body story-body--wide\" data-track=\"1\" ID=k Data-Src=\"data:x\">t</div>") ==
          "<div =xyz class=\"story-body story-body--wide\" ID=k Data-Src=\"data:\">t</div>");
    std::string nameless_long = "<div =\"" + std::string(120, 'v') + "\" class=\"a\">";
    CHECK(strip_heavy_content(nameless_long) == "<div class=\"a\">");
}

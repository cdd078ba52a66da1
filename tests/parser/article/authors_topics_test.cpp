#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "parser/article/dom.h"
#include "parser/article/meta_authors.h"
#include "parser/article/meta_text.h"
#include "parser/article/metadata.h"

using namespace newswire;

namespace {

using Names = std::vector<std::string>;

PageMetadata read_page(const std::string& head, const std::string& body = {}) {
    html::Document document("<!DOCTYPE html><html lang=\"en\"><head>" + head + "</head><body>" + body +
                            "</body></html>");
    return read_metadata(document.root(), "https://www.example.com/world/story-1.html");
}

}  // namespace

TEST_CASE("article tags that a longer keyword meta contains win over it", "[topics]") {
    PageMetadata m = read_page(R"(<meta name="keywords" content="News, World, Finland, NATO">
        <meta property="article:tag" content="Finland"><meta property="article:tag" content="NATO">)");
    CHECK(m.topics == Names{"Finland", "NATO"});
    PageMetadata other = read_page(R"(<meta name="keywords" content="Finland, NATO">
        <meta property="article:tag" content="Sweden">)");
    CHECK(other.topics == Names{"Finland", "NATO"});
}

TEST_CASE("analytics pairs in a keyword list keep only subject, topic and entity values", "[topics]") {
    CHECK(normalise_topic_list({"Day: Friday", "Page Type: Article", "Subject: Justice", "Subject: Politics"}) ==
          Names{"Justice", "Politics"});
    CHECK(normalise_topic_list({"3f2a", "Category: Travel", "NLP Entity Tokens: Jasper Park", "NLP Category: General"}) ==
          Names{"Jasper Park"});
    CHECK(normalise_topic_list({"Politik: Bund", "Wahl"}) == Names{"Politik: Bund", "Wahl"});
}

TEST_CASE("one space-separated run of slugs or CJK words is split", "[topics]") {
    CHECK(normalise_topic_list({"humanitarian-aid icj middle-east-crisis"}) ==
          Names{"humanitarian aid", "icj", "middle east crisis"});
    CHECK(normalise_topic_list({"\xE6\xB7\xB1\xE7\xA9\xBA \xE6\x8E\xA2\xE6\x9C\x88 \xE5\xA4\xAA\xE7\xA9\xBA"}) ==
          Names{"\xE6\xB7\xB1\xE7\xA9\xBA", "\xE6\x8E\xA2\xE6\x9C\x88", "\xE5\xA4\xAA\xE7\xA9\xBA"});
    CHECK(normalise_topic_list({"New York City Marathon"}) == Names{"New York City Marathon"});
    CHECK(normalise_topic_list({"\xEB\xAF\xBC\xEC\xA3\xBC\xEB\x8B\xB9 \xEC\xA0\x84\xEB\x8B\xB9 \xEB\x8C\x80\xED\x9A\x8C"}) ==
          Names{"\xEB\xAF\xBC\xEC\xA3\xBC\xEB\x8B\xB9 \xEC\xA0\x84\xEB\x8B\xB9 \xEB\x8C\x80\xED\x9A\x8C"});
}

TEST_CASE("keyword entries written as paths lose the path when all have one", "[topics]") {
    CHECK(normalise_topic_list({"sections/sverige", "topic/misshandel"}) == Names{"sverige", "misshandel"});
    CHECK(normalise_topic_list({"sections/sverige", "AC/DC"}) == Names{"sections/sverige", "AC/DC"});
}

#include <catch2/catch.hpp>

#include "core/json.h"

using namespace newswire;

namespace {

Article sample_article() {
    Article a;
    a.url = "https://www.n-tv.de/politik/a.html";
    a.canonical_url = a.url;
    a.language = "de";
    a.section = "Politik";
    a.kicker = "Von russischem Gebiet aus";
    a.headline = "Nordkoreaner sollen russische Drohnen über Ukraine steuern";
    a.teaser = "Nordkorea ist einer der wichtigsten Unterstützer.";
    a.body = {{BlockType::paragraph, "Erster Absatz."}, {BlockType::heading, "Kim will Pakt"}};
    a.authors = {"Juliane Rohr"};
    a.published = parse_iso8601("2025-12-12T05:07:47+01:00");
    a.topics = {"Nordkorea"};
    a.images = {{"https://bilder.n-tv.de/1.jpg", "Soldaten.", {"picture alliance/dpa/kcna"}}};
    a.source_credit = SourceCredit{"Quelle: ntv.de, gut/rts", "ntv.de", {"gut"}, {"rts"}};
    return a;
}

}  // namespace

TEST_CASE("an article's JSON has the fields of the extract contract", "[core][json]") {
    nlohmann::json j = to_json(sample_article());
    CHECK(j["headline"] == "Nordkoreaner sollen russische Drohnen über Ukraine steuern");
    CHECK(j["published"] == "2025-12-12T05:07:47+01:00");
    CHECK(j["modified"].is_null());
    CHECK(j["body"][1] == nlohmann::json({{"type", "heading"}, {"text", "Kim will Pakt"}}));
    CHECK(j["images"][0]["credit"] == nlohmann::json({"picture alliance/dpa/kcna"}));
    CHECK(j["source_credit"]["agencies"] == nlohmann::json({"rts"}));
}

TEST_CASE("an article survives a round trip through JSON", "[core][json]") {
    Article original = sample_article();
    auto back = article_from_json(to_json(original));
    REQUIRE(back);
    CHECK(*back == original);
}

TEST_CASE("a JSON article with an unknown block type is refused with its name", "[core][json]") {
    auto j = to_json(sample_article());
    j["body"][0]["type"] = "table";
    auto back = article_from_json(j);
    REQUIRE_FALSE(back);
    CHECK(back.error().message.find("unknown type") != std::string::npos);
}

TEST_CASE("a feed item's JSON writes absent fields as null", "[core][json]") {
    FeedItem item;
    item.url = "https://example.org/1";
    item.enclosures = {{"https://example.org/a.mp3", "audio/mpeg", 1234}};
    nlohmann::json j = to_json(item);
    CHECK(j["guid"].is_null());
    CHECK(j["title"].is_null());
    CHECK(j["enclosures"][0]["length"] == 1234);
}

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>

#include "parser/article/extractor.h"

using namespace newswire;

namespace {

std::string fixture(const std::string& name) {
    std::ifstream in(std::string(NEWSWIRE_SOURCE_DIR) + "/tests/parser/article/fixtures/" + name, std::ios::binary);
    REQUIRE(in);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

Article extract(const std::string& name) {
    auto article = extract_article(fixture(name), "");
    REQUIRE(article);
    return *article;
}

Block paragraph(std::string text) { return Block{BlockType::paragraph, std::move(text)}; }

}  // namespace

TEST_CASE("an n-tv page yields section, kicker, teaser, body and credit line", "[article][extractor]") {
    Article article = extract("ntv_layout.html");
    CHECK(article.section == "Politik");
    CHECK(article.kicker == "Von russischem Gebiet aus");
    CHECK(article.headline == "Nordkoreaner sollen russische Drohnen über Ukraine steuern");
    CHECK(article.teaser ==
          "Nordkorea ist einer der wichtigsten Unterstützer von Russlands Krieg gegen die Ukraine. Neben "
          "Waffenlieferungen soll das Land Putins Truppen auch mit Tausenden Soldaten helfen.");
    REQUIRE(article.body.size() == 5);
    CHECK(article.body[0].text.starts_with("Nordkoreanische Soldaten steuern"));
    CHECK(article.body[2] == Block{BlockType::heading, "Kim will Pakt mit Putin vertiefen"});
    CHECK(article.body[4] == paragraph("Kim wolle sich eng mit Russland austauschen, um gemeinsame Ziele zu "
                                       "erreichen, so die staatliche Nachrichtenagentur KCNA."));
    REQUIRE(article.source_credit);
    CHECK(*article.source_credit == SourceCredit{"Quelle: ntv.de, gut/rts", "ntv.de", {"gut"}, {"rts"}});
    CHECK(article.canonical_url == "https://www.n-tv.de/politik/Nordkoreaner-steuern-Drohnen-id1234.html");
}

TEST_CASE("page furniture stays out of the article text", "[article][extractor]") {
    Article article = extract("ntv_layout.html");
    std::string text = article.kicker + "\n" + article.headline + "\n" + article_text(article);
    for (const char* furniture : {"Audioversion", "Artikel anhören", "WhatsApp", "Link kopieren",
                                  "Putin stärkt Maduro", "Ein anderer Artikel", "Newsletter", "Quelle:",
                                  "Foto:", "Teilen-Icon", "not text", "Impressum"}) {
        INFO(furniture);
        CHECK(text.find(furniture) == std::string::npos);
    }
}

TEST_CASE("a generic page keeps headings, quotes and list items in order", "[article][extractor]") {
    Article article = extract("plain_article.html");
    CHECK(article.kicker == "Transport");
    CHECK(article.section == "City");
    CHECK(article.teaser ==
          "The harbour bridge reopened on Monday after eight months of repairs, ahead of schedule and under budget.");
    std::vector<Block> expected = {
        paragraph("Traffic returned to the harbour bridge early on Monday morning, with the first cars crossing "
                  "shortly after five o'clock."),
        paragraph("The city council said the repairs, which replaced the deck and the cables, cost less than "
                  "planned, and the work ended two weeks early."),
        Block{BlockType::heading, "What changes for cyclists"},
        paragraph("A new protected lane on the eastern side separates bicycles from cars, a change cycling groups "
                  "had asked for since 2019."),
        Block{BlockType::quote, "We finally have a crossing that is safe for everyone, said a spokesperson for "
                                "the cyclists' association."},
        Block{BlockType::list_item, "Speed limit lowered to 50 km/h on the bridge."},
        Block{BlockType::list_item, "Night closures end on Friday."},
    };
    CHECK(article.body == expected);
    REQUIRE(article.source_credit);
    CHECK(*article.source_credit == SourceCredit{"Mit Material von dpa und Reuters", "", {}, {"dpa", "Reuters"}});
}

TEST_CASE("text separated by double line breaks becomes paragraphs", "[article][extractor]") {
    Article article = extract("line_breaks.html");
    CHECK(article.headline == "Town hall gets a new roof");
    REQUIRE(article.body.size() == 3);
    CHECK(article.body[1] == paragraph("Work began in June and ended in August, and the builders kept to the "
                                       "budget of the town council, he added."));
}

TEST_CASE("a Latin-1 page comes out as UTF-8", "[article][extractor][charset]") {
    Article article = extract("latin1.html");
    CHECK(article.headline == "Grüße aus München");
    REQUIRE_FALSE(article.body.empty());
    CHECK(article.body.back().text.find("länger") != std::string::npos);
}

TEST_CASE("UTF-8 bytes under a Latin-1 declaration stay UTF-8", "[article][extractor][charset]") {
    Article article = extract("utf8_declared_latin1.html");
    CHECK(article.headline == "Grüße aus München");
}

TEST_CASE("the HTTP content type decides the charset", "[article][extractor][charset]") {
    std::string html = "<html><body><article><h1>Caf\xE9</h1><p>Un caf\xE9 cr\xE8me co\xFBte deux euros dans ce "
                       "quartier de Paris depuis lundi.</p></article></body></html>";
    auto article = extract_article(html, "", "text/html; charset=ISO-8859-1");
    REQUIRE(article);
    CHECK(article->headline == "Café");
}

TEST_CASE("a page nested two hundred thousand levels deep does not crash", "[article][extractor]") {
    std::string html = "<html><body>";
    for (int i = 0; i < 200000; ++i) html += "<div>";
    html += "<p>Deep text that is long enough to count as a paragraph of the article, with commas, too.</p>";
    auto article = extract_article(html, "");
    REQUIRE(article);
    CHECK(article->body == std::vector<Block>{paragraph(
                               "Deep text that is long enough to count as a paragraph of the article, with commas, too.")});
}

TEST_CASE("bytes without markup are an error, empty pages are not a crash", "[article][extractor]") {
    CHECK_FALSE(extract_article("", ""));
    CHECK_FALSE(extract_article("just text", ""));
    auto empty = extract_article("<html></html>", "");
    REQUIRE(empty);
    CHECK(empty->body.empty());
}

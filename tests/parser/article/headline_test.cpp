#include <catch2/catch.hpp>

#include <string>

#include "parser/article/extractor.h"
#include "parser/article/meta_headline.h"

using namespace newswire;

namespace {

Article page(const std::string& head, const std::string& body) {
    auto article = extract_article("<!DOCTYPE html><html lang=\"de\"><head>" + head + "</head><body>" + body +
                                       "<p>Der Text des Artikels steht hier, lang genug f\xC3\xBCr einen Absatz.</p>"
                                       "</article></main></body></html>",
                                   "https://www.example.de/politik/artikel-1.html");
    REQUIRE(article);
    return *article;
}

std::string og(const std::string& title) { return "<meta property=\"og:title\" content=\"" + title + "\">"; }

std::string json_ld(const std::string& headline) {
    return "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"" + headline +
           "\"}</script>";
}

}  // namespace

TEST_CASE("an h1 in the breadcrumb is not the headline; the article's h2 equal to JSON-LD is", "[headline]") {
    Article article = page(og("Stromausfall in Berlin: Ampeln und Bahnen stehen still") +
                               json_ld("Ampeln tot, Bahnen stoppen: Wie sicher ist das Netz?"),
                           "<main><article><nav><ul><li><a href=\"/\">Home</a></li>"
                           "<li><h1>Stromausfall in Berlin: Ampeln und Bahnen stehen still</h1></li></ul></nav>"
                           "<h2>Ampeln tot, Bahnen stoppen: Wie sicher ist das Netz?</h2>");
    CHECK(article.headline == "Ampeln tot, Bahnen stoppen: Wie sicher ist das Netz?");
}

TEST_CASE("an article h2 that shows kicker and headline apart does not confirm the colon form", "[headline]") {
    Article article = page(og("Trump spricht nach Tanker-Aktion") + json_ld("Es wird bald beginnen: Trump spricht nach Tanker-Aktion"),
                           "<main><article><h2><span class=\"kicker\">Es wird bald beginnen</span>"
                           "<span>Trump spricht nach Tanker-Aktion</span></h2>");
    CHECK(article.headline == "Trump spricht nach Tanker-Aktion");
    CHECK(article.kicker == "Es wird bald beginnen");
}

TEST_CASE("an h1 outside the article gives way when the article shows its own heading", "[headline]") {
    Article article = page(og("Putin spricht von Zerschlagung Russlands") + json_ld("Warum Putin warnt und droht"),
                           "<div class=\"trail\"><a href=\"/politik\">Politik</a><h1>Warum Putin warnt und droht</h1></div>"
                           "<main><article><h2><span>Angebliche Gefahr</span><span>Warum Putin warnt und droht</span></h2>");
    CHECK(article.headline == "Putin spricht von Zerschlagung Russlands");
}

TEST_CASE("the first h1 votes when the article has none", "[headline]") {
    Article article = page(og("Topic: Newborns left in dustbins, buses | City News") + json_ld("Newborns left in dustbins, buses"),
                           "<h1>Newborns left in dustbins, buses</h1><main><article>");
    CHECK(article.headline == "Newborns left in dustbins, buses");
}

TEST_CASE("a title that is another source plus a tail naming the site loses the tail", "[headline]") {
    HeadlineCandidates candidates{"Regierung plant neue Steuer", "Regierung plant neue Steuer-Politik|Beispielblatt",
                                  "", {}, "", "", {}};
    CHECK(choose_headline(candidates, "Beispielblatt", "www.beispielblatt.de") == "Regierung plant neue Steuer");
}

TEST_CASE("kickers that share words are a rewording, not two kickers", "[headline]") {
    HeadlineCandidates candidates{"Johannesburg has failed its traders: there is a solution",
                                  "Johannesburg has failed its traders: there is a solution", "", {}, "", "",
                                  {{1, "Joburg has failed its traders: there is a solution"}}};
    CHECK(choose_headline(candidates, "", "www.example.co.za") == "Johannesburg has failed its traders: there is a solution");
}

TEST_CASE("a dateline marked as kicker is no kicker", "[headline]") {
    Article article = page(og("The End of the Fight for the Party"),
                           "<main><article><p class=\"kicker\">Politics / January 11, 2024</p>"
                           "<h1>The End of the Fight for the Party</h1>");
    CHECK(article.kicker.empty());
}

TEST_CASE("a trail of links set as pretitle is a breadcrumb, not a kicker", "[headline]") {
    Article article = page(og("Raab neue Chefin von Thinktank"),
                           "<main><article><div class=\"article-pretitle\"><a href=\"/\">SN.AT</a> / "
                           "<a href=\"/politik\">Politik</a></div><h1>Raab neue Chefin von Thinktank</h1>");
    CHECK(article.kicker.empty());
}

TEST_CASE("the headline is not found as the end of a hyphenated word", "[headline]") {
    Article article = page(og("Interimstrainer Schubert: Nicht mehr viel zu verlieren"),
                           "<main><article><div class=\"crumb\"><h1>MSV-Interimstrainer Schubert: Nicht mehr viel zu "
                           "verlieren</h1></div><h2>Interimstrainer Schubert: Nicht mehr viel zu verlieren</h2>");
    CHECK(article.headline == "Interimstrainer Schubert: Nicht mehr viel zu verlieren");
    CHECK(article.kicker.empty());
}

TEST_CASE("a dash between kicker and headline stays out of the kicker", "[headline]") {
    Article article = page(og("Trump plant einen Landeplatz"),
                           "<main><article><h2>Umbau des Hauses \xE2\x80\x93 Trump plant einen Landeplatz</h2>");
    CHECK(article.headline == "Trump plant einen Landeplatz");
    CHECK(article.kicker == "Umbau des Hauses");
}

TEST_CASE("a breadcrumb entry naming the site or ending in a colon is not the section", "[headline]") {
    Article article = page("<meta property=\"og:site_name\" content=\"MDR.DE\">" + og("Hitze setzt Bahnen zu"),
                           "<nav class=\"breadcrumb\"><a href=\"/\">MDR.DE</a><a href=\"/themen\">Themen:</a>"
                           "<a href=\"/sachsen\">Sachsen-Anhalt</a></nav><main><article><h1>Hitze setzt Bahnen zu</h1>");
    CHECK(article.section == "Sachsen-Anhalt");
}

TEST_CASE("a subscriber badge set in the kicker is no word of the kicker", "[headline]") {
    Article above = page(og("Geburtsstation schlie\xC3\x9Ft"), "<main><article><p class=\"article__kicker\"><span class=\"plus-badge\">"
                         "WA+</span> Klinikum Nord</p><h1>Geburtsstation schlie\xC3\x9Ft</h1>");
    CHECK(above.kicker == "Klinikum Nord");
    Article inside = page(og("Geburtsstation schlie\xC3\x9Ft"), "<main><article><h1><span class=\"kicker\"><i class=\"premium-icon\">"
                          "Plus</i>Klinikum Nord</span> Geburtsstation schlie\xC3\x9Ft</h1>");
    CHECK(inside.kicker == "Klinikum Nord");
}

TEST_CASE("a breadcrumb's home entry in other languages and scripts is not the section", "[headline]") {
    for (const char* home : {"Ana Sayfa", "\xE3\x83\x88\xE3\x83\x83\xE3\x83\x97", "\xE9\xA6\x96\xE9\xA1\xB5", "\xED\x99\x88",
                             "\xD8\xA7\xD9\x84\xD8\xB1\xD8\xA6\xD9\x8A\xD8\xB3\xD9\x8A\xD8\xA9", "\xD0\x93\xD0\xBB\xD0\xB0\xD0\xB2\xD0\xBD\xD0\xB0\xD1\x8F"}) {
        INFO(home);
        Article article = page(og("Hitze setzt Bahnen zu"), std::string("<nav class=\"breadcrumb\"><a href=\"/\">") + home +
                               "</a><a href=\"/sachsen\">Sachsen</a></nav><main><article><h1>Hitze setzt Bahnen zu</h1>");
        CHECK(article.section == "Sachsen");
    }
}

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

#include "parser/article/dom.h"
#include "parser/article/meta_headline.h"
#include "parser/article/metadata.h"
#include "parser/article/site_rules.h"

using namespace newswire;

TEST_CASE("every site rule file built into the program reads without error", "[site_rules]") {
    std::vector<std::string> files = site_rule_files();
    CHECK(std::find(files.begin(), files.end(), "n-tv.de.yaml") != files.end());
    for (const Error& error : site_rule_errors()) FAIL(error.message);
    const SiteRule* rule = SiteRules::find(nullptr, "www.n-tv.de");
    REQUIRE(rule);
    CHECK(rule->headline == HeadlineSource::og_title);
    REQUIRE(rule->lead.size() == 2);
    CHECK(rule->lead[0].tag == "p");
    CHECK(rule->lead[0].class_prefix == "article__intro");
    CHECK(SiteRules::find(nullptr, "n-tv.de.example.com") == nullptr);
    CHECK(SiteRules::find(nullptr, "xn-tv.de") == nullptr);
}

TEST_CASE("a site rule file reads hosts, selectors and the headline source", "[site_rules]") {
    auto rule = read_site_rule("beispiel.de.yaml", R"(# a comment
hosts: [beispiel.de, beispiel.at]
body: [div.artikel-text, article]
drop: [.teaser-box]
headline: json-ld
)");
    REQUIRE(rule);
    CHECK(rule->host_suffixes == std::vector<std::string>{"beispiel.de", "beispiel.at"});
    REQUIRE(rule->body.size() == 2);
    CHECK(rule->body[0].tag == "div");
    CHECK(rule->body[0].class_prefix == "artikel-text");
    CHECK(rule->body[1].tag == "article");
    CHECK(rule->body[1].class_prefix.empty());
    REQUIRE(rule->drop.size() == 1);
    CHECK(rule->drop[0].tag.empty());
    CHECK(rule->drop[0].class_prefix == "teaser-box");
    CHECK(rule->headline == HeadlineSource::json_ld);
}

TEST_CASE("a malformed site rule file fails naming the file, the line and what is wrong", "[site_rules]") {
    auto unknown = read_site_rule("a.yaml", "hosts: [a.de]\nbdy: [div.x]\n");
    REQUIRE(!unknown);
    CHECK(unknown.error().message == "a.yaml:2: unknown key \"bdy\" (known: hosts, body, lead, drop, headline)");
    auto source = read_site_rule("b.yaml", "hosts: [b.de]\nheadline: title\n");
    REQUIRE(!source);
    CHECK(source.error().message == "b.yaml:2: headline must be og:title, json-ld or h1");
    auto hosts = read_site_rule("c.yaml", "headline: h1\n");
    REQUIRE(!hosts);
    CHECK(hosts.error().message == "c.yaml: hosts is missing");
    auto selector = read_site_rule("d.yaml", "hosts: [d.de]\nlead: [div > p]\n");
    REQUIRE(!selector);
    CHECK(selector.error().message ==
          "d.yaml:2: lead: \"div > p\" is no selector (write tag.class-prefix, .class-prefix or tag)");
    auto syntax = read_site_rule("e.yaml", "hosts: [e.de\n");
    REQUIRE(!syntax);
    CHECK(syntax.error().message.starts_with("e.yaml:"));
}

TEST_CASE("a site whose rule names og:title takes it over the other titles' vote", "[site_rules]") {
    html::Document document(R"(<html><head><meta property="og:title" content="Kurz und knapp">
        <script type="application/ld+json">{"@type":"NewsArticle","headline":"Die lange Fassung der Zeile"}</script>
        </head><body><article><h1>Die lange Fassung der Zeile</h1><p>Text.</p></article></body></html>)");
    CHECK(read_metadata(document.root(), "https://www.euronews.com/2024/04/30/story").headline == "Kurz und knapp");
    CHECK(read_metadata(document.root(), "https://www.example.com/2024/04/30/story").headline ==
          "Die lange Fassung der Zeile");
}

TEST_CASE("a site name joined to the title without spaces leaves it", "[metadata]") {
    CHECK(strip_site_name("Zeile mit Ende-\xEC\xA0\x95\xEC\xB9\x98\xE3\x85\xA3\xED\x95\x9C\xEA\xB5\xAD\xEC\x9D\xBC\xEB\xB3\xB4",
                          "\xED\x95\x9C\xEA\xB5\xAD\xEC\x9D\xBC\xEB\xB3\xB4", "www.example.com") == "Zeile mit Ende");
    CHECK(strip_site_name("Reise nach Nord-Europa", "Europa", "www.example.com") == "Reise nach Nord-Europa");
    CHECK(strip_site_name("Reise nach Nord|Europa", "Europa", "www.example.com") == "Reise nach Nord");
}

TEST_CASE("a user's rule for a host comes before the built-in one", "[site_rules]") {
    SiteRules user;
    REQUIRE(user.add("mine.yaml", "hosts: [n-tv.de]\nheadline: h1\n"));
    CHECK(user.size() == 1);
    const SiteRule* rule = SiteRules::find(&user, "www.n-tv.de");
    REQUIRE(rule);
    CHECK(rule->headline == HeadlineSource::h1);
    CHECK(rule->lead.empty());
    const SiteRule* other = SiteRules::find(&user, "www.wired.com");
    REQUIRE(other);
    CHECK(other->headline == HeadlineSource::json_ld);
    auto broken = user.add("broken.yaml", "hosts: x.de\n");
    REQUIRE(!broken);
    CHECK(broken.error().message == "broken.yaml:1: hosts must be a list");
    CHECK(user.size() == 1);
}

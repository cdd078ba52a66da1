#include <catch2/catch.hpp>

#include <filesystem>

#include <nlohmann/json.hpp>

#include "cli/config.h"
#include "cli/site_rules_dir.h"
#include "tests/support/process.h"

using namespace newswire;
using namespace newswire::cli;

namespace {

// A page whose og:title and <h1> disagree: the generic vote takes the <h1> (with JSON-LD).
constexpr const char* k_page = R"(<!DOCTYPE html><html lang="de"><head>
<meta property="og:title" content="Kurze Zeile">
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Die lange Zeile der Seite"}</script>
</head><body><article><h1>Die lange Zeile der Seite</h1><p>Ein Absatz mit genug Text.</p></article></body></html>)";

}  // namespace

TEST_CASE("config.yaml reads the user's site rules relative to itself", "[cli]") {
    test::TempDir dir;
    std::filesystem::create_directories(dir.path() / "sites");
    test::write_text(dir.path() / "sites" / "beispiel.de.yaml", "hosts: [beispiel.de]\nheadline: og:title\n");
    test::write_text(dir.path() / "sites" / "notes.txt", "not a rule");
    test::write_text(dir.path() / "config.yaml", "parse:\n  site_rules: sites\n");
    auto config = load_config((dir.path() / "config.yaml").string());
    REQUIRE(config);
    REQUIRE(config->parse.site_rules);
    CHECK(config->parse.site_rules->size() == 1);
    const SiteRule* rule = SiteRules::find(config->parse.site_rules.get(), "www.beispiel.de");
    REQUIRE(rule);
    CHECK(rule->headline == HeadlineSource::og_title);
}

TEST_CASE("a broken site rule stops the config naming the rule file and line", "[cli]") {
    test::TempDir dir;
    std::filesystem::create_directories(dir.path() / "sites");
    test::write_text(dir.path() / "sites" / "a.yaml", "hosts: [a.de]\nheadline: titel\n");
    test::write_text(dir.path() / "config.yaml", "parse:\n  site_rules: sites\n");
    auto config = load_config((dir.path() / "config.yaml").string());
    REQUIRE_FALSE(config);
    std::string rule_file = (dir.path() / "sites" / "a.yaml").string();
    CHECK(config.error().message.find(rule_file + ":2: headline must be og:title, json-ld or h1") != std::string::npos);
    auto missing = load_site_rules((dir.path() / "nowhere").string());
    REQUIRE_FALSE(missing);
    CHECK(missing.error().message.starts_with("cannot read site rules folder " + (dir.path() / "nowhere").string()));
}

TEST_CASE("newswire extract --site-rules applies the user's rule before the generic choice", "[cli]") {
    test::TempDir dir;
    std::filesystem::create_directories(dir.path() / "sites");
    test::write_text(dir.path() / "sites" / "beispiel.de.yaml", "hosts: [beispiel.de]\nheadline: og:title\n");
    test::write_text(dir.path() / "page.html", k_page);
    std::string page = (dir.path() / "page.html").string();
    auto generic = test::run_newswire("extract --jsonl --url https://www.beispiel.de/a.html '" + page + "'");
    REQUIRE(generic.exit_code == 0);
    CHECK(nlohmann::json::parse(generic.out)["headline"] == "Die lange Zeile der Seite");
    auto ruled = test::run_newswire("extract --jsonl --url https://www.beispiel.de/a.html --site-rules '" +
                                    (dir.path() / "sites").string() + "' '" + page + "'");
    REQUIRE(ruled.exit_code == 0);
    CHECK(nlohmann::json::parse(ruled.out)["headline"] == "Kurze Zeile");
    auto broken = test::run_newswire("extract --site-rules '" + (dir.path() / "nowhere").string() + "' '" + page + "'");
    CHECK(broken.exit_code == 2);
    CHECK(broken.out.empty());
    CHECK(broken.err.starts_with("newswire: cannot read site rules folder "));
}

#include <catch2/catch.hpp>

#include <filesystem>

#include "cli/config.h"
#include "cli/opml.h"
#include "tests/support/process.h"

using namespace newswire;
using namespace newswire::cli;
using namespace std::chrono_literals;

namespace {

constexpr const char* k_subscriptions = R"(<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0">
  <head><title>Abos</title></head>
  <body>
    <outline text="Nachrichten">
      <outline type="rss" text="tagesschau" title="tagesschau.de" xmlUrl="https://www.tagesschau.de/xml/rss2/"/>
      <outline text="Technik">
        <outline type="rss" text="heise  online" xmlUrl=" https://www.heise.de/rss/heise-atom.xml "/>
      </outline>
    </outline>
    <outline type="rss" xmlUrl="https://rss.dw.com/xml/rss-de-all"/>
    <outline type="rss" text="lokal" xmlUrl="file:///etc/passwd"/>
    <outline type="rss" text="tagesschau.de" xmlUrl="https://www.tagesschau.de/xml/rss2/"/>
    <outline text="n-tv" xmlUrl="https://www.n-tv.de/politik/rss"/>
  </body>
</opml>)";

}  // namespace

TEST_CASE("an OPML list gives its feeds at every depth, named by title or text", "[cli]") {
    auto feeds = read_opml(k_subscriptions, "abos.opml");
    REQUIRE(feeds);
    std::vector<std::pair<std::string, std::string>> got;
    for (const FeedConfig& feed : *feeds) got.emplace_back(feed.name, feed.url);
    CHECK(got == std::vector<std::pair<std::string, std::string>>{
                     {"tagesschau.de", "https://www.tagesschau.de/xml/rss2/"},
                     {"heise online", "https://www.heise.de/rss/heise-atom.xml"},
                     {"https://rss.dw.com/xml/rss-de-all", "https://rss.dw.com/xml/rss-de-all"},
                     {"tagesschau.de", "https://www.tagesschau.de/xml/rss2/"},
                     {"n-tv", "https://www.n-tv.de/politik/rss"}});
}

TEST_CASE("a file that is not OPML is an error naming the file", "[cli]") {
    auto html = read_opml("<html><body><p>hi</p></body></html>", "abos.opml");
    REQUIRE_FALSE(html);
    CHECK(html.error().message == "abos.opml: not an OPML file: no <opml><body>");
    auto broken = read_opml("<opml><body><outline", "abos.opml");
    REQUIRE_FALSE(broken);
    CHECK(broken.error().message.starts_with("abos.opml: not an OPML file: "));
}

TEST_CASE("config.yaml includes an OPML file relative to itself, names kept unique", "[cli]") {
    test::TempDir dir;
    std::filesystem::create_directories(dir.path() / "lists");
    test::write_text(dir.path() / "lists" / "abos.opml", k_subscriptions);
    test::write_text(dir.path() / "config.yaml",
                     "feeds:\n"
                     "  - name: n-tv\n"
                     "    url: https://www.n-tv.de/rss\n"
                     "  - opml: lists/abos.opml\n"
                     "    interval: 30m\n");
    auto config = load_config((dir.path() / "config.yaml").string());
    REQUIRE(config);
    std::vector<std::string> names;
    for (const FeedConfig& feed : config->feeds) names.push_back(feed.name);
    CHECK(names == std::vector<std::string>{"n-tv", "tagesschau.de", "heise online", "https://rss.dw.com/xml/rss-de-all",
                                            "https://www.n-tv.de/politik/rss"});
    CHECK(config->feeds[0].interval == 0s);
    CHECK(config->feeds[1].interval == 30min);

    test::write_text(dir.path() / "config.yaml", "feeds:\n  - opml: lists/missing.opml\n");
    auto missing = load_config((dir.path() / "config.yaml").string());
    REQUIRE_FALSE(missing);
    CHECK(missing.error().message.starts_with((dir.path() / "config.yaml").string() + ":2: feeds[0].opml: cannot open OPML file " +
                                              (dir.path() / "lists" / "missing.opml").string() + ": "));

    test::write_text(dir.path() / "config.yaml", "feeds:\n  - opml: lists/abos.opml\n    url: https://x.de/rss\n");
    auto both = load_config((dir.path() / "config.yaml").string());
    REQUIRE_FALSE(both);
    CHECK(both.error().message ==
          (dir.path() / "config.yaml").string() + ":2: feeds[0]: an opml entry takes only an interval besides the file");
}

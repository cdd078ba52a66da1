#include <string>

#include <catch2/catch.hpp>

#include "fetcher/robots.h"

using namespace newswire;

namespace {

constexpr const char* k_agent = "newswire/0.1 (+https://example.org/newswire)";

FetchResponse answer(long status, std::string body = {}) {
    FetchResponse response;
    response.status = status;
    response.body = std::move(body);
    if (status >= 400) response.error = Error{ErrorCode::http, "HTTP " + std::to_string(status)};
    return response;
}

}  // namespace

TEST_CASE("robots.txt: our product token's group wins over the star group", "[robots]") {
    const char* text =
        "# a comment line\n"
        "User-agent: *\n"
        "Disallow: /\n"
        "\n"
        "User-agent: Googlebot\n"
        "User-Agent: NewsWire   # case does not matter\n"
        "Disallow: /intern/\n";
    RobotsRules rules = RobotsRules::parse(text, k_agent);
    CHECK(rules.allows("/politik/artikel.html"));
    CHECK_FALSE(rules.allows("/intern/plan.html"));
    CHECK(rules.allows("/robots.txt"));

    RobotsRules others = RobotsRules::parse(text, "otherbot/2.0");
    CHECK_FALSE(others.allows("/politik/artikel.html"));
    CHECK(others.allows("/robots.txt"));
}

TEST_CASE("robots.txt: the longest matching rule decides, allow on a tie", "[robots]") {
    RobotsRules rules = RobotsRules::parse(
        "user-agent: *\r\n"
        "disallow: /archiv\r\n"
        "allow: /archiv/2026/\r\n"
        "disallow: /*.pdf$\r\n"
        "disallow: /*?print=\r\n"
        "allow: /same\r\n"
        "disallow: /same\r\n"
        "disallow:\r\n",
        k_agent);
    CHECK_FALSE(rules.allows("/archiv/2025/a.html"));
    CHECK_FALSE(rules.allows("/archivierte-seite"));
    CHECK(rules.allows("/archiv/2026/a.html"));
    CHECK_FALSE(rules.allows("/dokumente/bericht.pdf"));
    CHECK(rules.allows("/dokumente/bericht.pdf.html"));
    CHECK_FALSE(rules.allows("/a.html?print=1"));
    CHECK(rules.allows("/a.html?page=2"));
    CHECK(rules.allows("/same/thing"));
    CHECK(rules.allows("/"));
}

TEST_CASE("robots.txt: groups of several agents and rules before any agent", "[robots]") {
    RobotsRules rules = RobotsRules::parse(
        "\xEF\xBB\xBF"
        "Disallow: /orphan\n"
        "User-agent: a\n"
        "User-agent: *\n"
        "Disallow: /private\n"
        "Sitemap: https://x.de/sitemap.xml\n"
        "Crawl-delay: 10\n"
        "Disallow: /tmp\n"
        "User-agent: b\n"
        "Disallow: /\n",
        k_agent);
    CHECK(rules.allows("/orphan"));
    CHECK_FALSE(rules.allows("/private/x"));
    CHECK_FALSE(rules.allows("/tmp/x"));
    CHECK(rules.allows("/public"));
}

TEST_CASE("robots.txt: stars match any run, a pathological pattern stays cheap", "[robots]") {
    RobotsRules rules = RobotsRules::parse("User-agent: *\nDisallow: /*a*a*a*a*a*a*a*a*b$\n", k_agent);
    CHECK_FALSE(rules.allows("/xaxaxaxaxaxaxaxab"));
    CHECK(rules.allows("/" + std::string(20000, 'a')));  // no b at the end: no match
}

TEST_CASE("robots.txt: paths compare percent-encoded, whatever the case of the hex digits", "[robots]") {
    RobotsRules rules = RobotsRules::parse("User-agent: *\nDisallow: /caf%c3%a9/\nDisallow: /stra\xC3\x9F" "e\n",
                                           "newswire/0.1");
    CHECK_FALSE(rules.allows("/caf%C3%A9/menu"));
    CHECK_FALSE(rules.allows("/caf\xC3\xA9/menu"));
    CHECK_FALSE(rules.allows("/stra%c3%9fe/1"));
    CHECK(rules.allows("/cafe/menu"));
    RobotsRules only = RobotsRules::parse("User-agent: *\nDisallow: /\nAllow: /%7Eanna/\nAllow: /100%/\n", "newswire/0.1");
    CHECK(only.allows("/%7eanna/notes"));
    CHECK(only.allows("/100%/"));  // a lone % is no encoding and stays as written
    CHECK_FALSE(only.allows("/%7Ebob/"));
}

TEST_CASE("robots.txt: what a fetch of it means", "[robots]") {
    CHECK(robots_rules_from(answer(404), k_agent).allows("/anything"));
    CHECK(robots_rules_from(answer(403), k_agent).allows("/anything"));
    RobotsRules down = robots_rules_from(answer(503), k_agent);
    CHECK_FALSE(down.allows("/anything"));
    CHECK(down.is_unreachable());
    CHECK(robots_rules_from(answer(429), k_agent).is_unreachable());
    FetchResponse no_answer = answer(0);
    no_answer.error = Error{ErrorCode::network, "Connection refused"};
    CHECK(robots_rules_from(no_answer, k_agent).is_unreachable());
    CHECK(robots_rules_from(no_answer, k_agent).why_unreachable() == "Connection refused");
    CHECK(down.why_unreachable() == "HTTP 503");
    FetchResponse refused = answer(0);
    refused.error = Error{ErrorCode::forbidden, "private address refused"};
    CHECK(robots_rules_from(refused, k_agent).allows("/anything"));
    CHECK_FALSE(robots_rules_from(refused, k_agent).is_unreachable());
    RobotsRules read = robots_rules_from(answer(200, "User-agent: *\nDisallow: /x\n"), k_agent);
    CHECK_FALSE(read.allows("/x"));
    CHECK_FALSE(read.is_unreachable());

    CHECK(robots_lifetime_seconds(answer(200)) == 86400);
    CHECK(robots_lifetime_seconds(answer(404)) == 86400);
    CHECK(robots_lifetime_seconds(answer(500)) == 0);
    CHECK(robots_lifetime_seconds(no_answer) == 0);
}

TEST_CASE("robots.txt: a page URL splits into origin and path with query", "[robots]") {
    auto target = robots_target("https://www.n-tv.de/politik/a.html?utm_source=rss#top");
    REQUIRE(target);
    CHECK(target->origin == "https://www.n-tv.de");
    CHECK(target->path == "/politik/a.html?utm_source=rss");
    auto with_port = robots_target("http://127.0.0.1:8080");
    REQUIRE(with_port);
    CHECK(with_port->origin == "http://127.0.0.1:8080");
    CHECK(with_port->path == "/");
    CHECK_FALSE(robots_target("ftp://x.de/a"));
    CHECK_FALSE(robots_target("not a url"));
}

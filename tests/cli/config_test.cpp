#include <catch2/catch.hpp>

#include "cli/config.h"

using namespace newswire;
using namespace newswire::cli;
using namespace std::chrono_literals;

TEST_CASE("a full config is read with its durations and sizes", "[cli][config]") {
    auto config = parse_config(R"(
database: data/news.db
fetch:
  concurrency: 6
  per_host_concurrency: 1
  per_host_interval: 500ms
  timeout: 10s
  max_body_bytes: 5MiB
  user_agent: newswire-test/1.0
  allow_private_addresses: true
  robots_txt: false
parse:
  threads: 3
schedule:
  default_interval: 15m
  backoff_cap: 6h
  raw_body_retention: 30d
feeds:
  - name: ntv
    url: https://www.n-tv.de/rss
    interval: 10m
  - url: https://www.tagesschau.de/xml/rss2/
)", "/etc/newswire/config.yaml");
    REQUIRE(config);
    CHECK(config->database == "/etc/newswire/data/news.db");
    CHECK(config->fetch.concurrency == 6);
    CHECK(config->fetch.per_host_concurrency == 1);
    CHECK(config->fetch.per_host_interval == 500ms);
    CHECK(config->fetch.timeout == 10s);
    CHECK(config->fetch.max_body_bytes == 5u * 1024 * 1024);
    CHECK(config->fetch.user_agent == "newswire-test/1.0");
    CHECK(config->fetch.allow_private_addresses);
    CHECK_FALSE(config->fetch.robots_txt);
    CHECK(config->parse.threads == 3u);
    CHECK(config->schedule.default_interval == 15min);
    CHECK(config->schedule.backoff_cap == 6h);
    CHECK(config->schedule.raw_body_retention == 24h * 30);
    REQUIRE(config->feeds.size() == 2);
    CHECK(config->feeds[0].name == "ntv");
    CHECK(config->feeds[0].interval == 10min);
    CHECK(config->feeds[1].name == "https://www.tagesschau.de/xml/rss2/");
    CHECK(config->feeds[1].interval == 0s);
}

TEST_CASE("an unknown key is an error naming file, line and key", "[cli][config]") {
    auto config = parse_config("database: a.db\nfetch:\n  concurency: 4\n", "config.yaml");
    REQUIRE_FALSE(config);
    CHECK(config.error().message == "config.yaml:3: fetch.concurency: unknown key");
}

TEST_CASE("a bad duration is an error naming the key", "[cli][config]") {
    auto config = parse_config("fetch:\n  timeout: soon\n", "c.yaml");
    REQUIRE_FALSE(config);
    CHECK(config.error().message == "c.yaml:2: fetch.timeout: must be a duration such as 500ms, 10s, 15m, 6h or 1d");
}

TEST_CASE("retentions are durations or forever", "[cli][config]") {
    auto defaults = parse_config("database: a.db\n", "c.yaml");
    REQUIRE(defaults);
    CHECK(defaults->schedule.raw_body_retention == 90 * 24h);
    CHECK(defaults->schedule.fetch_log_retention == 90 * 24h);
    auto custom = parse_config("schedule:\n  raw_body_retention: forever\n  fetch_log_retention: 30d\n", "c.yaml");
    REQUIRE(custom);
    CHECK(custom->schedule.raw_body_retention == 0s);
    CHECK(custom->schedule.fetch_log_retention == 30 * 24h);
    auto bad = parse_config("schedule:\n  fetch_log_retention: always\n", "c.yaml");
    REQUIRE_FALSE(bad);
    CHECK(bad.error().message ==
          "c.yaml:2: schedule.fetch_log_retention: must be a duration such as 500ms, 10s, 15m, 6h or 1d");
}

TEST_CASE("page revisits are a list of waits, [] for none", "[cli][config]") {
    auto defaults = parse_config("database: a.db\n", "c.yaml");
    REQUIRE(defaults);
    CHECK(defaults->schedule.page_revisits == std::vector<std::chrono::seconds>{1h, 6h, 24h});
    auto custom = parse_config("schedule:\n  page_revisits: [30m, 2h]\n", "c.yaml");
    REQUIRE(custom);
    CHECK(custom->schedule.page_revisits == std::vector<std::chrono::seconds>{30min, 2h});
    auto none = parse_config("schedule:\n  page_revisits: []\n", "c.yaml");
    REQUIRE(none);
    CHECK(none->schedule.page_revisits.empty());
    auto bad = parse_config("schedule:\n  page_revisits: [1h, soon]\n", "c.yaml");
    REQUIRE_FALSE(bad);
    CHECK(bad.error().message ==
          "c.yaml:2: schedule.page_revisits[1]: must be a duration such as 500ms, 10s, 15m, 6h or 1d");
    auto scalar = parse_config("schedule:\n  page_revisits: 1h\n", "c.yaml");
    REQUIRE_FALSE(scalar);
    CHECK(scalar.error().message == "c.yaml:2: schedule.page_revisits: must be a list of durations such as [1h, 6h, 1d], or []");
}

TEST_CASE("a pause may be zero, a timeout or an interval may not", "[cli][config]") {
    auto config = parse_config("fetch:\n  per_host_interval: 0ms\n  retry_delay: 0s\n", "c.yaml");
    REQUIRE(config);
    CHECK(config->fetch.per_host_interval == std::chrono::milliseconds(0));
    CHECK(config->fetch.retry_delay == std::chrono::milliseconds(0));
    auto timeout = parse_config("fetch:\n  timeout: 0s\n", "c.yaml");
    REQUIRE_FALSE(timeout);
    CHECK(timeout.error().message == "c.yaml:2: fetch.timeout: must be longer than 0, such as 500ms, 10s, 15m, 6h or 1d");
    auto interval = parse_config("schedule:\n  default_interval: 0m\n", "c.yaml");
    REQUIRE_FALSE(interval);
    CHECK(interval.error().message ==
          "c.yaml:2: schedule.default_interval: must be longer than 0, such as 500ms, 10s, 15m, 6h or 1d");
}

TEST_CASE("a feed URL must be http or https", "[cli][config]") {
    auto config = parse_config("feeds:\n  - name: x\n    url: ftp://example.org/feed\n", "c.yaml");
    REQUIRE_FALSE(config);
    CHECK(config.error().message == "c.yaml:3: feeds[0].url: must be an http or https URL, not 'ftp://example.org/feed'");
}

TEST_CASE("two feeds with one name are refused", "[cli][config]") {
    auto config = parse_config("feeds:\n  - {name: a, url: 'https://a.example/f'}\n  - {name: a, url: 'https://b.example/f'}\n", "c.yaml");
    REQUIRE_FALSE(config);
    CHECK(config.error().message == "c.yaml:3: feeds[1].name: 'a' is used twice");
}

TEST_CASE("broken YAML is an error with its line", "[cli][config]") {
    auto config = parse_config("feeds:\n  - name: [unclosed\n", "c.yaml");
    REQUIRE_FALSE(config);
    CHECK(config.error().message.rfind("c.yaml:", 0) == 0);
    CHECK(config.error().message.find("not valid YAML") != std::string::npos);
}

TEST_CASE("a count out of range is refused with the range", "[cli][config]") {
    auto config = parse_config("fetch:\n  concurrency: 0\n", "c.yaml");
    REQUIRE_FALSE(config);
    CHECK(config.error().message == "c.yaml:2: fetch.concurrency: must be a whole number from 1 to 256, not '0'");
}

TEST_CASE("durations and sizes in every unit", "[cli][config]") {
    CHECK(parse_duration("500ms") == 500ms);
    CHECK(parse_duration("10s") == 10s);
    CHECK(parse_duration("15m") == 15min);
    CHECK(parse_duration("6h") == 6h);
    CHECK(parse_duration("1d") == 24h);
    CHECK_FALSE(parse_duration("10"));
    CHECK_FALSE(parse_duration("-5s"));
    CHECK(parse_size("10MiB") == 10u * 1024 * 1024);
    CHECK(parse_size("512KiB") == 512u * 1024);
    CHECK(parse_size("2MB") == 2'000'000u);
    CHECK(parse_size("4096") == 4096u);
    CHECK_FALSE(parse_size("lots"));
}

TEST_CASE("allowed networks are checked when the config is read", "[cli][config]") {
    auto good = parse_config("fetch:\n  allowed_networks: [10.1.0.0/16, 'fd00::/8']\n", "c.yaml");
    REQUIRE(good);
    CHECK(good->fetch.allowed_networks == std::vector<std::string>{"10.1.0.0/16", "fd00::/8"});
    auto bad = parse_config("fetch:\n  allowed_networks:\n    - 10.1.0.0/99\n", "c.yaml");
    REQUIRE_FALSE(bad);
    CHECK(bad.error().message.rfind("c.yaml:3: fetch.allowed_networks[0]: not a network: ", 0) == 0);
}

TEST_CASE("raw bodies can be kept forever", "[cli][config]") {
    auto config = parse_config("schedule:\n  raw_body_retention: forever\n", "c.yaml");
    REQUIRE(config);
    CHECK(config->schedule.raw_body_retention == 0s);
}

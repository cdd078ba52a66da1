#pragma once
// What a run is configured with (config.yaml, read by cli/config.h). Plain values with the
// defaults a fresh install runs with.

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "fetcher/fetcher.h"
#include "parser/article/site_rules.h"

namespace newswire {

struct FeedConfig {
    std::string name;
    std::string url;
    std::chrono::seconds interval{0};  // 0: the schedule's default
};

struct ScheduleConfig {
    std::chrono::seconds default_interval{std::chrono::minutes(15)};
    std::chrono::seconds backoff_cap{std::chrono::hours(6)};  // longest wait after failures
    int max_pages_per_run = 1000;                              // pages fetched by one run at most
    // Raw page bytes older than this are dropped (articles stay; `parse --all` can no longer
    // redo those pages). 0: keep forever.
    std::chrono::seconds raw_body_retention{std::chrono::hours(24 * 90)};
    // Rows of the fetch log (`fetches`, one per feed fetch) older than this are dropped, so that
    // a database run from cron for years does not grow with it. 0: keep forever.
    std::chrono::seconds fetch_log_retention{std::chrono::hours(24 * 90)};
    // A page is asked for again (conditionally) after each of these waits in turn, the first
    // counted from its first body, each next from the revisit before: stories are corrected and
    // updated after they appear, and an unchanged page costs a 304. Empty: a page is fetched
    // again only when its item changes.
    std::vector<std::chrono::seconds> page_revisits{std::chrono::hours(1), std::chrono::hours(6),
                                                    std::chrono::hours(24)};
};

struct ParseConfig {
    unsigned threads = 0;  // pages extracted at once; 0: one per core
    std::shared_ptr<const SiteRules> site_rules;  // the user's (`parse: site_rules: DIR`); may be null
};

struct LogConfig {
    std::string file;           // empty: no log file
    std::string level = "info"; // trace, debug, info, warn, error
    std::size_t max_file_bytes = 10 * 1024 * 1024;
    int max_files = 3;
};

struct Config {
    std::string database = "newswire.db";  // relative paths are relative to the config file
    FetchOptions fetch;
    ScheduleConfig schedule;
    ParseConfig parse;
    LogConfig log;
    std::vector<FeedConfig> feeds;
};

}  // namespace newswire

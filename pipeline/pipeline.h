#pragma once
// The stages: fetch (due feeds, then pages of new or changed items), parse (stored pages to
// articles) and run (both). They meet the other folders only here: the fetcher hands back
// responses, the parsers return values, the database stores them.
//
// Every stage is idempotent and resumable: each batch is one transaction, and what a killed
// run did not finish is still marked as to-do in the database.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "fetcher/fetcher.h"
#include "pipeline/config.h"
#include "storage/database.h"

namespace newswire {

struct FetchSelection {
    bool force = false;                    // fetch feeds even when not due
    std::optional<std::string> feed_name;  // only this feed (implies force)
    bool pages = true;                     // also fetch pages of new or changed items
};

struct RunReport {
    int feeds_due = 0, feeds_fetched = 0, feeds_not_modified = 0, feeds_failed = 0;
    int items_new_or_changed = 0;
    int pages_fetched = 0, pages_not_modified = 0, pages_failed = 0, pages_refused = 0;  // refused: robots.txt
    int pages_parsed = 0, parse_failed = 0;
    int articles_created = 0, articles_revised = 0, articles_unchanged = 0, articles_aliased = 0;
    int articles_reread = 0;  // the same page bytes, read again by a newer extractor, gave another text
    std::vector<std::string> errors;  // one line per failure, naming the feed or page

    void add(const RunReport& other);
    bool any_failure() const { return feeds_failed + pages_failed + parse_failed > 0; }
    std::string summary() const;  // one line for a person
};

class Pipeline {
public:
    // `database` must outlive the pipeline.
    Pipeline(Config config, Database& database);

    // Makes sure every configured feed has its row (by name).
    Result<void> sync_feeds();

    Result<RunReport> fetch(const FetchSelection& selection);
    // Pages the selection names; "new" means without an article of the current extractor
    // version, whatever selection.extractor_version says.
    Result<RunReport> parse(PageSelection selection);
    // fetch, then parse what is new, then drop raw page bytes past their retention.
    Result<RunReport> run();

    // Drops the raw bytes of pages fetched longer ago than schedule.raw_body_retention.
    Result<void> prune();

private:
    // Both take the same Fetcher, so per-host politeness spans feeds and pages.
    Result<void> fetch_feeds(Fetcher& fetcher, const FetchSelection& selection, RunReport& report);
    Result<void> fetch_pages(Fetcher& fetcher, RunReport& report);
    // Stores one page's extraction: the article, or the failure that keeps it from being offered again.
    Result<void> store_extracted(const PageRef& page, const Result<Article>& article, RunReport& report);
    // Parses a fetched feed, stores its items and records the fetch with the next due time.
    Result<void> store_feed_response(const FeedRow& feed, FetchResponse response, RunReport& report);
    std::optional<std::string> feed_named_by_page(const FeedRow& feed, const FetchResponse& response) const;
    // Success: the feed's interval, or the wait the feed asks for (<ttl>, sy:updatePeriod) when
    // longer, held to the backoff cap. Failure: exponential backoff, or the server's Retry-After
    // (`retry_after_seconds`, 0: none) when longer, held to the cap. Either way, a time inside the
    // feed's <skipHours> moves to the start of the next hour it allows.
    std::int64_t next_fetch_time(const FeedRow& feed, bool failed, std::int64_t now, const FeedScheduleHints& hints,
                                 std::int64_t retry_after_seconds) const;

    Config m_config;
    Database& m_database;
};

}  // namespace newswire

#include "pipeline/pipeline.h"

#include <algorithm>
#include <map>
#include <sstream>
#include <thread>

#include <spdlog/spdlog.h>

#include "core/time.h"
#include "fetcher/fetcher.h"
#include "parser/article/extractor.h"
#include "parser/feed/discover.h"
#include "parser/feed/feed_parser.h"
#include "pipeline/extraction_line.h"
#include "pipeline/robots_gate.h"

namespace newswire {
namespace {

FeedScheduleHints schedule_hints_of(const ParsedFeed& feed) {
    FeedScheduleHints hints;
    int minutes = std::max(feed.ttl_minutes.value_or(0), feed.update_period_minutes.value_or(0));
    hints.min_interval_seconds = std::int64_t{std::max(minutes, 0)} * 60;
    for (int hour : feed.skip_hours) {
        if (hour >= 0 && hour < 24) hints.skip_hours |= 1u << hour;
    }
    return hints;
}

// The start of the next hour `skip_hours` allows, or `at` itself when its hour is allowed. A
// feed that skips all 24 hours is not believed.
std::int64_t outside_skip_hours(std::int64_t at, std::uint32_t skip_hours) {
    constexpr std::uint32_t k_every_hour = (1u << 24) - 1;
    if ((skip_hours & k_every_hour) == k_every_hour) return at;
    auto hour_of = [](std::int64_t t) { return static_cast<int>(((t % 86400) + 86400) % 86400 / 3600); };
    for (int i = 0; i < 24 && ((skip_hours >> hour_of(at)) & 1u); ++i) at = (at / 3600 + 1) * 3600;
    return at;
}

}  // namespace

void RunReport::add(const RunReport& other) {
    feeds_due += other.feeds_due;
    feeds_fetched += other.feeds_fetched;
    feeds_not_modified += other.feeds_not_modified;
    feeds_failed += other.feeds_failed;
    items_new_or_changed += other.items_new_or_changed;
    pages_fetched += other.pages_fetched;
    pages_not_modified += other.pages_not_modified;
    pages_refused += other.pages_refused;
    pages_failed += other.pages_failed;
    pages_parsed += other.pages_parsed;
    parse_failed += other.parse_failed;
    articles_created += other.articles_created;
    articles_revised += other.articles_revised;
    articles_reread += other.articles_reread;
    articles_unchanged += other.articles_unchanged;
    articles_aliased += other.articles_aliased;
    errors.insert(errors.end(), other.errors.begin(), other.errors.end());
}

std::string RunReport::summary() const {
    std::ostringstream out;
    out << "feeds: " << feeds_due << " due, " << feeds_fetched << " fetched, " << feeds_not_modified
        << " not modified, " << feeds_failed << " failed; items: " << items_new_or_changed
        << " new or changed; pages: " << pages_fetched << " fetched, " << pages_not_modified
        << " not modified, " << pages_failed << " failed, " << pages_refused
        << " refused by robots.txt; articles: " << articles_created << " new, " << articles_revised << " revised, "
        << articles_reread << " re-read, "
        << articles_unchanged << " unchanged, " << articles_aliased << " aliased, " << parse_failed
        << " not extracted";
    return out.str();
}

Pipeline::Pipeline(Config config, Database& database) : m_config(std::move(config)), m_database(database) {}

Result<void> Pipeline::sync_feeds() {
    for (const FeedConfig& feed : m_config.feeds) {
        if (auto id = m_database.ensure_feed(feed.name, feed.url); !id) return tl::unexpected(id.error());
    }
    return {};
}

std::int64_t Pipeline::next_fetch_time(const FeedRow& feed, bool failed, std::int64_t now,
                                       const FeedScheduleHints& hints, std::int64_t retry_after_seconds) const {
    std::chrono::seconds interval = m_config.schedule.default_interval;
    for (const FeedConfig& configured : m_config.feeds) {
        if (configured.name == feed.name && configured.interval.count() > 0) interval = configured.interval;
    }
    const std::int64_t cap = m_config.schedule.backoff_cap.count();
    std::int64_t wait = interval.count();
    if (failed) {
        // Exponential backoff: interval, 2x, 4x, ... up to the cap.
        for (int i = 0; i < feed.consecutive_failures && wait < cap; ++i) wait *= 2;
        wait = std::min(std::max(wait, retry_after_seconds), cap);
    } else {
        wait = std::max(wait, std::min(hints.min_interval_seconds, cap));
    }
    return outside_skip_hours(now + wait, hints.skip_hours);
}

Result<void> Pipeline::fetch_feeds(Fetcher& fetcher, const FetchSelection& selection, RunReport& report) {
    auto feeds = m_database.feeds();
    if (!feeds) return tl::unexpected(feeds.error());
    std::int64_t now = now_unix_seconds();
    std::map<std::uint64_t, FeedRow> due;
    std::vector<FetchRequest> requests;
    for (const FeedRow& feed : *feeds) {
        bool configured = std::any_of(m_config.feeds.begin(), m_config.feeds.end(),
                                      [&](const FeedConfig& c) { return c.name == feed.name; });
        if (!configured) continue;
        // A feed that answered 410 Gone is asked again only by name.
        bool wanted = selection.feed_name ? *selection.feed_name == feed.name
                                          : !feed.gone_since && (selection.force || !feed.next_fetch_at || *feed.next_fetch_at <= now);
        if (!wanted) continue;
        due.emplace(static_cast<std::uint64_t>(feed.id), feed);
        const std::string& url = feed.moved_to.empty() ? feed.url : feed.moved_to;
        requests.push_back({static_cast<std::uint64_t>(feed.id), url, feed.etag, feed.last_modified});
    }
    if (selection.feed_name && due.empty()) {
        return fail(ErrorCode::not_found, "no feed named '" + *selection.feed_name + "' in the config");
    }
    report.feeds_due = static_cast<int>(requests.size());
    std::optional<Error> database_error;
    auto store = [&](FetchResponse&& response) {
        auto stored = store_feed_response(due.at(response.id), std::move(response), report);
        if (!stored && !database_error) database_error = stored.error();
    };
    std::vector<FetchRequest> named;  // feeds that pages answering for a feed name as theirs
    fetcher.fetch(requests, [&](FetchResponse&& response) {
        const FeedRow& feed = due.at(response.id);
        if (auto link = feed_named_by_page(feed, response)) {
            spdlog::info("feed {}: {} is a web page that names its feed at {}", feed.name, response.url, *link);
            named.push_back({response.id, std::move(*link), "", ""});
            return;
        }
        store(std::move(response));
    });
    fetcher.fetch(named, [&](FetchResponse&& response) {
        if (response.ok() || response.not_modified()) response.moved_to = response.final_url;  // asked there from now on
        store(std::move(response));
    });
    if (database_error) return tl::unexpected(*database_error);
    return {};
}

// The feed a web page names as its own (<link rel="alternate">) when a feed's address answers
// with that page instead of a feed; empty otherwise.
std::optional<std::string> Pipeline::feed_named_by_page(const FeedRow& feed, const FetchResponse& response) const {
    if (!response.ok() || !looks_like_html_page(response.body)) return std::nullopt;
    const std::string& page = response.final_url.empty() ? response.url : response.final_url;
    for (std::string& link : discover_feed_links(response.body, page)) {
        if (link != page && link != feed.url && link != response.url) return std::move(link);
    }
    return std::nullopt;
}

Result<void> Pipeline::store_feed_response(const FeedRow& feed, FetchResponse response, RunReport& report) {
    std::int64_t done_at = now_unix_seconds();
    std::string title;
    std::optional<FeedScheduleHints> fresh_hints;
    std::optional<Error> database_error;
    if (response.ok()) {
        const std::string& base = response.final_url.empty() ? response.url : response.final_url;
        auto parsed = parse_feed(response.body, base, response.content_type);
        if (parsed) {
            title = parsed->title;
            fresh_hints = schedule_hints_of(*parsed);
            auto changed = m_database.upsert_items(feed.id, parsed->items, done_at);
            if (!changed) database_error = changed.error();
            else report.items_new_or_changed += *changed;
            spdlog::info("feed {}: {} items, {} new or changed", feed.name, parsed->items.size(), changed.value_or(0));
        } else {
            response.error = parsed.error();  // a body that is no feed is the feed's failure
        }
    }
    if (!response.moved_to.empty() && response.moved_to != feed.moved_to) {
        spdlog::warn("feed {}: fetched at {} from now on (update config.yaml)", feed.name, response.moved_to);
    }
    bool failed = response.error.has_value();
    if (failed) {
        ++report.feeds_failed;
        if (response.status == 410) {
            response.error->message += "; the feed is gone and is not fetched again unless asked for by name";
        }
        report.errors.push_back("feed " + feed.name + ": " + response.error->message);
        spdlog::warn("feed {}: {}", feed.name, response.error->message);
    } else if (response.not_modified()) {
        ++report.feeds_not_modified;
    } else {
        ++report.feeds_fetched;
    }
    // The fetch is recorded even when the items could not be stored, so the schedule moves on.
    std::int64_t next =
        next_fetch_time(feed, failed, done_at, fresh_hints.value_or(feed.hints), response.retry_after_seconds);
    auto recorded = m_database.record_feed_fetch(feed.id, response, done_at, next, title, fresh_hints);
    if (database_error) return tl::unexpected(*database_error);
    return recorded;
}

Result<void> Pipeline::fetch_pages(Fetcher& fetcher, RunReport& report) {
    std::vector<std::int64_t> revisit_waits;
    for (std::chrono::seconds wait : m_config.schedule.page_revisits) revisit_waits.push_back(wait.count());
    auto queued = m_database.pages_to_fetch(m_config.schedule.max_pages_per_run, now_unix_seconds());
    if (!queued) return tl::unexpected(queued.error());
    auto pages = pages_robots_allow(m_database, fetcher, m_config.fetch, std::move(*queued), report);
    if (!pages) return tl::unexpected(pages.error());
    std::vector<FetchRequest> requests;
    for (PageToFetch& page : *pages) {
        requests.push_back({requests.size(), std::move(page.url), std::move(page.etag), std::move(page.last_modified)});
    }
    std::optional<Error> database_error;
    fetcher.fetch(requests, [&](FetchResponse&& response) {
        if (response.ok()) {
            ++report.pages_fetched;
        } else if (response.not_modified()) {
            ++report.pages_not_modified;
        } else {
            ++report.pages_failed;
            std::string why = response.error ? response.error->message : "HTTP " + std::to_string(response.status);
            report.errors.push_back("page " + response.url + ": " + why);
            spdlog::warn("page {}: {}", response.url, why);
        }
        auto stored = m_database.store_page(response, now_unix_seconds(), revisit_waits);
        if (!stored && !database_error) database_error = stored.error();
    });
    if (database_error) return tl::unexpected(*database_error);
    return {};
}

Result<RunReport> Pipeline::fetch(const FetchSelection& selection) {
    RunReport report;
    if (auto synced = sync_feeds(); !synced) return tl::unexpected(synced.error());
    Fetcher fetcher(m_config.fetch);
    if (auto fetched = fetch_feeds(fetcher, selection, report); !fetched) return tl::unexpected(fetched.error());
    if (selection.pages) {
        if (auto pages = fetch_pages(fetcher, report); !pages) return tl::unexpected(pages.error());
    }
    return report;
}

Result<void> Pipeline::store_extracted(const PageRef& page, const Result<Article>& article, RunReport& report) {
    const std::string& url = url_of(page);
    // A page that cannot be read or extracted is recorded and skipped, so that it is not
    // offered again until the extractor changes; the stage goes on.
    if (!article) {
        ++report.parse_failed;
        report.errors.push_back("page " + url + ": " + article.error().message);
        spdlog::warn("page {}: {}", url, article.error().message);
        return m_database.record_parse_failure(page.id, k_extractor_version, article.error().message, now_unix_seconds());
    }
    auto outcome = m_database.store_article(page.id, *article, k_extractor_version, now_unix_seconds());
    if (!outcome) return tl::unexpected(outcome.error());
    ++report.pages_parsed;
    switch (*outcome) {
    case StoreOutcome::created: ++report.articles_created; break;
    case StoreOutcome::revised: ++report.articles_revised; break;
    case StoreOutcome::reread: ++report.articles_reread; break;
    case StoreOutcome::unchanged: ++report.articles_unchanged; break;
    case StoreOutcome::aliased: ++report.articles_aliased; break;
    }
    return {};
}

// Pages are read from the database and stored in order on this thread (one connection), while
// `parse.threads` workers extract the pages read before them.
Result<RunReport> Pipeline::parse(PageSelection selection) {
    constexpr std::size_t k_pages_in_line = 64;
    constexpr std::size_t k_bytes_in_line = 64 * 1024 * 1024;
    RunReport report;
    selection.extractor_version = k_extractor_version;
    if (selection.feed_name && std::none_of(m_config.feeds.begin(), m_config.feeds.end(),
                                            [&](const FeedConfig& c) { return c.name == *selection.feed_name; })) {
        return fail(ErrorCode::not_found, "no feed named '" + *selection.feed_name + "' in the config");
    }
    auto pages = m_database.pages_to_parse(selection);
    if (!pages) return tl::unexpected(pages.error());
    if (selection.page_id && pages->empty()) {
        return fail(ErrorCode::not_found, "no page " + std::to_string(*selection.page_id) +
                                              " with stored bytes to extract (unknown, not fetched, or past "
                                              "raw_body_retention)");
    }
    unsigned threads = m_config.parse.threads ? m_config.parse.threads : std::max(1u, std::thread::hardware_concurrency());
    ExtractionLine line(threads, k_pages_in_line, k_bytes_in_line);
    auto store_next = [&]() -> Result<void> {
        auto [page, article] = line.take();
        return store_extracted(*page, article, report);
    };
    for (const PageRef& page : *pages) {
        auto body = m_database.page_body(page.id);
        std::size_t bytes = body ? body->size() : 0;
        while (!line.has_room(bytes) || line.front_ready()) {
            if (auto stored = store_next(); !stored) return tl::unexpected(stored.error());
        }
        line.submit({&page, std::move(body), m_config.parse.site_rules.get()});
    }
    while (!line.empty()) {
        if (auto stored = store_next(); !stored) return tl::unexpected(stored.error());
    }
    return report;
}

Result<void> Pipeline::prune() {
    const std::int64_t now = now_unix_seconds();
    if (auto retention = m_config.schedule.raw_body_retention.count(); retention > 0) {
        auto dropped = m_database.prune_page_bodies(now - retention);
        if (!dropped) return tl::unexpected(dropped.error());
        if (*dropped > 0) spdlog::info("dropped the raw bytes of {} pages past retention", *dropped);
    }
    if (auto retention = m_config.schedule.fetch_log_retention.count(); retention > 0) {
        auto dropped = m_database.prune_fetch_log(now - retention);
        if (!dropped) return tl::unexpected(dropped.error());
        if (*dropped > 0) spdlog::info("dropped {} rows of the fetch log past retention", *dropped);
    }
    return {};
}

Result<RunReport> Pipeline::run() {
    auto fetched = fetch(FetchSelection{});
    if (!fetched) return fetched;
    auto parsed = parse(PageSelection{});
    if (!parsed) return parsed;
    fetched->add(*parsed);
    if (auto pruned = prune(); !pruned) return tl::unexpected(pruned.error());
    return fetched;
}

}  // namespace newswire

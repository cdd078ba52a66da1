#pragma once
// newswire's SQLite database: the hand-off between stages. Every SQL statement of the product
// lives in storage/. Schema changes are numbered migrations applied by open().
//
// A Database is used from one thread. Each mutating call is one transaction (a batch), so a
// run killed at any point leaves no half rows.

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/article.h"
#include "core/error.h"
#include "core/feed.h"
#include "core/fetch.h"

namespace newswire {

// What a feed says of its own schedule: RSS <ttl> and sy:updatePeriod/sy:updateFrequency give
// the shortest wait it wants between fetches; <skipHours> the UTC hours not to fetch it in.
struct FeedScheduleHints {
    std::int64_t min_interval_seconds = 0;  // 0: no wish
    std::uint32_t skip_hours = 0;           // bit h set: not during UTC hour h (0-23)

    friend bool operator==(const FeedScheduleHints&, const FeedScheduleHints&) = default;
};

struct FeedRow {
    std::int64_t id = 0;
    std::string name;
    std::string url;
    std::string title;                       // as the feed last said
    std::string etag;                        // validators of the last 200
    std::string last_modified;
    std::optional<std::int64_t> last_fetch_at;   // unix seconds
    std::optional<std::int64_t> next_fetch_at;   // unix seconds; empty = due now
    long last_status = 0;
    std::string last_error;                  // empty when the last fetch succeeded
    int consecutive_failures = 0;
    int item_count = 0;
    FeedScheduleHints hints;                 // as the feed last said (kept across 304s)
    std::string moved_to;                    // where the feed is fetched instead of `url` (permanent redirects led
                                             // there, or the page at `url` names it); empty: at `url`
    std::optional<std::int64_t> gone_since;  // unix seconds of the first 410 Gone since it last answered
};

// A page the fetch stage should request; etag/last_modified are empty when nothing is stored.
struct PageToFetch {
    std::string url;
    std::string etag;
    std::string last_modified;

    friend bool operator==(const PageToFetch&, const PageToFetch&) = default;
};

// A page that a stage may read: the raw bytes are loaded separately (page_body).
struct PageRef {
    std::int64_t id = 0;
    std::string url;
    std::string final_url;
    std::string content_type;
    long status = 0;
};

struct PageSelection {
    int extractor_version = 0;               // pages without an article of this version
    bool all = false;                        // every page with a body, whatever its version
    std::optional<std::int64_t> since;       // fetched at or after (unix seconds)
    std::optional<std::string> feed_name;    // only pages of this feed's items
    std::optional<std::int64_t> page_id;     // only this page
};

// What storing an extracted article did: a new article; a new revision of one (its text
// changed); the same page bytes read again by a newer extractor gave another text (`reread`:
// the article and its latest revision take the new reading, no revision is added, as the
// publisher changed nothing); the same text (`unchanged`); the same text as another article's,
// whose alias the URL becomes (`aliased`).
enum class StoreOutcome { created, revised, reread, unchanged, aliased };
std::string_view to_string(StoreOutcome outcome);

struct StoredArticle {
    std::int64_t id = 0;
    Article article;
    std::vector<std::string> feeds;          // names of the feeds it came from
    int revisions = 1;
    std::optional<std::int64_t> cluster_id;  // smallest article id of its near-duplicate group;
                                             // empty while it has no near-duplicate
};

// One stored text of an article: revision `n` (1 the first), stored at `stored_at` (unix
// seconds). A revision is stored whenever the article's text changes.
struct ArticleRevision {
    int n = 0;
    std::int64_t stored_at = 0;
    Article article;
};

// One full-text match, best first.
struct SearchHit {
    std::int64_t article_id = 0;
    std::string canonical_url;
    std::string headline;
    std::string published;  // ISO 8601 as the article said it; empty when unknown
    std::string snippet;    // a few words around the match, matched words in [brackets]
};

struct DatabaseStatus {
    int feeds = 0, feeds_failing = 0, items = 0, pages = 0, pages_failed = 0, pages_pending = 0,
        articles = 0, revisions = 0;
    std::optional<std::int64_t> last_fetch_at;
};

class Database {
public:
    // Opens (creating if needed) and migrates; WAL mode, foreign keys on, busy timeout set.
    static Result<Database> open(const std::string& path);

    Database(Database&&) noexcept;
    Database& operator=(Database&&) noexcept;
    ~Database();

    // Feeds from the config: inserted or updated by name (the url may change: a new one starts
    // afresh, without validators, schedule, new address or gone mark).
    Result<std::int64_t> ensure_feed(const std::string& name, const std::string& url);
    Result<std::vector<FeedRow>> feeds() const;

    // Records one fetch of a feed: on 200 the new validators and title; on 304 the schedule (the
    // validators and title stay; the feed answered, so the error and failure count are cleared);
    // on error the message and one more consecutive failure. Always logs a row in `fetches`.
    // `hints` replace the stored ones when given (a 200 whose body was read as a feed). A
    // response's `moved_to` is kept as the feed's new address; a 410 marks the feed gone (until
    // it answers again or its configured URL changes).
    Result<void> record_feed_fetch(std::int64_t feed_id, const FetchResponse& response,
                                   std::int64_t now, std::int64_t next_fetch_at,
                                   const std::string& feed_title = {},
                                   const std::optional<FeedScheduleHints>& hints = std::nullopt);

    // Dedup by (feed, guid); a feed without guids falls back to the link, then link+title.
    // A new item, or one whose link/title/dates changed, is marked as needing its page (a link
    // that differs only in tracking parameters is no change). Returns how many items were new or
    // changed; items with neither guid, link nor title are skipped.
    Result<int> upsert_items(std::int64_t feed_id, const std::vector<FeedItem>& items,
                             std::int64_t now);

    // Item pages still to fetch (new or changed items, and failed fetches that may be retried),
    // oldest first, then pages whose revisit is due at `now` (store_page), oldest first; at most
    // `limit`; links that differ only in tracking parameters count once. A page stored with a
    // body before comes with its validators, for a conditional request.
    Result<std::vector<PageToFetch>> pages_to_fetch(int limit, std::int64_t now) const;

    // The answer of an origin's robots.txt ("https://x.de"), kept until `expires_at`; body capped.
    Result<void> store_robots(const std::string& origin, const FetchResponse& response,
                              std::int64_t expires_at);
    // The stored answer when it has not expired at `now`; empty otherwise.
    Result<std::optional<FetchResponse>> stored_robots(const std::string& origin, std::int64_t now) const;

    // Stores a page response under its requested URL: raw bytes zstd-compressed, status,
    // final URL, content type, validators, error. Clears "needs page" for items with that URL
    // (or one that differs from it only in tracking parameters). Bytes other than those stored
    // before make the page due for extraction again (pages_to_parse), as a revision.
    // `revisit_waits` (seconds) plan when the page is asked for again, conditionally, to catch
    // corrections: the first wait after its first body, each next one after the revisit before
    // (pages_to_fetch); none, or once they are used up, never.
    Result<std::int64_t> store_page(const FetchResponse& response, std::int64_t now,
                                    std::span<const std::int64_t> revisit_waits = {});

    // Pages with a body (status 2xx), oldest id first. Without `all`, only pages that have
    // neither an article nor a recorded parse failure of `extractor_version`; a `page_id` implies
    // `all` (asked for by id is a redo). `since` and `feed_name` narrow either further.
    Result<std::vector<PageRef>> pages_to_parse(const PageSelection& selection) const;
    // The raw bytes as fetched; an error (never a crash) for a page without a body or with a
    // corrupt stored blob.
    Result<std::string> page_body(std::int64_t page_id) const;

    // The extractor could not make an article of the page: recorded, so that pages_to_parse
    // does not offer it again until the extractor version changes (or `all` / `page_id`).
    // A later store_article for the page clears it.
    Result<void> record_parse_failure(std::int64_t page_id, int extractor_version,
                                      const std::string& error, std::int64_t now);

    // Drops the raw bytes of pages fetched before `fetched_before` (retention); the rows stay.
    // Returns how many bodies were dropped.
    Result<int> prune_page_bodies(std::int64_t fetched_before);
    // Drops the fetch log's rows (`fetches`) older than `before`; feeds keep their last status.
    // Returns how many rows were dropped.
    Result<int> prune_fetch_log(std::int64_t before);

    // Stores the article extracted from a page: merged by canonical URL, aliased when the same
    // normalised text already exists under another URL, a new revision when the text changed
    // (when the page's bytes changed: a newer extractor's reading of the same bytes replaces
    // the latest revision instead).
    // The article's own canonical_url counts only on the page's site (same host, or a parent or
    // sub domain, "www." aside); otherwise the page's final URL decides. Unchanged text still
    // refreshes the article row (e.g. a better extractor's headline), without a revision. An
    // article that no page points at any more (the page now reads as another canonical URL) is
    // deleted with its revisions.
    Result<StoreOutcome> store_article(std::int64_t page_id, const Article& article,
                                       int extractor_version, std::int64_t now);

    // Stored articles in id order, one at a time (an export of a large database holds one in
    // memory), until `visit` returns false. `changed_since` (unix seconds), when given, keeps
    // those whose stored record was created or changed at or after it.
    Result<void> each_article(std::optional<std::int64_t> changed_since,
                              const std::function<bool(StoredArticle&&)>& visit) const;
    Result<std::vector<StoredArticle>> articles() const;  // all of them, in id order
    // One article by id; empty when there is none.
    Result<std::optional<StoredArticle>> article(std::int64_t article_id) const;
    // The article a URL leads to: its canonical URL, the URL of a text merged into it (alias),
    // or the address of a page it was read from, as requested or after redirects; the URL is
    // also tried in canonical form (tracking parameters, fragment, host case). Empty when none.
    Result<std::optional<std::int64_t>> find_article(std::string_view url) const;
    // Every stored text of an article, oldest first; empty when there is no such article.
    Result<std::vector<ArticleRevision>> revisions(std::int64_t article_id) const;

    // Full-text search over headline, teaser and body. `query` is plain words (all must occur,
    // in any order, case and accents ignored; a trailing * makes a word a prefix), not FTS5
    // syntax, so any input is safe. At most `limit` hits, best first.
    Result<std::vector<SearchHit>> search(const std::string& query, int limit) const;

    // Recomputes every near-duplicate cluster from the stored SimHashes (store_article only
    // ever merges clusters; a revision that moved an article away is fixed here). Returns the
    // number of clusters (groups of two or more articles).
    Result<int> rebuild_clusters();
    Result<DatabaseStatus> status() const;

private:
    struct Impl;
    explicit Database(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

}  // namespace newswire

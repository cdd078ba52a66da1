#pragma once
// Shared by the storage sources: the state behind Database and the parts' entry points. Each
// part works on a Sqlite and returns errors without the path; Database adds path and operation.

#include <span>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "storage/database.h"
#include "storage/sqlite.h"

namespace newswire {

struct Database::Impl {
    std::string path;
    Sqlite db;

    template <typename T>
    Result<T> in(std::string_view operation, Result<T> result) const {
        if (!result) {
            return tl::unexpected(Error{result.error().code, path + ": " + std::string(operation) +
                                                                 ": " + result.error().message});
        }
        return result;
    }
};

// Compact JSON text; invalid UTF-8 in a hostile string becomes U+FFFD instead of throwing.
inline std::string dump_json(const nlohmann::json& json) {
    return json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// feeds.cpp
Result<std::int64_t> ensure_feed_in(Sqlite& db, const std::string& name, const std::string& url);
Result<std::vector<FeedRow>> feeds_in(Sqlite& db);
Result<void> record_feed_fetch_in(Sqlite& db, std::int64_t feed_id, const FetchResponse& response,
                                  std::int64_t now, std::int64_t next_fetch_at,
                                  const std::string& feed_title,
                                  const std::optional<FeedScheduleHints>& hints);
Result<DatabaseStatus> status_in(Sqlite& db);

// items.cpp
Result<int> upsert_items_in(Sqlite& db, std::int64_t feed_id, const std::vector<FeedItem>& items,
                            std::int64_t now);
Result<std::vector<PageToFetch>> pages_to_fetch_in(Sqlite& db, int limit, std::int64_t now);

// robots.cpp
Result<void> store_robots_in(Sqlite& db, const std::string& origin, const FetchResponse& response,
                             std::int64_t expires_at);
Result<std::optional<FetchResponse>> stored_robots_in(Sqlite& db, const std::string& origin, std::int64_t now);

// pages.cpp
Result<std::int64_t> store_page_in(Sqlite& db, const FetchResponse& response, std::int64_t now,
                                   std::span<const std::int64_t> revisit_waits);
Result<std::vector<PageRef>> pages_to_parse_in(Sqlite& db, const PageSelection& selection);
Result<std::string> page_body_in(Sqlite& db, std::int64_t page_id);
Result<void> record_parse_failure_in(Sqlite& db, std::int64_t page_id, int extractor_version,
                                     const std::string& error, std::int64_t now);
Result<int> prune_page_bodies_in(Sqlite& db, std::int64_t fetched_before);
Result<int> prune_fetch_log_in(Sqlite& db, std::int64_t before);

// articles.cpp
Result<StoreOutcome> store_article_in(Sqlite& db, std::int64_t page_id, const Article& article,
                                      int extractor_version, std::int64_t now);

// article_queries.cpp
// Articles in id order: the one with id `only` or every one, those changed at or after
// `changed_since` when given; `visit` returning false stops the reading.
Result<void> each_article_in(Sqlite& db, std::optional<std::int64_t> only, std::optional<std::int64_t> changed_since,
                             const std::function<bool(StoredArticle&&)>& visit);
Result<std::vector<SearchHit>> search_in(Sqlite& db, const std::string& query, int limit);
Result<std::optional<std::int64_t>> find_article_in(Sqlite& db, std::string_view url);
Result<std::vector<ArticleRevision>> revisions_in(Sqlite& db, std::int64_t article_id);

// clusters.cpp: joins `article_id` to the clusters of its near-duplicates (in the caller's
// transaction); rebuild_clusters_in runs its own.
Result<void> cluster_article(Sqlite& db, std::int64_t article_id);
Result<int> rebuild_clusters_in(Sqlite& db);

}  // namespace newswire

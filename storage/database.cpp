#include "storage/database.h"

#include "storage/database_impl.h"
#include "storage/migrations.h"

namespace newswire {
namespace {

Result<void> configure(Sqlite& db) {
    // journal_mode answers with a row, so it goes through a statement like any query; the first
    // read of the file is here, which is where "file is not a database" shows up.
    auto statement = db.prepare("PRAGMA journal_mode = WAL");
    if (!statement) {
        return tl::unexpected(statement.error());
    }
    if (auto row = statement->step(); !row) {
        return tl::unexpected(row.error());
    }
    return db.exec(
        "PRAGMA foreign_keys = ON;"
        "PRAGMA synchronous = NORMAL;"
        "PRAGMA cache_size = -32768;");
}

}  // namespace

std::string_view to_string(StoreOutcome outcome) {
    switch (outcome) {
    case StoreOutcome::created:
        return "created";
    case StoreOutcome::revised:
        return "revised";
    case StoreOutcome::reread:
        return "re-read";
    case StoreOutcome::unchanged:
        return "unchanged";
    case StoreOutcome::aliased:
        return "aliased";
    }
    return "unknown";
}

Result<Database> Database::open(const std::string& path) {
    auto context = [&path](const char* operation, const Error& error) {
        return tl::unexpected(Error{error.code, path + ": " + operation + ": " + error.message});
    };
    auto db = Sqlite::open(path);
    if (!db) {
        return context("open", db.error());
    }
    if (auto configured = configure(*db); !configured) {
        return context("open", configured.error());
    }
    if (auto migrated = migrate(*db); !migrated) {
        return context("migrate", migrated.error());
    }
    return Database(std::unique_ptr<Impl>(new Impl{path, std::move(*db)}));
}

Database::Database(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
Database::Database(Database&&) noexcept = default;
Database& Database::operator=(Database&&) noexcept = default;
Database::~Database() = default;

Result<std::int64_t> Database::ensure_feed(const std::string& name, const std::string& url) {
    return m_impl->in("ensure_feed '" + name + "'", ensure_feed_in(m_impl->db, name, url));
}

Result<std::vector<FeedRow>> Database::feeds() const {
    return m_impl->in("feeds", feeds_in(m_impl->db));
}

Result<void> Database::record_feed_fetch(std::int64_t feed_id, const FetchResponse& response,
                                         std::int64_t now, std::int64_t next_fetch_at,
                                         const std::string& feed_title,
                                         const std::optional<FeedScheduleHints>& hints) {
    return m_impl->in(
        "record_feed_fetch of feed " + std::to_string(feed_id),
        record_feed_fetch_in(m_impl->db, feed_id, response, now, next_fetch_at, feed_title, hints));
}

Result<int> Database::upsert_items(std::int64_t feed_id, const std::vector<FeedItem>& items,
                                   std::int64_t now) {
    return m_impl->in("upsert_items of feed " + std::to_string(feed_id),
                      upsert_items_in(m_impl->db, feed_id, items, now));
}

Result<std::vector<PageToFetch>> Database::pages_to_fetch(int limit, std::int64_t now) const {
    return m_impl->in("pages_to_fetch", pages_to_fetch_in(m_impl->db, limit, now));
}

Result<void> Database::store_robots(const std::string& origin, const FetchResponse& response,
                                    std::int64_t expires_at) {
    return m_impl->in("store_robots " + origin, store_robots_in(m_impl->db, origin, response, expires_at));
}

Result<std::optional<FetchResponse>> Database::stored_robots(const std::string& origin, std::int64_t now) const {
    return m_impl->in("stored_robots " + origin, stored_robots_in(m_impl->db, origin, now));
}

Result<std::int64_t> Database::store_page(const FetchResponse& response, std::int64_t now,
                                          std::span<const std::int64_t> revisit_waits) {
    return m_impl->in("store_page " + response.url, store_page_in(m_impl->db, response, now, revisit_waits));
}

Result<std::vector<PageRef>> Database::pages_to_parse(const PageSelection& selection) const {
    return m_impl->in("pages_to_parse", pages_to_parse_in(m_impl->db, selection));
}

Result<std::string> Database::page_body(std::int64_t page_id) const {
    return m_impl->in("page_body of page " + std::to_string(page_id),
                      page_body_in(m_impl->db, page_id));
}

Result<void> Database::record_parse_failure(std::int64_t page_id, int extractor_version,
                                            const std::string& error, std::int64_t now) {
    return m_impl->in("record_parse_failure of page " + std::to_string(page_id),
                      record_parse_failure_in(m_impl->db, page_id, extractor_version, error, now));
}

Result<int> Database::prune_fetch_log(std::int64_t before) {
    return m_impl->in("prune_fetch_log", prune_fetch_log_in(m_impl->db, before));
}

Result<int> Database::prune_page_bodies(std::int64_t fetched_before) {
    return m_impl->in("prune_page_bodies", prune_page_bodies_in(m_impl->db, fetched_before));
}

Result<StoreOutcome> Database::store_article(std::int64_t page_id, const Article& article,
                                             int extractor_version, std::int64_t now) {
    return m_impl->in("store_article of page " + std::to_string(page_id),
                      store_article_in(m_impl->db, page_id, article, extractor_version, now));
}

Result<void> Database::each_article(std::optional<std::int64_t> changed_since,
                                    const std::function<bool(StoredArticle&&)>& visit) const {
    return m_impl->in("articles", each_article_in(m_impl->db, std::nullopt, changed_since, visit));
}

Result<std::vector<StoredArticle>> Database::articles() const {
    std::vector<StoredArticle> articles;
    auto done = each_article(std::nullopt, [&](StoredArticle&& article) {
        articles.push_back(std::move(article));
        return true;
    });
    if (!done) return tl::unexpected(done.error());
    return articles;
}

Result<std::optional<StoredArticle>> Database::article(std::int64_t article_id) const {
    std::optional<StoredArticle> found;
    auto done = each_article_in(m_impl->db, article_id, std::nullopt, [&](StoredArticle&& article) {
        found = std::move(article);
        return false;
    });
    if (!done) {
        return m_impl->in("article " + std::to_string(article_id),
                          Result<std::optional<StoredArticle>>(tl::unexpected(done.error())));
    }
    return found;
}

Result<std::optional<std::int64_t>> Database::find_article(std::string_view url) const {
    return m_impl->in("find_article '" + std::string(url) + "'", find_article_in(m_impl->db, url));
}

Result<std::vector<ArticleRevision>> Database::revisions(std::int64_t article_id) const {
    return m_impl->in("revisions of article " + std::to_string(article_id), revisions_in(m_impl->db, article_id));
}

Result<std::vector<SearchHit>> Database::search(const std::string& query, int limit) const {
    return m_impl->in("search '" + query + "'", search_in(m_impl->db, query, limit));
}

Result<int> Database::rebuild_clusters() {
    return m_impl->in("rebuild_clusters", rebuild_clusters_in(m_impl->db));
}

Result<DatabaseStatus> Database::status() const {
    return m_impl->in("status", status_in(m_impl->db));
}

}  // namespace newswire

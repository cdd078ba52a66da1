// Feed items: dedup per feed, change marking, and the queue of pages to fetch.
#include "core/json.h"
#include "core/url.h"
#include "storage/database_impl.h"

namespace newswire {
namespace {

// guid, else the canonical link, else link and title. Prefixed so that a guid that happens to
// look like a link never collides with a link key. Empty when the item has nothing to go by.
std::string guid_key(const FeedItem& item) {
    if (item.guid && !item.guid->empty()) {
        return "guid:" + *item.guid;
    }
    if (auto canonical = canonical_url(item.url)) {
        return "link:" + *canonical;
    }
    if (item.url.empty() && item.title.empty()) {
        return {};
    }
    return "link+title:" + item.url + "\n" + item.title;
}

std::optional<std::int64_t> unix_of(const std::optional<Timestamp>& time) {
    if (!time) {
        return std::nullopt;
    }
    return time->unix_seconds;
}

// The link as compared for changes: feeds that rotate tracking parameters do not cause refetches.
std::string link_key(const FeedItem& item) {
    return canonical_url(item.url).value_or(item.url);
}

// Inserts a new item or updates a changed one (link, title or dates), marking it as needing its
// page; an unchanged item is left alone here (changes() tells which happened).
constexpr const char* k_upsert_item =
    "INSERT INTO items (feed_id, guid_key, guid, url, link_key, title, published, updated,"
    " document, first_seen, last_seen, changed_at, needs_page)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10, ?10, 1)"
    " ON CONFLICT (feed_id, guid_key) DO UPDATE SET"
    " url = excluded.url, link_key = excluded.link_key, title = excluded.title,"
    " published = excluded.published, updated = excluded.updated,"
    " document = excluded.document, last_seen = excluded.last_seen,"
    " changed_at = excluded.changed_at, needs_page = 1"
    " WHERE items.link_key IS NOT excluded.link_key OR items.title IS NOT excluded.title"
    " OR items.published IS NOT excluded.published OR items.updated IS NOT excluded.updated";

// An unchanged item still refreshes what does not trigger a refetch (summary, content, ...).
constexpr const char* k_touch_item =
    "UPDATE items SET document = ?3, last_seen = ?4 WHERE feed_id = ?1 AND guid_key = ?2";

}  // namespace

Result<int> upsert_items_in(Sqlite& db, std::int64_t feed_id, const std::vector<FeedItem>& items,
                            std::int64_t now) {
    auto transaction = Transaction::begin(db, Transaction::Mode::write);
    if (!transaction) {
        return tl::unexpected(transaction.error());
    }
    auto upsert = db.prepare(k_upsert_item);
    if (!upsert) {
        return tl::unexpected(upsert.error());
    }
    auto touch = db.prepare(k_touch_item);
    if (!touch) {
        return tl::unexpected(touch.error());
    }
    int new_or_changed = 0;
    for (const FeedItem& item : items) {
        const std::string key = guid_key(item);
        if (key.empty()) {
            continue;
        }
        const std::string document = dump_json(to_json(item));
        upsert->reset();
        upsert->bind_all(feed_id, key, item.guid, item.url, link_key(item), item.title,
                         unix_of(item.published), unix_of(item.updated), document, now);
        if (auto done = upsert->run(); !done) {
            return tl::unexpected(Error{done.error().code, "item '" + key.substr(0, 200) +
                                                               "': " + done.error().message});
        }
        if (db.changes() > 0) {
            ++new_or_changed;
            continue;
        }
        touch->reset();
        touch->bind_all(feed_id, key, document, now);
        if (auto done = touch->run(); !done) {
            return tl::unexpected(done.error());
        }
    }
    if (auto committed = transaction->commit(); !committed) {
        return tl::unexpected(committed.error());
    }
    return new_or_changed;
}

Result<std::vector<PageToFetch>> pages_to_fetch_in(Sqlite& db, int limit, std::int64_t now) {
    // New pages and retries (rank 0) before revisits (rank 1).
    auto statement = db.prepare(
        "SELECT wanted.url, MIN(rank) AS first_rank, MIN(since) AS since,"
        " COALESCE(p.etag, ''), COALESCE(p.last_modified, '')"
        " FROM ("
        "  SELECT MIN(url) AS url, 0 AS rank, MIN(changed_at) AS since FROM items"
        "   WHERE needs_page = 1 AND url <> '' GROUP BY link_key"
        "  UNION ALL"
        "  SELECT url, 0, fetched_at FROM pages"
        "   WHERE error <> '' AND retryable = 1 AND attempts < 3"
        "  UNION ALL"
        "  SELECT url, 1, revisit_at FROM pages WHERE revisit_at <= ?2 AND body IS NOT NULL"
        " ) AS wanted LEFT JOIN pages p ON p.url = wanted.url AND p.body IS NOT NULL"
        " GROUP BY wanted.url ORDER BY first_rank, since, wanted.url LIMIT ?1");
    if (!statement) {
        return tl::unexpected(statement.error());
    }
    statement->bind_all(limit, now);
    std::vector<PageToFetch> pages;
    auto done = statement->for_each_row([&](const Statement& row) {
        pages.push_back({row.column_text(0), row.column_text(3), row.column_text(4)});
    });
    if (!done) {
        return tl::unexpected(done.error());
    }
    return pages;
}

}  // namespace newswire

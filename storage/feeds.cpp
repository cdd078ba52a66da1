// Feeds, their fetch log, and the status counts.
#include "storage/database_impl.h"

namespace newswire {
namespace {

std::string fetch_error_of(const FetchResponse& response) {
    if (response.error) {
        return response.error->message.empty() ? std::string(to_string(response.error->code))
                                               : response.error->message;
    }
    return "HTTP status " + std::to_string(response.status);
}

Result<void> update_feed_row(Sqlite& db, std::int64_t feed_id, const FetchResponse& response,
                             std::int64_t now, std::int64_t next_fetch_at,
                             const std::string& feed_title) {
    if (response.ok()) {
        return db.execute(
            "UPDATE feeds SET etag = ?2, last_modified = ?3,"
            " title = CASE WHEN ?4 = '' THEN title ELSE ?4 END,"
            " last_status = ?5, last_error = '', consecutive_failures = 0,"
            " last_fetch_at = ?6, next_fetch_at = ?7,"
            " moved_to = CASE WHEN ?8 = '' THEN moved_to ELSE ?8 END, gone_since = NULL WHERE id = ?1",
            feed_id, response.etag, response.last_modified, feed_title, response.status, now,
            next_fetch_at, response.moved_to);
    }
    if (response.not_modified()) {
        // Validators and title stay; the feed did answer, so it is no longer failing.
        return db.execute(
            "UPDATE feeds SET last_status = 304, last_error = '', consecutive_failures = 0,"
            " last_fetch_at = ?2, next_fetch_at = ?3,"
            " moved_to = CASE WHEN ?4 = '' THEN moved_to ELSE ?4 END, gone_since = NULL WHERE id = ?1",
            feed_id, now, next_fetch_at, response.moved_to);
    }
    return db.execute(
        "UPDATE feeds SET last_status = ?2, last_error = ?3,"
        " consecutive_failures = consecutive_failures + 1,"
        " last_fetch_at = ?4, next_fetch_at = ?5,"
        " gone_since = CASE WHEN ?2 = 410 THEN COALESCE(gone_since, ?4) ELSE gone_since END WHERE id = ?1",
        feed_id, response.status, fetch_error_of(response), now, next_fetch_at);
}

}  // namespace

Result<std::int64_t> ensure_feed_in(Sqlite& db, const std::string& name, const std::string& url) {
    auto transaction = Transaction::begin(db, Transaction::Mode::write);
    if (!transaction) {
        return tl::unexpected(transaction.error());
    }
    // A new URL makes the old validators and schedule meaningless.
    auto id = db.query_int(
        "INSERT INTO feeds (name, url) VALUES (?1, ?2) ON CONFLICT (name) DO UPDATE SET"
        " url = excluded.url,"
        " etag = CASE WHEN url = excluded.url THEN etag ELSE '' END,"
        " last_modified = CASE WHEN url = excluded.url THEN last_modified ELSE '' END,"
        " next_fetch_at = CASE WHEN url = excluded.url THEN next_fetch_at ELSE NULL END,"
        " moved_to = CASE WHEN url = excluded.url THEN moved_to ELSE '' END,"
        " gone_since = CASE WHEN url = excluded.url THEN gone_since ELSE NULL END"
        " RETURNING id",
        name, url);
    if (!id) {
        return tl::unexpected(id.error());
    }
    if (!*id) {
        return fail(ErrorCode::database, "no row id returned");
    }
    if (auto committed = transaction->commit(); !committed) {
        return tl::unexpected(committed.error());
    }
    return **id;
}

Result<std::vector<FeedRow>> feeds_in(Sqlite& db) {
    auto statement = db.prepare(
        "SELECT id, name, url, title, etag, last_modified, last_fetch_at, next_fetch_at,"
        " last_status, last_error, consecutive_failures,"
        " (SELECT COUNT(*) FROM items WHERE items.feed_id = feeds.id), min_interval, skip_hours,"
        " moved_to, gone_since"
        " FROM feeds ORDER BY id");
    if (!statement) {
        return tl::unexpected(statement.error());
    }
    std::vector<FeedRow> rows;
    auto done = statement->for_each_row([&](const Statement& row) {
        FeedRow feed;
        feed.id = row.column_int(0);
        feed.name = row.column_text(1);
        feed.url = row.column_text(2);
        feed.title = row.column_text(3);
        feed.etag = row.column_text(4);
        feed.last_modified = row.column_text(5);
        feed.last_fetch_at = row.column_optional_int(6);
        feed.next_fetch_at = row.column_optional_int(7);
        feed.last_status = static_cast<long>(row.column_int(8));
        feed.last_error = row.column_text(9);
        feed.consecutive_failures = static_cast<int>(row.column_int(10));
        feed.item_count = static_cast<int>(row.column_int(11));
        feed.hints.min_interval_seconds = row.column_int(12);
        feed.hints.skip_hours = static_cast<std::uint32_t>(row.column_int(13)) & 0xFFFFFFu;
        feed.moved_to = row.column_text(14);
        feed.gone_since = row.column_optional_int(15);
        rows.push_back(std::move(feed));
    });
    if (!done) {
        return tl::unexpected(done.error());
    }
    return rows;
}

Result<void> record_feed_fetch_in(Sqlite& db, std::int64_t feed_id, const FetchResponse& response,
                                  std::int64_t now, std::int64_t next_fetch_at,
                                  const std::string& feed_title,
                                  const std::optional<FeedScheduleHints>& hints) {
    auto transaction = Transaction::begin(db, Transaction::Mode::write);
    if (!transaction) {
        return tl::unexpected(transaction.error());
    }
    if (auto updated = update_feed_row(db, feed_id, response, now, next_fetch_at, feed_title);
        !updated) {
        return updated;
    }
    if (db.changes() == 0) {
        return fail(ErrorCode::not_found, "no feed with id " + std::to_string(feed_id));
    }
    if (hints) {
        auto stored = db.execute("UPDATE feeds SET min_interval = ?2, skip_hours = ?3 WHERE id = ?1", feed_id,
                                 hints->min_interval_seconds, static_cast<std::int64_t>(hints->skip_hours));
        if (!stored) {
            return stored;
        }
    }
    const std::string error =
        response.ok() || response.not_modified() ? std::string() : fetch_error_of(response);
    auto logged = db.execute(
        "INSERT INTO fetches (feed_id, at, status, error, seconds, bytes)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        feed_id, now, response.status, error, response.seconds,
        static_cast<std::int64_t>(response.body.size()));
    if (!logged) {
        return logged;
    }
    return transaction->commit();
}

Result<DatabaseStatus> status_in(Sqlite& db) {
    auto transaction = Transaction::begin(db, Transaction::Mode::read);
    if (!transaction) {
        return tl::unexpected(transaction.error());
    }
    auto statement = db.prepare(
        "SELECT"
        " (SELECT COUNT(*) FROM feeds),"
        " (SELECT COUNT(*) FROM feeds WHERE consecutive_failures > 0),"
        " (SELECT COUNT(*) FROM items),"
        " (SELECT COUNT(*) FROM pages),"
        " (SELECT COUNT(*) FROM pages WHERE error <> ''),"
        " (SELECT COUNT(*) FROM (SELECT MIN(url) FROM items WHERE needs_page = 1 AND url <> ''"
        "   GROUP BY link_key"
        "   UNION SELECT url FROM pages WHERE error <> '' AND retryable = 1 AND attempts < 3)),"
        " (SELECT COUNT(*) FROM articles),"
        " (SELECT COUNT(*) FROM revisions),"
        " (SELECT MAX(last_fetch_at) FROM feeds)");
    if (!statement) {
        return tl::unexpected(statement.error());
    }
    auto row = statement->step();
    if (!row) {
        return tl::unexpected(row.error());
    }
    DatabaseStatus status;
    auto count = [&statement](int column) { return static_cast<int>(statement->column_int(column)); };
    status.feeds = count(0);
    status.feeds_failing = count(1);
    status.items = count(2);
    status.pages = count(3);
    status.pages_failed = count(4);
    status.pages_pending = count(5);
    status.articles = count(6);
    status.revisions = count(7);
    status.last_fetch_at = statement->column_optional_int(8);
    return status;
}

Result<int> prune_fetch_log_in(Sqlite& db, std::int64_t before) {
    auto pruned = db.execute("DELETE FROM fetches WHERE at < ?", before);
    if (!pruned) {
        return tl::unexpected(pruned.error());
    }
    return static_cast<int>(db.changes());
}

}  // namespace newswire

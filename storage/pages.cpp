// Fetched pages: compressed raw bytes, retries, and the selection the parse stage works on.
#include <optional>
#include <span>

#include "core/url.h"
#include "storage/compression.h"
#include "storage/database_impl.h"

namespace newswire {
namespace {

// Worth another try: no answer (network), or the server's fault. A 404, a policy refusal or a
// size cap will not change by asking again.
bool is_retryable(const FetchResponse& response) {
    if (response.status >= 500 || response.status == 429) {
        return true;
    }
    return response.status == 0 && response.error && response.error->code == ErrorCode::network;
}

std::string error_of(const FetchResponse& response) {
    if (response.error) {
        return response.error->message.empty() ? std::string(to_string(response.error->code))
                                               : response.error->message;
    }
    return "HTTP status " + std::to_string(response.status);
}

Result<std::optional<std::int64_t>> store_body(Sqlite& db, const FetchResponse& response,
                                               std::int64_t now) {
    auto frame = compress(response.body);
    if (!frame) {
        return tl::unexpected(frame.error());
    }
    // New bytes under a known URL (a changed item's page, a revisit) are to be extracted again:
    // the page's article and parse failure no longer count for any extractor version (0). The
    // same bytes compress to the same frame, so an unchanged page is not extracted twice.
    auto changed_page = db.query_int("SELECT id FROM pages WHERE url = ? AND body IS NOT NULL AND body IS NOT ?",
                                     response.url, Blob{*frame});
    if (!changed_page) {
        return tl::unexpected(changed_page.error());
    }
    if (*changed_page) {
        auto stale = db.execute("UPDATE article_pages SET extractor_version = 0 WHERE page_id = ?", **changed_page);
        if (stale) {
            stale = db.execute("DELETE FROM parse_failures WHERE page_id = ?", **changed_page);
        }
        if (!stale) {
            return tl::unexpected(stale.error());
        }
    }
    return db.query_int(
        "INSERT INTO pages (url, final_url, status, content_type, etag, last_modified,"
        " fetched_at, error, retryable, attempts, raw_size, body)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, '', 0, 0, ?8, ?9)"
        " ON CONFLICT (url) DO UPDATE SET final_url = excluded.final_url,"
        " status = excluded.status, content_type = excluded.content_type,"
        " etag = excluded.etag, last_modified = excluded.last_modified,"
        " fetched_at = excluded.fetched_at, error = '', retryable = 0, attempts = 0,"
        " raw_size = excluded.raw_size, body = excluded.body"
        " RETURNING id",
        response.url, response.final_url, response.status, response.content_type,
        response.etag, response.last_modified, now,
        static_cast<std::int64_t>(response.body.size()), Blob{*frame});
}

Result<std::optional<std::int64_t>> store_not_modified(Sqlite& db, const FetchResponse& response,
                                                       std::int64_t now) {
    return db.query_int(
        "INSERT INTO pages (url, final_url, status, fetched_at) VALUES (?1, ?2, 304, ?3)"
        " ON CONFLICT (url) DO UPDATE SET fetched_at = excluded.fetched_at, error = '',"
        " retryable = 0, attempts = 0"
        " RETURNING id",
        response.url, response.final_url, now);
}

// A failure never throws away a good body stored before: the row keeps it (and its status) and
// records the error and one more attempt.
Result<std::optional<std::int64_t>> store_failure(Sqlite& db, const FetchResponse& response,
                                                  std::int64_t now) {
    return db.query_int(
        "INSERT INTO pages (url, final_url, status, content_type, fetched_at, error, retryable,"
        " attempts) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 1)"
        " ON CONFLICT (url) DO UPDATE SET"
        " final_url = CASE WHEN pages.body IS NULL THEN excluded.final_url ELSE final_url END,"
        " status = CASE WHEN pages.body IS NULL THEN excluded.status ELSE status END,"
        " content_type ="
        "  CASE WHEN pages.body IS NULL THEN excluded.content_type ELSE content_type END,"
        " fetched_at = excluded.fetched_at, error = excluded.error,"
        " retryable = excluded.retryable, attempts = attempts + 1"
        " RETURNING id",
        response.url, response.final_url, response.status, response.content_type, now,
        error_of(response), is_retryable(response));
}

// What the page's row said before a response is stored.
struct PageBefore {
    bool had_body = false;
    std::int64_t revisits = 0;
    std::optional<std::int64_t> revisit_at;
};

Result<PageBefore> page_before(Sqlite& db, const std::string& url) {
    auto statement = db.prepare("SELECT body IS NOT NULL, revisits, revisit_at FROM pages WHERE url = ?");
    if (!statement) {
        return tl::unexpected(statement.error());
    }
    statement->bind_all(url);
    auto row = statement->step();
    if (!row) {
        return tl::unexpected(row.error());
    }
    PageBefore before;
    if (*row) {
        before.had_body = statement->column_int(0) != 0;
        before.revisits = statement->column_int(1);
        before.revisit_at = statement->column_optional_int(2);
    }
    return before;
}

// When the page is asked for again: `waits[0]` after its first body, and after each revisit
// (whatever it answered) the next wait, until they are used up. A fetch for another reason
// (its item changed, a retry) leaves the plan as it is.
Result<void> plan_revisit(Sqlite& db, std::int64_t page_id, const PageBefore& before, const FetchResponse& response,
                          std::span<const std::int64_t> revisit_waits, std::int64_t now) {
    const bool first_body = !before.had_body && response.ok();
    const bool revisit_due = before.revisit_at && *before.revisit_at <= now;
    if (!first_body && !revisit_due) return {};
    const std::int64_t revisits = first_body ? 0 : before.revisits + 1;
    std::optional<std::int64_t> revisit_at;
    if (revisits < static_cast<std::int64_t>(revisit_waits.size())) {
        revisit_at = now + revisit_waits[static_cast<std::size_t>(revisits)];
    }
    return db.execute("UPDATE pages SET revisits = ?, revisit_at = ? WHERE id = ?", revisits, revisit_at, page_id);
}

}  // namespace

Result<std::int64_t> store_page_in(Sqlite& db, const FetchResponse& response, std::int64_t now,
                                   std::span<const std::int64_t> revisit_waits) {
    if (response.url.empty()) {
        return fail(ErrorCode::invalid_input, "a page response without its requested URL");
    }
    auto transaction = Transaction::begin(db, Transaction::Mode::write);
    if (!transaction) {
        return tl::unexpected(transaction.error());
    }
    auto before = page_before(db, response.url);
    if (!before) {
        return tl::unexpected(before.error());
    }
    auto id = response.ok()             ? store_body(db, response, now)
              : response.not_modified() ? store_not_modified(db, response, now)
                                        : store_failure(db, response, now);
    if (!id) {
        return tl::unexpected(id.error());
    }
    if (!*id) {
        return fail(ErrorCode::database, "no page id returned");
    }
    if (auto planned = plan_revisit(db, **id, *before, response, revisit_waits, now); !planned) {
        return tl::unexpected(planned.error());
    }
    auto cleared = db.execute(
        "UPDATE items SET needs_page = 0 WHERE needs_page = 1 AND (url = ?1 OR link_key = ?2)",
        response.url, canonical_url(response.url).value_or(response.url));
    if (!cleared) {
        return tl::unexpected(cleared.error());
    }
    if (auto committed = transaction->commit(); !committed) {
        return tl::unexpected(committed.error());
    }
    return **id;
}

Result<std::vector<PageRef>> pages_to_parse_in(Sqlite& db, const PageSelection& selection) {
    auto statement = db.prepare(
        "SELECT p.id, p.url, p.final_url, p.content_type, p.status FROM pages p"
        " WHERE p.status BETWEEN 200 AND 299 AND p.body IS NOT NULL"
        " AND (?1 OR NOT EXISTS (SELECT 1 FROM article_pages ap"
        "      WHERE ap.page_id = p.id AND ap.extractor_version = ?2))"
        " AND (?1 OR NOT EXISTS (SELECT 1 FROM parse_failures pf"
        "      WHERE pf.page_id = p.id AND pf.extractor_version = ?2))"
        " AND (?3 IS NULL OR p.fetched_at >= ?3)"
        " AND (?4 IS NULL OR EXISTS (SELECT 1 FROM items i JOIN feeds f ON f.id = i.feed_id"
        "      WHERE i.link_key IN (SELECT link_key FROM items WHERE url = p.url) AND f.name = ?4))"
        " AND (?5 IS NULL OR p.id = ?5)"
        " ORDER BY p.id");
    if (!statement) {
        return tl::unexpected(statement.error());
    }
    statement->bind_all(selection.all || selection.page_id.has_value(),
                        selection.extractor_version, selection.since, selection.feed_name,
                        selection.page_id);
    std::vector<PageRef> pages;
    auto done = statement->for_each_row([&](const Statement& row) {
        PageRef page;
        page.id = row.column_int(0);
        page.url = row.column_text(1);
        page.final_url = row.column_text(2);
        page.content_type = row.column_text(3);
        page.status = static_cast<long>(row.column_int(4));
        pages.push_back(std::move(page));
    });
    if (!done) {
        return tl::unexpected(done.error());
    }
    return pages;
}

Result<std::string> page_body_in(Sqlite& db, std::int64_t page_id) {
    auto statement = db.prepare("SELECT raw_size, body, status FROM pages WHERE id = ?");
    if (!statement) {
        return tl::unexpected(statement.error());
    }
    statement->bind_all(page_id);
    auto row = statement->step();
    if (!row) {
        return tl::unexpected(row.error());
    }
    if (!*row) {
        return fail(ErrorCode::not_found, "no such page");
    }
    if (statement->is_null(1)) {
        return fail(ErrorCode::not_found, "the page has no stored body (status " +
                                              std::to_string(statement->column_int(2)) + ")");
    }
    const std::int64_t raw_size = statement->column_int(0);
    if (raw_size < 0) {
        return fail(ErrorCode::invalid_input, "stored size is negative");
    }
    return decompress(statement->column_text(1), static_cast<std::size_t>(raw_size));
}

Result<void> record_parse_failure_in(Sqlite& db, std::int64_t page_id, int extractor_version,
                                     const std::string& error, std::int64_t now) {
    auto transaction = Transaction::begin(db, Transaction::Mode::write);
    if (!transaction) {
        return tl::unexpected(transaction.error());
    }
    auto recorded = db.execute(
        "INSERT INTO parse_failures (page_id, extractor_version, error, failed_at)"
        " VALUES (?, ?, ?, ?) ON CONFLICT (page_id) DO UPDATE SET"
        " extractor_version = excluded.extractor_version, error = excluded.error,"
        " failed_at = excluded.failed_at",
        page_id, extractor_version, error, now);
    if (!recorded) {
        return recorded;
    }
    return transaction->commit();
}

Result<int> prune_page_bodies_in(Sqlite& db, std::int64_t fetched_before) {
    auto transaction = Transaction::begin(db, Transaction::Mode::write);
    if (!transaction) {
        return tl::unexpected(transaction.error());
    }
    auto pruned = db.execute(
        "UPDATE pages SET body = NULL, raw_size = 0 WHERE body IS NOT NULL AND fetched_at < ?",
        fetched_before);
    if (!pruned) {
        return tl::unexpected(pruned.error());
    }
    const auto count = static_cast<int>(db.changes());
    if (auto committed = transaction->commit(); !committed) {
        return tl::unexpected(committed.error());
    }
    return count;
}

}  // namespace newswire

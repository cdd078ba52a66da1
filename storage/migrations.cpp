#include "storage/migrations.h"

#include <array>
#include <string>

namespace newswire {
namespace {

struct Migration {
    int version;
    const char* description;
    const char* sql;
};

// Append only: a released migration is never edited, a change is a new migration.
constexpr std::array k_migrations{
    Migration{1, "feeds, fetches and items", R"sql(
CREATE TABLE schema_version (
    version     INTEGER PRIMARY KEY,
    description TEXT NOT NULL,
    applied_at  INTEGER NOT NULL
);
CREATE TABLE feeds (
    id                   INTEGER PRIMARY KEY,
    name                 TEXT NOT NULL UNIQUE,
    url                  TEXT NOT NULL,
    title                TEXT NOT NULL DEFAULT '',
    etag                 TEXT NOT NULL DEFAULT '',
    last_modified        TEXT NOT NULL DEFAULT '',
    last_fetch_at        INTEGER,
    next_fetch_at        INTEGER,
    last_status          INTEGER NOT NULL DEFAULT 0,
    last_error           TEXT NOT NULL DEFAULT '',
    consecutive_failures INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE fetches (
    id      INTEGER PRIMARY KEY,
    feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
    at      INTEGER NOT NULL,
    status  INTEGER NOT NULL,
    error   TEXT NOT NULL DEFAULT '',
    seconds REAL NOT NULL,
    bytes   INTEGER NOT NULL
);
CREATE INDEX fetches_by_feed ON fetches(feed_id, at);
CREATE TABLE items (
    id         INTEGER PRIMARY KEY,
    feed_id    INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
    guid_key   TEXT NOT NULL,
    guid       TEXT,
    url        TEXT NOT NULL,
    link_key   TEXT NOT NULL,
    title      TEXT NOT NULL,
    published  INTEGER,
    updated    INTEGER,
    document   TEXT NOT NULL,
    first_seen INTEGER NOT NULL,
    last_seen  INTEGER NOT NULL,
    changed_at INTEGER NOT NULL,
    needs_page INTEGER NOT NULL DEFAULT 1,
    UNIQUE (feed_id, guid_key)
);
CREATE INDEX items_by_url ON items(url);
CREATE INDEX items_needing_page ON items(changed_at) WHERE needs_page = 1;
)sql"},
    Migration{2, "pages", R"sql(
CREATE TABLE pages (
    id            INTEGER PRIMARY KEY,
    url           TEXT NOT NULL UNIQUE,
    final_url     TEXT NOT NULL DEFAULT '',
    status        INTEGER NOT NULL DEFAULT 0,
    content_type  TEXT NOT NULL DEFAULT '',
    etag          TEXT NOT NULL DEFAULT '',
    last_modified TEXT NOT NULL DEFAULT '',
    fetched_at    INTEGER NOT NULL,
    error         TEXT NOT NULL DEFAULT '',
    retryable     INTEGER NOT NULL DEFAULT 0,
    attempts      INTEGER NOT NULL DEFAULT 0,
    raw_size      INTEGER NOT NULL DEFAULT 0,
    body          BLOB
);
CREATE INDEX pages_by_final_url ON pages(final_url);
CREATE INDEX pages_to_retry ON pages(fetched_at) WHERE error <> '' AND retryable = 1;
)sql"},
    Migration{3, "articles, revisions, aliases, clusters and the full-text index", R"sql(
CREATE TABLE articles (
    id             INTEGER PRIMARY KEY,
    canonical_url  TEXT NOT NULL UNIQUE,
    url            TEXT NOT NULL,
    headline       TEXT NOT NULL,
    published      TEXT,
    published_unix INTEGER,
    language       TEXT NOT NULL DEFAULT '',
    section        TEXT NOT NULL DEFAULT '',
    text_hash      TEXT NOT NULL,
    simhash        INTEGER,
    simhash_band0  INTEGER,
    simhash_band1  INTEGER,
    simhash_band2  INTEGER,
    simhash_band3  INTEGER,
    cluster_id     INTEGER,
    first_seen     INTEGER NOT NULL,
    updated_at     INTEGER NOT NULL,
    document       TEXT NOT NULL
);
CREATE INDEX articles_by_text_hash ON articles(text_hash);
CREATE INDEX articles_by_cluster ON articles(cluster_id);
CREATE INDEX articles_by_band0 ON articles(simhash_band0);
CREATE INDEX articles_by_band1 ON articles(simhash_band1);
CREATE INDEX articles_by_band2 ON articles(simhash_band2);
CREATE INDEX articles_by_band3 ON articles(simhash_band3);
CREATE TABLE article_pages (
    page_id           INTEGER PRIMARY KEY REFERENCES pages(id) ON DELETE CASCADE,
    article_id        INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    extractor_version INTEGER NOT NULL,
    stored_at         INTEGER NOT NULL
);
CREATE INDEX article_pages_by_article ON article_pages(article_id);
CREATE TABLE revisions (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    n          INTEGER NOT NULL,
    document   TEXT NOT NULL,
    text_hash  TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (article_id, n)
);
CREATE TABLE article_aliases (
    url        TEXT PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL
);
CREATE INDEX article_aliases_by_article ON article_aliases(article_id);
CREATE VIRTUAL TABLE articles_fts USING fts5(
    headline, teaser, body, tokenize = 'unicode61 remove_diacritics 2'
);
)sql"},
    Migration{4, "parse failures", R"sql(
CREATE TABLE parse_failures (
    page_id           INTEGER PRIMARY KEY REFERENCES pages(id) ON DELETE CASCADE,
    extractor_version INTEGER NOT NULL,
    error             TEXT NOT NULL,
    failed_at         INTEGER NOT NULL
);
)sql"},
    Migration{5, "feeds' own schedule wishes; items by link key", R"sql(
ALTER TABLE feeds ADD COLUMN min_interval INTEGER NOT NULL DEFAULT 0;
ALTER TABLE feeds ADD COLUMN skip_hours INTEGER NOT NULL DEFAULT 0;
CREATE INDEX items_by_link_key ON items(link_key);
)sql"},
    Migration{6, "robots.txt answers", R"sql(
CREATE TABLE robots (
    origin     TEXT PRIMARY KEY,
    status     INTEGER NOT NULL,
    error      TEXT NOT NULL DEFAULT '',
    body       TEXT NOT NULL DEFAULT '',
    expires_at INTEGER NOT NULL
);
)sql"},
    Migration{7, "feeds that moved or are gone", R"sql(
ALTER TABLE feeds ADD COLUMN moved_to TEXT NOT NULL DEFAULT '';
ALTER TABLE feeds ADD COLUMN gone_since INTEGER;
)sql"},
    Migration{8, "pages asked for again after they are stored", R"sql(
ALTER TABLE pages ADD COLUMN revisits INTEGER NOT NULL DEFAULT 0;
ALTER TABLE pages ADD COLUMN revisit_at INTEGER;
CREATE INDEX pages_to_revisit ON pages(revisit_at) WHERE revisit_at IS NOT NULL;
)sql"},
};

Result<int> current_version(Sqlite& db) {
    auto has_table = db.query_int(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'");
    if (!has_table) {
        return tl::unexpected(has_table.error());
    }
    if (!*has_table) {
        return 0;
    }
    auto version = db.query_int("SELECT MAX(version) FROM schema_version");
    if (!version) {
        return tl::unexpected(version.error());
    }
    return static_cast<int>(version->value_or(0));
}

// The stored version, refused when it is newer than this build knows.
Result<int> check_version(Sqlite& db) {
    auto version = current_version(db);
    if (!version) {
        return tl::unexpected(version.error());
    }
    if (*version > latest_schema_version()) {
        return fail(ErrorCode::database,
                    "schema version " + std::to_string(*version) +
                        " was written by a newer newswire; this build knows up to version " +
                        std::to_string(latest_schema_version()) + " and will not touch it");
    }
    return *version;
}

Error in_migration(const Migration& migration, const Error& error) {
    return Error{error.code, "migration " + std::to_string(migration.version) + " (" +
                                 migration.description + "): " + error.message};
}

Result<void> apply(Sqlite& db, const Migration& migration) {
    auto applied = db.exec(migration.sql);
    if (applied) {
        applied = db.execute(
            "INSERT INTO schema_version (version, description, applied_at) "
            "VALUES (?, ?, CAST(strftime('%s', 'now') AS INTEGER))",
            migration.version, migration.description);
    }
    if (!applied) {
        return tl::unexpected(in_migration(migration, applied.error()));
    }
    return {};
}

}  // namespace

int latest_schema_version() {
    return k_migrations.back().version;
}

Result<void> migrate(Sqlite& db) {
    // The common case, an up-to-date database, takes no write lock.
    if (auto checked = check_version(db); !checked || *checked == latest_schema_version()) {
        return checked ? Result<void>() : tl::unexpected(checked.error());
    }
    // One transaction for all pending migrations: a run killed during the first open leaves an
    // empty file or a complete schema, and a failed upgrade leaves the old version whole. The
    // version is read again under the write lock, so two processes never apply one migration.
    auto transaction = Transaction::begin(db, Transaction::Mode::write);
    if (!transaction) {
        return tl::unexpected(transaction.error());
    }
    auto version = check_version(db);
    if (!version) {
        return tl::unexpected(version.error());
    }
    for (const Migration& migration : k_migrations) {
        if (migration.version > *version) {
            if (auto applied = apply(db, migration); !applied) {
                return applied;
            }
        }
    }
    return transaction->commit();
}

}  // namespace newswire

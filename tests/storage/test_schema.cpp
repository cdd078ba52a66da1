#include <fstream>

#include "storage/migrations.h"
#include "tests/storage/temp_database.h"

using namespace newswire;
using namespace newswire::test;

TEST_CASE("a fresh file gets every migration once, in WAL mode", "[storage]") {
    TempDir dir;
    const std::string path = dir.file("news.db");
    {
        Database db = open_database(path);
        REQUIRE(db.ensure_feed("ntv", "https://www.n-tv.de/rss").value() == 1);
    }
    Sqlite raw = raw_connection(path);
    CHECK(latest_schema_version() == 8);
    CHECK(query_number(raw, "SELECT COUNT(*) FROM schema_version") == 8);
    CHECK(query_number(raw, "SELECT MAX(version) FROM schema_version") == 8);
    CHECK(query_text(raw, "PRAGMA journal_mode") == "wal");
    CHECK(query_number(raw, "SELECT COUNT(*) FROM sqlite_master WHERE name IN ('feeds',"
                            " 'fetches', 'items', 'pages', 'articles', 'article_pages',"
                            " 'revisions', 'article_aliases', 'articles_fts', 'parse_failures', 'robots')") == 11);
}

TEST_CASE("reopening a database keeps its rows and applies nothing again", "[storage]") {
    TempDir dir;
    const std::string path = dir.file("news.db");
    open_database(path).ensure_feed("ntv", "https://www.n-tv.de/rss").value();
    Database db = open_database(path);
    auto feeds = db.feeds().value();
    REQUIRE(feeds.size() == 1);
    CHECK(feeds[0].name == "ntv");
    Sqlite raw = raw_connection(path);
    CHECK(query_number(raw, "SELECT COUNT(*) FROM schema_version") == 8);
}

TEST_CASE("an older database is migrated forward and keeps its rows", "[storage]") {
    TempDir dir;
    const std::string path = dir.file("news.db");
    open_database(path).ensure_feed("ntv", "https://www.n-tv.de/rss").value();
    {
        Sqlite raw = raw_connection(path);
        REQUIRE(raw.exec("DROP TABLE parse_failures; DROP TABLE robots; ALTER TABLE feeds DROP COLUMN min_interval;"
                         " ALTER TABLE feeds DROP COLUMN skip_hours; ALTER TABLE feeds DROP COLUMN moved_to; ALTER TABLE feeds DROP COLUMN gone_since;"
                         " DROP INDEX pages_to_revisit; ALTER TABLE pages DROP COLUMN revisits; ALTER TABLE pages DROP COLUMN revisit_at;"
                         " DROP INDEX items_by_link_key; DELETE FROM schema_version WHERE version >= 4"));
    }
    Database db = open_database(path);
    auto feeds = db.feeds().value();
    REQUIRE(feeds.size() == 1);
    CHECK(feeds[0].hints == FeedScheduleHints{});
    CHECK(feeds[0].moved_to.empty());
    CHECK_FALSE(feeds[0].gone_since);
    Sqlite raw = raw_connection(path);
    CHECK(query_text(raw, "SELECT group_concat(version, ',') FROM schema_version") == "1,2,3,4,5,6,7,8");
    CHECK(query_number(raw, "SELECT COUNT(*) FROM parse_failures") == 0);
}

TEST_CASE("a database written by a newer newswire is refused untouched", "[storage]") {
    TempDir dir;
    const std::string path = dir.file("news.db");
    open_database(path);
    {
        Sqlite raw = raw_connection(path);
        REQUIRE(raw.exec("INSERT INTO schema_version VALUES (99, 'from the future', 0)"));
    }
    auto db = Database::open(path);
    REQUIRE_FALSE(db);
    CHECK(db.error().code == ErrorCode::database);
    CHECK(db.error().message ==
          path + ": migrate: schema version 99 was written by a newer newswire; this build "
                 "knows up to version 8 and will not touch it");
}

TEST_CASE("opening a file that is not SQLite fails with a message naming it", "[storage]") {
    TempDir dir;
    const std::string path = dir.file("notes.txt");
    {
        std::ofstream out(path);
        for (int i = 0; i < 100; ++i) {
            out << "this is a text file, not a database\n";
        }
    }
    auto db = Database::open(path);
    REQUIRE_FALSE(db);
    CHECK(db.error().code == ErrorCode::database);
    CHECK(db.error().message == path + ": open: file is not a database");
}

TEST_CASE("a database in a missing directory is an io error naming the path", "[storage]") {
    TempDir dir;
    const std::string path = dir.file("missing/news.db");
    auto db = Database::open(path);
    REQUIRE_FALSE(db);
    CHECK(db.error().code == ErrorCode::io);
    CHECK(db.error().message == path + ": open: cannot open: unable to open database file");
}

TEST_CASE("foreign keys are enforced: items of an unknown feed are refused", "[storage]") {
    TempDir dir;
    Database db = open_database(dir.file("news.db"));
    FeedItem item;
    item.guid = "g1";
    item.url = "https://example.org/a";
    auto stored = db.upsert_items(42, {item}, 1000);
    REQUIRE_FALSE(stored);
    CHECK(stored.error().message.find("upsert_items of feed 42") != std::string::npos);
    CHECK(stored.error().message.find("FOREIGN KEY constraint failed") != std::string::npos);
}

TEST_CASE("a truncated database file fails with an error, not a crash", "[storage]") {
    TempDir dir;
    const std::string path = dir.file("news.db");
    {
        Database db = open_database(path);
        for (int i = 0; i < 50; ++i) {
            db.ensure_feed("feed " + std::to_string(i), "https://example.org/" + std::to_string(i))
                .value();
        }
        Sqlite raw = raw_connection(path);
        REQUIRE(raw.exec("PRAGMA wal_checkpoint(TRUNCATE)"));
    }
    std::filesystem::resize_file(path, 1500);
    auto db = Database::open(path);
    REQUIRE_FALSE(db);
    CHECK(db.error().message == path + ": open: database disk image is malformed");
}

TEST_CASE("a failing migration leaves the database at its old version, whole", "[storage]") {
    TempDir dir;
    const std::string path = dir.file("news.db");
    open_database(path).ensure_feed("ntv", "https://www.n-tv.de/rss").value();
    {
        Sqlite raw = raw_connection(path);
        // Versions 3 and 4 are pending; 4 fails on a view that holds its table's name.
        REQUIRE(raw.exec("DROP TABLE parse_failures; DELETE FROM schema_version WHERE version >= 3;"
                         "DROP TABLE article_aliases; DROP TABLE articles_fts;"
                         "DROP TABLE revisions; DROP TABLE article_pages; DROP TABLE articles;"
                         "CREATE VIEW parse_failures AS SELECT 1"));
    }
    auto db = Database::open(path);
    REQUIRE_FALSE(db);
    CHECK(db.error().message ==
          path + ": migrate: migration 4 (parse failures): view parse_failures already exists");
    Sqlite raw = raw_connection(path);
    CHECK(query_number(raw, "SELECT MAX(version) FROM schema_version") == 2);
    CHECK(query_number(raw, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'articles'") == 0);
    CHECK(query_number(raw, "SELECT COUNT(*) FROM feeds") == 1);
}

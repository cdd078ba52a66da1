#include "tests/storage/temp_database.h"

using namespace newswire;
using namespace newswire::test;

namespace {

FetchResponse feed_response(long status, std::string etag = {}, std::string body = {}) {
    FetchResponse response;
    response.url = "https://www.n-tv.de/rss";
    response.final_url = response.url;
    response.status = status;
    response.etag = std::move(etag);
    response.last_modified = "Tue, 24 Nov 2026 20:00:00 GMT";
    response.body = std::move(body);
    response.seconds = 0.25;
    return response;
}

FeedItem item(std::optional<std::string> guid, std::string url, std::string title) {
    FeedItem result;
    result.guid = std::move(guid);
    result.url = std::move(url);
    result.title = std::move(title);
    return result;
}

FeedRow only_feed(Database& db) {
    auto feeds = db.feeds().value();
    REQUIRE(feeds.size() == 1);
    return feeds[0];
}

}  // namespace

TEST_CASE("a feed is kept by name and a new URL drops the old validators", "[storage]") {
    TempDir dir;
    Database db = open_database(dir.file("news.db"));
    const auto id = db.ensure_feed("ntv", "https://www.n-tv.de/rss").value();
    REQUIRE(db.record_feed_fetch(id, feed_response(200, "\"v1\"", "<rss/>"), 1000, 1900, "n-tv"));
    CHECK(db.ensure_feed("ntv", "https://www.n-tv.de/rss").value() == id);
    CHECK(only_feed(db).etag == "\"v1\"");
    CHECK(db.ensure_feed("ntv", "https://www.n-tv.de/politik/rss").value() == id);
    const FeedRow feed = only_feed(db);
    CHECK(feed.url == "https://www.n-tv.de/politik/rss");
    CHECK(feed.etag.empty());
    CHECK(feed.last_modified.empty());
    CHECK_FALSE(feed.next_fetch_at.has_value());
    CHECK(feed.title == "n-tv");
}

TEST_CASE("fetches of a feed record 200, error and 304 as the schedule needs", "[storage]") {
    TempDir dir;
    const std::string path = dir.file("news.db");
    Database db = open_database(path);
    const auto id = db.ensure_feed("ntv", "https://www.n-tv.de/rss").value();

    REQUIRE(db.record_feed_fetch(id, feed_response(200, "\"v1\"", "<rss>12345</rss>"), 1000, 1900,
                                 "n-tv.de - Nachrichten"));
    FeedRow feed = only_feed(db);
    CHECK(feed.etag == "\"v1\"");
    CHECK(feed.last_modified == "Tue, 24 Nov 2026 20:00:00 GMT");
    CHECK(feed.title == "n-tv.de - Nachrichten");
    CHECK(feed.last_status == 200);
    CHECK(feed.last_error.empty());
    CHECK(feed.consecutive_failures == 0);
    CHECK(feed.last_fetch_at == 1000);
    CHECK(feed.next_fetch_at == 1900);

    FetchResponse failed = feed_response(0);
    failed.error = Error{ErrorCode::network, "Could not resolve host: www.n-tv.de"};
    REQUIRE(db.record_feed_fetch(id, failed, 2000, 2600));
    REQUIRE(db.record_feed_fetch(id, feed_response(503), 3000, 4200));
    feed = only_feed(db);
    CHECK(feed.etag == "\"v1\"");
    CHECK(feed.last_status == 503);
    CHECK(feed.last_error == "HTTP status 503");
    CHECK(feed.consecutive_failures == 2);
    CHECK(feed.last_fetch_at == 3000);
    CHECK(feed.next_fetch_at == 4200);
    CHECK(db.status().value().feeds_failing == 1);

    REQUIRE(db.record_feed_fetch(id, feed_response(304, "\"other\""), 5000, 5900));
    feed = only_feed(db);
    CHECK(feed.etag == "\"v1\"");
    CHECK(feed.title == "n-tv.de - Nachrichten");
    CHECK(feed.last_status == 304);
    CHECK(feed.last_error.empty());
    CHECK(feed.consecutive_failures == 0);
    CHECK(feed.last_fetch_at == 5000);
    CHECK(feed.next_fetch_at == 5900);

    Sqlite raw = raw_connection(path);
    CHECK(query_number(raw, "SELECT COUNT(*) FROM fetches WHERE feed_id = 1") == 4);
    CHECK(query_text(raw, "SELECT group_concat(status || ':' || error || ':' || bytes, '|')"
                          " FROM (SELECT * FROM fetches ORDER BY at)") ==
          "200::16|0:Could not resolve host: www.n-tv.de:0|503:HTTP status 503:0|304::0");
    CHECK(query_number(raw, "SELECT CAST(seconds * 100 AS INTEGER) FROM fetches LIMIT 1") == 25);
    CHECK(db.status().value().last_fetch_at == 5000);
}

TEST_CASE("a feed's new address is kept, a 410 marks it gone, and a new URL in the config clears both", "[storage]") {
    TempDir dir;
    Database db = open_database(dir.file("news.db"));
    const auto id = db.ensure_feed("ntv", "https://www.n-tv.de/rss").value();
    FetchResponse moved = feed_response(200, "\"v1\"", "<rss/>");
    moved.final_url = moved.moved_to = "https://www.n-tv.de/rss/all";
    REQUIRE(db.record_feed_fetch(id, moved, 1000, 1900));
    CHECK(only_feed(db).moved_to == "https://www.n-tv.de/rss/all");
    REQUIRE(db.record_feed_fetch(id, feed_response(304), 2000, 2900));  // asked there directly
    CHECK(only_feed(db).moved_to == "https://www.n-tv.de/rss/all");

    FetchResponse gone = feed_response(410);
    gone.error = Error{ErrorCode::http, "HTTP 410"};
    REQUIRE(db.record_feed_fetch(id, gone, 3000, 3900));
    REQUIRE(db.record_feed_fetch(id, gone, 4000, 4900));
    CHECK(only_feed(db).gone_since == 3000);
    REQUIRE(db.record_feed_fetch(id, feed_response(304), 5000, 5900));
    CHECK_FALSE(only_feed(db).gone_since);
    REQUIRE(db.record_feed_fetch(id, gone, 6000, 6900));
    CHECK(only_feed(db).gone_since == 6000);

    CHECK(db.ensure_feed("ntv", "https://www.n-tv.de/rss").value() == id);
    CHECK(only_feed(db).gone_since == 6000);
    CHECK(db.ensure_feed("ntv", "https://www.n-tv.de/rss/all").value() == id);
    const FeedRow fresh = only_feed(db);
    CHECK(fresh.moved_to.empty());
    CHECK_FALSE(fresh.gone_since);
}

TEST_CASE("a feed's schedule wishes are kept until a later 200 says otherwise", "[storage]") {
    TempDir dir;
    Database db = open_database(dir.file("news.db"));
    const auto id = db.ensure_feed("ntv", "https://www.n-tv.de/rss").value();
    CHECK(only_feed(db).hints == FeedScheduleHints{});

    const FeedScheduleHints wishes{3600, (1u << 0) | (1u << 23)};
    REQUIRE(db.record_feed_fetch(id, feed_response(200, "\"v1\"", "<rss/>"), 1000, 4600, "n-tv", wishes));
    CHECK(only_feed(db).hints == wishes);
    REQUIRE(db.record_feed_fetch(id, feed_response(304), 5000, 8600));
    CHECK(only_feed(db).hints == wishes);
    REQUIRE(db.record_feed_fetch(id, feed_response(503), 9000, 9600));
    CHECK(only_feed(db).hints == wishes);
    REQUIRE(db.record_feed_fetch(id, feed_response(200, "\"v2\"", "<rss/>"), 10000, 10900, "n-tv",
                                 FeedScheduleHints{}));
    CHECK(only_feed(db).hints == FeedScheduleHints{});
}

TEST_CASE("recording a fetch of an unknown feed fails and logs nothing", "[storage]") {
    TempDir dir;
    const std::string path = dir.file("news.db");
    Database db = open_database(path);
    auto recorded = db.record_feed_fetch(7, feed_response(200), 1000, 1900);
    REQUIRE_FALSE(recorded);
    CHECK(recorded.error().code == ErrorCode::not_found);
    CHECK(recorded.error().message ==
          path + ": record_feed_fetch of feed 7: no feed with id 7");
    Sqlite raw = raw_connection(path);
    CHECK(query_number(raw, "SELECT COUNT(*) FROM fetches") == 0);
}

TEST_CASE("items are one row per guid, else canonical link, else link and title", "[storage]") {
    TempDir dir;
    const std::string path = dir.file("news.db");
    Database db = open_database(path);
    const auto id = db.ensure_feed("ntv", "https://www.n-tv.de/rss").value();
    const std::vector<FeedItem> first{
        item("ntv-1", "https://www.n-tv.de/a.html", "A"),
        item(std::nullopt, "https://www.n-tv.de/b.html?utm_source=rss", "B"),
        item(std::nullopt, "", "C without link"),
        item(std::nullopt, "", ""),  // nothing to know it by: skipped
    };
    CHECK(db.upsert_items(id, first, 1000).value() == 3);
    const std::vector<FeedItem> again{
        item("ntv-1", "https://www.n-tv.de/a.html", "A"),
        item(std::nullopt, "https://WWW.N-TV.DE/b.html?utm_medium=feed#top", "B"),
        item(std::nullopt, "", "C without link"),
    };
    CHECK(db.upsert_items(id, again, 2000).value() == 0);
    Sqlite raw = raw_connection(path);
    CHECK(query_number(raw, "SELECT COUNT(*) FROM items") == 3);
    CHECK(query_text(raw, "SELECT group_concat(guid_key, '|') FROM (SELECT guid_key FROM items"
                          " ORDER BY id)") ==
          "guid:ntv-1|link:https://www.n-tv.de/b.html|link+title:\nC without link");
    CHECK(query_number(raw, "SELECT COUNT(*) FROM items WHERE last_seen = 2000") == 3);
    CHECK(only_feed(db).item_count == 3);
}

TEST_CASE("a changed link, title or date marks the item as needing its page", "[storage]") {
    TempDir dir;
    const std::string path = dir.file("news.db");
    Database db = open_database(path);
    const auto id = db.ensure_feed("ntv", "https://www.n-tv.de/rss").value();
    REQUIRE(db.upsert_items(id, {item("1", "https://x.de/1", "One"),
                                 item("2", "https://x.de/2", "Two"),
                                 item("3", "https://x.de/3", "Three")},
                            1000)
                .value() == 3);
    for (const char* url : {"https://x.de/1", "https://x.de/2", "https://x.de/3"}) {
        REQUIRE(db.store_page(page_response(url, "<html></html>"), 1100));
    }
    CHECK(urls_to_fetch(db, 10).empty());

    FeedItem retitled = item("1", "https://x.de/1", "One, updated");
    FeedItem redated = item("2", "https://x.de/2", "Two");
    redated.updated = Timestamp{1500, 60};
    FeedItem resummarised = item("3", "https://x.de/3", "Three");
    resummarised.summary = "a new summary is not a reason to refetch";
    CHECK(db.upsert_items(id, {retitled, redated, resummarised}, 2000).value() == 2);
    CHECK(urls_to_fetch(db, 10) ==
          std::vector<std::string>{"https://x.de/1", "https://x.de/2"});
    Sqlite raw = raw_connection(path);
    CHECK(query_text(raw, "SELECT json_extract(document, '$.summary') FROM items WHERE guid = '3'") ==
          "a new summary is not a reason to refetch");
    CHECK(query_number(raw, "SELECT changed_at FROM items WHERE guid = '3'") == 1000);
}

TEST_CASE("pages to fetch come oldest first, each URL once, at most the limit", "[storage]") {
    TempDir dir;
    Database db = open_database(dir.file("news.db"));
    const auto ntv = db.ensure_feed("ntv", "https://www.n-tv.de/rss").value();
    const auto tag = db.ensure_feed("tagesschau", "https://www.tagesschau.de/rss").value();
    REQUIRE(db.upsert_items(tag, {item("t1", "https://x.de/late", "Late")}, 3000));
    REQUIRE(db.upsert_items(ntv, {item("n1", "https://x.de/early", "Early"),
                                  item("n2", "https://x.de/late", "Late too")},
                            1000));
    REQUIRE(db.upsert_items(ntv, {item("n3", "https://x.de/middle", "Middle")}, 2000));
    CHECK(urls_to_fetch(db, 10) ==
          std::vector<std::string>{"https://x.de/early", "https://x.de/late",
                                   "https://x.de/middle"});
    CHECK(urls_to_fetch(db, 2) ==
          std::vector<std::string>{"https://x.de/early", "https://x.de/late"});
    CHECK(db.status().value().pages_pending == 3);
}

TEST_CASE("a batch of items that fails half-way stores none of them", "[storage]") {
    TempDir dir;
    const std::string path = dir.file("news.db");
    Database db = open_database(path);
    const auto id = db.ensure_feed("ntv", "https://www.n-tv.de/rss").value();
    Sqlite raw = raw_connection(path);
    REQUIRE(raw.exec("CREATE TRIGGER poison BEFORE INSERT ON items WHEN NEW.title = 'poison'"
                     " BEGIN SELECT RAISE(ABORT, 'poisoned item'); END"));
    auto stored = db.upsert_items(id, {item("1", "https://x.de/1", "One"),
                                       item("2", "https://x.de/2", "Two"),
                                       item("3", "https://x.de/3", "poison")},
                                  1000);
    REQUIRE_FALSE(stored);
    CHECK(stored.error().message ==
          path + ": upsert_items of feed 1: item 'guid:3': poisoned item");
    CHECK(query_number(raw, "SELECT COUNT(*) FROM items") == 0);
    CHECK(db.upsert_items(id, {item("1", "https://x.de/1", "One")}, 1000).value() == 1);
}

TEST_CASE("the fetch log drops rows older than asked and keeps the feed's last status", "[storage]") {
    TempDir dir;
    Database db = open_database(dir.file("news.db"));
    const std::int64_t feed = db.ensure_feed("ntv", "https://www.n-tv.de/rss").value();
    for (std::int64_t at : {1000, 2000, 3000}) {
        FetchResponse response;
        response.url = "https://www.n-tv.de/rss";
        response.status = 304;
        REQUIRE(db.record_feed_fetch(feed, response, at, at + 900));
    }
    CHECK(db.prune_fetch_log(2000).value() == 1);
    CHECK(db.prune_fetch_log(2000).value() == 0);
    Sqlite raw = raw_connection(dir.file("news.db"));
    CHECK(query_text(raw, "SELECT group_concat(at, ',') FROM fetches") == "2000,3000");
    auto feeds = db.feeds().value();
    REQUIRE(feeds.size() == 1);
    CHECK(feeds[0].last_status == 304);
    CHECK(feeds[0].last_fetch_at == 3000);
}

#include "tests/storage/temp_database.h"

using namespace newswire;
using namespace newswire::test;

namespace {

std::vector<std::int64_t> ids_of(const std::vector<PageRef>& pages) {
    std::vector<std::int64_t> ids;
    for (const PageRef& page : pages) {
        ids.push_back(page.id);
    }
    return ids;
}

std::string big_html() {
    std::string html = "<html><body>";
    for (int i = 0; i < 2000; ++i) {
        html += "<p>Absatz " + std::to_string(i) + ": Gr\xC3\xBC\xC3\x9F" "e aus K\xC3\xB6ln.</p>\n";
    }
    return html + "</body></html>";
}

FeedItem item(std::string guid, std::string url) {
    FeedItem result;
    result.guid = std::move(guid);
    result.url = std::move(url);
    result.title = "title of " + result.url;
    return result;
}

}  // namespace

TEST_CASE("a page body round-trips through zstd byte for byte", "[storage]") {
    TempDir dir;
    const std::string path = dir.file("news.db");
    Database db = open_database(path);
    const std::string html = big_html() + std::string("\0\xff binary tail", 14);
    FetchResponse response = page_response("https://www.n-tv.de/a.html?utm_source=rss", html);
    response.final_url = "https://www.n-tv.de/a.html";
    response.etag = "\"abc\"";
    response.last_modified = "Tue, 24 Nov 2026 20:00:00 GMT";
    const auto id = db.store_page(response, 1000).value();
    CHECK(id == 1);
    CHECK(db.page_body(id).value() == html);

    Sqlite raw = raw_connection(path);
    CHECK(query_number(raw, "SELECT raw_size FROM pages") == static_cast<std::int64_t>(html.size()));
    CHECK(query_number(raw, "SELECT length(body) < raw_size / 10 FROM pages") == 1);
    CHECK(query_text(raw, "SELECT hex(substr(body, 1, 4)) FROM pages") == "28B52FFD");
    CHECK(query_text(raw, "SELECT url || ' ' || final_url || ' ' || status || ' ' || etag || ' '"
                          " || last_modified || ' ' || content_type FROM pages") ==
          "https://www.n-tv.de/a.html?utm_source=rss https://www.n-tv.de/a.html 200 \"abc\" "
          "Tue, 24 Nov 2026 20:00:00 GMT text/html; charset=utf-8");
    CHECK(db.store_page(page_response(response.url, ""), 2000).value() == id);
    CHECK(db.page_body(id).value().empty());
}

TEST_CASE("storing a page clears the need of every item with that URL", "[storage]") {
    TempDir dir;
    Database db = open_database(dir.file("news.db"));
    const auto ntv = db.ensure_feed("ntv", "https://www.n-tv.de/rss").value();
    const auto other = db.ensure_feed("other", "https://other.de/rss").value();
    REQUIRE(db.upsert_items(ntv, {item("1", "https://x.de/1"), item("2", "https://x.de/2")}, 1000));
    REQUIRE(db.upsert_items(other, {item("o1", "https://x.de/1")}, 1000));
    REQUIRE(db.store_page(page_response("https://x.de/1", "<p>one</p>"), 1100));
    CHECK(urls_to_fetch(db, 10) == std::vector<std::string>{"https://x.de/2"});
}

TEST_CASE("links that differ only in tracking parameters are one page to fetch", "[storage]") {
    TempDir dir;
    Database db = open_database(dir.file("news.db"));
    const auto ntv = db.ensure_feed("ntv", "https://www.n-tv.de/rss").value();
    const auto other = db.ensure_feed("other", "https://other.de/rss").value();
    REQUIRE(db.upsert_items(ntv, {item("1", "https://x.de/a?utm_source=rss")}, 1000));
    REQUIRE(db.upsert_items(other, {item("o1", "https://x.de/a?utm_source=other&utm_medium=feed")}, 1000));
    CHECK(urls_to_fetch(db, 10) == std::vector<std::string>{"https://x.de/a?utm_source=other&utm_medium=feed"});
    CHECK(db.status().value().pages_pending == 1);
    REQUIRE(db.store_page(page_response("https://x.de/a?utm_source=other&utm_medium=feed", "<p>a</p>"), 1100));
    CHECK(urls_to_fetch(db, 10).empty());
    CHECK(db.status().value().pages_pending == 0);
}

TEST_CASE("a page stored before is asked for again with its validators", "[storage]") {
    TempDir dir;
    Database db = open_database(dir.file("news.db"));
    const auto ntv = db.ensure_feed("ntv", "https://www.n-tv.de/rss").value();
    REQUIRE(db.upsert_items(ntv, {item("1", "https://x.de/1"), item("2", "https://x.de/2")}, 1000));
    FetchResponse first = page_response("https://x.de/1", "<p>one</p>");
    first.etag = "\"e1\"";
    first.last_modified = "Tue, 24 Nov 2026 20:00:00 GMT";
    REQUIRE(db.store_page(first, 1100));
    REQUIRE(db.store_page(page_response("https://x.de/2", "gone", 404), 1100));

    FeedItem retitled = item("1", "https://x.de/1");
    retitled.title = "One, updated";
    FeedItem redated = item("2", "https://x.de/2");
    redated.title = "Two, updated";
    REQUIRE(db.upsert_items(ntv, {retitled, redated}, 2000).value() == 2);
    CHECK(db.pages_to_fetch(10, 2000).value() ==
          std::vector<PageToFetch>{{"https://x.de/1", "\"e1\"", "Tue, 24 Nov 2026 20:00:00 GMT"},
                                   {"https://x.de/2", "", ""}});

    FetchResponse unchanged = page_response("https://x.de/1", "", 304);
    REQUIRE(db.store_page(unchanged, 2100));
    CHECK(urls_to_fetch(db, 10) == std::vector<std::string>{"https://x.de/2"});
    auto pages = db.pages_to_parse({1, true, {}, {}, {}}).value();
    REQUIRE(pages.size() == 1);
    CHECK(pages[0].status == 200);
    CHECK(db.page_body(pages[0].id).value() == "<p>one</p>");
}

TEST_CASE("failed pages are retried up to three attempts, but not after a 404", "[storage]") {
    TempDir dir;
    Database db = open_database(dir.file("news.db"));
    REQUIRE(db.store_page(page_response("https://x.de/gone", "not here", 404), 1000));
    FetchResponse timeout = page_response("https://x.de/slow", "", 0);
    timeout.error = Error{ErrorCode::network, "Operation timed out after 30000 milliseconds"};
    REQUIRE(db.store_page(timeout, 1100));
    REQUIRE(db.store_page(page_response("https://x.de/busy", "", 503), 1200));
    FetchResponse refused = page_response("https://x.de/private", "", 0);
    refused.error = Error{ErrorCode::forbidden, "address 10.0.0.1 is private"};
    REQUIRE(db.store_page(refused, 1300));
    CHECK(urls_to_fetch(db, 10) ==
          std::vector<std::string>{"https://x.de/slow", "https://x.de/busy"});

    REQUIRE(db.store_page(page_response("https://x.de/busy", "", 503), 1400));
    REQUIRE(db.store_page(page_response("https://x.de/busy", "", 502), 1500));
    CHECK(urls_to_fetch(db, 10) == std::vector<std::string>{"https://x.de/slow"});
    const DatabaseStatus status = db.status().value();
    CHECK(status.pages == 4);
    CHECK(status.pages_failed == 4);
    CHECK(status.pages_pending == 1);

    REQUIRE(db.store_page(page_response("https://x.de/slow", "<p>finally</p>"), 1600));
    CHECK(urls_to_fetch(db, 10).empty());
    CHECK(db.status().value().pages_failed == 3);
}

TEST_CASE("a failed refetch keeps the good body stored before", "[storage]") {
    TempDir dir;
    const std::string path = dir.file("news.db");
    Database db = open_database(path);
    const auto id = db.store_page(page_response("https://x.de/1", "<p>good</p>"), 1000).value();
    CHECK(db.store_page(page_response("https://x.de/1", "oops", 500), 2000).value() == id);
    CHECK(db.page_body(id).value() == "<p>good</p>");
    Sqlite raw = raw_connection(path);
    CHECK(query_text(raw, "SELECT status || ' ' || error || ' ' || attempts FROM pages") ==
          "200 HTTP 500 1");
    CHECK(db.pages_to_parse(PageSelection{1, false, {}, {}, {}}).value().size() == 1);
}

TEST_CASE("a corrupt or missing stored body is an error, never a crash", "[storage]") {
    TempDir dir;
    const std::string path = dir.file("news.db");
    Database db = open_database(path);
    const auto id = db.store_page(page_response("https://x.de/1", big_html()), 1000).value();
    const auto failed = db.store_page(page_response("https://x.de/2", "", 404), 1000).value();
    Sqlite raw = raw_connection(path);

    auto none = db.page_body(failed);
    REQUIRE_FALSE(none);
    CHECK(none.error().message == path + ": page_body of page 2: the page has no stored body (status 404)");
    auto missing = db.page_body(99);
    REQUIRE_FALSE(missing);
    CHECK(missing.error().code == ErrorCode::not_found);

    REQUIRE(raw.exec("UPDATE pages SET raw_size = raw_size + 1 WHERE id = 1"));
    auto lying = db.page_body(id);
    REQUIRE_FALSE(lying);
    CHECK(lying.error().code == ErrorCode::invalid_input);

    REQUIRE(raw.exec("UPDATE pages SET raw_size = 1000000000000 WHERE id = 1"));
    CHECK(db.page_body(id).error().code == ErrorCode::too_large);

    REQUIRE(raw.exec("UPDATE pages SET raw_size = 4, body = x'28B52FFD00112233' WHERE id = 1"));
    CHECK(db.page_body(id).error().code == ErrorCode::invalid_input);
    REQUIRE(raw.exec("UPDATE pages SET body = substr(body, 1, 20) WHERE id = 1"));
    CHECK_FALSE(db.page_body(id));
}

TEST_CASE("pages to parse honour version, all, since, feed and page id", "[storage]") {
    TempDir dir;
    Database db = open_database(dir.file("news.db"));
    const auto ntv = db.ensure_feed("ntv", "https://www.n-tv.de/rss").value();
    const auto tag = db.ensure_feed("tagesschau", "https://www.tagesschau.de/rss").value();
    REQUIRE(db.upsert_items(ntv, {item("1", "https://x.de/1"), item("2", "https://x.de/2")}, 900));
    REQUIRE(db.upsert_items(tag, {item("3", "https://x.de/3")}, 900));
    const auto p1 = db.store_page(page_response("https://x.de/1", "<p>1</p>"), 1000).value();
    const auto p2 = db.store_page(page_response("https://x.de/2", "<p>2</p>"), 2000).value();
    const auto p3 = db.store_page(page_response("https://x.de/3", "<p>3</p>"), 3000).value();
    REQUIRE(db.store_page(page_response("https://x.de/4", "gone", 404), 3000).value() == 4);

    Article article;
    article.url = "https://x.de/1";
    article.headline = "One";
    article.teaser = "Der erste Text.";
    REQUIRE(db.store_article(p1, article, 1, 3500));

    using Ids = std::vector<std::int64_t>;
    CHECK(ids_of(db.pages_to_parse({1, false, {}, {}, {}}).value()) == Ids{p2, p3});
    CHECK(ids_of(db.pages_to_parse({2, false, {}, {}, {}}).value()) == Ids{p1, p2, p3});
    CHECK(ids_of(db.pages_to_parse({1, true, {}, {}, {}}).value()) == Ids{p1, p2, p3});
    CHECK(ids_of(db.pages_to_parse({1, true, 2000, {}, {}}).value()) == Ids{p2, p3});
    CHECK(ids_of(db.pages_to_parse({1, true, {}, "ntv", {}}).value()) == Ids{p1, p2});
    CHECK(ids_of(db.pages_to_parse({1, false, {}, "ntv", {}}).value()) == Ids{p2});
    CHECK(ids_of(db.pages_to_parse({1, false, {}, "nobody", {}}).value()).empty());
    CHECK(ids_of(db.pages_to_parse({1, false, {}, {}, p1}).value()) == Ids{p1});
    CHECK(ids_of(db.pages_to_parse({1, false, {}, {}, 4}).value()).empty());
    const auto pages = db.pages_to_parse({1, false, {}, {}, p2}).value();
    REQUIRE(pages.size() == 1);
    CHECK(pages[0].url == "https://x.de/2");
    CHECK(pages[0].final_url == "https://x.de/2");
    CHECK(pages[0].content_type == "text/html; charset=utf-8");
    CHECK(pages[0].status == 200);
}

TEST_CASE("a page the extractor failed on is not offered again for that version", "[storage]") {
    TempDir dir;
    Database db = open_database(dir.file("news.db"));
    const auto p1 = db.store_page(page_response("https://x.de/1", "<p>1</p>"), 1000).value();
    const auto p2 = db.store_page(page_response("https://x.de/2", "<p>2</p>"), 1000).value();
    REQUIRE(db.record_parse_failure(p1, 1, "no article body found", 1100));
    using Ids = std::vector<std::int64_t>;
    CHECK(ids_of(db.pages_to_parse({1, false, {}, {}, {}}).value()) == Ids{p2});
    CHECK(ids_of(db.pages_to_parse({2, false, {}, {}, {}}).value()) == Ids{p1, p2});
    CHECK(ids_of(db.pages_to_parse({1, true, {}, {}, {}}).value()) == Ids{p1, p2});
    CHECK(ids_of(db.pages_to_parse({1, false, {}, {}, p1}).value()) == Ids{p1});

    Article article;
    article.url = "https://x.de/1";
    article.teaser = "Doch noch ein Text.";
    REQUIRE(db.store_article(p1, article, 2, 1200));
    CHECK(ids_of(db.pages_to_parse({2, false, {}, {}, {}}).value()) == Ids{p2});
    CHECK(ids_of(db.pages_to_parse({1, false, {}, {}, {}}).value()) == Ids{p1, p2});

    auto unknown = db.record_parse_failure(99, 1, "x", 1300);
    REQUIRE_FALSE(unknown);
    CHECK(unknown.error().message.find("FOREIGN KEY constraint failed") != std::string::npos);
}

TEST_CASE("a page stored again with other bytes is offered for extraction again; with the same bytes it is not",
          "[storage]") {
    TempDir dir;
    Database db = open_database(dir.file("news.db"));
    const auto extracted = db.store_page(page_response("https://x.de/1", "<p>eins</p>"), 1000).value();
    const auto failed = db.store_page(page_response("https://x.de/2", "<p>zwei</p>"), 1000).value();
    Article article;
    article.url = "https://x.de/1";
    article.teaser = "Ein Text.";
    REQUIRE(db.store_article(extracted, article, 3, 1100));
    REQUIRE(db.record_parse_failure(failed, 3, "no article body found", 1100));
    using Ids = std::vector<std::int64_t>;
    CHECK(ids_of(db.pages_to_parse({3, false, {}, {}, {}}).value()).empty());

    REQUIRE(db.store_page(page_response("https://x.de/1", "<p>eins</p>"), 2000).value() == extracted);
    REQUIRE(db.store_page(page_response("https://x.de/2", "<p>zwei</p>"), 2000).value() == failed);
    CHECK(ids_of(db.pages_to_parse({3, false, {}, {}, {}}).value()).empty());

    REQUIRE(db.store_page(page_response("https://x.de/1", "<p>eins, berichtigt</p>"), 3000).value() == extracted);
    REQUIRE(db.store_page(page_response("https://x.de/2", "<p>zwei, berichtigt</p>"), 3000).value() == failed);
    CHECK(ids_of(db.pages_to_parse({3, false, {}, {}, {}}).value()) == Ids{extracted, failed});
    CHECK(db.status().value().articles == 1);  // the article stays until the new bytes are read
}

TEST_CASE("pruning drops old bodies and keeps the rows", "[storage]") {
    TempDir dir;
    Database db = open_database(dir.file("news.db"));
    const auto old_page = db.store_page(page_response("https://x.de/old", "<p>old</p>"), 1000).value();
    const auto new_page = db.store_page(page_response("https://x.de/new", "<p>new</p>"), 5000).value();
    CHECK(db.prune_page_bodies(3000).value() == 1);
    CHECK(db.prune_page_bodies(3000).value() == 0);
    CHECK(db.page_body(old_page).error().code == ErrorCode::not_found);
    CHECK(db.page_body(new_page).value() == "<p>new</p>");
    CHECK(ids_of(db.pages_to_parse({1, true, {}, {}, {}}).value()) == std::vector<std::int64_t>{new_page});
    CHECK(db.status().value().pages == 2);
    CHECK(urls_to_fetch(db, 10).empty());
}

TEST_CASE("a stored page is asked for again after each revisit wait in turn, after new pages, then never",
          "[storage]") {
    TempDir dir;
    Database db = open_database(dir.file("news.db"));
    const std::vector<std::int64_t> waits{100, 500};
    FetchResponse first = page_response("https://x.de/1", "<p>eins</p>");
    first.etag = "\"e1\"";
    REQUIRE(db.store_page(first, 1000, waits));
    CHECK(urls_to_fetch(db, 10, 1099).empty());
    CHECK(db.pages_to_fetch(10, 1100).value() == std::vector<PageToFetch>{{"https://x.de/1", "\"e1\"", ""}});

    // A page of a new item goes first.
    const std::int64_t feed = db.ensure_feed("ntv", "https://www.n-tv.de/rss").value();
    REQUIRE(db.upsert_items(feed, {item("2", "https://x.de/2")}, 1120).value() == 1);
    CHECK(urls_to_fetch(db, 10, 1130) == std::vector<std::string>{"https://x.de/2", "https://x.de/1"});
    CHECK(urls_to_fetch(db, 1, 1130) == std::vector<std::string>{"https://x.de/2"});

    // The revisit answers 304; the next wait runs from it.
    REQUIRE(db.store_page(page_response("https://x.de/1", "", 304), 1150, waits));
    CHECK(urls_to_fetch(db, 10, 1649) == std::vector<std::string>{"https://x.de/2"});
    CHECK(urls_to_fetch(db, 10, 1650) == std::vector<std::string>{"https://x.de/2", "https://x.de/1"});

    // A fetch for another reason before the revisit is due leaves the plan as it is.
    REQUIRE(db.store_page(page_response("https://x.de/1", "<p>eins</p>"), 1600, waits));
    CHECK(urls_to_fetch(db, 10, 1650) == std::vector<std::string>{"https://x.de/2", "https://x.de/1"});

    // The last revisit brings new bytes: extracted again, and not asked for again.
    REQUIRE(db.store_page(page_response("https://x.de/1", "<p>eins, berichtigt</p>"), 1700, waits));
    CHECK(urls_to_fetch(db, 10, 1'000'000'000) == std::vector<std::string>{"https://x.de/2"});
}

TEST_CASE("without revisit waits a stored page is not asked for again", "[storage]") {
    TempDir dir;
    Database db = open_database(dir.file("news.db"));
    REQUIRE(db.store_page(page_response("https://x.de/1", "<p>eins</p>"), 1000));
    CHECK(urls_to_fetch(db, 10, 1'000'000'000).empty());
}

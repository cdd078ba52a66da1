#include "tests/storage/temp_database.h"

using namespace newswire;
using namespace newswire::test;

namespace {

Article article_at(std::string url, std::string headline, std::string body) {
    Article article;
    article.url = std::move(url);
    article.language = "de";
    article.section = "Politik";
    article.headline = std::move(headline);
    article.teaser = "Der Bundestag hat am Abend abgestimmt.";
    article.body = {{BlockType::paragraph, std::move(body)},
                    {BlockType::heading, "Wie es weitergeht"},
                    {BlockType::paragraph, "Der Bundesrat muss noch zustimmen."}};
    article.published = Timestamp{1764652800, 60};
    return article;
}

struct Fixture {
    TempDir dir;
    std::string path = dir.file("news.db");
    Database db = open_database(path);
    std::int64_t ntv = db.ensure_feed("ntv", "https://www.n-tv.de/rss").value();
    std::int64_t tag = db.ensure_feed("tagesschau", "https://www.tagesschau.de/rss").value();

    std::int64_t page(std::int64_t feed, const std::string& url) {
        FeedItem item;
        item.url = url;
        item.title = "item " + url;
        REQUIRE(db.upsert_items(feed, {item}, 900));
        return db.store_page(page_response(url, "<html>" + url + "</html>"), 1000).value();
    }
    // The page fetched again with other bytes (a correction, a revisit): read again, its
    // changed text is a revision.
    void new_bytes(const std::string& url, std::int64_t now) {
        REQUIRE(db.store_page(page_response(url, "<html>" + url + " corrected " + std::to_string(now) + "</html>"), now));
    }
};

const std::string k_ntv_url = "https://www.n-tv.de/politik/haushalt-article1.html";

}  // namespace

TEST_CASE("an article is created, then unchanged, then revised when its text changes", "[storage]") {
    Fixture f;
    const auto page = f.page(f.ntv, k_ntv_url);
    Article first = article_at(k_ntv_url, "Haushalt beschlossen", "Mit 320 Stimmen angenommen.");
    CHECK(f.db.store_article(page, first, 1, 2000).value() == StoreOutcome::created);

    Article spaced = first;
    spaced.body[0].text = "  MIT 320   Stimmen\u00a0angenommen. ";
    CHECK(f.db.store_article(page, spaced, 1, 3000).value() == StoreOutcome::unchanged);

    Article changed = first;
    changed.headline = "Haushalt endgültig beschlossen";
    changed.body[0].text = "Mit 321 Stimmen angenommen.";
    f.new_bytes(k_ntv_url, 3500);
    CHECK(f.db.store_article(page, changed, 2, 4000).value() == StoreOutcome::revised);

    auto articles = f.db.articles().value();
    REQUIRE(articles.size() == 1);
    CHECK(articles[0].id == 1);
    CHECK(articles[0].revisions == 2);
    CHECK(articles[0].feeds == std::vector<std::string>{"ntv"});
    CHECK_FALSE(articles[0].cluster_id.has_value());
    Article expected = changed;
    expected.canonical_url = k_ntv_url;
    CHECK(articles[0].article == expected);

    Sqlite raw = raw_connection(f.path);
    CHECK(query_text(raw, "SELECT canonical_url || '|' || headline || '|' || published || '|' ||"
                          " published_unix || '|' || language || '|' || section || '|' ||"
                          " first_seen || '|' || updated_at FROM articles") ==
          k_ntv_url + "|Haushalt endgültig beschlossen|2025-12-02T06:20:00+01:00|1764652800|de|"
                      "Politik|2000|4000");
    CHECK(query_text(raw, "SELECT group_concat(n || ':' || created_at || ':' ||"
                          " json_extract(document, '$.headline'), '|') FROM revisions") ==
          "1:2000:Haushalt beschlossen|2:4000:Haushalt endgültig beschlossen");
    CHECK(query_number(raw, "SELECT extractor_version FROM article_pages WHERE page_id = 1") == 2);
    const DatabaseStatus status = f.db.status().value();
    CHECK(status.articles == 1);
    CHECK(status.revisions == 2);
}

TEST_CASE("unchanged text with better fields updates the row but adds no revision", "[storage]") {
    Fixture f;
    const auto page = f.page(f.ntv, k_ntv_url);
    Article first = article_at(k_ntv_url, "Haushalt", "Mit 320 Stimmen angenommen.");
    REQUIRE(f.db.store_article(page, first, 1, 2000));
    first.headline = "Haushalt beschlossen";
    first.authors = {"Anna Muster"};
    CHECK(f.db.store_article(page, first, 2, 3000).value() == StoreOutcome::unchanged);
    auto stored = f.db.article(1).value();
    REQUIRE(stored);
    CHECK(stored->article.headline == "Haushalt beschlossen");
    CHECK(stored->article.authors == std::vector<std::string>{"Anna Muster"});
    CHECK(stored->revisions == 1);
    CHECK_FALSE(f.db.article(2).value().has_value());
    CHECK(f.db.search("beschlossen", 10).value().size() == 1);
}

TEST_CASE("pages whose URLs differ only in tracking parameters are one article", "[storage]") {
    Fixture f;
    const auto from_rss = f.page(f.ntv, k_ntv_url + "?utm_source=rss&utm_medium=feed");
    const auto from_social = f.page(f.tag, k_ntv_url + "?fbclid=abc#comments");
    Article a = article_at(k_ntv_url + "?utm_source=rss&utm_medium=feed", "Haushalt", "Text.");
    Article b = article_at(k_ntv_url + "?fbclid=abc#comments", "Haushalt", "Text.");
    CHECK(f.db.store_article(from_rss, a, 1, 2000).value() == StoreOutcome::created);
    CHECK(f.db.store_article(from_social, b, 1, 2100).value() == StoreOutcome::unchanged);
    auto articles = f.db.articles().value();
    REQUIRE(articles.size() == 1);
    CHECK(articles[0].article.canonical_url == k_ntv_url);
    CHECK(articles[0].feeds == std::vector<std::string>{"ntv", "tagesschau"});
    CHECK(articles[0].revisions == 1);
}

TEST_CASE("the same text under another URL is aliased to the first article", "[storage]") {
    Fixture f;
    const auto page = f.page(f.ntv, k_ntv_url);
    const std::string mirror = "https://www.tagesschau.de/inland/haushalt-100.html";
    const auto mirror_page = f.page(f.tag, mirror);
    CHECK(f.db.store_article(page, article_at(k_ntv_url, "Haushalt", "Text."), 1, 2000).value() ==
          StoreOutcome::created);
    Article copy = article_at(mirror, "Bundestag beschließt Haushalt", "TEXT.");
    copy.canonical_url = mirror;
    CHECK(f.db.store_article(mirror_page, copy, 1, 2100).value() == StoreOutcome::aliased);
    CHECK(f.db.store_article(mirror_page, copy, 1, 2200).value() == StoreOutcome::aliased);

    auto articles = f.db.articles().value();
    REQUIRE(articles.size() == 1);
    CHECK(articles[0].article.headline == "Haushalt");
    CHECK(articles[0].feeds == std::vector<std::string>{"ntv", "tagesschau"});
    Sqlite raw = raw_connection(f.path);
    CHECK(query_text(raw, "SELECT url || ' -> ' || article_id FROM article_aliases") ==
          mirror + " -> 1");
    CHECK(query_number(raw, "SELECT COUNT(*) FROM article_pages WHERE article_id = 1") == 2);

    Article diverged = copy;
    diverged.body[0].text = "Ein eigener Text.";
    CHECK(f.db.store_article(mirror_page, diverged, 1, 2300).value() == StoreOutcome::created);
    CHECK(query_number(raw, "SELECT COUNT(*) FROM article_aliases") == 0);
    CHECK(f.db.articles().value().size() == 2);
}

TEST_CASE("articles without text are never aliased to each other", "[storage]") {
    Fixture f;
    const auto one = f.page(f.ntv, "https://www.n-tv.de/video1.html");
    const auto two = f.page(f.ntv, "https://www.n-tv.de/video2.html");
    Article empty;
    empty.headline = "Video";
    CHECK(f.db.store_article(one, empty, 1, 2000).value() == StoreOutcome::created);
    CHECK(f.db.store_article(two, empty, 1, 2000).value() == StoreOutcome::created);
    CHECK(f.db.articles().value().size() == 2);
}

TEST_CASE("a canonical URL on another site is not believed", "[storage]") {
    Fixture f;
    const auto page = f.page(f.ntv, "https://evil.example/copy.html");
    Article claim = article_at("https://evil.example/copy.html", "Fake", "Text.");
    claim.canonical_url = k_ntv_url;
    REQUIRE(f.db.store_article(page, claim, 1, 2000).value() == StoreOutcome::created);
    const auto own = f.page(f.ntv, "https://n-tv.de/politik/a.html");
    Article sub = article_at("https://n-tv.de/politik/a.html", "Own", "Other text.");
    sub.canonical_url = "https://www.n-tv.de/politik/a.html?utm_campaign=x";
    REQUIRE(f.db.store_article(own, sub, 1, 2000).value() == StoreOutcome::created);
    auto articles = f.db.articles().value();
    REQUIRE(articles.size() == 2);
    CHECK(articles[0].article.canonical_url == "https://evil.example/copy.html");
    CHECK(articles[1].article.canonical_url == "https://www.n-tv.de/politik/a.html");
}

TEST_CASE("storing an article for an unknown page fails naming the page", "[storage]") {
    Fixture f;
    auto stored = f.db.store_article(77, article_at(k_ntv_url, "H", "T."), 1, 2000);
    REQUIRE_FALSE(stored);
    CHECK(stored.error().code == ErrorCode::not_found);
    CHECK(stored.error().message == f.path + ": store_article of page 77: no such page");
}

TEST_CASE("an article store that fails half-way leaves no half rows", "[storage]") {
    Fixture f;
    const auto page = f.page(f.ntv, k_ntv_url);
    Sqlite raw = raw_connection(f.path);
    REQUIRE(raw.exec("CREATE TRIGGER poison BEFORE INSERT ON revisions"
                     " BEGIN SELECT RAISE(ABORT, 'disk on fire'); END"));
    auto stored = f.db.store_article(page, article_at(k_ntv_url, "H", "Text."), 1, 2000);
    REQUIRE_FALSE(stored);
    CHECK(stored.error().message == f.path + ": store_article of page 1: disk on fire");
    CHECK(query_number(raw, "SELECT COUNT(*) FROM articles") == 0);
    CHECK(query_number(raw, "SELECT COUNT(*) FROM article_pages") == 0);
    CHECK(query_number(raw, "SELECT COUNT(*) FROM articles_fts") == 0);

    REQUIRE(raw.exec("DROP TRIGGER poison"));
    CHECK(f.db.store_article(page, article_at(k_ntv_url, "H", "Text."), 1, 2000).value() ==
          StoreOutcome::created);
    CHECK(f.db.pages_to_parse({1, false, {}, {}, {}}).value().empty());
}

TEST_CASE("an article with invalid UTF-8 is stored repaired and then unchanged", "[storage]") {
    Fixture f;
    const auto page = f.page(f.ntv, k_ntv_url);
    Article broken = article_at(k_ntv_url, "Kaputt \xC3\x28 ist das", "Text mit \xFF Byte.");
    CHECK(f.db.store_article(page, broken, 1, 2000).value() == StoreOutcome::created);
    CHECK(f.db.store_article(page, broken, 1, 2100).value() == StoreOutcome::unchanged);
    const auto stored = f.db.article(1).value().value();
    CHECK(stored.article.headline == "Kaputt \xEF\xBF\xBD( ist das");
    CHECK(stored.article.body[0].text == "Text mit \xEF\xBF\xBD Byte.");
}

TEST_CASE("an article no page says any more is deleted with its revisions", "[storage]") {
    Fixture f;
    const auto page = f.page(f.ntv, k_ntv_url);
    Article first = article_at(k_ntv_url, "Alt", "Erste Lesart.");
    first.canonical_url = "https://www.n-tv.de/politik/falsch.html";
    CHECK(f.db.store_article(page, first, 1, 2000).value() == StoreOutcome::created);
    Article second = article_at(k_ntv_url, "Neu", "Zweite Lesart.");
    CHECK(f.db.store_article(page, second, 2, 3000).value() == StoreOutcome::created);
    auto articles = f.db.articles().value();
    REQUIRE(articles.size() == 1);
    CHECK(articles[0].id == 2);
    CHECK(articles[0].article.canonical_url == k_ntv_url);
    Sqlite raw = raw_connection(f.path);
    CHECK(query_number(raw, "SELECT COUNT(*) FROM revisions") == 1);
    CHECK(query_number(raw, "SELECT COUNT(*) FROM articles_fts") == 1);
    CHECK(f.db.search("lesart", 10).value().size() == 1);
}

TEST_CASE("an article another page still says survives its page moving away", "[storage]") {
    Fixture f;
    const auto one = f.page(f.ntv, k_ntv_url);
    const auto two = f.page(f.tag, k_ntv_url + "?utm_source=tag");
    REQUIRE(f.db.store_article(one, article_at(k_ntv_url, "H", "Text."), 1, 2000));
    REQUIRE(f.db.store_article(two, article_at(k_ntv_url, "H", "Text."), 1, 2000));
    Article moved = article_at(k_ntv_url, "H", "Ganz anderer Text.");
    moved.canonical_url = "https://www.n-tv.de/other.html";
    CHECK(f.db.store_article(one, moved, 2, 3000).value() == StoreOutcome::created);
    CHECK(f.db.articles().value().size() == 2);
}

TEST_CASE("articles are read one at a time, all or those changed since a time, until the reader stops",
          "[storage]") {
    Fixture f;
    const std::string first_url = "https://www.n-tv.de/politik/eins-article1.html";
    const std::string second_url = "https://www.n-tv.de/politik/zwei-article2.html";
    const auto first_page = f.page(f.ntv, first_url);
    const auto second_page = f.page(f.ntv, second_url);
    Article first = article_at(first_url, "Eins", "Der erste Bericht des Tages.");
    REQUIRE(f.db.store_article(first_page, first, 1, 2000));
    REQUIRE(f.db.store_article(second_page, article_at(second_url, "Zwei", "Der zweite Bericht."), 1, 3000));
    first.body[0].text = "Der erste Bericht des Tages, berichtigt.";
    f.new_bytes(first_url, 4500);
    REQUIRE(f.db.store_article(first_page, first, 1, 5000).value() == StoreOutcome::revised);

    auto headlines = [&](std::optional<std::int64_t> since, std::size_t most) {
        std::vector<std::string> seen;
        auto done = f.db.each_article(since, [&](StoredArticle&& stored) {
            seen.push_back(stored.article.headline);
            return seen.size() < most;
        });
        REQUIRE(done);
        return seen;
    };
    CHECK(headlines(std::nullopt, 10) == std::vector<std::string>{"Eins", "Zwei"});
    CHECK(headlines(3000, 10) == std::vector<std::string>{"Eins", "Zwei"});
    CHECK(headlines(3001, 10) == std::vector<std::string>{"Eins"});
    CHECK(headlines(5001, 10).empty());
    CHECK(headlines(std::nullopt, 1) == std::vector<std::string>{"Eins"});
}

TEST_CASE("an article is found by any URL that leads to it", "[storage]") {
    Fixture f;
    const auto page = f.page(f.ntv, k_ntv_url + "?utm_source=rss");
    REQUIRE(f.db.store_article(page, article_at(k_ntv_url + "?utm_source=rss", "Haushalt", "Text."), 1, 2000));
    const std::string mirror = "https://www.tagesschau.de/inland/haushalt-100.html";
    const auto mirror_page = f.page(f.tag, mirror);
    REQUIRE(f.db.store_article(mirror_page, article_at(mirror, "Haushalt", "Text."), 1, 2100).value() ==
            StoreOutcome::aliased);
    // A short link that redirected to the story.
    FetchResponse redirected = page_response("https://t.example/x7", "<html>short</html>");
    redirected.final_url = k_ntv_url + "?utm_source=social";
    const auto short_page = f.db.store_page(redirected, 2200).value();
    REQUIRE(f.db.store_article(short_page, article_at(redirected.final_url, "Haushalt", "Text."), 1, 2200).value() ==
            StoreOutcome::unchanged);

    CHECK(f.db.find_article(k_ntv_url).value() == 1);
    CHECK(f.db.find_article("HTTPS://WWW.N-TV.DE/politik/haushalt-article1.html?utm_medium=x#top").value() == 1);
    CHECK(f.db.find_article(k_ntv_url + "?utm_source=rss").value() == 1);
    CHECK(f.db.find_article(mirror).value() == 1);
    CHECK(f.db.find_article("https://t.example/x7").value() == 1);
    CHECK(f.db.find_article(k_ntv_url + "?utm_source=social").value() == 1);
    CHECK_FALSE(f.db.find_article("https://www.n-tv.de/politik/anderes-article2.html").value().has_value());
    CHECK_FALSE(f.db.find_article("no url at all").value().has_value());
    CHECK_FALSE(f.db.find_article("").value().has_value());
}

TEST_CASE("an article's revisions are read back oldest first, each whole", "[storage]") {
    Fixture f;
    const auto page = f.page(f.ntv, k_ntv_url);
    Article first = article_at(k_ntv_url, "Haushalt beschlossen", "Mit 320 Stimmen angenommen.");
    REQUIRE(f.db.store_article(page, first, 1, 2000));
    Article changed = first;
    changed.body[0].text = "Mit 321 Stimmen angenommen.";
    f.new_bytes(k_ntv_url, 3000);
    REQUIRE(f.db.store_article(page, changed, 1, 4000).value() == StoreOutcome::revised);

    auto revisions = f.db.revisions(1).value();
    REQUIRE(revisions.size() == 2);
    first.canonical_url = changed.canonical_url = k_ntv_url;
    CHECK(revisions[0].n == 1);
    CHECK(revisions[0].stored_at == 2000);
    CHECK(revisions[0].article == first);
    CHECK(revisions[1].n == 2);
    CHECK(revisions[1].stored_at == 4000);
    CHECK(revisions[1].article == changed);
    CHECK(f.db.revisions(2).value().empty());

    Sqlite raw = raw_connection(f.path);
    REQUIRE(raw.execute("UPDATE revisions SET document = '{\"headline\": ' WHERE n = 1"));
    auto broken = f.db.revisions(1);
    REQUIRE_FALSE(broken);
    CHECK(broken.error().message == f.path + ": revisions of article 1: revision 1 of article 1 has a document that is not JSON");
}

TEST_CASE("a newer extractor's reading of the same page bytes replaces the latest revision", "[storage]") {
    Fixture f;
    const auto page = f.page(f.ntv, k_ntv_url);
    Article first = article_at(k_ntv_url, "Haushalt beschlossen", "Mit 320 Stimmen angenommen. Teilen");
    REQUIRE(f.db.store_article(page, first, 1, 2000).value() == StoreOutcome::created);

    // Extractor 2 leaves the share button's label out of the same bytes: no revision.
    Article better = first;
    better.body[0].text = "Mit 320 Stimmen angenommen.";
    CHECK(f.db.store_article(page, better, 2, 3000).value() == StoreOutcome::reread);
    auto revisions = f.db.revisions(1).value();
    REQUIRE(revisions.size() == 1);
    CHECK(revisions[0].n == 1);
    CHECK(revisions[0].stored_at == 2000);
    CHECK(revisions[0].article.body[0].text == "Mit 320 Stimmen angenommen.");
    CHECK(f.db.articles().value()[0].article.body[0].text == "Mit 320 Stimmen angenommen.");
    Sqlite raw = raw_connection(f.path);
    CHECK(query_number(raw, "SELECT COUNT(*) FROM revisions WHERE text_hash = (SELECT text_hash FROM articles)") == 1);
    CHECK(f.db.search("teilen", 10).value().empty());

    // The newsroom corrects the story: new bytes, a revision, and reading them again with a
    // newer extractor rewrites that revision alone.
    f.new_bytes(k_ntv_url, 4000);
    Article corrected = better;
    corrected.body[0].text = "Mit 321 Stimmen angenommen. Drucken";
    CHECK(f.db.store_article(page, corrected, 2, 4100).value() == StoreOutcome::revised);
    corrected.body[0].text = "Mit 321 Stimmen angenommen.";
    CHECK(f.db.store_article(page, corrected, 3, 5000).value() == StoreOutcome::reread);
    CHECK(f.db.store_article(page, corrected, 3, 5100).value() == StoreOutcome::unchanged);
    revisions = f.db.revisions(1).value();
    REQUIRE(revisions.size() == 2);
    CHECK(revisions[0].article.body[0].text == "Mit 320 Stimmen angenommen.");
    CHECK(revisions[1].stored_at == 4100);
    CHECK(revisions[1].article.body[0].text == "Mit 321 Stimmen angenommen.");
}

#include <algorithm>

#include "tests/storage/temp_database.h"

using namespace newswire;
using namespace newswire::test;

namespace {

// A long agency-style text: word i is "wort<i>", so every 4-shingle is distinct.
std::string agency_text(int from, int to) {
    std::string text;
    for (int i = from; i < to; ++i) {
        text += (text.empty() ? "Wort" : " wort") + std::to_string(i);
    }
    return text + ".";
}

// The 600-word story with the words at `edits` replaced by "anders".
std::string story_with(const std::vector<int>& edits) {
    std::string text;
    for (int i = 0; i < 600; ++i) {
        const bool edit = std::find(edits.begin(), edits.end(), i) != edits.end();
        text += (text.empty() ? "" : " ") + (edit ? std::string("anders") : "wort" + std::to_string(i));
    }
    return text;
}

std::string edited(std::string text, const std::string& word, const std::string& by) {
    text.replace(text.find(word), word.size(), by);
    return text;
}

struct Fixture {
    TempDir dir;
    std::string path = dir.file("news.db");
    Database db = open_database(path);

    std::int64_t store(const std::string& url, const std::string& headline,
                       const std::string& body, std::int64_t now = 2000) {
        const auto page = db.store_page(page_response(url, "<html/>"), 1000).value();
        Article article;
        article.url = url;
        article.headline = headline;
        article.body = {{BlockType::paragraph, body}};
        const auto outcome = db.store_article(page, article, 1, now);
        REQUIRE(outcome);
        return page;
    }

    std::vector<std::optional<std::int64_t>> clusters() {
        std::vector<std::optional<std::int64_t>> ids;
        const auto articles = db.articles().value();
        for (const StoredArticle& stored : articles) {
            ids.push_back(stored.cluster_id);
        }
        return ids;
    }
};

using Clusters = std::vector<std::optional<std::int64_t>>;

}  // namespace

TEST_CASE("near-duplicates from other URLs share the smallest article id as cluster", "[storage]") {
    Fixture f;
    const std::string story = agency_text(0, 600);
    f.store("https://www.n-tv.de/a.html", "A", story);
    f.store("https://www.other.de/unrelated.html", "U", agency_text(5000, 5600));
    f.store("https://www.tagesschau.de/b.html", "B", edited(story, "wort150", "anders"));
    CHECK(f.clusters() == Clusters{1, std::nullopt, 1});
    f.store("https://www.spiegel.de/c.html", "C", edited(story, "wort10", "anders"));
    CHECK(f.clusters() == Clusters{1, std::nullopt, 1, 1});
    CHECK(f.db.rebuild_clusters().value() == 1);
    CHECK(f.clusters() == Clusters{1, std::nullopt, 1, 1});
}

TEST_CASE("a store that bridges two clusters merges them under the smaller id", "[storage]") {
    Fixture f;
    // Found by search: A~A2 and C~C2 (distance <= 3), the two pairs far apart, and the
    // unedited story within 2 of both A and C.
    f.store("https://one.de/a", "A", story_with({0}));
    f.store("https://two.de/a2", "A2", story_with({0, 75}));
    f.store("https://three.de/c", "C", story_with({110}));
    f.store("https://four.de/c2", "C2", story_with({110, 85}));
    CHECK(f.clusters() == Clusters{1, 1, 3, 3});
    f.store("https://five.de/b", "B", story_with({}));
    CHECK(f.clusters() == Clusters{1, 1, 1, 1, 1});
    CHECK(f.db.rebuild_clusters().value() == 1);
    CHECK(f.clusters() == Clusters{1, 1, 1, 1, 1});
}

TEST_CASE("rebuilding clusters drops an article whose revision moved away", "[storage]") {
    Fixture f;
    const std::string story = agency_text(0, 600);
    const auto a = f.store("https://www.n-tv.de/a.html", "A", story);
    f.store("https://www.tagesschau.de/b.html", "B", story_with({150}));
    f.store("https://www.spiegel.de/c.html", "C", story_with({0, 150}));
    CHECK(f.clusters() == Clusters{1, 1, 1});

    Article rewritten;
    rewritten.url = "https://www.n-tv.de/a.html";
    rewritten.headline = "A";
    rewritten.body = {{BlockType::paragraph, agency_text(9000, 9600)}};
    REQUIRE(f.db.store_page(page_response("https://www.n-tv.de/a.html", "<html>rewritten</html>"), 2900));
    CHECK(f.db.store_article(a, rewritten, 1, 3000).value() == StoreOutcome::revised);
    CHECK(f.clusters() == Clusters{1, 1, 1});  // store only merges
    CHECK(f.db.rebuild_clusters().value() == 1);
    CHECK(f.clusters() == Clusters{std::nullopt, 2, 2});
}

TEST_CASE("search finds all words in headline, teaser or body, accents and case aside",
          "[storage]") {
    Fixture f;
    f.store("https://www.n-tv.de/a.html", "Bundestag beschließt Haushalt",
            "Die Abgeordneten stimmten am Abend mit großer Mehrheit zu.");
    f.store("https://www.n-tv.de/b.html", "Wetter", "Grüße aus Köln: es regnet im Rheinland.");
    f.store("https://www.n-tv.de/c.html", "Haushalt der Stadt Köln", "Kein Geld für Brücken.");

    auto hits = f.db.search("haushalt", 10).value();
    REQUIRE(hits.size() == 2);
    CHECK(((hits[0].article_id == 1 && hits[1].article_id == 3) ||
           (hits[0].article_id == 3 && hits[1].article_id == 1)));

    hits = f.db.search("HAUSHALT koln", 10).value();
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].article_id == 3);
    CHECK(hits[0].canonical_url == "https://www.n-tv.de/c.html");
    CHECK(hits[0].headline == "Haushalt der Stadt Köln");
    CHECK(hits[0].published.empty());
    CHECK(hits[0].snippet == "[Haushalt] der Stadt [Köln]");

    CHECK(f.db.search("GRÜßE rheinland", 10).value().size() == 1);
    CHECK(f.db.search("bundes*", 10).value().size() == 1);
    CHECK(f.db.search("haushalt", 1).value().size() == 1);
    CHECK(f.db.search("haushalt OR \"wetter\" - NEAR(", 10).value().empty());
    CHECK(f.db.search("   ", 10).value().empty());
}

TEST_CASE("the full-text index follows revisions", "[storage]") {
    Fixture f;
    const auto page = f.store("https://www.n-tv.de/a.html", "Alt", "Zuerst stand hier Apfel.");
    Article revised;
    revised.url = "https://www.n-tv.de/a.html";
    revised.headline = "Neu";
    revised.teaser = "Berlin (dpa) -";
    revised.body = {{BlockType::paragraph, "Jetzt steht hier Birne."}};
    REQUIRE(f.db.store_page(page_response("https://www.n-tv.de/a.html", "<html>Birne</html>"), 2900));
    CHECK(f.db.store_article(page, revised, 1, 3000).value() == StoreOutcome::revised);
    CHECK(f.db.search("apfel", 10).value().empty());
    CHECK(f.db.search("birne", 10).value().size() == 1);
    Sqlite raw = raw_connection(f.path);
    CHECK(query_number(raw, "SELECT COUNT(*) FROM articles_fts") == 1);
}

#include <catch2/catch.hpp>

#include <string>

#include "core/time.h"
#include "parser/article/dom.h"
#include "parser/article/meta_authors.h"
#include "parser/article/meta_dates.h"
#include "parser/article/meta_headline.h"
#include "parser/article/meta_jsonld.h"
#include "parser/article/metadata.h"

using namespace newswire;

namespace {

PageMetadata metadata_of(const std::string& head, const std::string& body = {},
                         std::string_view url = "https://www.example.de/politik/artikel-1.html") {
    html::Document document("<!DOCTYPE html><html lang=\"de\"><head>" + head + "</head><body>" + body +
                            "</body></html>");
    return read_metadata(document.root(), url);
}

std::string iso(const std::optional<Timestamp>& t) { return t ? to_iso8601(*t) : std::string("none"); }

}  // namespace

TEST_CASE("a NewsArticle inside @graph gives headline, date, people and keywords", "[metadata]") {
    PageMetadata m = metadata_of(R"(<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
        {"@type":"WebSite","name":"Beispiel"},
        {"@type":"NewsArticle","headline":"Trump spricht &amp; droht","datePublished":"2025-12-12T05:07:47+01:00",
         "dateModified":"2025-12-12T12:31:21+01:00",
         "author":[{"@type":"Person","name":"Juliane Rohr"},{"@type":"Organization","name":"ntv.de"}],
         "keywords":["Politik","USA"],"articleSection":"Politik"}]}</script>)");
    CHECK(m.headline == "Trump spricht & droht");
    CHECK(iso(m.published) == "2025-12-12T05:07:47+01:00");
    CHECK(iso(m.modified) == "2025-12-12T12:31:21+01:00");
    CHECK(m.authors == std::vector<std::string>{"Juliane Rohr"});
    CHECK(m.topics == std::vector<std::string>{"Politik", "USA"});
    CHECK(m.section == "Politik");
    CHECK(m.language == "de");
}

TEST_CASE("an author given by @id is looked up in the graph", "[metadata]") {
    JsonLdArticle ld = read_json_ld({R"([{"@type":"Person","@id":"#p1","name":"Anna Muster"},
        {"@type":"Article","headline":"H","author":{"@id":"#p1"}}])"});
    REQUIRE(ld.found);
    CHECK(ld.authors == std::vector<std::string>{"Anna Muster"});
}

TEST_CASE("JSON-LD with raw line breaks inside strings is still read", "[metadata]") {
    JsonLdArticle ld = read_json_ld({"<!-- {\"@type\":\"NewsArticle\",\"headline\":\"Zwei\nZeilen\"}; -->"});
    REQUIRE(ld.found);
    CHECK(ld.headline == "Zwei Zeilen");
}

TEST_CASE("JSON-LD nested ten thousand levels deep is skipped without a crash", "[metadata]") {
    std::string deep(10000, '[');
    deep += std::string(10000, ']');
    JsonLdArticle ld = read_json_ld({deep, "{\"@type\":\"NewsArticle\",\"headline\":\"Danach\"}"});
    CHECK(ld.headline == "Danach");
    PageMetadata m = metadata_of("<script type=\"application/ld+json\">" + deep +
                                 "</script><meta property=\"og:title\" content=\"Aus og\">");
    CHECK(m.headline == "Aus og");
}

TEST_CASE("bylines are cleaned to people", "[metadata]") {
    CHECK(clean_authors("Von Anna Muster und Max Beispiel, dpa", "") ==
          std::vector<std::string>{"Anna Muster", "Max Beispiel"});
    CHECK(clean_authors("By Jane Doe (jane@example.com)", "") == std::vector<std::string>{"Jane Doe"});
    CHECK(clean_authors("Redaktion", "").empty());
    CHECK(clean_authors("AFP", "").empty());
    CHECK(clean_authors("David Straub, MDR THÜRINGEN", "") == std::vector<std::string>{"David Straub"});
    CHECK(clean_authors("n-tv.de", "n-tv.de").empty());
    CHECK(clean_authors("María R. Sahuquillo", "") == std::vector<std::string>{"María R. Sahuquillo"});
    CHECK(clean_authors("Themen bearbeiten", "").empty());
}

TEST_CASE("a Chinese portal's closing line of bracketed fields names its editor in charge", "[metadata]") {
    // 【纠错】　【责任编辑：王静】 (report an error; editor in charge: Wang Jing)
    const std::string line = "\xE3\x80\x90\xE7\xBA\xA0\xE9\x94\x99\xE3\x80\x91\xE3\x80\x80\xE3\x80\x90"
                             "\xE8\xB4\xA3\xE4\xBB\xBB\xE7\xBC\x96\xE8\xBE\x91\xEF\xBC\x9A\xE7\x8E\x8B\xE9\x9D\x99"
                             "\xE3\x80\x91";
    const std::string name = "\xE7\x8E\x8B\xE9\x9D\x99";  // 王静
    CHECK(clean_authors(line, "") == std::vector<std::string>{name});
    PageMetadata m = metadata_of("<title>T</title>", "<article><h1>H</h1><p>Text</p><div class=\"editor\">" + line +
                                                     "</div></article>");
    CHECK(m.authors == std::vector<std::string>{name});
}

TEST_CASE("meta author is the fallback when JSON-LD names no person", "[metadata]") {
    PageMetadata m = metadata_of(R"(<meta name="author" content="Von Lena Beispiel">
        <script type="application/ld+json">{"@type":"NewsArticle","headline":"H",
        "author":{"@type":"Organization","name":"Beispiel-Zeitung"}}</script>)");
    CHECK(m.authors == std::vector<std::string>{"Lena Beispiel"});
}

TEST_CASE("visible German dates are read in Berlin time", "[metadata]") {
    CHECK(iso(parse_visible_date("12.12.2025, 05:07 Uhr", "Europe/Berlin")) == "2025-12-12T05:07:00+01:00");
    CHECK(iso(parse_visible_date("Mittwoch, 3. Juli 2024, 18:30 Uhr", "Europe/Berlin")) ==
          "2024-07-03T18:30:00+02:00");
    CHECK(iso(parse_visible_date("Stand: 05:07 Uhr, 12.12.2025", "Europe/Berlin")) ==
          "2025-12-12T05:07:00+01:00");
    CHECK(iso(parse_visible_date("12. Dez. 2025", "Europe/Berlin")) == "2025-12-12T00:00:00+01:00");
    CHECK(iso(parse_visible_date("12.12.2025 um 05:07 Uhr", "Europe/Berlin")) == "2025-12-12T05:07:00+01:00");
}

TEST_CASE("a time right before the date is its own, not the time of an update after it", "[metadata]") {
    CHECK(iso(parse_visible_date("14:35 14.05.2024 (aktualisiert: 16:02 14.05.2024)", "Europe/Berlin")) ==
          "2024-05-14T14:35:00+02:00");
    CHECK(iso(parse_visible_date("14:35 14.05.2024 16:02", "Europe/Berlin")) == "2024-05-14T16:02:00+02:00");
}

TEST_CASE("visible dates in other languages", "[metadata]") {
    CHECK(iso(parse_visible_date("December 12, 2025 5:07 PM", "")) == "2025-12-12T17:07:00+00:00");
    CHECK(iso(parse_visible_date("12 de diciembre de 2025", "")) == "2025-12-12T00:00:00+00:00");
    CHECK(iso(parse_visible_date("30 August 2023 \xE2\x80\xA2 4:45pm", "Europe/London")) ==
          "2023-08-30T16:45:00+01:00");
    CHECK(!parse_visible_date("Lesezeit: 5 Min.", "Europe/Berlin"));
}

TEST_CASE("visible Chinese, Japanese and Korean dates", "[metadata]") {
    CHECK(iso(parse_visible_date("2024\xE5\xB9\xB4" "05\xE6\x9C\x88" "14\xE6\x97\xA5 18:30:12", "Asia/Shanghai")) ==
          "2024-05-14T18:30:00+08:00");  // 2024年05月14日
    CHECK(iso(parse_visible_date("2024\xE5\xB9\xB4" "5\xE6\x9C\x88" "14\xE6\x97\xA5 18\xE6\x99\x82" "30\xE5\x88\x86",
                                 "Asia/Tokyo")) == "2024-05-14T18:30:00+09:00");  // 2024年5月14日 18時30分
    CHECK(iso(parse_visible_date("\xEC\x9E\x85\xEB\xA0\xA5 2024\xEB\x85\x84 5\xEC\x9B\x94 14\xEC\x9D\xBC 18:30",
                                 "Asia/Seoul")) == "2024-05-14T18:30:00+09:00");  // 입력 2024년 5월 14일
}

TEST_CASE("the update time is read from what follows the update word", "[metadata]") {
    CHECK(iso(parse_visible_update("\xEC\x88\x98\xEC\xA0\x95 2024.05.14 21:05", "Asia/Seoul")) ==
          "2024-05-14T21:05:00+09:00");  // 수정 (revised)
    CHECK(iso(parse_visible_update("14:35 14.05.2024 (\xD0\xBE\xD0\xB1\xD0\xBD\xD0\xBE\xD0\xB2\xD0\xBB\xD0\xB5"
                                   "\xD0\xBD\xD0\xBE: 16:02 14.05.2024)", "Europe/Moscow")) ==
          "2024-05-14T16:02:00+03:00");  // обновлено (updated)
    CHECK(iso(parse_visible_update("Ver\xC3\xB6" "ffentlicht am 12.12.2025, 05:07 Uhr | Aktualisiert am 12.12.2025, 09:14 Uhr",
                                   "Europe/Berlin")) == "2025-12-12T09:14:00+01:00");
    CHECK(iso(parse_visible_update("Updated 2 hours ago", "")) == "none");
    CHECK(iso(parse_visible_update("\xEC\x9E\x85\xEB\xA0\xA5 2024.05.14 18:30", "Asia/Seoul")) == "none");  // 입력 (filed)
}

TEST_CASE("a page that declares no update time takes the one it shows, never before publication", "[metadata]") {
    PageMetadata shown = metadata_of("<title>T</title>", "<article><h1>H</h1><span class=\"date\">12.12.2025, 05:07 Uhr"
                                                         "</span><span class=\"date\">Aktualisiert: 12.12.2025, 09:14 Uhr"
                                                         "</span><p>Text</p></article>");
    CHECK(iso(shown.published) == "2025-12-12T05:07:00+01:00");
    CHECK(iso(shown.modified) == "2025-12-12T09:14:00+01:00");
    PageMetadata earlier = metadata_of("<title>T</title>", "<article><h1>H</h1><span class=\"date\">12.12.2025, 05:07 Uhr"
                                                           "</span><span class=\"date\">Aktualisiert: 11.12.2025, 09:14 Uhr"
                                                           "</span><p>Text</p></article>");
    CHECK(iso(earlier.modified) == "none");
    PageMetadata declared = metadata_of(R"(<meta property="article:modified_time" content="2025-12-12T10:00:00+01:00">)",
                                        "<article><h1>H</h1><span class=\"date\">Aktualisiert: 12.12.2025, 09:14 Uhr"
                                        "</span><p>Text</p></article>");
    CHECK(iso(declared.modified) == "2025-12-12T10:00:00+01:00");
}

TEST_CASE("an hAtom <abbr> date is read from its title", "[metadata]") {
    PageMetadata m = metadata_of("<title>T</title>", "<article><h1>H</h1><abbr class=\"published\" itemprop=\"datePublished\" "
                                                     "title=\"2024-05-14T08:45:00-04:00\">8:45 AM</abbr><p>Text</p></article>");
    CHECK(iso(m.published) == "2024-05-14T08:45:00-04:00");
}

TEST_CASE("an author box in the article's own footer names the writer, the page's footer does not", "[metadata]") {
    PageMetadata in_article_footer = metadata_of(
        "<title>T</title>", "<article><h1>H</h1><p>Text</p><div class=\"article__footer\"><div class=\"article__author\">"
                            "Autor: <a href=\"/autoren/lena-beispiel/\">Lena Beispiel</a></div></div></article>");
    CHECK(in_article_footer.authors == std::vector<std::string>{"Lena Beispiel"});
    PageMetadata in_post_footer = metadata_of(
        "<title>T</title>", "<div class=\"post hentry\"><h3>H</h3><p>Text</p><div class=\"post-footer\"><span "
                            "class=\"post-author vcard\">Posted by <span itemprop=\"author\"><span itemprop=\"name\">"
                            "Ruth Kessler</span></span></span></div></div>");
    CHECK(in_post_footer.authors == std::vector<std::string>{"Ruth Kessler"});
    PageMetadata in_page_footer = metadata_of(
        "<title>T</title>", "<article><h1>H</h1><p>Text</p></article><div class=\"site-footer\"><a "
                            "href=\"/autoren/lena-beispiel/\">Lena Beispiel</a></div>");
    CHECK(in_page_footer.authors.empty());
}

TEST_CASE("a box named 'time' dates a page that has no machine date", "[metadata]") {
    PageMetadata m = metadata_of("<title>T</title>", "<h1>H</h1><div class=\"info\"><span class=\"time\">14.05.2024 18:30</span>"
                                                     "<span class=\"source\">Quelle: dpa</span></div>");
    CHECK(iso(m.published) == "2024-05-14T18:30:00+02:00");
}

TEST_CASE("machine dates keep their zone, zoneless ones take the page's", "[metadata]") {
    CHECK(iso(parse_page_date("2025-12-12T05:07:47Z", "Europe/Berlin")) == "2025-12-12T05:07:47+00:00");
    CHECK(iso(parse_page_date("2025-12-12T05:07:47", "Europe/Berlin")) == "2025-12-12T05:07:47+01:00");
    CHECK(iso(parse_page_date("2024-07-03 18:30", "Europe/Berlin")) == "2024-07-03T18:30:00+02:00");
    CHECK(iso(parse_page_date("2024-07-03T18:30:00", "")) == "2024-07-03T18:30:00+00:00");
}

TEST_CASE("zoneless times are read in the zone of the page's language or country", "[metadata]") {
    CHECK(assumed_zone("ja", "www.example.com") == "Asia/Tokyo");
    CHECK(assumed_zone("ko-KR", "www.example.com") == "Asia/Seoul");
    CHECK(assumed_zone("zh-TW", "www.example.com") == "Asia/Shanghai");  // UTC+8 as Taipei
    CHECK(assumed_zone("", "www.example.com.tr") == "Europe/Istanbul");
    CHECK(assumed_zone("ru", "nevved.ru") == "Europe/Moscow");
    CHECK(assumed_zone("ru", "www.example.com").empty());  // Russian is read in more than one zone
    CHECK(assumed_zone("jam", "www.example.com").empty());
    CHECK(iso(parse_visible_date("2024.05.14 18:30", assumed_zone("ko", ""))) == "2024-05-14T18:30:00+09:00");
}

TEST_CASE("a German page without machine dates takes the visible one", "[metadata]") {
    PageMetadata m = metadata_of("<title>T</title>", "<article><h1>H</h1><div class=\"article-date\">12.12.2025, "
                                                     "05:07 Uhr</div><p>Text</p></article>");
    CHECK(iso(m.published) == "2025-12-12T05:07:00+01:00");
}

TEST_CASE("site names leave the headline", "[metadata]") {
    CHECK(strip_site_name("Ausschuss zur Ahrtal-Flut | tagesschau.de", "tagesschau.de", "www.tagesschau.de") ==
          "Ausschuss zur Ahrtal-Flut");
    CHECK(strip_site_name("Trump droht - n-tv.de", "", "www.n-tv.de") == "Trump droht");
    CHECK(strip_site_name("Steigende Zinsen | B\xC3\xB6rsen-Zeitung", "", "www.boersen-zeitung.de") ==
          "Steigende Zinsen");
    CHECK(strip_site_name("Krieg: Was wir wissen", "Spiegel", "www.spiegel.de") == "Krieg: Was wir wissen");
}

TEST_CASE("og:title, JSON-LD and the article's h1 vote on the headline", "[metadata]") {
    HeadlineCandidates candidates{"SEO-Titel mit Suchwort", "Nur ein Drittel kam", "", {}, "Nur ein Drittel kam", "", {}};
    CHECK(choose_headline(candidates, "", "example.at") == "Nur ein Drittel kam");
    HeadlineCandidates tie{"\"Es wird bald beginnen\": Trump spricht", "Trump spricht", "", {}, "", "", {}};
    CHECK(choose_headline(tie, "", "n-tv.de") == "Trump spricht");
    HeadlineCandidates kickers{"", "Angriff auf Israel: \xC2\xAB" "Die Zur\xC3\xBC" "ckhaltung hat Gr\xC3\xBC" "nde\xC2\xBB", "", {},
                               "Eskalation - \xC2\xAB" "Die Zur\xC3\xBC" "ckhaltung hat Gr\xC3\xBC" "nde\xC2\xBB", "", {}};
    CHECK(choose_headline(kickers, "", "srf.ch") == "\xC2\xAB" "Die Zur\xC3\xBC" "ckhaltung hat Gr\xC3\xBC" "nde\xC2\xBB");
}

TEST_CASE("news_keywords win over keywords, article:tag comes after JSON-LD", "[metadata]") {
    PageMetadata m = metadata_of(R"(<meta name="keywords" content="nachrichten, news">
        <meta name="news_keywords" content="Venezuela, Donald Trump; USA">)");
    CHECK(m.topics == std::vector<std::string>{"Venezuela", "Donald Trump", "USA"});
    PageMetadata tags = metadata_of(R"(<meta property="article:tag" content="Kunst, Kultur">
        <meta property="article:tag" content="Berlin">)");
    CHECK(tags.topics == std::vector<std::string>{"Kunst, Kultur", "Berlin"});
}

TEST_CASE("canonical URL and declared images are resolved against the page", "[metadata]") {
    PageMetadata m = metadata_of(R"(<link rel="canonical" href="/politik/artikel-1.html">
        <meta property="og:image" content="/img/lead.jpg">)");
    CHECK(m.canonical_url == "https://www.example.de/politik/artikel-1.html");
    REQUIRE(m.images.size() == 1);
    CHECK(m.images[0].url == "https://www.example.de/img/lead.jpg");
}

TEST_CASE("bylines nested thousands of levels deep are read without quadratic work", "[metadata]") {
    std::string open, close;
    for (int i = 0; i < 3000; ++i) {
        open += "<div class=\"author byline date\">";
        close += "</div>";
    }
    PageMetadata m = metadata_of("<title>T</title>", "<article>" + open + "Von Anna Muster, 12.12.2025" + close +
                                                     "</article>");
    CHECK(m.authors == std::vector<std::string>{"Anna Muster"});
    CHECK(iso(m.published) == "2025-12-12T00:00:00+01:00");
}

TEST_CASE("a video page without an article object is dated by its video's upload date, after the page's metas",
          "[metadata]") {
    const std::string video = R"(<script type="application/ld+json">{"@context":"https://schema.org","@type":"VideoObject",
        "name":"Drone footage shows the flood","uploadDate":"2024-01-07T15:20:00+00:00","duration":"PT1M42S"}</script>)";
    CHECK(iso(metadata_of(video).published) == "2024-01-07T15:20:00+00:00");
    // An embedded clip on an article page carries its own date: the page's metas win.
    PageMetadata article = metadata_of(video + R"(<meta property="article:published_time" content="2024-01-08T06:00:00+01:00">)");
    CHECK(iso(article.published) == "2024-01-08T06:00:00+01:00");
}

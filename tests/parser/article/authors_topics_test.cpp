#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "parser/article/dom.h"
#include "parser/article/extractor.h"
#include "parser/article/meta_authors.h"
#include "parser/article/meta_text.h"
#include "parser/article/metadata.h"

using namespace newswire;

namespace {

using Names = std::vector<std::string>;

PageMetadata read_page(const std::string& head, const std::string& body = {}) {
    html::Document document("<!DOCTYPE html><html lang=\"en\"><head>" + head + "</head><body>" + body +
                            "</body></html>");
    return read_metadata(document.root(), "https://www.example.com/world/story-1.html");
}

}  // namespace

TEST_CASE("article tags that a longer keyword meta contains win over it", "[topics]") {
    PageMetadata m = read_page(R"(<meta name="keywords" content="News, World, Finland, NATO">
        <meta property="article:tag" content="Finland"><meta property="article:tag" content="NATO">)");
    CHECK(m.topics == Names{"Finland", "NATO"});
    PageMetadata other = read_page(R"(<meta name="keywords" content="Finland, NATO">
        <meta property="article:tag" content="Sweden">)");
    CHECK(other.topics == Names{"Finland", "NATO"});
}

TEST_CASE("analytics pairs in a keyword list keep only subject, topic and entity values", "[topics]") {
    CHECK(normalise_topic_list({"Day: Friday", "Page Type: Article", "Subject: Justice", "Subject: Politics"}) ==
          Names{"Justice", "Politics"});
    CHECK(normalise_topic_list({"3f2a", "Category: Travel", "NLP Entity Tokens: Jasper Park", "NLP Category: General"}) ==
          Names{"Jasper Park"});
    CHECK(normalise_topic_list({"Politik: Bund", "Wahl"}) == Names{"Politik: Bund", "Wahl"});
}

TEST_CASE("one space-separated run of slugs or CJK words is split", "[topics]") {
    CHECK(normalise_topic_list({"humanitarian-aid icj middle-east-crisis"}) ==
          Names{"humanitarian aid", "icj", "middle east crisis"});
    CHECK(normalise_topic_list({"\xE6\xB7\xB1\xE7\xA9\xBA \xE6\x8E\xA2\xE6\x9C\x88 \xE5\xA4\xAA\xE7\xA9\xBA"}) ==
          Names{"\xE6\xB7\xB1\xE7\xA9\xBA", "\xE6\x8E\xA2\xE6\x9C\x88", "\xE5\xA4\xAA\xE7\xA9\xBA"});
    CHECK(normalise_topic_list({"New York City Marathon"}) == Names{"New York City Marathon"});
    CHECK(normalise_topic_list({"\xEB\xAF\xBC\xEC\xA3\xBC\xEB\x8B\xB9 \xEC\xA0\x84\xEB\x8B\xB9 \xEB\x8C\x80\xED\x9A\x8C"}) ==
          Names{"\xEB\xAF\xBC\xEC\xA3\xBC\xEB\x8B\xB9 \xEC\xA0\x84\xEB\x8B\xB9 \xEB\x8C\x80\xED\x9A\x8C"});
}

TEST_CASE("keyword entries written as paths lose the path when all have one", "[topics]") {
    CHECK(normalise_topic_list({"sections/sverige", "topic/misshandel"}) == Names{"sverige", "misshandel"});
    CHECK(normalise_topic_list({"sections/sverige", "AC/DC"}) == Names{"sections/sverige", "AC/DC"});
}

TEST_CASE("a short text that opens with a byline word names the authors", "[authors]") {
    PageMetadata m = read_page("", R"(<article><h1>Titel</h1><ul><li>Von: <span><a href="/p/1">Bill  MCCARTHY</a>,
        </span><span><a href="/p/2">Marisha GOLDHAMER</a></span></li></ul><p>Text.</p></article>)");
    CHECK(m.authors == Names{"Bill MCCARTHY", "Marisha GOLDHAMER"});
    PageMetadata chinese = read_page("", "<article><p>\xE6\x96\x87</p><div>(\xE8\xB4\xA3\xE7\xBC\x96\xEF\xBC\x9A"
                                         "\xE7\x89\x9B\xE9\x95\x9B\xE3\x80\x81\xE5\xB2\xB3\xE5\xBC\x98\xE5\xBD\xAC)</div></article>");
    CHECK(chinese.authors == Names{"\xE7\x89\x9B\xE9\x95\x9B", "\xE5\xB2\xB3\xE5\xBC\x98\xE5\xBD\xAC"});
}

TEST_CASE("sentences that open with a byline word are no byline", "[authors]") {
    CHECK_FALSE(starts_with_byline_label("Von den Teilnehmern kamen viele"));
    CHECK_FALSE(starts_with_byline_label("Par ailleurs, le gouvernement"));
    CHECK_FALSE(starts_with_byline_label("Autor Max"));
    CHECK(starts_with_byline_label("By Jane Doe"));
    CHECK(starts_with_byline_label("Autor: Max Muster"));
    CHECK(starts_with_byline_label("Von:"));
    CHECK(starts_with_byline_label("Af Jens Hansen"));
    CHECK(starts_with_byline_label("Yazar: Ay\xC5\x9F" "e Y\xC4\xB1lmaz"));
    CHECK_FALSE(starts_with_byline_label("Yazar Ali"));
    PageMetadata m = read_page("", "<article><p>Von den Gegnern Merkel Kritik.</p></article>");
    CHECK(m.authors.empty());
}

TEST_CASE("bylines in the article outrank those of teasers elsewhere on the page", "[authors]") {
    PageMetadata m = read_page("", R"(<article><span itemprop="author">Madeleine Howell</span><p>Text.</p></article>
        <section><article class="card"><span itemprop="author">Rebecca Astill</span></article></section>)");
    CHECK(m.authors == Names{"Madeleine Howell"});
    PageMetadata most_read = read_page("", R"(<div class="most-read"><div class="appetizer-author">Von Knut Krohn</div></div>)");
    CHECK(most_read.authors.empty());
}

TEST_CASE("author links complete a declaration that names one of two authors", "[authors]") {
    std::string ld = R"(<script type="application/ld+json">{"@type":"NewsArticle","headline":"H",
        "author":[{"@type":"Person","name":"Marlene Holm"}]}</script>)";
    PageMetadata m = read_page(ld, R"(<article><a rel="author" href="mailto:a@x.no">Ingrid Treborg</a>
        <a rel="author" href="mailto:b@x.no">Marlene Holm</a><p>Text.</p></article>)");
    CHECK(m.authors == Names{"Marlene Holm", "Ingrid Treborg"});
    PageMetadata related = read_page(ld, R"(<article><a rel="author" href="/autor/holm">Marlene Holm</a><p>Text.</p>
        <a href="/autor/dominguez">Jorge Dominguez</a></article>)");
    CHECK(related.authors == Names{"Marlene Holm"});
}

TEST_CASE("a page that names no tags has its section as its one topic", "[topics]") {
    std::string page = R"(<html><head><meta property="article:section" content="Cronaca"></head><body><article>
        <h1>Titolo</h1><p>Un testo abbastanza lungo per essere il corpo di questo articolo di prova.</p></article></body></html>)";
    auto article = extract_article(page, "https://www.example.it/cronaca/1.html", "");
    REQUIRE(article);
    CHECK(article->topics == Names{"Cronaca"});
    std::string tagged = R"(<html><head><meta property="article:section" content="Cronaca">
        <meta name="keywords" content="Roma, Calcio"></head><body><article><h1>Titolo</h1><p>Testo.</p></article></body></html>)";
    auto with_tags = extract_article(tagged, "https://www.example.it/cronaca/2.html", "");
    REQUIRE(with_tags);
    CHECK(with_tags->topics == Names{"Roma", "Calcio"});
}

TEST_CASE("links to topic pages in the article are its topics when nothing else names them", "[topics]") {
    PageMetadata m = read_page("", R"(<nav><a href="/thema/sport-1.html">Sport</a></nav><main><h1>T</h1>
        <p>Text about <a href="/thema/wladimir-putin-178.html">Wladimir Putin</a>.</p>
        <div class="top-header"><a href="/list/Covid-19"><span class="tag-like">Covid-19</span></a></div></main>
        <footer><a href="/tags/books/">Books</a></footer>)");
    CHECK(m.topics == Names{"Wladimir Putin", "Covid-19"});
}

TEST_CASE("a name just before the date box is the byline when nothing else names one", "[authors]") {
    PageMetadata m = read_page("", R"(<main><h1>T</h1><div class="row"><span>Sehernur Karsu &nbsp;|</span>
        <span class="tarih">05.04.2025</span></div><p>Text.</p></main>)");
    CHECK(m.authors == Names{"Sehernur Karsu"});
    PageMetadata section = read_page("", R"(<main><div><span>Politik</span><span class="date">05.04.2025</span></div></main>)");
    CHECK(section.authors.empty());
}

TEST_CASE("bylines inside links belong to teasers of other articles", "[authors]") {
    PageMetadata m = read_page("", R"(<ul><li><a href="/news/2"><div><h6>By Ben Blanchard and Yimou Lee</h6></div></a></li></ul>)");
    CHECK(m.authors.empty());
}

TEST_CASE("an article no person signed has the organisation the page credits as its author", "[authors]") {
    PageMetadata agency = read_page(R"(<script type="application/ld+json">{"@type":"NewsArticle","headline":"H",
        "author":[{"@type":"Organization","name":"dpa"}]}</script>)");
    CHECK(agency.authors == Names{"dpa"});
    PageMetadata newsroom = read_page(R"(<meta name="author" content="Beispiel Nachrichten">)");
    CHECK(newsroom.authors == Names{"Beispiel Nachrichten"});
    PageMetadata byline = read_page("", R"(<article><h1>Titel</h1><p class="byline">Par AFP et Reuters</p>
        <p>Text.</p></article>)");
    CHECK(byline.authors == Names{"AFP et Reuters"});
}

TEST_CASE("organisations are no author beside a person the page names", "[authors]") {
    PageMetadata m = read_page(R"(<script type="application/ld+json">{"@type":"NewsArticle","headline":"H",
        "author":[{"@type":"Person","name":"Anna Muster"},{"@type":"Organization","name":"dpa"}]}</script>)");
    CHECK(m.authors == Names{"Anna Muster"});
}

TEST_CASE("addresses, links and handles are no organisation name", "[authors]") {
    CHECK(organisation_name("Von dpa") == "dpa");
    CHECK(organisation_name("(BR24 Redaktion)") == "BR24 Redaktion");
    CHECK(organisation_name("redaktion@example.com").empty());
    CHECK(organisation_name("https://www.example.com/autoren/redaktion").empty());
    CHECK(organisation_name("@beispiel").empty());
    CHECK(organisation_name("Dieser Artikel wurde von unserer Redaktion mit Material von Agenturen erstellt").empty());
}

TEST_CASE("'Submitted by' and 'Posted by' in an article's own footer name its author, without the date after", "[authors]") {
    PageMetadata drupal = read_page("", R"(<article><h1>River crests</h1><footer class="node__meta"><div class="node__submitted">
        Submitted by <span property="schema:name">Carla Benton</span> on <time datetime="2024-03-03T14:05:00-05:00">
        Sun, 03/03/2024 - 14:05</time></div></footer><p>The river crested at 31.6 feet on Sunday afternoon.</p></article>)");
    CHECK(drupal.authors == Names{"Carla Benton"});
    PageMetadata posted = read_page("", R"(<article><h1>River crests</h1><div class="meta">Posted by Dana Whitfield on
        March 3, 2024</div><p>The river crested at 31.6 feet on Sunday afternoon.</p></article>)");
    CHECK(posted.authors == Names{"Dana Whitfield"});
    // The page's own footer names no author of the story.
    PageMetadata page_footer = read_page("", R"(<article><h1>River crests</h1><p>The river crested at 31.6 feet.</p></article>
        <footer><p>Posted by Site Admin on 03/03/2024</p></footer>)");
    CHECK(page_footer.authors.empty());
}

TEST_CASE("a German byline that names the writer's role first names the writer", "[authors]") {
    PageMetadata m = read_page("", R"(<article><h1>Parkhaus kommt</h1><p>Der Stadtrat hat den Bau am Mittwoch beschlossen.</p>
        <p><i>Von unserem Redakteur Stefan Huber</i></p></article>)");
    CHECK(m.authors == Names{"Stefan Huber"});
    CHECK(clean_authors("Von unserer Korrespondentin Anna Berg", "") == Names{"Anna Berg"});
}

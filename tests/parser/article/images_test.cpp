#include <catch2/catch.hpp>

#include <string>

#include "parser/article/dom.h"
#include "parser/article/images.h"
#include "parser/article/meta_credit.h"
#include "parser/article/metadata.h"

using namespace newswire;

namespace {

using Credits = std::vector<std::string>;

const GumboNode* element_with_id(const GumboNode* root, std::string_view id) {
    return html::find_first(root, [&](const GumboNode* n) { return html::attribute(n, "id") == id; });
}

std::vector<Image> images_of(const std::string& body, std::string_view container_id = "body") {
    html::Document document("<!DOCTYPE html><html><head></head><body>" + body + "</body></html>");
    PageMetadata metadata = read_metadata(document.root(), "https://www.example.de/a.html");
    return extract_images(document.root(), element_with_id(document.root(), container_id), metadata,
                          "https://www.example.de/a.html");
}

}  // namespace

TEST_CASE("a parenthesised German photo credit leaves the caption", "[images]") {
    CaptionParts parts = split_caption_credit("Soldaten bei einer \xC3\x9C" "bung. (Foto: picture alliance/dpa/kcna)");
    CHECK(parts.caption == "Soldaten bei einer \xC3\x9C" "bung.");
    CHECK(parts.credit == Credits{"picture alliance/dpa/kcna"});
}

TEST_CASE("credit markers of several forms are split off", "[images]") {
    CaptionParts bild = split_caption_credit("Donald Trump bleibt vage. Bild: REUTERS");
    CHECK(bild.caption == "Donald Trump bleibt vage.");
    CHECK(bild.credit == Credits{"REUTERS"});
    CaptionParts copyright = split_caption_credit("\xC2\xA9 Jane Doe");
    CHECK(copyright.caption.empty());
    CHECK(copyright.credit == Credits{"Jane Doe"});
    CaptionParts quelle = split_caption_credit("Wladimir Putin in Moskau. Quelle: dpa");
    CHECK(quelle.caption == "Wladimir Putin in Moskau.");
    CHECK(quelle.credit == Credits{"dpa"});
    CaptionParts photo = split_caption_credit("A protester in Paris. Photo: AFP | Getty Images");
    CHECK(photo.caption == "A protester in Paris.");
    CHECK(photo.credit == (Credits{"AFP", "Getty Images"}));
    CaptionParts rights = split_caption_credit("Schweine in Schmalkalden. | Bildrechte: MDR/David Straub");
    CHECK(rights.caption == "Schweine in Schmalkalden.");
    CHECK(rights.credit == Credits{"MDR/David Straub"});
}

TEST_CASE("a short tail after a slash or a dash phrase is the credit", "[images]") {
    CaptionParts slash = split_caption_credit("Polizei-Razzia in Palma / Lorenzo Marina");
    CHECK(slash.caption == "Polizei-Razzia in Palma");
    CHECK(slash.credit == Credits{"Lorenzo Marina"});
    CaptionParts by = split_caption_credit("Minister Fahmi Fadzil speaking. \xE2\x80\x94 Picture by Yusof Mat Isa");
    CHECK(by.caption == "Minister Fahmi Fadzil speaking.");
    CHECK(by.credit == Credits{"Yusof Mat Isa"});
    CaptionParts none = split_caption_credit("Ein ganz normaler Satz ohne Urheber.");
    CHECK(none.caption == "Ein ganz normaler Satz ohne Urheber.");
    CHECK(none.credit.empty());
}

TEST_CASE("parentheses around a credit go, parentheses inside it stay", "[images]") {
    CHECK(split_caption_credit("Marco Chiesa in K\xC3\xBCssnacht. Foto: Urs Flueeler (Keystone)").credit ==
          Credits{"Urs Flueeler (Keystone)"});
    CHECK(split_caption_credit("Der Rigi. (Foto: Keystone)").credit == Credits{"Keystone"});
}

TEST_CASE("the lead figure comes first, its credit element leaves the caption", "[images]") {
    std::vector<Image> images = images_of(R"(
        <article><h1>Titel</h1>
          <figure><img src="/lead.jpg"><figcaption>Donald Trump bleibt vage.
            <span class="credit">Foto: REUTERS</span></figcaption></figure>
          <div id="body"><p>Text.</p>
            <figure><img src="/inline.jpg"><figcaption>Ein Tanker. (Bild: dpa)</figcaption></figure>
          </div>
          <aside><figure><img src="/other.jpg"><figcaption>Anderer Artikel</figcaption></figure></aside>
        </article>)");
    REQUIRE(images.size() == 2);
    CHECK(images[0].url == "https://www.example.de/lead.jpg");
    CHECK(images[0].caption == "Donald Trump bleibt vage.");
    CHECK(images[0].credit == Credits{"REUTERS"});
    CHECK(images[1].url == "https://www.example.de/inline.jpg");
    CHECK(images[1].caption == "Ein Tanker.");
    CHECK(images[1].credit == Credits{"dpa"});
}

TEST_CASE("a Quelle line inside a figcaption is a photo credit", "[images]") {
    std::vector<Image> images = images_of(R"(<article><h1>T</h1><figure><img src="/a.jpg">
        <figcaption><p>Russlands Pr&auml;sident.</p><p>Quelle: dpa</p></figcaption></figure>
        <div id="body"><p>Text.</p></div></article>)");
    REQUIRE(images.size() == 1);
    CHECK(images[0].caption == "Russlands Pr\xC3\xA4sident.");
    CHECK(images[0].credit == Credits{"dpa"});
}

TEST_CASE("a caption's last short part of its own is the credit", "[images]") {
    std::vector<Image> images = images_of(R"(<div id="body"><p>Text.</p><figure><img src="/a.jpg">
        <figcaption><span><p>Von der Leyen spricht in Br&uuml;ssel.</p></span><span>Philipp von Ditfurth/dpa</span>
        </figcaption></figure></div>)");
    REQUIRE(images.size() == 1);
    CHECK(images[0].caption == "Von der Leyen spricht in Br\xC3\xBCssel.");
    CHECK(images[0].credit == Credits{"Philipp von Ditfurth/dpa"});
}

TEST_CASE("an image outside a figure takes the text of its small box", "[images]") {
    std::vector<Image> images = images_of(R"(<article><header><h1>T</h1></header>
        <div class="article__picture--teaser"><picture><img src="data:image/png;base64,AAAA" data-src="/lead.jpg"></picture>
          <p>Uwe Schubert will Punkte sammeln. <span>IMAGO/Nico Herbertz</span></p></div>
        <div id="body"><p>Langer Text.</p></div></article>)");
    REQUIRE(images.size() == 1);
    CHECK(images[0].url == "https://www.example.de/lead.jpg");
    CHECK(images[0].caption == "Uwe Schubert will Punkte sammeln.");
    CHECK(images[0].credit == Credits{"IMAGO/Nico Herbertz"});
}

TEST_CASE("without figures the declared image stands in", "[images]") {
    html::Document document(R"(<html><head><meta property="og:image" content="https://cdn.example.de/og.jpg">
        </head><body><div id="body"><p>Text.</p></div></body></html>)");
    PageMetadata metadata = read_metadata(document.root(), "https://www.example.de/a.html");
    std::vector<Image> images = extract_images(document.root(), nullptr, metadata, "https://www.example.de/a.html");
    REQUIRE(images.size() == 1);
    CHECK(images[0].url == "https://cdn.example.de/og.jpg");
    CHECK(images[0].caption.empty());
}

TEST_CASE("a credit in the image title is used when the page shows none", "[images]") {
    std::vector<Image> images = images_of(R"(<div id="body"><p>T.</p><figure>
        <img src="/a.jpg" alt="Siedler im Westjordanland" title="Siedler im Westjordanland | Bild: Reuters"></figure></div>)");
    REQUIRE(images.size() == 1);
    CHECK(images[0].caption.empty());
    CHECK(images[0].credit == Credits{"Reuters"});
}

TEST_CASE("credits are split at commas and ampersands, copyright words leave them", "[images]") {
    CHECK(split_caption_credit("Quelle: China Statistical Yearbook, China Electricity Council & Natl Energy "
                               "Administration").credit ==
          (Credits{"China Statistical Yearbook", "China Electricity Council", "Natl Energy Administration"}));
    CHECK(split_caption_credit("Der Sicherheitsrat tagt. \xC2\xA9 Copyright Frank Franklin II/Copyright 2026 The AP. "
                               "All rights reserved").credit == Credits{"Frank Franklin II"});
}

TEST_CASE("a page nested thousands of levels deep around its figures is read in linear time", "[images]") {
    std::string open, close, spans, spans_end;
    for (int i = 0; i < 3000; ++i) {
        open += "<div class=\"teaser author\">";
        close += "</div>";
        spans += "<span>";
        spans_end += "</span>";
    }
    std::vector<Image> images = images_of(open + "<h1>T</h1><figure><img src=\"/a.jpg\"><figcaption>" + spans +
                                          "Bild. Foto: X" + spans_end + "</figcaption></figure><div id=\"body\">"
                                          "<p>T.</p></div>" + close);
    REQUIRE(images.size() == 1);
    CHECK(images[0].caption == "Bild.");
    CHECK(images[0].credit == Credits{"X"});
}

TEST_CASE("the lead image above an article element that lacks the headline is found", "[images]") {
    std::vector<Image> images = images_of(R"(<section><h1>Titel</h1>
        <figure><img src="/lead.jpg"><figcaption>Der Dax schlie&szlig;t tiefer.</figcaption></figure>
        <article><div id="body"><p>Text.</p></div></article></section>)");
    REQUIRE(images.size() == 1);
    CHECK(images[0].url == "https://www.example.de/lead.jpg");
    CHECK(images[0].caption == "Der Dax schlie\xC3\x9Ft tiefer.");
}

TEST_CASE("the author's portrait with a byline caption is not an image of the article", "[images]") {
    std::vector<Image> images = images_of(R"(<article><figure><img src="/author.jpg">
          <figcaption><address>Von <a rel="author" href="/autoren/x">Robin Amberg</a></address></figcaption></figure>
        <figure><img src="/lead.jpg"><figcaption>Ein Handballspiel.</figcaption></figure>
        <div id="body"><p>Text.</p></div></article>)");
    REQUIRE(images.size() == 1);
    CHECK(images[0].url == "https://www.example.de/lead.jpg");
    CHECK(images[0].caption == "Ein Handballspiel.");
}

TEST_CASE("an image inside a link to its gallery view keeps the caption after the link", "[images]") {
    std::vector<Image> images = images_of(R"(<div id="body"><p>Text.</p><div class="thumb">
        <a href="/photo/list?id=1"><img src="/a.jpg"></a><p class="thumb-caption">Ein Erdbeben.</p></div>
        <div><a href="/other-article"><img src="/teaser.jpg"></a><p>Anderer Artikel</p></div></div>)");
    REQUIRE(images.size() == 1);
    CHECK(images[0].url == "https://www.example.de/a.jpg");
    CHECK(images[0].caption == "Ein Erdbeben.");
}

TEST_CASE("a video poster reused as the lead photo counts twice when each has its own caption", "[images]") {
    std::vector<Image> images = images_of(R"(<article><h1>T</h1>
        <figure><img src="/p.jpg"><figcaption>Videografik: So arbeitet die EZB</figcaption></figure>
        <div id="body"><p>Text.</p><figure><img src="/p.jpg"><figcaption>Christine Lagarde.</figcaption></figure>
        <figure><img src="/p.jpg"><figcaption>Christine Lagarde.</figcaption></figure></div></article>)");
    REQUIRE(images.size() == 2);
    CHECK(images[0].caption == "Videografik: So arbeitet die EZB");
    CHECK(images[1].caption == "Christine Lagarde.");
}

TEST_CASE("a floated picture in an aside of the body is an image, a courtesy credit its credit", "[images]") {
    std::vector<Image> images = images_of(R"(<div id="body"><p>Text.</p><aside class="left image">
        <a class="gallery" href="/big.jpg"><img src="/a.jpg"></a>
        <p class="caption">A rally in Des Moines. <span class="credits">(Courtesy of Tanner Fischer)</span></p></aside>
        <aside><h3>Related</h3><img src="/b.jpg"><a href="/x">Another story</a></aside></div>)");
    REQUIRE(images.size() == 1);
    CHECK(images[0].url == "https://www.example.de/a.jpg");
    CHECK(images[0].caption == "A rally in Des Moines.");
    CHECK(images[0].credit == Credits{"Tanner Fischer"});
}

TEST_CASE("credit markers in other languages are split off", "[images]") {
    CaptionParts russian = split_caption_credit("\xD0\x90\xD0\xBD\xD0\xB2\xD0\xB0\xD1\x80 \xD0\x98\xD0\xB1\xD1\x80\xD0\xB0\xD0\xB3\xD0\xB8\xD0\xBC "
                                                "\xD0\xA4\xD0\xBE\xD1\x82\xD0\xBE: \xD0\x94\xD0\xBC\xD0\xB8\xD1\x82\xD1\x80\xD0\xB8\xD0\xB9 "
                                                "\xD0\x90\xD0\xB7\xD0\xB0\xD1\x80\xD0\xBE\xD0\xB2, \xD0\x9A\xD0\xBE\xD0\xBC\xD0\xBC\xD0\xB5\xD1\x80\xD1\x81\xD0\xB0\xD0\xBD\xD1\x82\xD1\x8A");
    CHECK(russian.caption == "\xD0\x90\xD0\xBD\xD0\xB2\xD0\xB0\xD1\x80 \xD0\x98\xD0\xB1\xD1\x80\xD0\xB0\xD0\xB3\xD0\xB8\xD0\xBC");
    CHECK(russian.credit == (Credits{"\xD0\x94\xD0\xBC\xD0\xB8\xD1\x82\xD1\x80\xD0\xB8\xD0\xB9 \xD0\x90\xD0\xB7\xD0\xB0\xD1\x80\xD0\xBE\xD0\xB2",
                                     "\xD0\x9A\xD0\xBE\xD0\xBC\xD0\xBC\xD0\xB5\xD1\x80\xD1\x81\xD0\xB0\xD0\xBD\xD1\x82\xD1\x8A"}));
    CaptionParts zulu = split_caption_credit("Rejoice Ndlovu. Isithombe: Sithunyelwe");
    CHECK(zulu.caption == "Rejoice Ndlovu.");
    CHECK(zulu.credit == Credits{"Sithunyelwe"});
}

TEST_CASE("a short capitalised tail after the last full stop is the credit, a label is not", "[images]") {
    CaptionParts supplied = split_caption_credit("The golf course was restored. Supplied");
    CHECK(supplied.caption == "The golf course was restored.");
    CHECK(supplied.credit == Credits{"Supplied"});
    // "고영권 기자" (reporter Go Young-kwon) and the agency "뉴스1" after a Korean caption.
    CaptionParts reporter = split_caption_credit("\xEC\x9D\xB8\xEC\x82\xAC\xED\x95\x98\xEA\xB3\xA0 \xEC\x9E\x88\xEB\x8B\xA4. "
                                                 "\xEA\xB3\xA0\xEC\x98\x81\xEA\xB6\x8C \xEA\xB8\xB0\xEC\x9E\x90");
    CHECK(reporter.credit == Credits{"\xEA\xB3\xA0\xEC\x98\x81\xEA\xB6\x8C"});
    CHECK(split_caption_credit("\xEC\x9E\x88\xEB\x8B\xA4. \xEB\x89\xB4\xEC\x8A\xA4" "1").credit == Credits{"\xEB\x89\xB4\xEC\x8A\xA4" "1"});
    CHECK(split_caption_credit("Ein Polizeiauto. Symbolbild").credit.empty());
    CHECK(split_caption_credit("Die Feuerwehr kam. Dann ging alles schnell").credit.empty());
    CHECK(split_caption_credit("Treffen in Berlin. Am 3. Mai 2025").credit.empty());
}

TEST_CASE("a box after the picture that repeats its alt text is its caption", "[images]") {
    std::vector<Image> images = images_of(R"(<article><h1>T</h1><div><div><picture>
          <img src="/lead.jpg" alt="Paketflut aus China: Lieferungen sind beliebt."></picture></div>
          <button>Bildbeschreibung</button></div>
        <div style="display:none"><span>Paketflut aus China: Lieferungen sind beliebt.</span><small>dpa</small></div>
        <div id="body"><p>Text.</p></div>
        <div><img src="/t.jpg" alt="Ein anderer Artikel mit Bild"><a href="/x">Ein anderer Artikel mit Bild</a></div></article>)");
    REQUIRE(images.size() == 1);
    CHECK(images[0].url == "https://www.example.de/lead.jpg");
    CHECK(images[0].caption == "Paketflut aus China: Lieferungen sind beliebt.");
    CHECK(images[0].credit == Credits{"dpa"});
}

TEST_CASE("a copyright box right after the figure gives its credit, an author box does not", "[images]") {
    std::vector<Image> images = images_of(R"(<article><h1>T</h1>
        <section><div><figure><img src="/a.jpg"><figcaption>Der Dax f&auml;llt.</figcaption></figure></div>
          <div><div class="image-copyright">picture alliance / AP | Alex Brandon</div></div></section>
        <div id="body"><p>Text.</p><figure><img src="/b.jpg"><figcaption>Ein Händler.</figcaption></figure>
          <div class="author-box">Dieter Kuckelkorn</div></div></article>)");
    REQUIRE(images.size() == 2);
    CHECK(images[0].credit == (Credits{"picture alliance / AP", "Alex Brandon"}));
    CHECK(images[1].credit.empty());
}

TEST_CASE("a Japanese caption's closing photographed-by note is the credit", "[images]") {
    // "（潟沼義樹撮影）": photographed by Katanuma Yoshiki.
    CaptionParts parts = split_caption_credit("\xE5\xB2\xA9\xE6\x9C\xAC\xE5\xAE\xB9\xE7\x96\x91\xE8\x80\x85\xEF\xBC\x9D" "13"
                                              "\xE6\x97\xA5\xEF\xBC\x88\xE6\xBD\x9F\xE6\xB2\xBC\xE7\xBE\xA9\xE6\xA8\xB9\xE6\x92\xAE\xE5\xBD\xB1\xEF\xBC\x89");
    CHECK(parts.caption == "\xE5\xB2\xA9\xE6\x9C\xAC\xE5\xAE\xB9\xE7\x96\x91\xE8\x80\x85\xEF\xBC\x9D" "13\xE6\x97\xA5");
    CHECK(parts.credit == Credits{"\xE6\xBD\x9F\xE6\xB2\xBC\xE7\xBE\xA9\xE6\xA8\xB9"});
}

TEST_CASE("a gallery link alone in its box keeps the caption after the box", "[images]") {
    std::vector<Image> images = images_of(R"(<div id="body"><p>Text.</p><div class="wrap"><div class="image">
        <a href="/photo/list?id=2"><img src="/a.jpg"></a></div><p class="caption">Vor dem Pr&auml;sidium.</p></div></div>)");
    REQUIRE(images.size() == 1);
    CHECK(images[0].url == "https://www.example.de/a.jpg");
    CHECK(images[0].caption == "Vor dem Pr\xC3\xA4sidium.");
}

TEST_CASE("a custom image element with a data-src is an image", "[images]") {
    std::vector<Image> images = images_of(R"(<article><h1>T</h1><div><click-enlarge><brick-image-v3 data-src="/lead.jpg">
        </brick-image-v3></click-enlarge><div class="img-caption-wrap"><span>BES&Oslash;K: Tone Damli.</span>
        <span class="image-photographer">Foto: Vilde Holta</span></div></div>
        <div id="body"><p>Text.</p><my-widget data-src="/w.js"></my-widget></div></article>)");
    REQUIRE(images.size() == 1);
    CHECK(images[0].url == "https://www.example.de/lead.jpg");
    CHECK(images[0].caption == "BES\xC3\x98K: Tone Damli.");
    CHECK(images[0].credit == Credits{"Vilde Holta"});
}

TEST_CASE("a caption that is one short parenthesis is the credit", "[images]") {
    CaptionParts parts = split_caption_credit("(The Independent)");
    CHECK(parts.caption.empty());
    CHECK(parts.credit == Credits{"The Independent"});
    CHECK(split_caption_credit("(v.l.) Olaf Scholz und Friedrich Merz im Bundestag").credit.empty());
}

TEST_CASE("a cite that closes a figcaption is the credit", "[images]") {
    std::vector<Image> images = images_of(R"(<div id="body"><p>Text.</p><figure><img src="/a.jpg">
        <figcaption>A courtroom. <cite>cristianstorto - stock.adobe.com</cite></figcaption></figure>
        <figure><img src="/b.jpg"><figcaption>A scene from <cite>Hamlet</cite> on stage.</figcaption></figure></div>)");
    REQUIRE(images.size() == 2);
    CHECK(images[0].caption == "A courtroom.");
    CHECK(images[0].credit == Credits{"cristianstorto - stock.adobe.com"});
    CHECK(images[1].caption == "A scene from Hamlet on stage.");
    CHECK(images[1].credit.empty());
}

TEST_CASE("a description box after the figure's box is its caption, its bold tail the credit", "[images]") {
    std::vector<Image> images = images_of(R"(<div id="body"><p>Text.</p><div class="featured">
        <figure><picture><img src="/a.jpg" alt="Schriftsteller"></picture></figure></div>
        <p class="img-description">Mario Vargas Llosa ist gestorben. | <strong>J&ouml;rg Carstensen/dpa</strong></p></div>)");
    REQUIRE(images.size() == 1);
    CHECK(images[0].caption == "Mario Vargas Llosa ist gestorben.");
    CHECK(images[0].credit == Credits{"J\xC3\xB6rg Carstensen/dpa"});
}

TEST_CASE("a gallery's slide counter is no part of the caption", "[images]") {
    std::vector<Image> images = images_of(
        "<div id=\"body\"><p>The parade set off through the old town at eleven minutes past eleven.</p>"
        "<figure><img src=\"/1.jpg\"><figcaption><span>1 / 5</span><span>The parade set off at noon.</span>"
        "<span class=\"credit\">Foto: Jane Roe</span></figcaption></figure>"
        "<figure><img src=\"/2.jpg\"><figcaption><span>Bild 2 von 5</span> Floats on the market square.</figcaption></figure></div>");
    REQUIRE(images.size() == 2);
    CHECK(images[0].caption == "The parade set off at noon.");
    CHECK(images[0].credit == Credits{"Jane Roe"});
    CHECK(images[1].caption == "Floats on the market square.");
}

TEST_CASE("'Photo by' opens a photo credit after the caption, in parentheses or not", "[images]") {
    CaptionParts parenthesised = split_caption_credit("Residents fill the chambers. (Photo by Marcus Lee/Riverside Courier)");
    CHECK(parenthesised.caption == "Residents fill the chambers.");
    CHECK(parenthesised.credit == Credits{"Marcus Lee/Riverside Courier"});
    CaptionParts unsplash = split_caption_credit("The presses in 2009. Photo by Joe Printer / Unsplash");
    CHECK(unsplash.caption == "The presses in 2009.");
    CHECK(unsplash.credit == Credits{"Joe Printer / Unsplash"});
    // Inside a sentence the words are the caption's own.
    CaptionParts sentence = split_caption_credit("She won a prize for the photo by the river.");
    CHECK(sentence.caption == "She won a prize for the photo by the river.");
    CHECK(sentence.credit.empty());
}

TEST_CASE("names in parentheses after a caption's last sentence are its credit when nothing else names one", "[images]") {
    std::vector<Image> images = images_of(
        "<div id=\"body\"><p>The fire had burned about 2,400 acres by seven in the evening, the sheriff said.</p>"
        "<figure><img src=\"/1.jpg\"><figcaption>Smoke rises over a ridge. (Helen H. Richardson, The Daily)</figcaption></figure>"
        "<figure><img src=\"/2.jpg\"><figcaption>The outlook for Friday. (NOAA/SPC)</figcaption></figure>"
        "<figure><img src=\"/3.jpg\"><figcaption>Firefighters at work. (File)</figcaption></figure>"
        "<figure><img src=\"/4.jpg\"><figcaption>The ridge at dusk (seen from the town).</figcaption></figure></div>");
    REQUIRE(images.size() == 4);
    CHECK(images[0].caption == "Smoke rises over a ridge.");
    CHECK(images[0].credit == Credits{"Helen H. Richardson", "The Daily"});
    CHECK(images[1].caption == "The outlook for Friday.");
    CHECK(images[1].credit == Credits{"NOAA/SPC"});
    CHECK(images[2].caption == "Firefighters at work. (File)");
    CHECK(images[2].credit.empty());
    CHECK(images[3].caption == "The ridge at dusk (seen from the town).");
    CHECK(images[3].credit.empty());
}

TEST_CASE("a credit box after the caption box beside an image is the image's credit", "[images]") {
    std::vector<Image> images = images_of(
        "<div id=\"body\"><div class=\"field--name-field-image\"><img src=\"/flood.jpg\" width=\"1090\"></div>"
        "<div class=\"field--name-field-image-caption\">Floodwater covers the highway on Sunday.</div>"
        "<div class=\"field--name-field-photo-credit\">Mountain Times / Eli Carter</div>"
        "<p>The river crested at 31.6 feet in Harlan on Sunday afternoon, its highest level since 1977.</p>"
        "<p>County officials closed 14 roads and opened two shelters, one at the Harlan Center and one at a church.</p>"
        "<p>About 60 people spent Saturday night in the shelters, the county's emergency management director said.</p>"
        "<p>The National Weather Service expects the river to fall below flood stage by Tuesday afternoon.</p></div>");
    REQUIRE(images.size() == 1);
    CHECK(images[0].caption == "Floodwater covers the highway on Sunday.");
    CHECK(images[0].credit == Credits{"Mountain Times / Eli Carter"});
}

TEST_CASE("'foto' or 'Photo' right inside a closing parenthesis opens a photo credit", "[images]") {
    CaptionParts italian = split_caption_credit("Il torrente Ravone esondato in via Saffi (foto Ansa/Max Cavallari)");
    CHECK(italian.caption == "Il torrente Ravone esondato in via Saffi");
    CHECK(italian.credit == Credits{"Ansa/Max Cavallari"});
    CaptionParts french = split_caption_credit("Des sacs-poubelle rue de la R\xC3\xA9publique. (Photo AFP)");
    CHECK(french.credit == Credits{"AFP"});
    // Outside parentheses the word is the caption's: "Foto Huebner" is a studio's name.
    CaptionParts studio = split_caption_credit("Das Ensemble bei der Premiere. Foto Huebner");
    CHECK(studio.caption == "Das Ensemble bei der Premiere.");
    CHECK(studio.credit == Credits{"Foto Huebner"});
}

TEST_CASE("'Photo courtesy' and 'Courtesy of' open a photo credit after the caption", "[images]") {
    CaptionParts photo = split_caption_credit("The proposed library on Elm Street. Photo courtesy City of Valley");
    CHECK(photo.caption == "The proposed library on Elm Street.");
    CHECK(photo.credit == Credits{"City of Valley"});
    CaptionParts of = split_caption_credit("The team at the finish. (Courtesy of Jane Roe)");
    CHECK(of.caption == "The team at the finish.");
    CHECK(of.credit == Credits{"Jane Roe"});
}

TEST_CASE("a picture inside an <a> without href is read, one inside a link to another page is not", "[images]") {
    std::vector<Image> images = images_of(R"(<div id="body"><p>Text.</p>
        <a class="content-image image-zoomin"><figure><img src="/toilet.jpg">
          <figcaption><span class="image-description">Un ba&ntilde;o port&aacute;til en la pradera.</span>
          <strong class="author">Cedida por la Plataforma</strong></figcaption></figure></a>
        <a href="/otra-noticia"><figure><img src="/teaser.jpg"><figcaption>Otra noticia</figcaption></figure></a></div>)");
    REQUIRE(images.size() == 1);
    CHECK(images[0].url == "https://www.example.de/toilet.jpg");
    CHECK(images[0].caption == "Un ba\xC3\xB1o port\xC3\xA1til en la pradera.");
    CHECK(images[0].credit == Credits{"Cedida por la Plataforma"});
}

TEST_CASE("a sentence set as a heading beside a picture is its caption, a title without a stop is a teaser's", "[images]") {
    const std::string caption =
        "Philippine Marine Corps Commandant Major-General Arturo Rojas, second left, US Marines exercise representative "
        "Colonel Stuart Glenn, left, and exercise director Brigadier General Vicente Blanco, second right, take part in "
        "the opening ceremony of the annual Kamandag joint military exercises at the Philippine Marines officers' club "
        "at Fort Bonifacio, Metro Manila, yesterday.";
    std::vector<Image> images = images_of("<div id=\"body\"><p>Text.</p><div class=\"imgboxa\"><div data-fancybox>"
                                          "<img src=\"/P01.jpg\" width=\"100%\"></div><h1>" + caption +
                                          "</h1><p>Photo: AFP</p></div>"
                                          "<div class=\"box\"><img src=\"/other.jpg\"><h3>Manila's new metro line opens</h3>"
                                          "<p>Photo: Reuters</p></div></div>");
    REQUIRE(images.size() == 1);  // the teaser's picture is no picture of the story
    CHECK(images[0].url == "https://www.example.de/P01.jpg");
    CHECK(images[0].caption == caption);
    CHECK(images[0].credit == Credits{"AFP"});
}

TEST_CASE("the portrait in a card marked up as a schema.org Person is not an image of the story", "[images]") {
    std::vector<Image> images = images_of(R"(<div id="body"><p>Text.</p>
        <div class="expandable-box" itemscope itemtype="http://schema.org/Person"><div class="expandable-box__header">
          <picture class="image image--circle"><img alt="Thomas J&auml;ger" src="/f57f16.jpg"></picture>
          <p itemprop="name">Thomas J&auml;ger</p><p itemprop="jobTitle">Politikwissenschaftler</p></div>
          <div class="expandable-box__body"><p>Der Politologe ist Professor in K&ouml;ln.</p></div></div>
        <figure><img src="/d09eab.jpg"><figcaption>Biden im Weissen Haus.</figcaption></figure></div>)");
    REQUIRE(images.size() == 1);
    CHECK(images[0].url == "https://www.example.de/d09eab.jpg");
    CHECK(images[0].caption == "Biden im Weissen Haus.");
}

TEST_CASE("a lazy picture whose src shows the site's logo until its data-src loads is a picture", "[images]") {
    std::vector<Image> images = images_of(R"(<div id="body"><p>Text.</p>
        <picture class="lazy detail-view"><source srcset="/img/logo_white_16_9.svg" data-srcset="/320/1072475.webp 320w">
          <img class="lazy" src="/img/logo_white_16_9.svg" data-src="/960/1072475.jpg" width="960" height="540"
               alt="Alex Lowes in Barcelona"></picture>
        <figcaption><span>Alex Lowes f&auml;hrt eine starke Saison, Foto: LAT Images</span></figcaption>
        <p>More text.</p><img src="/img/site-logo.svg" data-src="/img/site-logo.png"></div>)");
    REQUIRE(images.size() == 1);
    CHECK(images[0].url == "https://www.example.de/320/1072475.webp");
    CHECK(images[0].caption == "Alex Lowes f\xC3\xA4hrt eine starke Saison");
    CHECK(images[0].credit == Credits{"LAT Images"});
}

TEST_CASE("a box named 'teaser' whose only link opens its picture large is the picture's box", "[images]") {
    std::vector<Image> images = images_of(R"(<article><h1>Gemeinde r&auml;umt Vers&auml;umnisse ein</h1>
        <figure class="articleImageFigure teaser-image"><div class="bildcontainer">
          <a class="open-lightbox" href="/storage/image/1065948_fancybox.webp"><svg></svg></a>
          <picture><img src="/storage/image/1065948_detail.jpg" alt="Der B&uuml;rgermeister"></picture>
          <div class="bildautor">Foto: SN/APA/KEYSTONE</div></div>
          <figcaption><div class="bildunterschrift">Der B&uuml;rgermeister r&auml;umte Vers&auml;umnisse ein</div></figcaption></figure>
        <div class="teaser-box"><a href="/other-story"><img src="/other.jpg"></a><p class="caption">Andere Geschichte</p></div>
        <div id="body"><p>Text.</p></div></article>)");
    REQUIRE(images.size() == 1);
    CHECK(images[0].url == "https://www.example.de/storage/image/1065948_detail.jpg");
    CHECK(images[0].caption == "Der B\xC3\xBCrgermeister r\xC3\xA4umte Vers\xC3\xA4umnisse ein");
    CHECK(images[0].credit == Credits{"SN/APA/KEYSTONE"});
}

TEST_CASE("a short credit on the caption's first line, above a caption sentence, is the credit", "[images]") {
    std::vector<Image> images = images_of(R"(<div id="body"><p>Text.</p><figure class="horizontal_s">
        <a href="/attachment/216479/" class="zoom"><img src="/scanner-debate.jpg" alt=""></a>
        <figcaption><span>The Yomiuri Shimbun</span><br>The leaders of seven parties take part in a debate in Tokyo on Saturday.</figcaption></figure>
        <figure><img src="/two.jpg"><figcaption><b>Ishiba</b><br>The prime minister speaks at the debate in Tokyo</figcaption></figure></div>)");
    REQUIRE(images.size() == 2);
    CHECK(images[0].caption == "The leaders of seven parties take part in a debate in Tokyo on Saturday.");
    CHECK(images[0].credit == Credits{"The Yomiuri Shimbun"});
    // No sentence below: a caption of two lines.
    CHECK(images[1].caption == "Ishiba The prime minister speaks at the debate in Tokyo");
    CHECK(images[1].credit.empty());
}

TEST_CASE("the writer's portrait in a byline box without links is not an image of the story", "[images]") {
    std::vector<Image> images = images_of(R"(<article><h1>Marais Bistro</h1>
        <figure class="c-article-top-image"><img src="/marais-bistro.jpg">
          <figcaption>Marais Bistro har sl&aring;et d&oslash;rene op. Foto: Miles Lilley</figcaption></figure>
        <div class="c-article-top-byline"><div class="c-article-top-byline__author">
          <img class="c-article-top-byline__image" src="/byline/mark-sigetty.jpg">
          <span class="c-article-top-byline__name">Mark Sigetty</span></div></div>
        <div id="body"><p>Text.</p></div></article>)");
    REQUIRE(images.size() == 1);
    CHECK(images[0].url == "https://www.example.de/marais-bistro.jpg");
    CHECK(images[0].credit == Credits{"Miles Lilley"});
}

TEST_CASE("the Polish 'Fot.' opens a photo credit", "[images]") {
    CaptionParts parts = split_caption_credit("G\xC5\x82osowanie w Sejmie. Fot. PAP/Leszek Szyma\xC5\x84ski");
    CHECK(parts.caption == "G\xC5\x82osowanie w Sejmie.");
    CHECK(parts.credit == Credits{"PAP/Leszek Szyma\xC5\x84ski"});
}

TEST_CASE("'Photo' before an outlet and a photographer joined by a slash is the credit's label", "[images]") {
    CHECK(split_credit("Photo Progr\xC3\xA8s/Maxime Jegat") == Credits{"Progr\xC3\xA8s/Maxime Jegat"});
    CHECK(split_credit("Foto dpa/Max Muster") == Credits{"dpa/Max Muster"});
    // A studio's name and an illustration's credit keep their words.
    CHECK(split_credit("Foto Huebner") == Credits{"Foto Huebner"});
    CHECK(split_credit("photo illustration by Tim Hubbard / Los Angeles Times") ==
          Credits{"photo illustration by Tim Hubbard / Los Angeles Times"});
}

TEST_CASE("a Reuters caption keeps its credit and leaves the offer to license the picture out", "[images]") {
    std::vector<Image> images = images_of(R"(<article><h1>T</h1><div id="body"><figure><img src="/a.jpg">
        <figcaption><span class="image-caption">Passengers board a flight in Chicago, April 21, 2024. REUTERS/Jim
        Vondruska/File Photo</span> <a href="/licensing">Purchase Licensing Rights<span>, opens new tab</span></a>
        </figcaption></figure><p>Text.</p></div></article>)");
    REQUIRE(images.size() == 1);
    CHECK(images[0].caption == "Passengers board a flight in Chicago, April 21, 2024.");
    CHECK(images[0].credit == Credits{"REUTERS/Jim Vondruska/File Photo"});
    // A label alone after the stop stays the caption's.
    CHECK(split_caption_credit("Ein Tanker vor Hamburg. Archivfoto").credit.empty());
}

TEST_CASE("an agency's name in parentheses closes a caption as its credit also without a stop before it", "[images]") {
    CaptionParts japanese = split_closing_names("\xE6\x95\xA6\xE8\xB3\x80\xE9\xA7\x85\xE3\x81\xAE\xE8\xBB\x8A\xE4\xB8\xA1"
                                                "\xEF\xBC\x88\xE5\x85\xB1\xE5\x90\x8C\xEF\xBC\x89");  // 敦賀駅の車両（共同）
    CHECK(japanese.caption == "\xE6\x95\xA6\xE8\xB3\x80\xE9\xA7\x85\xE3\x81\xAE\xE8\xBB\x8A\xE4\xB8\xA1");
    CHECK(japanese.credit == Credits{"\xE5\x85\xB1\xE5\x90\x8C"});
    CaptionParts arabic = split_closing_names("\xD8\xAD\xD9\x82\xD9\x84 \xD9\x82\xD9\x85\xD8\xAD "
                                              "(\xD8\xB1\xD9\x88\xD9\x8A\xD8\xAA\xD8\xB1\xD8\xB2)");  // حقل قمح (رويترز)
    CHECK(arabic.caption == "\xD8\xAD\xD9\x82\xD9\x84 \xD9\x82\xD9\x85\xD8\xAD");
    CHECK(arabic.credit == Credits{"\xD8\xB1\xD9\x88\xD9\x8A\xD8\xAA\xD8\xB1\xD8\xB2"});
    CaptionParts code = split_closing_names("Protesters outside parliament in Paris (AFP)");
    CHECK(code.caption == "Protesters outside parliament in Paris");
    CHECK(code.credit == Credits{"AFP"});
    // Other words in parentheses after no stop belong to the caption.
    CaptionParts words = split_closing_names("The new bridge over the Rhine (left)");
    CHECK(words.caption == "The new bridge over the Rhine (left)");
    CHECK(words.credit.empty());
}

TEST_CASE("a credit behind a slash after the caption's last stop is the credit", "[images]") {
    CaptionParts korean = split_caption_credit("\xEC\x8B\x9C\xEB\xAF\xBC\xEB\x93\xA4\xEC\x9D\xB4 \xEC\xA7\x80\xEB\x82\x98\xEA\xB3\xA0 "
                                               "\xEC\x9E\x88\xEB\x8B\xA4. /\xEB\x89\xB4\xEC\x8A\xA4" "1");  // 시민들이 지나고 있다. /뉴스1
    CHECK(korean.caption == "\xEC\x8B\x9C\xEB\xAF\xBC\xEB\x93\xA4\xEC\x9D\xB4 \xEC\xA7\x80\xEB\x82\x98\xEA\xB3\xA0 \xEC\x9E\x88\xEB\x8B\xA4.");
    CHECK(korean.credit == Credits{"\xEB\x89\xB4\xEC\x8A\xA4" "1"});
    CaptionParts latin = split_caption_credit("Commuters at City Hall station on Tuesday. /Yonhap");
    CHECK(latin.caption == "Commuters at City Hall station on Tuesday.");
    CHECK(latin.credit == Credits{"Yonhap"});
}

TEST_CASE("separators are trimmed off a caption and a credit as whole characters", "[images]") {
    // '©' is C2 A9 and 'é' C3 A9; '–' is E2 80 93 and 'р' D1 80: trimmed byte by byte, the
    // names lost their last byte.
    CaptionParts rene = split_caption_credit("Die B\xC3\xBChne im Park. Foto: Ren\xC3\xA9");
    CHECK(rene.caption == "Die B\xC3\xBChne im Park.");
    CHECK(rene.credit == Credits{"Ren\xC3\xA9"});
    CHECK(trim_credit("\xC2\xA9 Ren\xC3\xA9 \xC2\xA9") == "Ren\xC3\xA9");
    CaptionParts theatre = split_caption_credit("Новый театр – Фото: Иван Петров");
    CHECK(theatre.caption == "Новый театр");
    CHECK(theatre.credit == Credits{"Иван Петров"});
}

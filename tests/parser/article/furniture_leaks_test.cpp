#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "parser/article/extractor.h"
#include "tests/parser/article/article_pages.h"

using namespace newswire;

namespace {

Article extract(const std::string& body_html) { return test::extract_page("<title>T</title>", body_html); }

using test::k_first;
using test::k_second;
using test::k_third;
using test::texts_of;

// The teaser, when the page has one, and the body's texts.
std::vector<std::string> story_of(const Article& article) {
    std::vector<std::string> texts;
    if (!article.teaser.empty()) texts.push_back(article.teaser);
    for (const std::string& text : texts_of(article)) texts.push_back(text);
    return texts;
}

}  // namespace

TEST_CASE("an article of three paragraphs keeps all three", "[article][furniture]") {
    Article article = extract("<article><h1>Bridge closes</h1><p>" + k_first + "</p><p>" + k_second + "</p><p>" +
                              k_third + "</p></article>");
    CHECK(texts_of(article) == std::vector<std::string>{k_first, k_second, k_third});
}

TEST_CASE("notes set in italics or bold after the story are not body text", "[article][furniture]") {
    Article article = extract("<article><h1>Bridge closes</h1><p>" + k_first + "</p><p>" + k_second + "</p><p>" + k_third +
                              "</p><p><em>Additional reporting by Jane Roe in Leeds.</em></p>"
                              "<p><i>Folgen Sie uns auf WhatsApp</i> <em>und abonnieren Sie den Newsletter.</em></p>"
                              "<p><strong>Got a story? Write to our news desk.</strong></p>"
                              "<p><strong>For more stories like this, </strong><a href=\"/news\"><strong>check our news page"
                              "</strong></a>.</p></article>");
    CHECK(story_of(article) == std::vector<std::string>{k_first, k_second, k_third});
}

TEST_CASE("a correction set in italics after the story is the story's own, unlike the notes after it",
          "[article][furniture]") {
    const std::string correction =
        "Correction: An earlier version of this story misstated the year the bridge opened. It opened in 1911, not 1912.";
    Article article = extract("<article><h1>Bridge closes</h1><p>" + k_first + "</p><p>" + k_second + "</p><p>" + k_third +
                              "</p><p><em>" + correction + "</em></p><p><em>Additional reporting by Jane Roe in Leeds."
                              "</em></p></article>");
    CHECK(story_of(article) == std::vector<std::string>{k_first, k_second, k_third, correction});
    Article german = extract("<article><h1>Bridge closes</h1><p>" + k_first + "</p><p>" + k_second +
                             "</p><p><i>Korrektur: In einer fr\xC3\xBC" "heren Fassung stand, die Br\xC3\xBC" "cke sei "
                             "1912 er\xC3\xB6" "ffnet worden.</i></p></article>");
    CHECK(story_of(german).size() == 3);
}

TEST_CASE("a press release's closing contact box is not the story", "[article][furniture]") {
    Article article = extract("<article><h1>Bridge closes</h1><div class=\"story-text\"><p>" + k_first + "</p><p>" +
                              k_second + "</p><p><b>Pressekontakt:</b></p><p>Stadt Lindenau<br>Pressestelle<br>Telefon: "
                              "03421 555-120<br>E-Mail: presse@lindenau.de</p></div></article>");
    CHECK(story_of(article) == std::vector<std::string>{k_first, k_second});
    // A contact for readers inside the story is the story's.
    Article service = extract("<article><h1>Bridge closes</h1><p>" + k_first + "</p><p>Kontakt:</p><p>" + k_second +
                              "</p></article>");
    CHECK(story_of(service) == std::vector<std::string>{k_first, "Kontakt:", k_second});
}

TEST_CASE("a paragraph in italics inside the story stays, as does a story set in italics", "[article][furniture]") {
    Article middle = extract("<article><h1>Bridge closes</h1><p>" + k_first + "</p><p><em>" + k_second + "</em></p><p>" +
                             k_third + "</p></article>");
    CHECK(story_of(middle) == std::vector<std::string>{k_first, k_second, k_third});
    Article italic = extract("<article><h1>Bridge closes</h1><p><em>" + k_first + "</em></p><p><em>" + k_second +
                             "</em></p></article>");
    CHECK(story_of(italic) == std::vector<std::string>{k_first, k_second});
    Article mixed = extract("<article><h1>Bridge closes</h1><p>" + k_first + "</p><p>" + k_second +
                            "</p><p><em>Photo</em> by the town council, who voted for it.</p></article>");
    CHECK(story_of(mixed).size() == 3);
}

TEST_CASE("a heading that nothing follows, in a box of its own, titles a box left out", "[article][furniture]") {
    Article article = extract("<article><h1>Bridge closes</h1><p>" + k_first + "</p><h2>What the vote means</h2><p>" +
                              k_second + "</p><div><h2>Elsewhere in the region</h2></div><section><h3>Our picks</h3>"
                              "<ul><li><a href=\"/a\">Ferry prices rise</a></li></ul></section></article>");
    CHECK(story_of(article) == std::vector<std::string>{k_first, "What the vote means", k_second});
}

TEST_CASE("a subheading among the story's paragraphs stays when the visible text ends with it", "[article][furniture]") {
    Article article = extract("<article><h1>Bridge closes</h1><div class=\"preview\"><p>" + k_first + "</p><p>" + k_second +
                              "</p><h2>What the vote means</h2></div><div class=\"paywall-offer\"></div></article>");
    CHECK(story_of(article) == std::vector<std::string>{k_first, k_second, "What the vote means"});
}

TEST_CASE("a box of facts is left out by its class name, also when it is longer than the story", "[article][furniture]") {
    std::string facts;
    for (int i = 0; i < 4; ++i) facts += "<p>" + k_third + "</p>";
    for (std::string box : {"fact-box", "metro-factbox", "c-infoBox", "faktaboks"}) {
        Article article = extract("<article><h1>Bridge closes</h1><p>" + k_first + "</p><div class=\"" + box +
                                  "\"><h2>The bridge in numbers</h2>" + facts + "</div><p>" + k_second + "</p></article>");
        CHECK(story_of(article) == std::vector<std::string>{k_first, k_second});
    }
    Article info = extract("<article><h1>Bridge closes</h1><p>" + k_first + "</p><div class=\"info\"><p>" + k_third +
                           "</p></div><div class=\"box\"><p>" + k_second + "</p></div></article>");
    CHECK(story_of(info) == std::vector<std::string>{k_first, k_third, k_second});
}

TEST_CASE("a notice that the rest is for subscribers ends the story with what follows it", "[article][furniture]") {
    std::string story = "<article><h1>Bridge closes</h1><p>" + k_first + "</p><p>" + k_second + "</p>";
    for (std::string notice : {"Il vous reste 57% de cet article à lire. La suite est réservée aux abonnés.",
                               "この記事は会員限定です。無料で会員登録できます。",
                               "Dieser Artikel ist nur für Abonnenten."}) {
        Article article = extract(story + "<p>" + notice + "</p><div><p>Register now</p><p>Unlimited reading</p></div></article>");
        CHECK(story_of(article) == std::vector<std::string>{k_first, k_second});
    }
    Article opening = extract("<article><h1>Bridge closes</h1><p>For subscribers only: the vote.</p><p>" + k_first + "</p><p>" +
                              k_second + "</p></article>");
    CHECK(story_of(opening).size() == 3);
}

TEST_CASE("a picture inside a link to its larger view keeps the caption of its box", "[article][images]") {
    Article article = extract("<article><h1>Bridge closes</h1><div class=\"wp-caption\"><a href=\"/uploads/bridge-large.png\">"
                              "<img src=\"https://example.com/uploads/bridge.png\" alt=\"\"></a></p>"
                              "<p class=\"wp-caption-text\">The old bridge, seen from the river bank on Monday.</p></div><p>" +
                              k_first + "</p><p>" + k_second + "</p></article>");
    REQUIRE(article.images.size() == 1);
    CHECK(article.images[0].url == "https://example.com/uploads/bridge.png");
    CHECK(article.images[0].caption == "The old bridge, seen from the river bank on Monday.");
}

TEST_CASE("reading times and time stamps are not body text", "[article][furniture]") {
    for (std::string line : {"Lesedauer: 4 Minuten", "7 min", "5 min read",
                             "Aktualisiert am 07.01.2026 - 18:50 UhrLesedauer: 4 Min.", "17:41 JST, October 13, 2024"}) {
        Article article = extract("<article><h1>Bridge closes</h1><p>" + line + "</p><p>" + k_first + "</p><p>" + k_second +
                                  "</p><p>" + k_third + "</p></article>");
        CHECK(story_of(article) == std::vector<std::string>{k_first, k_second, k_third});
    }
}

TEST_CASE("a date in a sentence stays in it, a short line around a date is the page's date", "[article][furniture]") {
    Article article = extract("<article><h1>Bridge closes</h1><p><span>Publié <time datetime=\"2024-11-22\">il y a 3 heures"
                              "</time>,</span> <span>mis à jour <time>à 09h42</time></span></p><p>" + k_first +
                              "</p><p>The council met on <time datetime=\"2024-11-18\">Monday</time> and voted to close the "
                              "bridge, which has carried traffic since 1911.</p><p>" + k_third + "</p></article>");
    CHECK(story_of(article) ==
          std::vector<std::string>{k_first, "The council met on Monday and voted to close the bridge, which has carried "
                                            "traffic since 1911.", k_third});
}

TEST_CASE("a paragraph that repeats a picture's caption is the picture's text panel", "[article][furniture]") {
    Article article = extract("<article><h1>Bridge closes</h1><p>" + k_first + "</p><div class=\"slide\"><figure>"
                              "<img src=\"https://example.com/bridge.jpg\"><figcaption>The bridge at dusk.</figcaption></figure>"
                              "<div class=\"slide-text\">The bridge at dusk.</div></div><p>" + k_second + "</p><p>" + k_third +
                              "</p></article>");
    CHECK(story_of(article) == std::vector<std::string>{k_first, k_second, k_third});
}

TEST_CASE("calls to follow the site on a messenger, sign-in choices and contents labels are furniture", "[article][furniture]") {
    for (std::string line : {"Folgst du schon 20 Minuten auf Whatsapp?", "Get the latest news to your phone Join us on WhatsApp",
                             "Follow the Courier on Google News and add us as a preferred source.", "Sommaire",
                             "Table of Contents", "or", "Don't have an account? Create Account", "À lire aussi Le pont ferme"}) {
        Article article = extract("<article><h1>Bridge closes</h1><p>" + k_first + "</p><p>" + line + "</p><p>" + k_second +
                                  "</p><p>" + k_third + "</p></article>");
        CHECK(story_of(article) == std::vector<std::string>{k_first, k_second, k_third});
    }
    std::string news = "Residents get flood alerts through WhatsApp, SMS and the city's social media channels, the mayor said.";
    Article article = extract("<article><h1>Bridge closes</h1><p>" + k_first + "</p><p>" + news + "</p><p>" + k_second +
                              "</p></article>");
    CHECK(story_of(article) == std::vector<std::string>{k_first, news, k_second});
}

TEST_CASE("notes on paid links and affiliate boxes are not the story", "[article][furniture]") {
    Article note = extract("<article><h1>Bridge closes</h1><p>" + k_first + "</p><blockquote><p>If you buy something using "
                           "links in our stories, we may earn a commission.</p></blockquote><p>" + k_second + "</p><p>" +
                           k_third + "</p></article>");
    CHECK(story_of(note) == std::vector<std::string>{k_first, k_second, k_third});
    Article box = extract("<article><h1>Bridge closes</h1><p>" + k_first + "</p><div class=\"affiliate_info\"><p>Die mit einem "
                          "Symbol gekennzeichneten Links führen zu Händlern.</p></div><p>" + k_second + "</p><p>" + k_third +
                          "</p></article>");
    CHECK(story_of(box) == std::vector<std::string>{k_first, k_second, k_third});
}

TEST_CASE("a caption's label for screen readers is not part of the caption", "[article][images]") {
    Article article = extract("<article><h1>Bridge closes</h1><figure><img src=\"https://example.com/bridge.jpg\">"
                              "<figcaption><span class=\"h-offscreen\">Legende:</span> <span>The bridge at dusk.</span>"
                              "</figcaption></figure><p>" + k_first + "</p><p>" + k_second + "</p></article>");
    REQUIRE(article.images.size() == 1);
    CHECK(article.images[0].caption == "The bridge at dusk.");
}

TEST_CASE("a picture link followed by a box that opens with its caption keeps the caption", "[article][images]") {
    Article article = test::extract_page(
        "<title>T</title><link rel=\"canonical\" href=\"https://news.example.com/2025/bridge\">",
        "<article><h1>Bridge closes</h1><div class=\"image-container\"><a class=\"image\" href=\"//cdn.example.com/p/123=s1200\">"
        "<img src=\"//cdn.example.com/p/123=s750\" alt=\"The bridge at dusk\"></a><div class=\"image-text\"><span class=\"description\">"
        "The bridge at dusk. File image</span><br><span class=\"author\">Image: Jane Roe</span></div></div><p>" + k_first +
        "</p><p>" + k_second + "</p></article>");
    REQUIRE(article.images.size() == 1);
    CHECK(article.images[0].url == "https://cdn.example.com/p/123=s750");  // resolved against the canonical address
    CHECK(article.images[0].caption == "The bridge at dusk. File image");
    CHECK(article.images[0].credit == std::vector<std::string>{"Jane Roe"});
}

TEST_CASE("a request to enable JavaScript is neither body text nor a caption", "[article][furniture]") {
    Article article = extract("<article><h1>Bridge closes</h1><p>" + k_first + "</p><p>Bitte aktivieren Sie JavaScript, um "
                              "dieses Video zu sehen.</p><figure><figcaption>Please enable JavaScript to view this content."
                              "</figcaption></figure><p>" + k_second + "</p><p>" + k_third + "</p></article>");
    CHECK(story_of(article) == std::vector<std::string>{k_first, k_second, k_third});
    CHECK(article.images.empty());
}

TEST_CASE("a lazy loader's placeholder gives way to the picture in the noscript after it", "[article][images]") {
    Article article = extract("<article><h1>Bridge closes</h1><div class=\"media\"><div class=\"imageWrapper\">"
                              "<img src=\"https://example.com/transparent.gif\" alt=\"The bridge\"><span></span><noscript>"
                              "<img src=\"https://example.com/bridge.jpg\" alt=\"The bridge\"></noscript></div>"
                              "<div class=\"mediaInfo\"><span>The bridge at dusk.</span></div></div><p>" + k_first + "</p><p>" +
                              k_second + "</p></article>");
    REQUIRE(article.images.size() == 1);
    CHECK(article.images[0].url == "https://example.com/bridge.jpg");
    CHECK(article.images[0].caption == "The bridge at dusk.");
}

TEST_CASE("a note on where the article first appeared is not the story", "[article][furniture]") {
    for (std::string note : {"Dieser Artikel wurde im Original veröffentlicht auf Englisch",
                             "This article was originally published by The Conversation."}) {
        Article article = extract("<article><h1>Bridge closes</h1><p>" + k_first + "</p><p>" + note + "</p><p>" + k_second +
                                  "</p><p>" + k_third + "</p></article>");
        CHECK(story_of(article) == std::vector<std::string>{k_first, k_second, k_third});
    }
}

TEST_CASE("a Turkish photo credit label marks the credit", "[article][images]") {
    Article article = extract("<article><h1>Bridge closes</h1><figure><img src=\"https://example.com/bridge.jpg\">"
                              "<figcaption>Fotoğraf : Didem Mente/AA</figcaption></figure><p>" + k_first + "</p><p>" +
                              k_second + "</p></article>");
    REQUIRE(article.images.size() == 1);
    CHECK(article.images[0].caption.empty());
    CHECK(article.images[0].credit == std::vector<std::string>{"Didem Mente/AA"});
}

TEST_CASE("publication and update lines, ad markers and tag lines are not the story", "[article][furniture]") {
    for (std::string line : {"Uppdaterad 15.59 | Publicerad 14.14", "Sehernur Karsu | 05.04.2025 - Güncelleme : 05.04.2025",
                             "Aktualisiert am 12.05.2024, 18:50 Uhr", "Article continues below",
                             "Published under: 2024 Election , Montana , Senate"}) {
        Article article = extract("<article><h1>Bridge closes</h1><p>" + k_first + "</p><p>" + line + "</p><p>" + k_second +
                                  "</p><p>" + k_third + "</p></article>");
        CHECK(story_of(article) == std::vector<std::string>{k_first, k_second, k_third});
    }
    std::string sentence = "The timetable was updated in 2023.";
    Article article = extract("<article><h1>Bridge closes</h1><p>" + k_first + "</p><p>" + sentence + "</p><p>" + k_second +
                              "</p></article>");
    CHECK(story_of(article) == std::vector<std::string>{k_first, sentence, k_second});
}

TEST_CASE("a messenger's offer box goes with the call that opens it", "[article][furniture]") {
    Article article = extract("<article><h1>Bridge closes</h1><p>" + k_first + "</p><div><strong>Get the latest news to your "
                              "phone</strong> <a href=\"/whatsapp\">Join us on WhatsApp</a><p>Our community members are treated "
                              "to special offers. You can check out at any time.</p></div><p>" + k_second + "</p><p>" + k_third +
                              "</p></article>");
    CHECK(story_of(article) == std::vector<std::string>{k_first, k_second, k_third});
}

TEST_CASE("'info' and 'box' from two class names make no fact box", "[article][furniture]") {
    Article article = extract("<article><h1>Bridge closes</h1><div class=\"article-info box\"><p>" + k_first + "</p><p>" +
                              k_second + "</p><p>" + k_third + "</p></div></article>");
    CHECK(story_of(article) == std::vector<std::string>{k_first, k_second, k_third});
}

TEST_CASE("a sentence about members-only offers inside the story cuts nothing", "[article][furniture]") {
    std::string offer = "Le pont reste ouvert aux abonnés du tramway, réservé aux abonnés depuis lundi.";
    Article article = extract("<article><h1>Bridge closes</h1><p>" + k_first + "</p><p>" + k_second + "</p><p>" + offer +
                              "</p><p>" + k_third + " " + k_first + "</p></article>");
    CHECK(story_of(article) == std::vector<std::string>{k_first, k_second, offer, k_third + " " + k_first});
}

TEST_CASE("sentences of a story about commissions, first editions and messenger channels stay", "[article][furniture]") {
    for (std::string sentence : {"The book was first published in 1953 and sold a million copies.",
                                 "Estate agents earn a commission of two per cent on each sale, the survey found.",
                                 "Der WhatsApp-Kanal der Stadtverwaltung meldete die Sperrung am Morgen."}) {
        Article article = extract("<article><h1>Bridge closes</h1><p>" + k_first + "</p><p>" + sentence + "</p><p>" + k_second +
                                  "</p></article>");
        CHECK(story_of(article) == std::vector<std::string>{k_first, sentence, k_second});
    }
}

TEST_CASE("a byline line that ends with how long ago the page changed is not the story", "[article][furniture]") {
    for (std::string line : {"Jane Roe2 minutes ago", "vor 3 Stunden", "il y a 3 heures"}) {
        Article article = extract("<article><h1>Bridge closes</h1><p>" + k_first + "</p><p>" + line + "</p><p>" + k_second +
                                  "</p><p>" + k_third + "</p></article>");
        CHECK(story_of(article) == std::vector<std::string>{k_first, k_second, k_third});
    }
}

TEST_CASE("keywords linked to their topic pages are the sentence's words, a row of them is a tag list", "[article][furniture]") {
    Article article = extract("<article><h1>Bridge closes</h1><p>" + k_first + "</p><p><a href=\"/topics/word/Leeds\">Leeds"
                              "</a>: <a href=\"/topics/word/Harbour\">Harbour</a>, <a href=\"/topics/word/Quay\">Quay</a></p><p>" +
                              k_second + "</p><p><a href=\"/tag/bridges\">Bridges</a> <a href=\"/tag/leeds\">Leeds</a> "
                              "<a href=\"/tag/traffic\">Traffic</a></p></article>");
    CHECK(story_of(article) == std::vector<std::string>{k_first, "Leeds: Harbour, Quay", k_second});
}

TEST_CASE("advertisement labels and boxes in other languages are not body text", "[article][furniture]") {
    for (std::string label : {"Publicidad", "Publicit\xC3\xA9", "Pubblicit\xC3\xA0", "Reklame", "Advertentie"}) {
        Article article = extract("<article><h1>Bridge closes</h1><p>" + k_first + "</p><div class=\"slot\"><span>" + label +
                                  "</span><div id=\"gpt-1\"></div></div><p>" + k_second + "</p></article>");
        CHECK(story_of(article) == std::vector<std::string>{k_first, k_second});
    }
    Article boxed = extract("<article><h1>Bridge closes</h1><p>" + k_first + "</p><div class=\"publicidad\"><p>" + k_third +
                            "</p></div><p>" + k_second + "</p></article>");
    CHECK(story_of(boxed) == std::vector<std::string>{k_first, k_second});
}

TEST_CASE("a row of tags under a label and a most-read box are not body text, in several languages", "[article][furniture]") {
    for (std::string label : {"Temas:", "Etiquetas:", "Mots-cl\xC3\xA9s :", "Themen:", "Topics:"}) {
        Article article = extract("<article><h1>Bridge closes</h1><p>" + k_first + "</p><p>" + k_second + "</p><div><span>" +
                                  label + "</span><a href=\"/tag/bridges\">Bridges</a><a href=\"/tag/traffic\">Traffic</a>"
                                  "</div></article>");
        CHECK(story_of(article) == std::vector<std::string>{k_first, k_second});
    }
    for (std::string label : {"Most Read", "Meistgelesen", "Lo m\xC3\xA1s le\xC3\xAD" "do", "Les plus lus"}) {
        Article article = extract("<article><h1>Bridge closes</h1><p>" + k_first + "</p><div><p>" + label +
                                  "</p><ol><li><a href=\"/a\">Ferry prices rise again</a></li><li><a href=\"/b\">New school "
                                  "opens</a></li></ol></div><p>" + k_second + "</p></article>");
        CHECK(story_of(article) == std::vector<std::string>{k_first, k_second});
    }
}

TEST_CASE("a block with nothing to read is left out, a separator between sections stays", "[article][furniture]") {
    Article article = extract("<article><h1>Bridge closes</h1><p>" + k_first + "</p><p>.</p><div><span>\xF0\x9F\x92\xA1</span>"
                              "</div><p>\xEF\xBB\xBF</p><p>/</p><p>\xE2\x97\x87</p><p>* * *</p><p>" + k_second + "</p></article>");
    CHECK(story_of(article) == std::vector<std::string>{k_first, "\xE2\x97\x87", "* * *", k_second});
}

TEST_CASE("a box whose label follows a badge goes whole, the badge with it", "[article][furniture]") {
    Article article = extract("<article><h1>Bridge closes</h1><p>" + k_first + "</p><p>" + k_second + "</p>"
                              "<div class=\"offer-box\"><div class=\"offer-box__badge\">WA+</div><h2>Weiterlesen mit WA+</h2>"
                              "<p>Alle Artikel auf unserer Seite lesen: vier Wochen lang f\xC3\xBCr nur 0,99 Euro. Jederzeit "
                              "k\xC3\xBCndbar.</p><a href=\"/abo\">Jetzt testen</a></div></article>");
    CHECK(story_of(article) == std::vector<std::string>{k_first, k_second});
}

TEST_CASE("'Published in' before a publication's name and the labels of follow and listen buttons are not body text",
          "[article][furniture]") {
    Article article = extract("<article><section><h1>Bridge closes</h1><div>Published in <div><a href=\"/pub\"><p>Better "
                              "Towns</p></a></div></div><div><p>Follow</p></div><div><p>Listen</p></div><p>" + k_first +
                              "</p><p>" + k_second + "</p></section></article>");
    CHECK(story_of(article) == std::vector<std::string>{k_first, k_second});
}

TEST_CASE("an Italian byline line ('di Giulia Ferretti') is not body text, a sentence opening with 'Di' is", "[article][furniture]") {
    const std::string sentence = "Di fronte alla piena del fiume, il sindaco ha chiuso le scuole.";
    Article article = extract("<article><h1>Bridge closes</h1><div class=\"firma\">di <a href=\"/autori/gf\">Giulia Ferretti</a>"
                              " \xC2\xB7 18 ottobre 2024</div><p>" + k_first + "</p><p>" + sentence + "</p><p>" + k_second +
                              "</p></article>");
    CHECK(story_of(article) == std::vector<std::string>{k_first, sentence, k_second});
}

TEST_CASE("a call-to-action box after the story is not body text", "[article][furniture]") {
    Article article = extract("<article><h1>Bridge closes</h1><div class=\"story__body\"><p>" + k_first + "</p><p>" + k_second +
                              "</p><p>" + k_third + "</p></div><div class=\"letters-cta\"><h3>Have something to say?</h3><p>Send "
                              "a letter to the editor. Letters should be under 250 words and include your name and town.</p>"
                              "</div></article>");
    CHECK(story_of(article) == std::vector<std::string>{k_first, k_second, k_third});
}

TEST_CASE("the stand-in of an embedded post that asks to load it is not body text, in boxes of any name",
          "[article][furniture]") {
    Article english = extract("<article><h1>Bridge closes</h1><p>" + k_first + "</p><div class=\"embed-placeholder\"><p>Skip "
                              "YouTube post, 1</p><p>This article contains content provided by Google YouTube. We ask for your "
                              "permission before anything is loaded, as they may be using cookies and other technologies.</p>"
                              "<button>Accept and continue</button><p>End of YouTube post, 1</p></div><p>" + k_second +
                              "</p></article>");
    CHECK(story_of(english) == std::vector<std::string>{k_first, k_second});
    Article german = extract("<article><h1>Bridge closes</h1><p>" + k_first + "</p><div class=\"embed\"><p>Ich bin damit "
                             "einverstanden, dass mir externe Inhalte angezeigt werden. Damit k\xC3\xB6nnen personenbezogene Daten "
                             "an Drittplattformen \xC3\xBC" "bermittelt werden.</p></div><p>" + k_second + "</p></article>");
    CHECK(story_of(german) == std::vector<std::string>{k_first, k_second});
    // A story about third-party content asks the reader for nothing.
    const std::string story = "The app will load third-party content from news sites, the company said on Monday.";
    Article about = extract("<article><h1>Bridge closes</h1><p>" + k_first + "</p><p>" + story + "</p></article>");
    CHECK(story_of(about) == std::vector<std::string>{k_first, story});
}

TEST_CASE("a label set between dashes or bullets is a label", "[article][furniture]") {
    for (std::string label : {"- Advertisement -", "\xE2\x80\x94 Anzeige \xE2\x80\x94", "\xE2\x80\xA2 Read more \xE2\x80\xA2"}) {
        Article article = extract("<article><h1>Bridge closes</h1><p>" + k_first + "</p><div class=\"slot\"><span>" + label +
                                  "</span></div><p>" + k_second + "</p></article>");
        CHECK(story_of(article) == std::vector<std::string>{k_first, k_second});
    }
}

TEST_CASE("a recirculation module inside the story, with its heading, is not body text", "[article][furniture]") {
    Article article = extract("<article><h1>Bridge closes</h1><p>" + k_first + "</p>"
                              "<section class=\"brands-most-popular // recirculation-modules\"><h2>Editor's picks</h2>"
                              "<div class=\"o-card\"><a href=\"/other\"><h3>The best albums of the year</h3></a></div></section>"
                              "<p>" + k_second + "</p><p>" + k_third + "</p></article>");
    CHECK(story_of(article) == std::vector<std::string>{k_first, k_second, k_third});
}

TEST_CASE("a dateline that opens the body as a paragraph of its own is not body text", "[article][furniture]") {
    Article article = extract("<article><h1>Bridge closes</h1><div class=\"article__text\">"
                              "<span class=\"article__location\">Bad Schandau.</span><p>" + k_first + "</p><p>" +
                              k_second + "</p><p>" + k_third + "</p></div></article>");
    CHECK(story_of(article) == std::vector<std::string>{k_first, k_second, k_third});
    // A short first sentence of the story stays.
    Article sentence = extract("<article><h1>Bridge closes</h1><p>It is over.</p><p>" + k_first + "</p><p>" + k_second +
                               "</p></article>");
    CHECK(story_of(sentence) == std::vector<std::string>{"It is over.", k_first, k_second});
}

TEST_CASE("Japanese 'recommended' and 'follow the category' boxes are not body text", "[article][furniture]") {
    Article article = extract("<article><h1>Bridge closes</h1><p>" + k_first + "</p><p>" + k_second + "</p><p>" + k_third +
                              "</p><div class=\"cmp-lst016\"><p class=\"hdg\">カテゴリーをフォローする</p><ul class=\"list\">"
                              "<li><button>社会</button><div class=\"container\"><p>『カテゴリーをフォロー』すると、"
                              "マイページでまとめて記事を読むことができます。</p></div></li></ul></div>"
                              "<div class=\"cmp-misc010\"><div class=\"txt pr\">おすすめ情報</div></div></article>");
    CHECK(story_of(article) == std::vector<std::string>{k_first, k_second, k_third});
}

TEST_CASE("a print edition's header set again above or below the text is not body text, a subheading after a paragraph is",
          "[article][furniture]") {
    Article article = extract("<article><h1 class=\"entry-title\">Bridge closes</h1><div class=\"entry-content\">"
                              "<h3 class=\"aboveheading\">Verkehr</h3><h1 class=\"printheading\">Bridge closes</h1>"
                              "<h2 class=\"subheading\">Engineers find the supports failing</h2>"
                              "<h5 class=\"authorshort\">ku Frankfurt</h5><p>" + k_first + "</p><h2>What comes next</h2><p>" +
                              k_second + "</p><p>" + k_third + "</p></div></article>");
    CHECK(story_of(article) == std::vector<std::string>{k_first, "What comes next", k_second, k_third});
    Article below = extract("<article><h1 class=\"entry-title\">Bridge closes</h1><div class=\"entry-content\"><p>" +
                            k_first + "</p><p>" + k_second + "</p><p>" + k_third + "</p>"
                            "<h1 class=\"printheading\">Bridge closes</h1><h5 class=\"authorshort\">Reuters/kra Frankfurt</h5>"
                            "</div></article>");
    CHECK(story_of(below) == std::vector<std::string>{k_first, k_second, k_third});
}

TEST_CASE("a line that opens with '>>' points to another page and is not body text", "[article][furniture]") {
    Article article = extract("<article><h1>Bridge closes</h1><p>" + k_first + "</p><p>&gt;&gt; Hier finden Sie "
                              "<a href=\"/termine\">alle Termine</a> im \xC3\x9C" "berblick</p><p>" + k_second + "</p><p>" +
                              k_third + "</p></article>");
    CHECK(story_of(article) == std::vector<std::string>{k_first, k_second, k_third});
}

TEST_CASE("a heading amid the story that titles a box of links left out is not body text, a subheading is",
          "[article][furniture]") {
    Article article = extract("<article><h1>Bridge closes</h1><p>" + k_first + "</p>"
                              "<div class=\"issue\"><h3>Current Issue</h3><a href=\"/issue/2024-01\"><span>January 2024 "
                              "issue: the bridges of the river valley and their keepers</span></a></div><p>" + k_second +
                              "</p><div class=\"block\"><h2>What comes next</h2></div><p>" + k_third + "</p></article>");
    CHECK(story_of(article) == std::vector<std::string>{k_first, k_second, "What comes next", k_third});
}

TEST_CASE("a prompt to install the site's app is not body text, also behind an emoji", "[article][furniture]") {
    Article article = extract("<article><h1>Bridge closes</h1><p>" + k_first + "</p><p>\xF0\x9F\x93\xB1 Baixe o app do Portal "
                              "Paulista para ver not\xC3\xAD" "cias em tempo real</p><p>" + k_second + "</p><p>Download our app "
                              "for breaking news alerts.</p><p>" + k_third + "</p></article>");
    CHECK(story_of(article) == std::vector<std::string>{k_first, k_second, k_third});
}

TEST_CASE("a box of topic links after the story is not body text, nor the bold call before it", "[article][furniture]") {
    Article article = extract("<article><h1>Bridge closes</h1><div class=\"article__content\"><p>" + k_first + "</p><p>" +
                              k_second + "</p><p>" + k_third + "</p><p><strong>We pay for your stories! Email us at "
                              "tips@example.co.uk</strong></p></div><div class=\"article__topics\"><span>Topics</span><ul>"
                              "<li><a href=\"/topic/dogs/\">Dogs</a></li></ul></div></article>");
    CHECK(story_of(article) == std::vector<std::string>{k_first, k_second, k_third});
}

TEST_CASE("a pull quote that repeats the story's words is not body text, nor its attribution; a quote of its own is",
          "[article][furniture]") {
    Article article = extract("<article><h1>Bridge closes</h1><p>" + k_first + "</p><p>" + k_second +
                              "</p><blockquote class=\"pullquote\"><p>\xE2\x80\x9C" "Engineers had warned for years that the "
                              "supports were failing\xE2\x80\x9D</p><p>Mayor Jane Roe</p></blockquote><p>" + k_third +
                              "</p><blockquote><p>The bridge has served us for more than a century.</p></blockquote></article>");
    CHECK(story_of(article) ==
          std::vector<std::string>{k_first, k_second, k_third, "The bridge has served us for more than a century."});
}

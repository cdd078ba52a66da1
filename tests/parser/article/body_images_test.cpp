#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "parser/article/extractor.h"
#include "tests/parser/article/article_pages.h"

using namespace newswire;
using test::k_first;
using test::k_third;

namespace {

Article extract(const std::string& body_html) { return test::extract_page("<title>T</title>", body_html); }

const std::string k_second =
    "\xE2\x80\x9EWe cannot wait any longer\xE2\x80\x9C, the mayor said after the vote, which ended a long debate.";

}  // namespace

TEST_CASE("a figure that holds a quotation is a quote of the body, not an image", "[article][body][images]") {
    Article article = extract("<article><h1>Bridge closes</h1><p>" + k_first + "</p><p>" + k_third +
                              "</p><figure><blockquote><p>Nobody will miss the noise of the old bridge.</p>"
                              "</blockquote><figcaption>Anna Berg, resident</figcaption></figure></article>");
    REQUIRE(article.body.size() == 3);
    CHECK(article.body[2].type == BlockType::quote);
    CHECK(article.body[2].text == "Nobody will miss the noise of the old bridge.");
    CHECK(article.images.empty());
}

TEST_CASE("a pull quote that repeats a sentence of the text is left out", "[article][body]") {
    Article article = extract("<article><h1>Bridge closes</h1><p>" + k_first + "</p><p>" + k_second +
                              "</p><figure><blockquote><p>We cannot wait any longer.</p></blockquote>"
                              "<figcaption>The mayor</figcaption></figure><p>" + k_third + "</p></article>");
    std::vector<std::string> texts;
    for (const Block& block : article.body) texts.push_back(block.text);
    CHECK(texts == std::vector<std::string>{k_first, k_second, k_third});
}

TEST_CASE("text after a figure's caption (a player's switches and labels) is not caption text", "[article][images]") {
    Article article = extract("<article><h1>Bridge closes</h1><figure><img src=\"https://x.test/bridge.jpg\">"
                              "<figcaption><span class=\"caption-icon\"><svg></svg></span><span>The old bridge at "
                              "dusk.</span></figcaption><div><span>autoplay</span></div><h2>More videos</h2>"
                              "</figure><p>" + k_first + "</p><p>" + k_third + "</p></article>");
    REQUIRE(article.images.size() == 1);
    CHECK(article.images[0].caption == "The old bridge at dusk.");
}

TEST_CASE("a video's date and running time are not part of its caption", "[article][images]") {
    Article article = extract("<article><h1>Bridge closes</h1><figure><img src=\"https://x.test/bridge.jpg\">"
                              "<figcaption><p>The council debates the bridge.</p><small>26.10.2025 | 2:43 min</small>"
                              "</figcaption></figure><p>" + k_first + "</p><p>" + k_third + "</p></article>");
    REQUIRE(article.images.size() == 1);
    CHECK(article.images[0].caption == "The council debates the bridge.");
}

TEST_CASE("a lightbox box that opens with the credit holds the caption, not one long credit", "[article][images]") {
    Article article = extract("<article><h1>Bridge closes</h1><figure><a href=\"/big.jpg\"><div class=\"lightbox-caption\">"
                              "<div>Bild: APA/Anna Berg</div><div>The old bridge at dusk</div></div></a>"
                              "<img src=\"https://x.test/bridge.jpg\"><figcaption>The old bridge at dusk</figcaption>"
                              "</figure><p>" + k_first + "</p><p>" + k_third + "</p></article>");
    REQUIRE(article.images.size() == 1);
    CHECK(article.images[0].caption == "The old bridge at dusk");
    CHECK(article.images[0].credit == std::vector<std::string>{"APA/Anna Berg"});
}

TEST_CASE("a picture inside a link to its place on the page (a gallery view) is an article image", "[article][images]") {
    Article article = extract("<article><h1>Bridge closes</h1><p>" + k_first + "</p><a href=\"#gallery-2\"><figure>"
                              "<img src=\"https://x.test/pier.jpg\"><figcaption>The northern pier. Foto: Anna Berg"
                              "</figcaption></figure></a><p>" + k_third + "</p></article>");
    REQUIRE(article.images.size() == 1);
    CHECK(article.images[0].caption == "The northern pier.");
    CHECK(article.images[0].credit == std::vector<std::string>{"Anna Berg"});
}

TEST_CASE("a box that opens with a picture holds its caption, not body text", "[article][body]") {
    Article article = extract("<article><h1>Bridge closes</h1><p>" + k_first + "</p><div><div><div><picture>"
                              "<img src=\"https://x.test/bridge.jpg\"></picture></div></div><div>The old bridge at "
                              "dusk.</div><div>Quelle: AFP</div></div><p>" + k_third + "</p></article>");
    std::vector<std::string> texts{article.teaser};
    for (const Block& block : article.body) texts.push_back(block.text);
    CHECK(texts == std::vector<std::string>{k_first, k_third});
}

TEST_CASE("the dash that set a credit apart does not stay at the end of the caption", "[article][images]") {
    Article article = extract("<article><h1>Bridge closes</h1><p>" + k_first + "</p><figure><img src=\"https://x.test/"
                              "bridge.jpg\"><figcaption><p>The old bridge at dusk. \xE2\x80\x94 \xC2\xA9 BELGA</p>"
                              "</figcaption></figure><p>" + k_third + "</p></article>");
    REQUIRE(article.images.size() == 1);
    CHECK(article.images[0].caption == "The old bridge at dusk.");
    CHECK(article.images[0].credit == std::vector<std::string>{"BELGA"});
}

TEST_CASE("a picture captioned with a byline is the author's portrait, not an article image", "[article][images]") {
    Article article = extract("<article><h1>Bridge closes</h1><figure><img src=\"https://x.test/author.jpg\">"
                              "<figcaption>von Katja Berg</figcaption></figure><p>" + k_first + "</p><figure>"
                              "<img src=\"https://x.test/bridge.jpg\"><figcaption>By night the bridge is lit.</figcaption>"
                              "</figure><p>" + k_third + "</p></article>");
    REQUIRE(article.images.size() == 1);
    CHECK(article.images[0].caption == "By night the bridge is lit.");
}

TEST_CASE("a picture without caption between headline and body is the lead image when the page declares it",
          "[article][images]") {
    const std::string body = "<article><h1>Bridge closes</h1><div class=\"post-thumbnail\"><img src=\"/up/bridge-1024x683.jpg\" "
                             "width=\"1024\"></div><div class=\"entry-content\"><p>" + k_first + "</p><figure>"
                             "<img src=\"/up/vote.jpg\"><figcaption>The council votes.</figcaption></figure><p>" + k_third +
                             "</p></div></article>";
    Article declared = test::extract_page("<meta property=\"og:image\" content=\"https://example.com/up/bridge.jpg\">",
                                          body, "https://example.com/a.html");
    REQUIRE(declared.images.size() == 2);
    CHECK(declared.images[0].url == "https://example.com/up/bridge-1024x683.jpg");
    CHECK(declared.images[0].caption.empty());
    CHECK(declared.images[1].url == "https://example.com/up/vote.jpg");
    // A picture the page does not declare may be an advertisement or a teaser's: it needs a caption.
    Article other = test::extract_page("<meta property=\"og:image\" content=\"https://example.com/up/harbour.jpg\">",
                                       body, "https://example.com/a.html");
    REQUIRE(other.images.size() == 1);
    CHECK(other.images[0].url == "https://example.com/up/vote.jpg");
}

TEST_CASE("a figure that is a card linking to another page is no image of the story", "[article][images]") {
    Article article = test::extract_page("<title>T</title>", "<article><h1>Bridge closes</h1><p>" + k_first + "</p><figure class=\"kg-card kg-bookmark-card\">"
                              "<a href=\"/news-deserts/\"><div class=\"kg-bookmark-title\">Where the news deserts grow</div>"
                              "<div class=\"kg-bookmark-description\">A look at the places that lost their paper.</div>"
                              "<img src=\"/favicon.ico\"><img src=\"/desert.jpg\"></a></figure><figure><a href=\"/video/1\">"
                              "<img src=\"/clip.jpg\"><figcaption>The last car crosses the bridge.</figcaption></a></figure><p>" +
                              k_third + "</p></article>", "https://example.com/a.html");
    REQUIRE(article.images.size() == 1);
    CHECK(article.images[0].url == "https://example.com/clip.jpg");
    CHECK(article.images[0].caption == "The last car crosses the bridge.");
}

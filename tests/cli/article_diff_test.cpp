#include <catch2/catch.hpp>

#include "cli/article_diff.h"

using namespace newswire;
using namespace newswire::cli;

namespace {

Article corrected_story(const std::string& votes, const std::string& heading) {
    Article article;
    article.section = "Politik";
    article.headline = "Raab leitet Migrations-Thinktank";
    article.teaser = "Die frühere Ministerin setzt sich durch.\nSie ist die erste Frau im Amt.";
    article.authors = {"Anna Muster", "Bernd Beispiel"};
    article.published = Timestamp{1749120000, 120};
    article.body = {{BlockType::paragraph, "Raab setzte sich " + votes + " durch."},
                    {BlockType::heading, heading},
                    {BlockType::quote, "Ein Privileg."},
                    {BlockType::list_item, "Sitz in Wien"},
                    {BlockType::paragraph, "Gegründet 1993."}};
    article.source_credit = SourceCredit{"Quelle: sn.at, apa", "sn.at", {}, {"apa"}};
    return article;
}

}  // namespace

TEST_CASE("an article is compared as one line a field or body block", "[cli]") {
    CHECK(article_lines(corrected_story("mit 13 zu 8 Stimmen", "Erste Frau an Spitze")) ==
          std::vector<std::string>{"section: Politik", "headline: Raab leitet Migrations-Thinktank",
                                   "teaser: Die frühere Ministerin setzt sich durch.",
                                   "teaser: Sie ist die erste Frau im Amt.", "authors: Anna Muster; Bernd Beispiel",
                                   "published: 2025-06-05T12:40:00+02:00", "Raab setzte sich mit 13 zu 8 Stimmen durch.",
                                   "## Erste Frau an Spitze", "> Ein Privileg.", "* Sitz in Wien", "Gegründet 1993.",
                                   "credit: Quelle: sn.at, apa"});
    CHECK(article_lines(Article{}).empty());
}

// dtl's hunks keep three lines of context before a change and up to four after it; the
// counts in each hunk's header match its lines, so patch(1) reads them.
TEST_CASE("two revisions differ as diff -u shows them, or word by word", "[cli]") {
    const auto before = article_lines(corrected_story("mit 13 zu 8 Stimmen", "Erste Frau an Spitze"));
    const auto after = article_lines(corrected_story("mit 14 zu 7 Stimmen", "Erste Frau an der Spitze"));

    CHECK(unified_diff(before, before).empty());
    CHECK(unified_diff(before, after) ==
          "@@ -4,9 +4,9 @@\n"
          " teaser: Sie ist die erste Frau im Amt.\n"
          " authors: Anna Muster; Bernd Beispiel\n"
          " published: 2025-06-05T12:40:00+02:00\n"
          "-Raab setzte sich mit 13 zu 8 Stimmen durch.\n"
          "-## Erste Frau an Spitze\n"
          "+Raab setzte sich mit 14 zu 7 Stimmen durch.\n"
          "+## Erste Frau an der Spitze\n"
          " > Ein Privileg.\n"
          " * Sitz in Wien\n"
          " Gegründet 1993.\n"
          " credit: Quelle: sn.at, apa\n");
    CHECK(unified_diff(before, after, true) ==
          "@@ -4,9 +4,9 @@\n"
          " teaser: Sie ist die erste Frau im Amt.\n"
          " authors: Anna Muster; Bernd Beispiel\n"
          " published: 2025-06-05T12:40:00+02:00\n"
          "~Raab setzte sich mit [-13-] {+14+} zu [-8-] {+7+} Stimmen durch.\n"
          "~## Erste Frau an {+der+} Spitze\n"
          " > Ein Privileg.\n"
          " * Sitz in Wien\n"
          " Gegründet 1993.\n"
          " credit: Quelle: sn.at, apa\n");
}

TEST_CASE("lines only added or only removed stay whole with --words; far changes are hunks of their own", "[cli]") {
    std::vector<std::string> before{"a", "b", "c", "d", "e", "f", "g", "h", "i", "j"};
    std::vector<std::string> after{"a", "new", "b", "c", "d", "e", "f", "g", "h", "j"};
    const std::string expected =
        "@@ -1,4 +1,5 @@\n"
        " a\n"
        "+new\n"
        " b\n"
        " c\n"
        " d\n"
        "@@ -6,5 +7,4 @@\n"
        " f\n"
        " g\n"
        " h\n"
        "-i\n"
        " j\n";
    CHECK(unified_diff(before, after) == expected);
    CHECK(unified_diff(before, after, true) == expected);
    // Two lines replaced by one: the first pair is compared word by word, the rest stays whole.
    CHECK(unified_diff({"one two", "three"}, {"one too"}, true) == "@@ -1,2 +1,1 @@\n~one [-two-] {+too+}\n-three\n");
}

#include <catch2/catch.hpp>

#include "parser/article/credit.h"

using newswire::parse_source_credit;
using newswire::SourceCredit;

namespace {
SourceCredit credit(std::string raw, std::string outlet, std::vector<std::string> editors,
                    std::vector<std::string> agencies) {
    return SourceCredit{std::move(raw), std::move(outlet), std::move(editors), std::move(agencies)};
}
}  // namespace

TEST_CASE("an n-tv credit line names outlet, editor and agency", "[article][credit]") {
    CHECK(parse_source_credit("Quelle: ntv.de, gut/rts") == credit("Quelle: ntv.de, gut/rts", "ntv.de", {"gut"}, {"rts"}));
    CHECK(parse_source_credit("Quelle: ntv.de, ino/dpa") == credit("Quelle: ntv.de, ino/dpa", "ntv.de", {"ino"}, {"dpa"}));
    CHECK(parse_source_credit("Quelle: ntv.de") == credit("Quelle: ntv.de", "ntv.de", {}, {}));
}

TEST_CASE("an outlet with dots in its name keeps them", "[article][credit]") {
    CHECK(parse_source_credit("Quelle: F.A.Z.") == credit("Quelle: F.A.Z.", "F.A.Z.", {}, {}));
}

TEST_CASE("a parenthesised agency list is agencies only", "[article][credit]") {
    CHECK(parse_source_credit("(Quelle: APA/sda/dpa)") ==
          credit("(Quelle: APA/sda/dpa)", "", {}, {"APA", "sda", "dpa"}));
    CHECK(parse_source_credit("(dpa)") == credit("(dpa)", "", {}, {"dpa"}));
}

TEST_CASE("initials and agencies without an opener are a credit line", "[article][credit]") {
    CHECK(parse_source_credit("ali/dpa/AFP") == credit("ali/dpa/AFP", "", {"ali"}, {"dpa", "AFP"}));
    CHECK(parse_source_credit("mit dpa") == credit("mit dpa", "", {}, {"dpa"}));
}

TEST_CASE("material and information from agencies are credit lines", "[article][credit]") {
    CHECK(parse_source_credit("Mit Material von dpa und Reuters") ==
          credit("Mit Material von dpa und Reuters", "", {}, {"dpa", "Reuters"}));
    CHECK(parse_source_credit("Mit Informationen von AFP, KNA und epd") ==
          credit("Mit Informationen von AFP, KNA und epd", "", {}, {"AFP", "KNA", "epd"}));
}

TEST_CASE("sentences and bare agency names are not credit lines", "[article][credit]") {
    CHECK_FALSE(parse_source_credit("Mit dem neuen Gesetz ändert sich vieles für Mieter."));
    CHECK_FALSE(parse_source_credit("dpa"));
    CHECK_FALSE(parse_source_credit("Quelle: Die Zahlen stammen aus einer Umfrage des Instituts unter 2000 Menschen"));
    CHECK_FALSE(parse_source_credit(""));
}

TEST_CASE("French, Spanish, Portuguese and Dutch credit lines name their agencies", "[article][credit]") {
    CHECK(parse_source_credit("Avec AFP") == credit("Avec AFP", "", {}, {"AFP"}));
    CHECK(parse_source_credit("(avec AFP et Reuters)") == credit("(avec AFP et Reuters)", "", {}, {"AFP", "Reuters"}));
    CHECK(parse_source_credit("Con informaci\xC3\xB3n de EFE") == credit("Con informaci\xC3\xB3n de EFE", "", {}, {"EFE"}));
    CHECK(parse_source_credit("Com informa\xC3\xA7\xC3\xB5" "es da Reuters") ==
          credit("Com informa\xC3\xA7\xC3\xB5" "es da Reuters", "", {}, {"Reuters"}));
    CHECK(parse_source_credit("Met ANP") == credit("Met ANP", "", {}, {"ANP"}));
    // A sentence that opens with the same word names no agency.
    CHECK_FALSE(parse_source_credit("Avec le soutien de la ville"));
    CHECK_FALSE(parse_source_credit("Con el apoyo de todos"));
}

TEST_CASE("credit lines in Polish, Turkish, Arabic and Chinese name their source", "[article][credit]") {
    CHECK(parse_source_credit("\xC5\xB9r\xC3\xB3" "d\xC5\x82o: PAP") ==
          credit("\xC5\xB9r\xC3\xB3" "d\xC5\x82o: PAP", "PAP", {}, {}));  // Źródło: PAP
    CHECK(parse_source_credit("Kaynak: AA") == credit("Kaynak: AA", "AA", {}, {}));
    // المصدر: الخبر اليوم + وكالات (the paper and the agencies)
    CHECK(parse_source_credit("\xD8\xA7\xD9\x84\xD9\x85\xD8\xB5\xD8\xAF\xD8\xB1: "
                              "\xD8\xA7\xD9\x84\xD8\xAE\xD8\xA8\xD8\xB1 \xD8\xA7\xD9\x84\xD9\x8A\xD9\x88\xD9\x85 + "
                              "\xD9\x88\xD9\x83\xD8\xA7\xD9\x84\xD8\xA7\xD8\xAA") ==
          credit("\xD8\xA7\xD9\x84\xD9\x85\xD8\xB5\xD8\xAF\xD8\xB1: \xD8\xA7\xD9\x84\xD8\xAE\xD8\xA8\xD8\xB1 "
                 "\xD8\xA7\xD9\x84\xD9\x8A\xD9\x88\xD9\x85 + \xD9\x88\xD9\x83\xD8\xA7\xD9\x84\xD8\xA7\xD8\xAA",
                 "\xD8\xA7\xD9\x84\xD8\xAE\xD8\xA8\xD8\xB1 \xD8\xA7\xD9\x84\xD9\x8A\xD9\x88\xD9\x85", {},
                 {"\xD9\x88\xD9\x83\xD8\xA7\xD9\x84\xD8\xA7\xD8\xAA"}));
    // 来源：新华网, with the full-width colon
    CHECK(parse_source_credit("\xE6\x9D\xA5\xE6\xBA\x90\xEF\xBC\x9A\xE6\x96\xB0\xE5\x8D\x8E\xE7\xBD\x91") ==
          credit("\xE6\x9D\xA5\xE6\xBA\x90\xEF\xBC\x9A\xE6\x96\xB0\xE5\x8D\x8E\xE7\xBD\x91",
                 "\xE6\x96\xB0\xE5\x8D\x8E\xE7\xBD\x91", {}, {}));
    CHECK(parse_source_credit("QUELLE: ntv.de") == credit("QUELLE: ntv.de", "ntv.de", {}, {}));
    CHECK_FALSE(parse_source_credit("Kaynak: Kentteki yeni metro hatt\xC4\xB1 g\xC3\xBCnde 400 bin yolcu ta\xC5\x9F\xC4\xB1yacak"));
}

TEST_CASE("an Indian paper's '(With inputs from PTI)' credits the agency", "[article][credit]") {
    CHECK(parse_source_credit("(With inputs from PTI)") == credit("(With inputs from PTI)", "", {}, {"PTI"}));
    CHECK(parse_source_credit("With input from ANI and PTI") ==
          credit("With input from ANI and PTI", "", {}, {"ANI", "PTI"}));
    CHECK_FALSE(parse_source_credit("With inputs from readers across the state"));
}

TEST_CASE("an ots press release credits its sender and news aktuell", "[article][credit]") {
    CHECK(parse_source_credit("Original-Content von: Stadtwerke Lindenau GmbH, \xC3\xBC" "bermittelt durch news aktuell") ==
          credit("Original-Content von: Stadtwerke Lindenau GmbH, \xC3\xBC" "bermittelt durch news aktuell",
                 "Stadtwerke Lindenau GmbH", {}, {"news aktuell"}));
}

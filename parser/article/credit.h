#pragma once
// The source-credit line that closes many news articles ("Quelle: ntv.de, gut/rts",
// "ali/dpa/AFP", "(dpa)", "Mit Material von dpa und Reuters"). Private to parser/article.

#include <optional>
#include <string_view>

#include "core/article.h"

namespace newswire {

// Is `code` (as written, any case) an agency code: dpa, AFP, rts (Reuters), AP, KNA, epd, sid,
// dts, AFX, Bloomberg, APA, sda, ...?
bool is_agency_code(std::string_view code);

// `line` parsed as a source-credit line, or nullopt when it is not one. `raw` keeps the line
// as written (outer parentheses included); agencies keep their spelling ("rts").
std::optional<SourceCredit> parse_source_credit(std::string_view line);

// Does `line` open with a word that names a source and a colon ("Quelle:", "来源：", "Źródło:"),
// not with agencies alone ("(dpa)") or a phrase ("Mit Material von")?
bool opens_with_source_word(std::string_view line);

}  // namespace newswire

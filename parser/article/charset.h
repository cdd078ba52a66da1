#pragma once
// Which charset a page is in, and its text as UTF-8. Private to parser/article.

#include <string>
#include <string_view>

namespace newswire {

// The charset the page declares: the HTTP Content-Type's charset parameter when given, else
// <meta charset>, <meta http-equiv="Content-Type" content="...; charset=...">, or an XML
// declaration's encoding, looked for in the first 64 KiB. Lower-case; empty when none.
std::string declared_charset(std::string_view html, std::string_view content_type);

// The page as valid UTF-8: a BOM first, then valid UTF-8 (it wins over a wrong declaration),
// then the declared charset, then windows-1252 (core/text.h to_utf8).
std::string decode_page(std::string_view html, std::string_view content_type);

}  // namespace newswire

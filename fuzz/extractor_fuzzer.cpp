// libFuzzer entry: any bytes as a page, with and without a content type. Nothing may crash,
// hang or leak; the result is checked for valid UTF-8 text.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/text.h"
#include "parser/article/extractor.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view page(reinterpret_cast<const char*>(data), size);
    std::string_view content_type = size % 2 ? "text/html; charset=windows-1252" : "";
    auto article = newswire::extract_article(page, "https://example.org/a/b.html", content_type);
    if (!article) return 0;
    if (!newswire::is_valid_utf8(newswire::article_text(*article))) __builtin_trap();
    if (!newswire::is_valid_utf8(article->headline) || !newswire::is_valid_utf8(article->kicker)) __builtin_trap();
    return 0;
}

#include "parser/feed/sniff.h"

#include <array>
#include <cctype>
#include <cstring>

#include "core/text.h"

namespace newswire::feed_detail {

std::optional<std::string> refuse_non_feed(std::string_view bytes) {
    using namespace std::string_view_literals;
    struct Magic { std::string_view prefix; std::string_view what; };
    static constexpr std::array<Magic, 9> k_magic{{
        {"\x89PNG"sv, "a PNG image"},       {"GIF8"sv, "a GIF image"},
        {"\xFF\xD8\xFF"sv, "a JPEG image"}, {"%PDF"sv, "a PDF document"},
        {"PK\x03\x04"sv, "a ZIP archive"},  {"\x1F\x8B"sv, "gzip-compressed data (not decompressed)"},
        {"RIFF"sv, "a RIFF (WebP/WAV/AVI) file"}, {"\x28\xB5\x2F\xFD"sv, "zstd-compressed data"},
        {"BM"sv, "a BMP image"},
    }};
    if (bytes.empty() || (bytes.front() == '<' || std::isspace(static_cast<unsigned char>(bytes.front())))) {
        return std::nullopt;  // no magic starts like markup: the common case, decided at once
    }
    for (const Magic& magic : k_magic) {
        if (bytes.starts_with(magic.prefix) && (magic.prefix != "BM" || bytes.find('<') == std::string_view::npos)) {
            return "not a feed: the bytes are " + std::string(magic.what);
        }
    }
    return std::nullopt;
}

namespace {

// std::isspace in the C locale, without a call per byte.
bool is_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

// Where the first `terminator` ("?>" or "-->") found from offset 2 of `text` ends; npos when none.
// Jumps from one '>' to the next: declarations and comments hold few.
std::size_t find_terminator(std::string_view text, std::string_view terminator) {
    std::size_t from = 2 + terminator.size() - 1;
    while (from < text.size()) {
        const void* found = std::memchr(text.data() + from, '>', text.size() - from);
        if (!found) return std::string_view::npos;
        std::size_t close = static_cast<std::size_t>(static_cast<const char*>(found) - text.data());
        if (text.substr(close + 1 - terminator.size(), terminator.size()) == terminator) return close + 1;
        from = close + 1;
    }
    return std::string_view::npos;
}

}  // namespace

std::size_t skip_prolog(std::string_view text) {
    std::size_t i = 0;
    for (int guard = 0; guard < 64; ++guard) {
        while (i < text.size() && is_space(text[i])) ++i;
        std::string_view rest = text.substr(i);
        std::string_view terminator = rest.starts_with("<?") ? "?>" : rest.starts_with("<!--") ? "-->" : "";
        if (terminator.empty()) return i;
        std::size_t end = find_terminator(rest, terminator);
        if (end == std::string_view::npos) return std::string_view::npos;
        i += end;
    }
    return i;
}

std::string_view first_markup(std::string_view text) {
    std::size_t start = skip_prolog(text);
    return start == std::string_view::npos ? std::string_view{} : text.substr(start);
}

std::optional<std::string> refuse_html(std::string_view markup) {
    bool may_be_html = markup.size() > 1 && markup[0] == '<' && (markup[1] == '!' || markup[1] == 'h' || markup[1] == 'H');
    if (may_be_html && (starts_with_ci(markup, "<!doctype html") || starts_with_ci(markup, "<html"))) {
        return "not a feed: this is an HTML page (a web page, not its RSS or Atom feed)";
    }
    return std::nullopt;
}

}  // namespace newswire::feed_detail

#include "parser/feed/encoding.h"

#include <cctype>
#include <cstdint>
#include <cstring>

#include "core/text.h"

namespace newswire::feed_detail {

namespace {

std::string_view trim_quotes_and_space(std::string_view value) {
    while (!value.empty() && (std::isspace(static_cast<unsigned char>(value.front())) ||
                              value.front() == '"' || value.front() == '\'')) {
        value.remove_prefix(1);
    }
    std::size_t end = 0;
    while (end < value.size() && !std::isspace(static_cast<unsigned char>(value[end])) &&
           value[end] != '"' && value[end] != '\'' && value[end] != ';' && value[end] != ',') {
        ++end;
    }
    return value.substr(0, end);
}

// UTF-16/32 without a BOM, recognised by where the NUL bytes of "<?" or "<" fall.
std::string_view wide_pattern(std::string_view b) {
    using namespace std::string_view_literals;
    if (b.starts_with("\x00\x00\x00<"sv)) return "utf-32be";
    if (b.starts_with("<\x00\x00\x00"sv)) return "utf-32le";
    if (b.starts_with("\x00<\x00"sv)) return "utf-16be";
    if (b.starts_with("<\x00"sv) && b.size() > 2 && b[2] != '\0') return "utf-16le";
    return {};
}

bool names_wide_charset(std::string_view name) {
    std::string lower = to_lower_ascii(name);
    return lower.starts_with("utf-16") || lower.starts_with("utf16") || lower.starts_with("utf-32") ||
           lower.starts_with("ucs");
}

}  // namespace

std::string charset_from_content_type(std::string_view content_type) {
    std::string lower = to_lower_ascii(content_type);
    std::size_t at = lower.find("charset");
    if (at == std::string::npos) return {};
    std::size_t eq = lower.find('=', at);
    if (eq == std::string::npos) return {};
    return std::string(trim_quotes_and_space(std::string_view(lower).substr(eq + 1)));
}

std::string charset_from_xml_declaration(std::string_view bytes) {
    std::size_t start = 0;
    if (bytes.starts_with("\xEF\xBB\xBF")) start = 3;
    std::string_view head = bytes.substr(start, 256);
    std::size_t lead = 0;
    while (lead < head.size() && std::isspace(static_cast<unsigned char>(head[lead]))) ++lead;
    if (head.substr(lead, 5) != "<?xml") return {};
    std::size_t end = head.find("?>", lead);
    std::string_view decl = head.substr(lead, end == std::string_view::npos ? head.size() : end);
    std::size_t at = decl.find("encoding");
    if (at == std::string_view::npos) return {};
    std::size_t eq = decl.find('=', at);
    if (eq == std::string_view::npos) return {};
    return to_lower_ascii(trim_quotes_and_space(decl.substr(eq + 1)));
}

std::string declared_charset(std::string_view bytes, std::string_view content_type) {
    if (std::string_view wide = wide_pattern(bytes); !wide.empty()) return std::string(wide);
    std::string charset = charset_from_content_type(content_type);
    if (charset.empty()) charset = charset_from_xml_declaration(bytes);
    // A wide charset declared over bytes without NULs is a lie (the bytes were re-encoded).
    bool has_nul = bytes.substr(0, 64).find('\0') != std::string_view::npos;
    if (names_wide_charset(charset) && !has_nul) return {};
    return charset;
}

bool is_utf8(std::string_view bytes) {
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
    std::size_t n = bytes.size();
    std::size_t i = 0;
    while (i < n) {
        if (i + 8 <= n) {
            std::uint64_t word = 0;
            std::memcpy(&word, p + i, 8);
            if ((word & 0x8080808080808080ULL) == 0) {
                i += 8;
                continue;
            }
        }
        unsigned char c = p[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        std::size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
        if (len == 0 || c > 0xF4 || i + len > n) return false;
        for (std::size_t k = 1; k < len; ++k) {
            if ((p[i + k] & 0xC0) != 0x80) return false;
        }
        if (c == 0xE0 && p[i + 1] < 0xA0) return false;  // overlong
        if (c == 0xED && p[i + 1] >= 0xA0) return false;  // surrogates
        if (c == 0xF0 && p[i + 1] < 0x90) return false;  // overlong
        if (c == 0xF4 && p[i + 1] >= 0x90) return false;  // beyond U+10FFFF
        i += len;
    }
    return true;
}

std::string feed_to_utf8(std::string_view bytes, std::string_view content_type) {
    using namespace std::string_view_literals;
    bool bom = bytes.starts_with("\xEF\xBB\xBF"sv) || bytes.starts_with("\xFE\xFF"sv) ||
               bytes.starts_with("\xFF\xFE"sv) || bytes.starts_with("\x00\x00\xFE\xFF"sv);
    if (!bom && wide_pattern(bytes).empty() && bytes.find('\0') == std::string_view::npos && is_utf8(bytes)) {
        return std::string(bytes);  // the common case: valid UTF-8 wins, no conversion needed
    }
    std::string text = to_utf8(bytes, bom ? std::string() : declared_charset(bytes, content_type));
    if (std::string_view(text).starts_with("\xEF\xBB\xBF"sv)) text.erase(0, 3);
    return text;
}

}  // namespace newswire::feed_detail

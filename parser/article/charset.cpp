#include "parser/article/charset.h"

#include <cctype>

#include "core/text.h"

namespace newswire {
namespace {

constexpr std::size_t k_sniff_bytes = 64 * 1024;

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// The value after "charset=" in `text` (a Content-Type value or a meta content), or empty.
std::string charset_parameter(std::string_view text) {
    std::string lower = to_lower_ascii(text);
    std::size_t at = lower.find("charset");
    if (at == std::string::npos) return {};
    std::size_t i = at + 7;
    while (i < lower.size() && is_space(lower[i])) ++i;
    if (i >= lower.size() || lower[i] != '=') return {};
    ++i;
    while (i < lower.size() && (is_space(lower[i]) || lower[i] == '"' || lower[i] == '\'')) ++i;
    std::size_t start = i;
    while (i < lower.size() && (std::isalnum(static_cast<unsigned char>(lower[i])) || lower[i] == '-' ||
                                lower[i] == '_' || lower[i] == '.' || lower[i] == ':')) {
        ++i;
    }
    return lower.substr(start, i - start);
}

// The charset a <meta ...> or <?xml ...?> tag (the text between '<' and '>') declares.
std::string charset_of_tag(std::string_view tag) {
    if (!starts_with_ci(tag, "meta") && !starts_with_ci(tag, "?xml")) return {};  // most tags, without a copy
    std::string lower = to_lower_ascii(tag);
    if (lower.rfind("meta", 0) == 0) {
        if (lower.find("charset") == std::string::npos) return {};
        return charset_parameter(lower);
    }
    if (lower.rfind("?xml", 0) == 0) {
        std::size_t at = lower.find("encoding");
        if (at == std::string::npos) return {};
        std::string rewritten = "charset" + lower.substr(at + 8);
        return charset_parameter(rewritten);
    }
    return {};
}

}  // namespace

std::string declared_charset(std::string_view html, std::string_view content_type) {
    if (std::string from_header = charset_parameter(content_type); !from_header.empty()) {
        return from_header;
    }
    std::string_view head = html.substr(0, k_sniff_bytes);
    std::size_t i = 0;
    while ((i = head.find('<', i)) != std::string_view::npos) {
        std::size_t end = head.find('>', i);
        if (end == std::string_view::npos) break;
        std::string found = charset_of_tag(head.substr(i + 1, end - i - 1));
        // A page that could declare itself in ASCII is not UTF-16 (WHATWG "prescan").
        if (found.starts_with("utf-16") || found.starts_with("utf-32")) return "utf-8";
        if (!found.empty()) return found;
        i = end;
    }
    return {};
}

std::string decode_page(std::string_view html, std::string_view content_type) {
    return to_utf8(html, declared_charset(html, content_type));
}

}  // namespace newswire

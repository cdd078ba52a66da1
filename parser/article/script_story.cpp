#include "parser/article/script_story.h"

#include <optional>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/text.h"
#include "parser/article/meta_text.h"

namespace newswire {
namespace {

constexpr std::string_view k_flight_push = "self.__next_f.push([1,";
constexpr std::size_t k_min_paragraphs = 2;

// Position just past the JSON string literal whose opening quote is at `quote`; npos when it
// does not close.
std::size_t string_end(std::string_view text, std::size_t quote) {
    for (std::size_t i = quote + 1; i < text.size(); ++i) {
        if (text[i] == '\\') {
            ++i;
        } else if (text[i] == '"') {
            return i + 1;
        }
    }
    return std::string_view::npos;
}

// The text of a JSON string literal (quotes included); nullopt when it is none. A string
// cannot nest, so nlohmann's recursive parser is safe on it.
std::optional<std::string> decode_string(std::string_view literal) {
    auto value = nlohmann::json::parse(literal.begin(), literal.end(), nullptr, false);
    if (!value.is_string()) return std::nullopt;
    return value.get<std::string>();
}

// The payload of a Next.js page: the strings of its `self.__next_f.push([1, "..."])` calls,
// joined in page order (one row of the payload may be split across two calls).
std::string flight_payload(std::string_view page) {
    std::string payload;
    for (std::size_t at = page.find(k_flight_push); at != std::string_view::npos;
         at = page.find(k_flight_push, at + k_flight_push.size())) {
        std::size_t quote = at + k_flight_push.size();
        if (quote >= page.size() || page[quote] != '"') continue;
        std::size_t end = string_end(page, quote);
        if (end == std::string_view::npos) break;
        if (auto text = decode_string(page.substr(quote, end - quote))) payload += *text;
    }
    return payload;
}

// The value of a hex digit, or -1.
int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// The text rows of a flight payload, in order. A row is "ID:" and its value up to a line
// break, except a text row, "ID:T<length in hex>,", whose text is that many bytes, line breaks
// and all.
std::vector<std::string_view> flight_text_rows(std::string_view payload) {
    std::vector<std::string_view> rows;
    std::size_t pos = 0;
    while (pos < payload.size()) {
        std::size_t colon = payload.find(':', pos);
        if (colon == std::string_view::npos) break;
        if (colon + 1 < payload.size() && payload[colon + 1] == 'T') {
            std::size_t digits = colon + 2;
            std::size_t length = 0;
            std::size_t i = digits;
            for (; i < payload.size() && i - digits < 8 && hex_value(payload[i]) >= 0; ++i) {
                length = length * 16 + static_cast<std::size_t>(hex_value(payload[i]));
            }
            if (i > digits && i < payload.size() && payload[i] == ',') {
                std::string_view text = payload.substr(i + 1, length);
                rows.push_back(text);
                pos = i + 1 + text.size();
                continue;
            }
        }
        std::size_t line_end = payload.find('\n', colon);
        if (line_end == std::string_view::npos) break;
        pos = line_end + 1;
    }
    return rows;
}

// How many paragraphs (<p> elements) the fragment opens.
std::size_t paragraph_count(std::string_view html) {
    std::size_t count = 0;
    for (std::size_t at = html.find("<p"); at != std::string_view::npos; at = html.find("<p", at + 2)) {
        char next = at + 2 < html.size() ? html[at + 2] : '\0';
        if (next == '>' || next == ' ' || next == '\t' || next == '\n' || next == '/') ++count;
    }
    return count;
}

// Where each <script> element's contents start and end, with its opening tag.
struct ScriptElement {
    std::string_view tag;
    std::string_view text;
};

std::vector<ScriptElement> script_elements(std::string_view page) {
    std::vector<ScriptElement> scripts;
    std::size_t pos = 0;
    while (true) {
        std::size_t open = find_ci(page, "<script", pos);
        if (open == std::string_view::npos) break;
        std::size_t tag_end = page.find('>', open);
        if (tag_end == std::string_view::npos) break;
        std::size_t close = find_ci(page, "</script", tag_end + 1);
        if (close == std::string_view::npos) close = page.size();
        scripts.push_back({page.substr(open, tag_end + 1 - open), page.substr(tag_end + 1, close - tag_end - 1)});
        pos = close;
    }
    return scripts;
}

// The string literals of a JSON script that hold HTML paragraphs, decoded.
void add_json_strings(std::string_view json_text, std::vector<std::string>& out) {
    for (std::size_t quote = json_text.find('"'); quote != std::string_view::npos;) {
        std::size_t end = string_end(json_text, quote);
        if (end == std::string_view::npos) break;
        std::string_view literal = json_text.substr(quote, end - quote);
        // "<p" appears in JSON as it is or escaped as \u003cp.
        if (literal.find("<p") != std::string_view::npos || find_ci(literal, "\\u003cp") != std::string_view::npos) {
            if (auto text = decode_string(literal)) out.push_back(std::move(*text));
        }
        quote = json_text.find('"', end);
    }
}

}  // namespace

std::string script_story_html(std::string_view page) {
    std::vector<std::string> candidates;
    std::string payload = flight_payload(page);
    for (std::string_view row : flight_text_rows(payload)) candidates.emplace_back(row);
    for (const ScriptElement& script : script_elements(page)) {
        bool json_data = find_ci(script.tag, "application/json") != std::string_view::npos;
        if (json_data) add_json_strings(script.text, candidates);
    }
    std::string best;
    for (std::string& candidate : candidates) {
        if (candidate.size() > best.size() && paragraph_count(candidate) >= k_min_paragraphs) best = std::move(candidate);
    }
    return best;
}

std::string declared_story_html(std::string_view article_body) {
    if (paragraph_count(article_body) > 0) return std::string(article_body);
    std::string html;
    std::size_t start = 0;
    while (start < article_body.size()) {
        std::size_t end = article_body.find('\n', start);
        if (end == std::string_view::npos) end = article_body.size();
        std::string_view line = trim(article_body.substr(start, end - start));
        if (!line.empty()) {
            html += "<p>";
            for (char c : line) {
                if (c == '<') html += "&lt;";
                else if (c == '>') html += "&gt;";
                else if (c == '&') html += "&amp;";
                else html += c;
            }
            html += "</p>";
        }
        start = end + 1;
    }
    return html;
}

}  // namespace newswire

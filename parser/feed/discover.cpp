#include "parser/feed/discover.h"

#include <algorithm>
#include <array>
#include <optional>

#include "core/text.h"
#include "core/url.h"
#include "parser/feed/html_text.h"
#include "parser/feed/xml_util.h"

namespace newswire {
namespace {

constexpr std::size_t k_max_links = 16;
constexpr std::size_t k_max_scanned_bytes = 1024 * 1024;  // feed links stand in the head

constexpr std::array<std::string_view, 4> k_feed_types{
    "application/rss+xml", "application/atom+xml", "application/feed+json", "application/rdf+xml"};

struct Tag {
    std::string_view name;  // as written
    std::vector<std::pair<std::string_view, std::string_view>> attributes;

    std::string_view operator[](std::string_view wanted) const {
        for (const auto& [key, value] : attributes) {
            if (equals_ci(key, wanted)) return value;
        }
        return {};
    }
};

using feed_detail::trim;

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// Reads the tag that opens at `at` ('<'); `at` moves past it. A linear scan of attributes as
// HTML writes them: name, name=value, name="value", name='value'.
Tag read_tag(std::string_view html, std::size_t& at) {
    Tag tag;
    std::size_t i = at + 1;
    std::size_t start = i;
    while (i < html.size() && !is_space(html[i]) && html[i] != '>' && html[i] != '/') ++i;
    tag.name = html.substr(start, i - start);
    while (i < html.size() && html[i] != '>') {
        while (i < html.size() && (is_space(html[i]) || html[i] == '/')) ++i;
        start = i;
        while (i < html.size() && !is_space(html[i]) && html[i] != '=' && html[i] != '>' && html[i] != '/') ++i;
        std::string_view name = html.substr(start, i - start);
        std::string_view value;
        while (i < html.size() && is_space(html[i])) ++i;
        if (i < html.size() && html[i] == '=') {
            ++i;
            while (i < html.size() && is_space(html[i])) ++i;
            char quote = i < html.size() && (html[i] == '"' || html[i] == '\'') ? html[i] : '\0';
            start = quote ? ++i : i;
            while (i < html.size() && (quote ? html[i] != quote : !is_space(html[i]) && html[i] != '>')) ++i;
            value = html.substr(start, i - start);
            if (quote && i < html.size()) ++i;
        }
        if (!name.empty() && tag.attributes.size() < 32) tag.attributes.emplace_back(name, value);
        if (name.empty() && i < html.size() && html[i] != '>') ++i;  // a stray character
    }
    at = i;
    return tag;
}

bool has_token(std::string_view list, std::string_view token) {
    std::size_t start = 0;
    while (start < list.size()) {
        std::size_t end = list.find_first_of(" \t\r\n", start);
        if (end == std::string_view::npos) end = list.size();
        if (equals_ci(list.substr(start, end - start), token)) return true;
        start = end + 1;
    }
    return false;
}

bool is_feed_link(const Tag& tag) {
    if (!has_token(tag["rel"], "alternate")) return false;
    std::string_view type = trim(tag["type"]);
    return std::any_of(k_feed_types.begin(), k_feed_types.end(), [&](std::string_view known) { return equals_ci(type, known); });
}

// WordPress and others list the comments' feed beside the articles' one.
bool is_comment_feed(const Tag& tag, std::string_view url) {
    for (std::string_view word : {"comment", "kommentar", "commentaire", "comentario"}) {
        if (contains_ci(tag["title"], word) || contains_ci(url, word)) return true;
    }
    return false;
}

// An attribute value as written in HTML, its character references decoded.
std::string decoded(std::string_view value) { return feed_detail::decode_html_entities(trim(value)); }

}  // namespace

bool looks_like_html_page(std::string_view body) {
    if (body.starts_with("\xEF\xBB\xBF")) body.remove_prefix(3);
    for (int comments = 0; comments < 16; ++comments) {
        std::size_t start = body.find_first_not_of(" \t\r\n");
        if (start == std::string_view::npos) return false;
        body.remove_prefix(start);
        if (!body.starts_with("<!--")) break;
        std::size_t end = body.find("-->");
        if (end == std::string_view::npos) return false;
        body.remove_prefix(end + 3);
    }
    return starts_with_ci(body, "<!doctype html") || starts_with_ci(body, "<html");
}

std::vector<std::string> discover_feed_links(std::string_view html, std::string_view page_url) {
    html = html.substr(0, k_max_scanned_bytes);
    std::string base(page_url);
    std::vector<std::string> articles, comments;
    for (std::size_t at = html.find('<'); at != std::string_view::npos && articles.size() + comments.size() < k_max_links;
         at = html.find('<', at + 1)) {
        if (html.substr(at, 4) == "<!--") {
            at = html.find("-->", at);
            if (at == std::string_view::npos) break;
            continue;
        }
        Tag tag = read_tag(html, at);
        if (equals_ci(tag.name, "body")) break;
        if (equals_ci(tag.name, "base") && base == page_url) {
            if (auto resolved = resolve_url(page_url, decoded(tag["href"]))) base = *resolved;
        }
        if (!(equals_ci(tag.name, "link") || equals_ci(tag.name, "a")) || !is_feed_link(tag)) continue;
        auto url = resolve_url(base, decoded(tag["href"]));
        if (!url || !is_http_url(*url)) continue;
        if (std::find(articles.begin(), articles.end(), *url) != articles.end() ||
            std::find(comments.begin(), comments.end(), *url) != comments.end()) {
            continue;
        }
        (is_comment_feed(tag, *url) ? comments : articles).push_back(std::move(*url));
    }
    articles.insert(articles.end(), comments.begin(), comments.end());
    return articles;
}

}  // namespace newswire

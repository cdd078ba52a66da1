#include "parser/article/feed_links.h"

#include <algorithm>
#include <array>

#include "core/text.h"
#include "core/url.h"
#include "parser/article/charset.h"
#include "parser/article/dom.h"
#include "parser/article/meta_text.h"

namespace newswire {
namespace {

constexpr std::size_t k_max_links = 16;

constexpr std::array<std::string_view, 4> k_feed_types{
    "application/rss+xml", "application/atom+xml", "application/feed+json", "application/rdf+xml"};

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

bool is_feed_link(const GumboNode* node) {
    if (!has_token(html::attribute(node, "rel"), "alternate")) return false;
    std::string_view type = trim(html::attribute(node, "type"));
    return std::any_of(k_feed_types.begin(), k_feed_types.end(), [&](std::string_view known) { return equals_ci(type, known); });
}

// WordPress and others list the comments' feed beside the articles' one.
bool is_comment_feed(const GumboNode* node, std::string_view url) {
    std::string_view title = html::attribute(node, "title");
    for (std::string_view word : {"comment", "kommentar", "commentaire", "comentario"}) {
        if (contains_ci(title, word) || contains_ci(url, word)) return true;
    }
    return false;
}

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

std::vector<std::string> discover_feed_links(std::string_view html, std::string_view page_url,
                                             std::string_view content_type) {
    if (html.find('<') == std::string_view::npos) return {};
    // Not through the pre-pass: it drops the <link>s the extractor does not read, these among them.
    html::Document document(decode_page(html, content_type));
    if (!document.root()) return {};
    std::string base(page_url);
    std::vector<std::string> articles, comments;
    html::walk(document.root(), [&](const GumboNode* node) {
        if (!html::is_element(node)) return html::Visit::skip_children;
        if (html::is_element(node, GUMBO_TAG_BASE) && base == page_url) {
            if (auto resolved = resolve_url(page_url, trim(html::attribute(node, "href")))) base = *resolved;
        }
        if (!html::is_element(node, GUMBO_TAG_LINK) && !html::is_element(node, GUMBO_TAG_A)) return html::Visit::descend;
        if (!is_feed_link(node) || articles.size() + comments.size() >= k_max_links) return html::Visit::skip_children;
        auto url = resolve_url(base, trim(html::attribute(node, "href")));
        if (!url || !is_http_url(*url)) return html::Visit::skip_children;
        std::vector<std::string>& list = is_comment_feed(node, *url) ? comments : articles;
        if (std::find(articles.begin(), articles.end(), *url) == articles.end() &&
            std::find(comments.begin(), comments.end(), *url) == comments.end()) {
            list.push_back(std::move(*url));
        }
        return html::Visit::skip_children;
    });
    articles.insert(articles.end(), comments.begin(), comments.end());
    return articles;
}

}  // namespace newswire

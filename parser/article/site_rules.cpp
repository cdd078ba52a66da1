#include "parser/article/site_rules.h"

#include "parser/article/dom.h"

namespace newswire {
namespace {

// Keep this table short: every entry is a site whose markup the generic path reads wrongly.
const std::vector<SiteRule>& rules() {
    static const std::vector<SiteRule> table = {
        // n-tv.de, 2023-2025 layouts: the lead is bold, the source line and tags close the text.
        {"n-tv.de",
         {{"div", "article__text"}, {"article", "article-index_article"}},
         {{"p", "article__intro"}, {"p", "storyline_lead_text"}},
         {{"", "article-detail-footer"}, {"", "article__source"}, {"", "article__tags"}, {"", "article__aside"}}},
        // Condé Nast (WIRED, The New Yorker): the story is cut into chunks between ads.
        {"wired.com", {{"article", "article"}}, {{"div", "ContentHeaderDek"}}, {}},
        {"newyorker.com", {{"article", "article"}}, {{"div", "SplitScreenContentHeaderDek"}}, {}},
    };
    return table;
}

bool host_matches(std::string_view host, std::string_view suffix) {
    if (!host.ends_with(suffix)) return false;
    return host.size() == suffix.size() || host[host.size() - suffix.size() - 1] == '.';
}

}  // namespace

const SiteRule* site_rule_for(std::string_view host) {
    for (const SiteRule& rule : rules()) {
        if (host_matches(host, rule.host_suffix)) return &rule;
    }
    return nullptr;
}

bool matches(const GumboNode* node, const ClassSelector& selector) {
    if (!html::is_element(node)) return false;
    if (!selector.tag.empty() && html::tag_name(node) != selector.tag) return false;
    return selector.class_prefix.empty() || html::has_class_prefix(node, selector.class_prefix);
}

bool matches_any(const GumboNode* node, const std::vector<ClassSelector>& selectors) {
    for (const ClassSelector& selector : selectors) {
        if (matches(node, selector)) return true;
    }
    return false;
}

const GumboNode* find_by(const GumboNode* root, const std::vector<ClassSelector>& selectors) {
    for (const ClassSelector& selector : selectors) {
        if (const GumboNode* found = html::find_first(root, [&](const GumboNode* n) { return matches(n, selector); })) {
            return found;
        }
    }
    return nullptr;
}

}  // namespace newswire

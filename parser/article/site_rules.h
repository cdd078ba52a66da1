#pragma once
// Site rules as data: for the few sites where the generic extractor falls short, which
// elements hold the body, the lead or page furniture. Private to parser/article.
//
// Selectors match a tag (or any tag) and a class token by prefix, so a rule survives the build
// hashes of CSS modules ("article-detail-footer_source" matches
// "article-detail-footer_source__KslPc"). A rule is looked up by the page's host.

#include <string_view>
#include <vector>

#include <gumbo.h>

namespace newswire {

struct ClassSelector {
    std::string_view tag;           // lower-case tag name; empty for any
    std::string_view class_prefix;  // a class token that starts with this; empty for any
};

struct SiteRule {
    std::string_view host_suffix;        // "n-tv.de" matches www.n-tv.de
    std::vector<ClassSelector> body;     // the article container, first match wins
    std::vector<ClassSelector> lead;     // the lead paragraph(s)
    std::vector<ClassSelector> drop;     // furniture inside the body
};

// The rule for `host` (lower-case), or nullptr.
const SiteRule* site_rule_for(std::string_view host);

bool matches(const GumboNode* node, const ClassSelector& selector);
bool matches_any(const GumboNode* node, const std::vector<ClassSelector>& selectors);

// The first element under `root` that matches one of `selectors`, in selector order.
const GumboNode* find_by(const GumboNode* root, const std::vector<ClassSelector>& selectors);

}  // namespace newswire

#pragma once
// Site rules as data: for sites where the generic extractor falls short, which elements hold the
// body, the lead or page furniture, and which of the page's titles is its headline. Each site has
// a file of its own in parser/article/sites/ (YAML); the files are built into the program.
// Private to parser/article.
//
// Selectors match a tag (or any tag) and a class token by prefix, so a rule survives the build
// hashes of CSS modules ("article-detail-footer_source" matches
// "article-detail-footer_source__KslPc"). A rule is looked up by the page's host.

#include <string>
#include <string_view>
#include <vector>

#include <gumbo.h>

#include "core/error.h"

namespace newswire {

struct ClassSelector {
    std::string tag;           // lower-case tag name; empty for any
    std::string class_prefix;  // a class token that starts with this; empty for any
};

// Which of a page's titles the site puts its headline in; `vote` lets the generic choice decide.
enum class HeadlineSource { vote, og_title, json_ld, h1 };

struct SiteRule {
    std::vector<std::string> host_suffixes;  // "n-tv.de" matches www.n-tv.de
    std::vector<ClassSelector> body;         // the article container, first match wins
    std::vector<ClassSelector> lead;         // the lead paragraph(s)
    std::vector<ClassSelector> drop;         // furniture inside the body
    HeadlineSource headline = HeadlineSource::vote;
};

// Reads one rule file. Keys: `hosts` (a list, required), `body`, `lead`, `drop` (lists of
// selectors written "tag.class-prefix", ".class-prefix" or "tag"), `headline` (og:title,
// json-ld or h1). An unknown key or a malformed value fails naming `file_name` and the line.
Result<SiteRule> read_site_rule(std::string_view file_name, std::string_view yaml);

// The rule for `host` (lower-case) among the built-in rule files, or nullptr.
const SiteRule* site_rule_for(std::string_view host);

// The names of the built-in rule files, and the error of each that could not be read (none
// should: a test reads them all).
std::vector<std::string> site_rule_files();
std::vector<Error> site_rule_errors();

bool matches(const GumboNode* node, const ClassSelector& selector);
bool matches_any(const GumboNode* node, const std::vector<ClassSelector>& selectors);

// The first element under `root` that matches one of `selectors`, in selector order.
const GumboNode* find_by(const GumboNode* root, const std::vector<ClassSelector>& selectors);

}  // namespace newswire

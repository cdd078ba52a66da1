#pragma once
// Site rules as data: for sites where the generic extractor falls short, which elements hold the
// body, the lead or page furniture, and which of the page's titles is its headline. Each site has
// a file of its own: those in parser/article/sites/ (YAML) are built into the program; a user adds
// more with config.yaml's `site_rules: DIR` or `newswire extract --site-rules DIR`.
//
// Selectors match a tag (or any tag) and a class token by prefix, so a rule survives the build
// hashes of CSS modules ("article-detail-footer_source" matches
// "article-detail-footer_source__KslPc"). A rule is looked up by the page's host.

#include <string>
#include <string_view>
#include <vector>

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

// Rules a user adds; they are consulted before the built-in ones.
class SiteRules {
public:
    // Adds the rule of one file; fails as read_site_rule does.
    Result<void> add(std::string_view file_name, std::string_view yaml);
    std::size_t size() const { return m_rules.size(); }

    // The user's rule for `host` (lower-case), else the built-in one, else nullptr; `user` may
    // be null.
    static const SiteRule* find(const SiteRules* user, std::string_view host);

private:
    std::vector<SiteRule> m_rules;
};

// The names of the built-in rule files, and the error of each that could not be read (none
// should: a test reads them all).
std::vector<std::string> site_rule_files();
std::vector<Error> site_rule_errors();

}  // namespace newswire

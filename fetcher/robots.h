#pragma once
// robots.txt as RFC 9309 reads it: the group for our product token (else "*"), Allow and
// Disallow rules with "*" and "$", the longest matching rule deciding (Allow on a tie).
// newswire asks only before fetching article pages; the feeds a user subscribed to are not
// crawled, they are read on the user's behalf.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/fetch.h"

namespace newswire {

class RobotsRules {
public:
    static RobotsRules allow_all() { return RobotsRules(); }
    static RobotsRules disallow_all();
    // The site's robots.txt could not be read (5xx, 429, no answer): nothing is allowed now,
    // and the caller should try again later rather than take it as a refusal. `why` says what
    // went wrong, for a person.
    static RobotsRules unreachable(std::string why);
    // `user_agent` is the whole User-Agent header; its product token ("newswire" of
    // "newswire/0.1 (+https://…)") picks the group. Reads at most the first 512 KiB.
    static RobotsRules parse(std::string_view text, std::string_view user_agent);

    // `path` is the URL's path and query ("/a/b.html?x=1"); "/robots.txt" is always allowed.
    bool allows(std::string_view path) const;
    bool is_unreachable() const { return m_unreachable; }
    const std::string& why_unreachable() const { return m_why; }

private:
    struct Rule {
        std::string pattern;
        bool allow = false;
    };
    std::vector<Rule> m_rules;
    bool m_unreachable = false;
    std::string m_why;
};

// What a fetch of /robots.txt means (RFC 9309 2.3.1): a 2xx body is parsed; a 4xx (but 429)
// means no rules; a 5xx, a 429 or a network failure means unreachable(). Any other failure (an
// address the policy refuses, a size cap) is no rule either: the page's own fetch will meet
// the same refusal and report it.
RobotsRules robots_rules_from(const FetchResponse& response, std::string_view user_agent);

// How long such an answer may be kept: a day; 0 (not at all) for an unreachable site, so that
// each retry of its pages asks again.
std::int64_t robots_lifetime_seconds(const FetchResponse& response);

// "https://x.de:8443" and "/path?query" of an http(s) URL; empty when the URL is not one.
struct RobotsTarget {
    std::string origin;
    std::string path;
};
std::optional<RobotsTarget> robots_target(std::string_view url);

}  // namespace newswire

#pragma once
// Choosing the headline among what a page offers. Private to parser/article.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace newswire {

struct HeadlineCandidates {
    std::string json_ld;   // JSON-LD headline
    std::string og_title;
    std::string twitter_title;
    std::vector<std::string> h1s;
    std::string main_h1;   // the first <h1> inside <article> or <main>
    std::string title;     // <title>
    std::vector<std::pair<int, std::string>> headings;  // level and text of shown h1/h2, page order
};

// The headline alone: site-name suffixes and prefixes (" | tagesschau.de", " - n-tv.de",
// "FAZ: ") removed. JSON-LD headline, og:title and the article's <h1> vote; og:title breaks
// ties; without them the first <h1>, twitter:title, then <title>.
std::string choose_headline(const HeadlineCandidates& candidates, std::string_view site_name,
                            std::string_view host);

// `title` without a separator-joined part that names the site (`site_name` or the brand of
// `host`, e.g. "tagesschau" of "www.tagesschau.de").
std::string strip_site_name(std::string_view title, std::string_view site_name, std::string_view host);

}  // namespace newswire

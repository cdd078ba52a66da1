#pragma once
// Feed autodiscovery: the feeds a web page names in its head (<link rel="alternate"
// type="application/rss+xml" href="...">), for a configured address that turns out to be a page
// rather than a feed.

#include <string>
#include <string_view>
#include <vector>

namespace newswire {

// True when `body` opens (after a byte-order mark, white space and comments) with an HTML
// doctype or <html>: a web page, which no feed format begins with.
bool looks_like_html_page(std::string_view body);

// The absolute URLs of the RSS, Atom and JSON feeds the head of `html` links as alternates, in
// page order, each once, comment feeds last; `page_url` (and a <base href>) resolve relative ones.
// Empty when the page names none or is no HTML. A linear scan of the tags before <body> (the first
// MiB at most), so no page makes it slow.
std::vector<std::string> discover_feed_links(std::string_view html, std::string_view page_url);

}  // namespace newswire

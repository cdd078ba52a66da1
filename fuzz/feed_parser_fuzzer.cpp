// libFuzzer target: parse_feed must survive any bytes, with and without a base URL and a
// Content-Type, without crashing, hanging or reading out of bounds; so must feed autodiscovery
// (the bytes as the web page a feed's address answered with), whose links come out absolute
// http(s).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/url.h"
#include "parser/feed/discover.h"
#include "parser/feed/feed_parser.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view body(reinterpret_cast<const char*>(data), size);
    auto plain = newswire::parse_feed(body);
    if (size > 0 && data[0] % 2 == 0) {
        auto with_context = newswire::parse_feed(body, "https://example.com/feeds/news.xml",
                                                 "application/rss+xml; charset=iso-8859-1");
        (void)with_context;
    }
    (void)plain;
    (void)newswire::looks_like_html_page(body);
    for (const std::string& link : newswire::discover_feed_links(body, "https://example.com/")) {
        if (!newswire::is_http_url(link)) __builtin_trap();
    }
    return 0;
}

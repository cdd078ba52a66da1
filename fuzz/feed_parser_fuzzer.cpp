// libFuzzer target: parse_feed must survive any bytes, with and without a base URL and a
// Content-Type, without crashing, hanging or reading out of bounds, and whatever it reads comes
// out as valid UTF-8; so must feed autodiscovery (the bytes as the web page a feed's address
// answered with), whose links come out absolute http(s). The clean copy pugixml parses is held
// against core's check on both of its code paths (SIMD steps against byte-at-a-time rules).
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "core/text.h"
#include "core/url.h"
#include "parser/feed/discover.h"
#include "parser/feed/encoding.h"
#include "parser/feed/feed_parser.h"

namespace {

using newswire::is_valid_utf8;

void check_utf8(const newswire::ParsedFeed& feed) {
    if (!is_valid_utf8(feed.title) || !is_valid_utf8(feed.link) || !is_valid_utf8(feed.language)) __builtin_trap();
    for (const newswire::FeedItem& item : feed.items) {
        if (item.guid && !is_valid_utf8(*item.guid)) __builtin_trap();
        for (std::string_view text : {std::string_view(item.url), std::string_view(item.title),
                                      std::string_view(item.summary), std::string_view(item.content)}) {
            if (!is_valid_utf8(text)) __builtin_trap();
        }
        for (const std::string& name : item.authors) {
            if (!is_valid_utf8(name)) __builtin_trap();
        }
        for (const std::string& category : item.categories) {
            if (!is_valid_utf8(category)) __builtin_trap();
        }
        for (const newswire::Enclosure& enclosure : item.enclosures) {
            if (!is_valid_utf8(enclosure.url) || !is_valid_utf8(enclosure.type)) __builtin_trap();
        }
    }
}

void check_clean_copy(std::string_view bytes) {
    using newswire::feed_detail::CleanCopyPath;
    using newswire::feed_detail::copy_if_clean_utf8;
    bool clean = newswire::is_clean_utf8_text(bytes);
    for (CleanCopyPath path : {CleanCopyPath::fastest, CleanCopyPath::sse2}) {
        // Exactly bytes.size() bytes, so that AddressSanitizer sees a write past them.
        auto copy = std::make_unique<char[]>(bytes.size());
        bool copied = copy_if_clean_utf8(bytes, copy.get(), path);
        if (copied != clean) __builtin_trap();
        if (copied && std::string_view(copy.get(), bytes.size()) != bytes) __builtin_trap();
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view body(reinterpret_cast<const char*>(data), size);
    if (auto plain = newswire::parse_feed(body)) check_utf8(*plain);
    if (size > 0 && data[0] % 2 == 0) {
        auto with_context = newswire::parse_feed(body, "https://example.com/feeds/news.xml",
                                                 "application/rss+xml; charset=iso-8859-1");
        if (with_context) check_utf8(*with_context);
    }
    check_clean_copy(body);
    (void)newswire::looks_like_html_page(body);
    for (const std::string& link : newswire::discover_feed_links(body, "https://example.com/")) {
        if (!newswire::is_http_url(link)) __builtin_trap();
    }
    return 0;
}

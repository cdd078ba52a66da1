// libFuzzer target: core/url.h on pieces of the input (split at the first newline into a base
// and a reference, as a page's href meets its page's address). Nothing may crash or hang; what
// comes out is an absolute http(s) URL, canonical_url is idempotent, and url_host is
// lower-case.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/url.h"
#include "fetcher/robots.h"

namespace {

bool has_upper_ascii(std::string_view text) {
    for (char ch : text) {
        if (ch >= 'A' && ch <= 'Z') return true;
    }
    return false;
}

void check_canonical(std::string_view url) {
    auto canonical = newswire::canonical_url(url);
    if (!canonical) return;
    if (!newswire::is_http_url(*canonical)) __builtin_trap();
    auto again = newswire::canonical_url(*canonical);
    if (!again || *again != *canonical) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view bytes(reinterpret_cast<const char*>(data), size);
    std::size_t newline = bytes.find('\n');
    std::string_view base = bytes.substr(0, newline);
    std::string_view reference = newline == std::string_view::npos ? std::string_view() : bytes.substr(newline + 1);

    auto resolved = newswire::resolve_url(base, reference);
    if (resolved && !newswire::is_http_url(*resolved)) __builtin_trap();
    check_canonical(base);
    if (resolved) check_canonical(*resolved);
    if (has_upper_ascii(newswire::url_host(bytes))) __builtin_trap();
    (void)newswire::url_host(reference);
    (void)newswire::robots_target(bytes);
    return 0;
}

#pragma once
// URL handling through curl's URL API: resolution against a base, and the canonical form used
// for article dedup.

#include <optional>
#include <string>
#include <string_view>

namespace newswire {

// `reference` resolved against `base` (either may be absolute). Empty unless the result is an
// absolute http or https URL.
std::optional<std::string> resolve_url(std::string_view base, std::string_view reference);

// The canonical form: scheme and host lower-case, default port dropped, no fragment, tracking
// parameters (utm_*, wt_mc, at_*, fbclid, gclid, …) removed, remaining query kept in order.
// Empty unless `url` is an absolute http(s) URL.
std::optional<std::string> canonical_url(std::string_view url);

// Lower-case host of an absolute URL; empty when it has none.
std::string url_host(std::string_view url);

bool is_http_url(std::string_view url);

}  // namespace newswire

#include "core/url.h"

#include <array>
#include <memory>
#include <vector>

#include <curl/curl.h>

#include "core/text.h"

namespace newswire {

namespace {

struct CurlUrlDeleter {
    void operator()(CURLU* url) const noexcept { curl_url_cleanup(url); }
};
using CurlUrl = std::unique_ptr<CURLU, CurlUrlDeleter>;

struct CurlStringDeleter {
    void operator()(char* text) const noexcept { curl_free(text); }
};
using CurlString = std::unique_ptr<char, CurlStringDeleter>;

std::optional<std::string> get_part(CURLU* url, CURLUPart part, unsigned flags = 0) {
    char* raw = nullptr;
    if (curl_url_get(url, part, &raw, flags) != CURLUE_OK) return std::nullopt;
    CurlString owned(raw);
    return std::string(raw);
}

// curl decodes a host written with %XX and writes the bytes as they are; then it refuses a
// control character ("%7F") when it reads the URL it wrote, and white space ("%C2%A0", "%C2%85")
// is folded before it reads it. Such a host is no host.
bool is_readable_host(std::string_view host) {
    bool ascii = true;
    for (char ch : host) {
        auto byte = static_cast<unsigned char>(ch);
        if (byte <= 0x20 || byte == 0x7F) return false;
        ascii = ascii && byte < 0x80;
    }
    return ascii || fold_whitespace(host) == host;
}

// Parses an absolute http(s) URL; white space around it is dropped first.
CurlUrl parse_http(std::string_view text, CURLU* base = nullptr) {
    std::string trimmed = fold_whitespace(text);
    CurlUrl url(base ? curl_url_dup(base) : curl_url());
    if (!url) return nullptr;
    unsigned flags = CURLU_NON_SUPPORT_SCHEME | CURLU_URLENCODE;
    if (curl_url_set(url.get(), CURLUPART_URL, trimmed.c_str(), flags) != CURLUE_OK) return nullptr;
    auto scheme = get_part(url.get(), CURLUPART_SCHEME);
    if (!scheme || (*scheme != "http" && *scheme != "https")) return nullptr;
    auto host = get_part(url.get(), CURLUPART_HOST);
    if (!host || !is_readable_host(*host)) return nullptr;
    return url;
}

bool is_tracking_parameter(std::string_view name) {
    static constexpr std::array<std::string_view, 16> k_exact{
        "fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "wt_mc", "wt.mc_id", "wt_zmc",
        "ocid", "igshid", "yclid", "_ga", "ref_src", "cmpid", "xtor"};
    static constexpr std::array<std::string_view, 4> k_prefixes{"utm_", "at_", "pk_", "itm_"};
    std::string lower = to_lower_ascii(name);
    for (auto exact : k_exact) {
        if (lower == exact) return true;
    }
    for (auto prefix : k_prefixes) {
        if (lower.starts_with(prefix)) return true;
    }
    return false;
}

std::string strip_tracking(std::string_view query) {
    std::string kept;
    std::size_t start = 0;
    while (start <= query.size()) {
        std::size_t end = query.find('&', start);
        if (end == std::string_view::npos) end = query.size();
        std::string_view pair = query.substr(start, end - start);
        std::string_view name = pair.substr(0, pair.find('='));
        if (!pair.empty() && !is_tracking_parameter(name)) {
            if (!kept.empty()) kept += '&';
            kept += pair;
        }
        start = end + 1;
    }
    return kept;
}

// Lower-cases the host and drops its trailing dots ("a.org.." too). A host of dots alone would
// be left empty, which curl refuses, so that host stays as it was.
void lower_host_without_dots(CURLU* url) {
    auto host = get_part(url, CURLUPART_HOST);
    if (!host) return;
    std::string lower = to_lower_ascii(*host);
    while (lower.ends_with('.')) lower.pop_back();
    curl_url_set(url, CURLUPART_HOST, lower.c_str(), 0);
}

std::optional<std::string> canonical_pass(std::string_view text) {
    CurlUrl url = parse_http(text);
    if (!url) return std::nullopt;
    curl_url_set(url.get(), CURLUPART_FRAGMENT, nullptr, 0);
    lower_host_without_dots(url.get());
    if (auto query = get_part(url.get(), CURLUPART_QUERY)) {
        std::string kept = strip_tracking(*query);
        curl_url_set(url.get(), CURLUPART_QUERY, kept.empty() ? nullptr : kept.c_str(), 0);
    }
    // get_part(URL) drops a port that is the scheme's default.
    return get_part(url.get(), CURLUPART_URL, CURLU_NO_DEFAULT_PORT);
}

}  // namespace

std::optional<std::string> resolve_url(std::string_view base, std::string_view reference) {
    CurlUrl resolved;
    if (CurlUrl base_url = parse_http(base)) {
        resolved = parse_http(reference, base_url.get());
    } else {
        resolved = parse_http(reference);
    }
    if (!resolved) return std::nullopt;
    return get_part(resolved.get(), CURLUPART_URL);
}

std::optional<std::string> canonical_url(std::string_view text) {
    // What curl writes does not always read back as what it read: a host that lost its dot
    // ("8." -> "8") or was written with %XX ("%38" -> "8") is a name the first time and the
    // address 0.0.0.8 when the result is read afresh. The second reading settles it; it is the
    // last one whatever it finds.
    auto canonical = canonical_pass(text);
    if (canonical) canonical = canonical_pass(*canonical);
    return canonical;
}

std::string url_host(std::string_view text) {
    CurlUrl url = parse_http(text);
    if (!url) return {};
    return to_lower_ascii(get_part(url.get(), CURLUPART_HOST).value_or(""));
}

bool is_http_url(std::string_view text) { return parse_http(text) != nullptr; }

}  // namespace newswire

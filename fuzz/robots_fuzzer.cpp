// libFuzzer target: robots.txt bytes as a site answered them (the first byte also picks the
// status), then allow checks for paths taken from the input itself (the values of its rule
// lines, and its tail). Nothing may crash, hang or read out of bounds; an unreachable site
// allows nothing, a reachable one always allows /robots.txt.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/fetch.h"
#include "fetcher/robots.h"

namespace {

constexpr std::size_t k_max_paths = 6;
constexpr std::size_t k_max_path_bytes = 512;

// The text after the first ':' of each line that has one: what the rules themselves name.
void add_rule_values(std::string_view text, std::string* paths, std::size_t& count) {
    while (!text.empty() && count < k_max_paths) {
        std::size_t end = text.find('\n');
        std::string_view line = text.substr(0, end);
        text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
        std::size_t colon = line.find(':');
        if (colon == std::string_view::npos) continue;
        std::string_view value = line.substr(colon + 1, k_max_path_bytes);
        while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
        paths[count++] = value.starts_with('/') ? std::string(value) : "/" + std::string(value);
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view bytes(reinterpret_cast<const char*>(data), size);
    static constexpr long k_statuses[] = {200, 200, 200, 200, 206, 404, 410, 429, 500, 503, 301, 0};
    newswire::FetchResponse response;
    response.status = size ? k_statuses[data[0] % std::size(k_statuses)] : 200;
    if (response.status == 0) response.error = newswire::Error{newswire::ErrorCode::network, "no answer"};
    if (response.status >= 400) response.error = newswire::Error{newswire::ErrorCode::http, "refused"};
    response.body.assign(bytes);
    std::string_view agent = size > 1 && data[1] % 2 ? "NewsWire/0.1 (+https://example.org/)" : "";
    newswire::RobotsRules rules = newswire::robots_rules_from(response, agent);

    std::string paths[k_max_paths];
    std::size_t count = 0;
    add_rule_values(bytes, paths, count);
    if (count < k_max_paths) {
        paths[count++] = "/" + std::string(bytes.substr(bytes.size() - std::min(bytes.size(), k_max_path_bytes)));
    }
    for (std::size_t i = 0; i < count; ++i) (void)rules.allows(paths[i]);
    if (rules.is_unreachable() && rules.allows("/")) __builtin_trap();
    if (!rules.is_unreachable() && !rules.allows("/robots.txt")) __builtin_trap();
    return 0;
}

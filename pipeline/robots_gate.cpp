#include "pipeline/robots_gate.h"

#include <algorithm>
#include <map>
#include <optional>
#include <string>

#include <spdlog/spdlog.h>

#include "core/time.h"
#include "fetcher/robots.h"

namespace newswire {
namespace {

// The rules of every origin in `origins`: stored answers first, the rest fetched (one request
// per origin) and stored.
Result<std::map<std::string, RobotsRules>> rules_of(Database& database, Fetcher& fetcher,
                                                    const FetchOptions& options,
                                                    const std::vector<std::string>& origins) {
    std::map<std::string, RobotsRules> rules;
    std::vector<std::string> missing;
    std::vector<FetchRequest> requests;
    std::int64_t now = now_unix_seconds();
    for (const std::string& origin : origins) {
        auto stored = database.stored_robots(origin, now);
        if (!stored) return tl::unexpected(stored.error());
        if (*stored) {
            rules.emplace(origin, robots_rules_from(**stored, options.user_agent));
        } else {
            requests.push_back({missing.size(), origin + "/robots.txt", {}, {}});
            missing.push_back(origin);
        }
    }
    std::optional<Error> database_error;
    fetcher.fetch(requests, [&](FetchResponse&& response) {
        const std::string& site = missing.at(response.id);
        if (std::int64_t lifetime = robots_lifetime_seconds(response); lifetime > 0) {
            auto stored = database.store_robots(site, response, now_unix_seconds() + lifetime);
            if (!stored && !database_error) database_error = stored.error();
        }
        rules.insert_or_assign(site, robots_rules_from(response, options.user_agent));
    });
    if (database_error) return tl::unexpected(*database_error);
    return rules;
}

}  // namespace

Result<std::vector<PageToFetch>> pages_robots_allow(Database& database, Fetcher& fetcher,
                                                    const FetchOptions& options,
                                                    std::vector<PageToFetch> pages, RunReport& report) {
    if (!options.robots_txt || pages.empty()) return pages;
    std::vector<std::optional<RobotsTarget>> targets;
    std::vector<std::string> origins;
    for (const PageToFetch& page : pages) {
        targets.push_back(robots_target(page.url));
        if (targets.back() && std::find(origins.begin(), origins.end(), targets.back()->origin) == origins.end()) {
            origins.push_back(targets.back()->origin);
        }
    }
    auto rules = rules_of(database, fetcher, options, origins);
    if (!rules) return tl::unexpected(rules.error());
    std::vector<PageToFetch> allowed;
    for (std::size_t i = 0; i < pages.size(); ++i) {
        const RobotsRules* site = targets[i] ? &rules->at(targets[i]->origin) : nullptr;
        if (!site || site->allows(targets[i]->path)) {
            allowed.push_back(std::move(pages[i]));  // an unusable URL meets the fetcher's own error
            continue;
        }
        // A site whose robots.txt cannot be read now fails its pages like a page that cannot be
        // read: retried in later runs, within the same number of attempts.
        FetchResponse failed;
        failed.url = pages[i].url;
        std::string robots = targets[i]->origin + "/robots.txt";
        failed.error = site->is_unreachable()
                           ? Error{ErrorCode::network, "robots.txt could not be read: " + site->why_unreachable()}
                           : Error{ErrorCode::forbidden, "refused by " + robots};
        if (auto stored = database.store_page(failed, now_unix_seconds()); !stored) {
            return tl::unexpected(stored.error());
        }
        if (site->is_unreachable()) {
            ++report.pages_failed;
            report.errors.push_back("page " + failed.url + ": " + failed.error->message);
            spdlog::warn("page {}: {}", failed.url, failed.error->message);
        } else {
            ++report.pages_refused;
            spdlog::info("page {}: {}", failed.url, failed.error->message);
        }
    }
    return allowed;
}

}  // namespace newswire

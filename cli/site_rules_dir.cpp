#include "cli/site_rules_dir.h"

#include <algorithm>
#include <filesystem>
#include <system_error>
#include <vector>

#include "cli/small_file.h"

namespace newswire::cli {

namespace {

constexpr std::size_t k_max_rule_mib = 1;
constexpr std::size_t k_max_rule_files = 10000;

}  // namespace

Result<std::shared_ptr<const SiteRules>> load_site_rules(const std::string& dir) {
    std::error_code error;
    std::vector<std::filesystem::path> files;
    for (std::filesystem::directory_iterator it(dir, error), end; !error && it != end; it.increment(error)) {
        if (it->path().extension() == ".yaml" && it->is_regular_file(error)) files.push_back(it->path());
        if (files.size() > k_max_rule_files) {
            return fail(ErrorCode::invalid_input, "site rules folder " + dir + " holds more than 10000 files");
        }
    }
    if (error) return fail(ErrorCode::not_found, "cannot read site rules folder " + dir + ": " + error.message());
    std::sort(files.begin(), files.end());
    auto rules = std::make_shared<SiteRules>();
    for (const std::filesystem::path& file : files) {
        auto text = read_small_file(file.string(), k_max_rule_mib, "site rule file");
        if (!text) return tl::unexpected(text.error());
        if (auto added = rules->add(file.string(), *text); !added) return tl::unexpected(added.error());
    }
    return rules;
}

}  // namespace newswire::cli

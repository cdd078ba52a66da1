#include "cli/offline_commands.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "cli/exit_codes.h"
#include "cli/site_rules_dir.h"
#include "core/error.h"
#include "core/json.h"
#include "parser/article/extractor.h"
#include "parser/feed/feed_parser.h"

namespace newswire::cli {

namespace {

constexpr std::size_t k_max_file_bytes = 64 * 1024 * 1024;

Result<std::string> read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return fail(ErrorCode::io, "cannot open " + path + ": " + std::strerror(errno));
    in.seekg(0, std::ios::end);
    std::streamoff size = in.tellg();
    if (size < 0) return fail(ErrorCode::io, "cannot read " + path);
    if (static_cast<std::size_t>(size) > k_max_file_bytes) {
        return fail(ErrorCode::too_large, path + " is larger than 64 MiB");
    }
    in.seekg(0);
    std::string bytes(static_cast<std::size_t>(size), '\0');
    if (!in.read(bytes.data(), size)) return fail(ErrorCode::io, "cannot read " + path);
    return bytes;
}

void print(const nlohmann::ordered_json& record, bool jsonl) {
    std::cout << record.dump(jsonl ? -1 : 2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
}

// Runs `convert` on each file's bytes and prints one record per file, `file` first.
template <typename Convert>
int for_each_file(const FileCommandOptions& options, Convert convert) {
    int exit_code = 0;
    for (const std::string& path : options.files) {
        nlohmann::ordered_json record;
        record["file"] = path;
        Result<nlohmann::json> converted = read_file(path).and_then(convert);
        if (converted) {
            for (auto& [key, value] : converted->items()) record[key] = value;
        } else {
            record["error"] = converted.error().message;
            exit_code = 1;
        }
        print(record, options.jsonl);
    }
    std::cout.flush();
    return exit_code;
}

}  // namespace

int run_extract(const FileCommandOptions& options) {
    std::shared_ptr<const SiteRules> rules;
    if (!options.site_rules.empty()) {
        auto loaded = load_site_rules(options.site_rules);
        if (!loaded) {
            std::cerr << "newswire: " << loaded.error().message << '\n';
            return k_exit_usage;
        }
        rules = std::move(*loaded);
    }
    return for_each_file(options, [&](const std::string& bytes) -> Result<nlohmann::json> {
        return extract_article(bytes, options.url, {}, rules.get()).map([](const Article& article) { return to_json(article); });
    });
}

int run_parse_feed(const FileCommandOptions& options) {
    return for_each_file(options, [&](const std::string& bytes) -> Result<nlohmann::json> {
        return parse_feed(bytes, options.url).map([](const ParsedFeed& feed) { return to_json(feed); });
    });
}

}  // namespace newswire::cli

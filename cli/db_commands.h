#pragma once
// The commands that work on the database named by the config: run, fetch, parse, status, export,
// show, search, rebuild-clusters.

#include <optional>
#include <string>

namespace newswire::cli {

struct GlobalOptions {
    std::string config_path = "config.yaml";
    bool quiet = false;    // print nothing but errors
    bool verbose = false;  // log progress to stderr
};

struct FetchCommandOptions {
    bool force = false;
    std::optional<std::string> feed;
    bool no_pages = false;
};

struct ParseCommandOptions {
    bool all = false;
    std::optional<std::string> since;  // ISO 8601 date or time
    std::optional<std::string> feed;
    std::optional<long long> page;
};

struct ExportCommandOptions {
    std::string format = "jsonl";
    std::optional<std::string> since;  // ISO 8601: only articles created or changed since
};

struct SearchCommandOptions {
    std::string query;
    int limit = 20;
};

int run_run(const GlobalOptions& global);
int run_show(const GlobalOptions& global, long long article_id);
int run_search(const GlobalOptions& global, const SearchCommandOptions& options);
int run_rebuild_clusters(const GlobalOptions& global);
int run_fetch(const GlobalOptions& global, const FetchCommandOptions& options);
int run_parse(const GlobalOptions& global, const ParseCommandOptions& options);
int run_status(const GlobalOptions& global);
int run_export(const GlobalOptions& global, const ExportCommandOptions& options);

}  // namespace newswire::cli

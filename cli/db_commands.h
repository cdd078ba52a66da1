#pragma once
// The commands that work on the database named by the config: run, fetch, parse, status, export,
// show, diff, search, rebuild-clusters.

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

// An article is named by its id or by any URL that leads to it (Database::find_article).
struct ShowCommandOptions {
    std::string article;
    std::optional<int> revision;  // that stored text instead of the latest
};

struct DiffCommandOptions {
    std::string article;
    std::optional<int> from;  // default: the revision before `to`
    std::optional<int> to;    // default: the latest
    bool words = false;       // a changed line shows its changed words
};

struct SearchCommandOptions {
    std::string query;
    int limit = 20;
};

int run_run(const GlobalOptions& global);
int run_show(const GlobalOptions& global, const ShowCommandOptions& options);
int run_diff(const GlobalOptions& global, const DiffCommandOptions& options);
int run_search(const GlobalOptions& global, const SearchCommandOptions& options);
int run_rebuild_clusters(const GlobalOptions& global);
int run_fetch(const GlobalOptions& global, const FetchCommandOptions& options);
int run_parse(const GlobalOptions& global, const ParseCommandOptions& options);
int run_status(const GlobalOptions& global);
int run_export(const GlobalOptions& global, const ExportCommandOptions& options);

}  // namespace newswire::cli

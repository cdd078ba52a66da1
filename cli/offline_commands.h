#pragma once
// `newswire extract` and `newswire parse-feed`: read saved files, print JSON records as the
// contract in shared/eval/README.md specifies. They need no config and no database.

#include <string>
#include <vector>

namespace newswire::cli {

struct FileCommandOptions {
    std::string url;                 // --url: where the files came from
    std::string site_rules;          // --site-rules (extract): a folder of the user's site rules
    bool jsonl = false;              // --jsonl: one compact record per line
    std::vector<std::string> files;
};

// Exit code: 0 when every file was read, 1 when some could not be, 2 when --site-rules cannot
// be read.
int run_extract(const FileCommandOptions& options);
int run_parse_feed(const FileCommandOptions& options);

}  // namespace newswire::cli

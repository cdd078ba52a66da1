#pragma once
// OPML subscription lists, as feed readers export them, included from config.yaml.

#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "pipeline/config.h"

namespace newswire::cli {

// The feeds an OPML document names: every <outline> with an xmlUrl, at any depth (folders are
// outlines too), in document order. The name is the outline's title, else its text, else the
// URL. Outlines whose xmlUrl is not http(s) are skipped. An error names `file_name` and says
// what is wrong (not XML, not OPML).
Result<std::vector<FeedConfig>> read_opml(std::string_view text, std::string_view file_name);

// read_opml of a file (at most 16 MiB).
Result<std::vector<FeedConfig>> load_opml(const std::string& path);

}  // namespace newswire::cli

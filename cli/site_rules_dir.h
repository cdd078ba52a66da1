#pragma once
// A folder of the user's site rule files (config.yaml `parse: site_rules: DIR`, `newswire extract
// --site-rules DIR`): every *.yaml in it, one site each, in the format of parser/article/sites/.

#include <memory>
#include <string>

#include "core/error.h"
#include "parser/article/site_rules.h"

namespace newswire::cli {

// Reads every *.yaml file of `dir` (sorted by name). Fails naming the folder when it cannot be
// listed, or the file (and line) of the first rule that cannot be read.
Result<std::shared_ptr<const SiteRules>> load_site_rules(const std::string& dir);

}  // namespace newswire::cli

#pragma once
// Reads config.yaml. Unknown keys and bad values are errors that name the file, line and key.

#include <string>
#include <string_view>

#include "core/error.h"
#include "pipeline/config.h"

namespace newswire::cli {

// `yaml` is the file's text; `file_name` is used in messages and to resolve relative paths
// (the database and log file are relative to the config file's folder).
Result<Config> parse_config(std::string_view yaml, std::string_view file_name);

Result<Config> load_config(const std::string& path);

// "500ms", "10s", "15m", "6h", "2d" -> milliseconds; empty on anything else.
std::optional<std::chrono::milliseconds> parse_duration(std::string_view text);

// "10MiB", "512KiB", "1GiB", "2MB", "4096" -> bytes; empty on anything else.
std::optional<std::size_t> parse_size(std::string_view text);

}  // namespace newswire::cli

#pragma once
// The saved article pages of the shared corpus (*.html.gz) as the benchmarks read them.

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace newswire::bench {

// The gzip-compressed bytes of every *.html.gz file under `dir` (searched recursively), in
// path order.
std::vector<std::string> compressed_pages(const std::filesystem::path& dir);

// `compressed` inflated; empty when it is not a complete gzip stream.
std::string gunzip(std::string_view compressed);

}  // namespace newswire::bench

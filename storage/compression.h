#pragma once
// Raw page bytes as stored: one zstd frame (level 3) per body.

#include <cstddef>
#include <string>
#include <string_view>

#include "core/error.h"

namespace newswire {

// The largest body decompress() will produce, whatever the stored size says.
inline constexpr std::size_t k_max_stored_body = 256U * 1024U * 1024U;

Result<std::string> compress(std::string_view raw);

// `frame` must be one complete zstd frame of exactly `raw_size` bytes; anything else (a corrupt
// or truncated blob, a lying size) is an error, never a crash or a huge allocation.
Result<std::string> decompress(std::string_view frame, std::size_t raw_size);

}  // namespace newswire

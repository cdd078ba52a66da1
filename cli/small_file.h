#pragma once
// The small files config.yaml names (OPML lists, site rules), read whole with a size cap.

#include <cstddef>
#include <string>
#include <string_view>

#include "core/error.h"

namespace newswire::cli {

// The bytes of the file at `path`, a `what` ("OPML file") of at most `cap_mib` MiB. Fails with
// "cannot open OPML file PATH: reason" or "PATH: an OPML file larger than 16 MiB is not read".
Result<std::string> read_small_file(const std::string& path, std::size_t cap_mib, std::string_view what);

}  // namespace newswire::cli

#include "cli/small_file.h"

#include <cerrno>
#include <cstring>
#include <fstream>

namespace newswire::cli {

Result<std::string> read_small_file(const std::string& path, std::size_t cap_mib, std::string_view what) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return fail(ErrorCode::not_found, "cannot open " + std::string(what) + " " + path + ": " + std::strerror(errno));
    const std::size_t cap = cap_mib * 1024 * 1024;
    std::string text(cap + 1, '\0');
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    text.resize(static_cast<std::size_t>(in.gcount()));
    if (text.size() > cap) {
        std::string article = std::string_view("aeiouAEIOU").find(what.front()) == std::string_view::npos ? "a " : "an ";
        return fail(ErrorCode::invalid_input, path + ": " + article + std::string(what) + " larger than " +
                                                  std::to_string(cap_mib) + " MiB is not read");
    }
    return text;
}

}  // namespace newswire::cli

#pragma once
// The site rule files of parser/article/sites/, built into the program (the build writes their
// text into site_rule_files.cpp). Private to parser/article.

#include <span>
#include <string_view>

namespace newswire {

struct EmbeddedFile {
    std::string_view name;  // the file's name, e.g. "n-tv.de.yaml"
    std::string_view text;
};

std::span<const EmbeddedFile> site_rule_file_texts();

}  // namespace newswire

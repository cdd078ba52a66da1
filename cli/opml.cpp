#include "cli/opml.h"

#include <cstring>

#include <pugixml.hpp>

#include "cli/small_file.h"
#include "core/text.h"
#include "core/url.h"

namespace newswire::cli {
namespace {

constexpr std::size_t k_max_opml_mib = 16;

std::string attribute(const pugi::xml_node& node, const char* name) {
    return fold_whitespace(node.attribute(name).value());
}

// The next node in document order below `root`, without recursion (nesting depth is the file's).
pugi::xml_node next_in_order(pugi::xml_node node, const pugi::xml_node& root) {
    if (node.first_child()) return node.first_child();
    while (node && node != root) {
        if (node.next_sibling()) return node.next_sibling();
        node = node.parent();
    }
    return {};
}

}  // namespace

Result<std::vector<FeedConfig>> read_opml(std::string_view text, std::string_view file_name) {
    pugi::xml_document document;
    pugi::xml_parse_result parsed = document.load_buffer(text.data(), text.size(), pugi::parse_default);
    if (!parsed) {
        return fail(ErrorCode::invalid_input, std::string(file_name) + ": not an OPML file: " + parsed.description() +
                                                  " at byte " + std::to_string(parsed.offset));
    }
    pugi::xml_node body = document.child("opml").child("body");
    if (!body) return fail(ErrorCode::invalid_input, std::string(file_name) + ": not an OPML file: no <opml><body>");
    std::vector<FeedConfig> feeds;
    for (pugi::xml_node node = body.first_child(); node; node = next_in_order(node, body)) {
        if (std::strcmp(node.name(), "outline") != 0) continue;
        std::string url = attribute(node, "xmlUrl");
        if (url.empty() || !is_http_url(url)) continue;
        std::string name = attribute(node, "title");
        if (name.empty()) name = attribute(node, "text");
        if (name.empty()) name = url;
        feeds.push_back({std::move(name), std::move(url), std::chrono::seconds(0)});
    }
    return feeds;
}

Result<std::vector<FeedConfig>> load_opml(const std::string& path) {
    auto text = read_small_file(path, k_max_opml_mib, "OPML file");
    if (!text) return tl::unexpected(text.error());
    return read_opml(*text, path);
}

}  // namespace newswire::cli

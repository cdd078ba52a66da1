// Pages in the markup of widely used publishing systems and layouts (WordPress with several
// themes, Drupal, Ghost, Blogger, Arc XP, Brightspot, Next.js, AMP, Substack, Medium, papers in
// European, Asian and right-to-left languages, a live blog, a gallery, a video page, a paywall, a
// consent placeholder, wire stories, an interview, a match report, a press release, ...), written
// by hand in tests/parser/article/layouts/ with what a reader sees as each field: the general
// path, no site rule, must read them. A page's `known_misses` names the fields it still gets wrong and why;
// those fields are checked to be wrong still, so that the list never outlives the miss.

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "parser/article/extractor.h"

using namespace newswire;
using nlohmann::json;

namespace {

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::string block_type(BlockType type) {
    switch (type) {
    case BlockType::paragraph: return "paragraph";
    case BlockType::heading: return "heading";
    case BlockType::quote: return "quote";
    case BlockType::list_item: return "list_item";
    }
    return "?";
}

json text_or_null(const std::string& text) { return text.empty() ? json(nullptr) : json(text); }

// The fields a layout's expectation may name, read off the article in the expectation's form:
// body blocks as [type, text], images as {url, caption, credit}, the credit line as its raw text.
std::map<std::string, json> fields_of(const Article& article) {
    std::map<std::string, json> fields;
    fields["headline"] = text_or_null(article.headline);
    fields["kicker"] = text_or_null(article.kicker);
    fields["section"] = text_or_null(article.section);
    fields["teaser"] = text_or_null(article.teaser);
    fields["authors"] = article.authors;
    fields["published"] = article.published ? json(to_iso8601(*article.published)) : json(nullptr);
    fields["modified"] = article.modified ? json(to_iso8601(*article.modified)) : json(nullptr);
    json body = json::array();
    for (const Block& block : article.body) body.push_back({block_type(block.type), block.text});
    fields["body"] = body;
    json images = json::array();
    for (const Image& image : article.images) {
        images.push_back({{"url", image.url}, {"caption", image.caption}, {"credit", image.credit}});
    }
    fields["images"] = images;
    fields["source_credit"] = article.source_credit ? json(article.source_credit->raw) : json(nullptr);
    return fields;
}

// An expected value with "" and [] read as "none", as the article's fields are.
json normalised(const json& value) {
    if ((value.is_string() && value.get<std::string>().empty()) || (value.is_array() && value.empty())) {
        return nullptr;
    }
    if (value.is_array()) {
        json out = json::array();
        for (const json& entry : value) {
            if (entry.is_object()) {
                json image = entry;
                if (!image.contains("caption") || image["caption"].is_null()) image["caption"] = "";
                if (!image.contains("credit") || image["credit"].is_null()) image["credit"] = json::array();
                out.push_back(image);
            } else {
                out.push_back(entry);
            }
        }
        return out;
    }
    return value;
}

std::vector<std::filesystem::path> layout_pages() {
    std::vector<std::filesystem::path> pages;
    for (const auto& entry : std::filesystem::directory_iterator(NEWSWIRE_LAYOUTS_DIR)) {
        if (entry.path().extension() == ".html") pages.push_back(entry.path());
    }
    std::sort(pages.begin(), pages.end());
    return pages;
}

}  // namespace

TEST_CASE("pages of common publishing systems are read field by field by the general path", "[article][layouts]") {
    std::vector<std::filesystem::path> pages = layout_pages();
    REQUIRE(pages.size() >= 40);
    for (const std::filesystem::path& page : pages) {
        std::filesystem::path expectation_path = page;
        expectation_path.replace_extension(".json");
        const json expected = json::parse(read_file(expectation_path));
        auto article = extract_article(read_file(page), expected.value("url", ""));
        REQUIRE(article);
        const std::map<std::string, json> fields = fields_of(*article);
        const json misses = expected.value("known_misses", json::object());
        for (const auto& [name, value] : expected.items()) {
            if (name == "url" || name == "known_misses") continue;
            INFO(page.filename().string() << ": " << name);
            REQUIRE(fields.count(name) == 1);
            json got = normalised(fields.at(name));
            if (misses.contains(name)) {
                INFO("known miss: " << misses[name].get<std::string>());
                CHECK(got != normalised(value));
            } else {
                CHECK(got == normalised(value));
            }
        }
    }
}

#include "core/json.h"

namespace newswire {

using nlohmann::json;

namespace {

json text_or_null(const std::string& text) { return text.empty() ? json(nullptr) : json(text); }

json time_or_null(const std::optional<Timestamp>& time) {
    return time ? json(to_iso8601(*time)) : json(nullptr);
}

std::string string_field(const json& object, const char* key) {
    auto it = object.find(key);
    return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::vector<std::string> strings_field(const json& object, const char* key) {
    std::vector<std::string> out;
    auto it = object.find(key);
    if (it == object.end() || !it->is_array()) return out;
    for (const json& value : *it) {
        if (value.is_string()) out.push_back(value.get<std::string>());
    }
    return out;
}

Result<std::optional<Timestamp>> time_field(const json& object, const char* key) {
    std::string text = string_field(object, key);
    if (text.empty()) return std::optional<Timestamp>();
    auto parsed = parse_iso8601(text);
    if (!parsed) return fail(ErrorCode::invalid_input, std::string("field '") + key + "' is not an ISO 8601 time: " + text);
    return std::optional<Timestamp>(parsed);
}

}  // namespace

json to_json(const Article& article) {
    json body = json::array();
    for (const Block& block : article.body) {
        body.push_back({{"type", to_string(block.type)}, {"text", block.text}});
    }
    json images = json::array();
    for (const Image& image : article.images) {
        images.push_back({{"url", text_or_null(image.url)},
                          {"caption", text_or_null(image.caption)},
                          {"credit", image.credit}});
    }
    json credit = nullptr;
    if (article.source_credit) {
        const SourceCredit& source = *article.source_credit;
        credit = {{"raw", source.raw},
                  {"outlet", text_or_null(source.outlet)},
                  {"editors", source.editors},
                  {"agencies", source.agencies}};
    }
    return {{"url", text_or_null(article.url)},
            {"canonical_url", text_or_null(article.canonical_url)},
            {"language", text_or_null(article.language)},
            {"section", text_or_null(article.section)},
            {"kicker", text_or_null(article.kicker)},
            {"headline", text_or_null(article.headline)},
            {"teaser", text_or_null(article.teaser)},
            {"body", body},
            {"authors", article.authors},
            {"published", time_or_null(article.published)},
            {"modified", time_or_null(article.modified)},
            {"topics", article.topics},
            {"images", images},
            {"source_credit", credit}};
}

json to_json(const FeedItem& item) {
    json enclosures = json::array();
    for (const Enclosure& enclosure : item.enclosures) {
        enclosures.push_back({{"url", enclosure.url},
                              {"type", text_or_null(enclosure.type)},
                              {"length", enclosure.length ? json(*enclosure.length) : json(nullptr)}});
    }
    return {{"guid", item.guid ? json(*item.guid) : json(nullptr)},
            {"url", text_or_null(item.url)},
            {"title", text_or_null(item.title)},
            {"summary", text_or_null(item.summary)},
            {"content", text_or_null(item.content)},
            {"authors", item.authors},
            {"published", time_or_null(item.published)},
            {"updated", time_or_null(item.updated)},
            {"categories", item.categories},
            {"enclosures", enclosures}};
}

json to_json(const ParsedFeed& feed) {
    json items = json::array();
    for (const FeedItem& item : feed.items) items.push_back(to_json(item));
    return {{"format", feed.format},
            {"title", text_or_null(feed.title)},
            {"link", text_or_null(feed.link)},
            {"language", text_or_null(feed.language)},
            {"recovered", feed.recovered},
            {"items", items}};
}

Result<Article> article_from_json(const json& object) {
    if (!object.is_object()) return fail(ErrorCode::invalid_input, "an article must be a JSON object");
    Article article;
    article.url = string_field(object, "url");
    article.canonical_url = string_field(object, "canonical_url");
    article.language = string_field(object, "language");
    article.section = string_field(object, "section");
    article.kicker = string_field(object, "kicker");
    article.headline = string_field(object, "headline");
    article.teaser = string_field(object, "teaser");
    if (auto body = object.find("body"); body != object.end() && body->is_array()) {
        for (const json& block : *body) {
            auto type = block_type_from(string_field(block, "type"));
            if (!type) return fail(ErrorCode::invalid_input, "body block has an unknown type: " + block.dump());
            article.body.push_back({*type, string_field(block, "text")});
        }
    }
    article.authors = strings_field(object, "authors");
    article.topics = strings_field(object, "topics");
    auto published = time_field(object, "published");
    if (!published) return tl::unexpected(published.error());
    article.published = *published;
    auto modified = time_field(object, "modified");
    if (!modified) return tl::unexpected(modified.error());
    article.modified = *modified;
    if (auto images = object.find("images"); images != object.end() && images->is_array()) {
        for (const json& image : *images) {
            article.images.push_back({string_field(image, "url"), string_field(image, "caption"),
                                      strings_field(image, "credit")});
        }
    }
    if (auto credit = object.find("source_credit"); credit != object.end() && credit->is_object()) {
        article.source_credit = SourceCredit{string_field(*credit, "raw"), string_field(*credit, "outlet"),
                                             strings_field(*credit, "editors"), strings_field(*credit, "agencies")};
    }
    return article;
}

}  // namespace newswire

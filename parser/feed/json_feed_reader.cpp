#include <nlohmann/json.hpp>

#include "core/text.h"
#include "parser/feed/html_text.h"
#include "parser/feed/item_util.h"
#include "parser/feed/readers.h"
#include "parser/feed/xml_util.h"

namespace newswire::feed_detail {

namespace {

using nlohmann::json;

constexpr std::size_t k_max_items = 100000;

std::string string_at(const json& object, const char* key) {
    auto it = object.find(key);
    if (it == object.end()) return {};
    if (it->is_string()) return it->get<std::string>();
    if (it->is_number_integer()) return std::to_string(it->get<std::int64_t>());
    return {};
}

void read_authors(const json& object, FeedItem& item) {
    if (auto authors = object.find("authors"); authors != object.end() && authors->is_array()) {
        for (const json& author : *authors) {
            if (author.is_object()) add_author(item, string_at(author, "name"));
        }
    }
    if (auto author = object.find("author"); author != object.end() && author->is_object()) {
        add_author(item, string_at(*author, "name"));
    }
}

void read_attachments(const json& object, std::string_view base, FeedItem& item) {
    auto attachments = object.find("attachments");
    if (attachments == object.end() || !attachments->is_array()) return;
    for (const json& attachment : *attachments) {
        if (!attachment.is_object()) continue;
        add_enclosure(item, absolute_url(base, string_at(attachment, "url")), string_at(attachment, "mime_type"),
                      string_at(attachment, "size_in_bytes"));
    }
}

FeedItem read_item(const json& object, std::string_view base) {
    FeedItem item;
    std::string id = string_at(object, "id");
    if (!id.empty()) item.guid = id;
    item.url = absolute_url(base, string_at(object, "url"));
    if (item.url.empty()) item.url = absolute_url(base, string_at(object, "external_url"));
    item.title = html_to_text(string_at(object, "title"));
    item.summary = string_at(object, "summary");
    item.content = string_at(object, "content_html");
    if (item.content.empty()) item.content = string_at(object, "content_text");
    item.published = parse_feed_date(string_at(object, "date_published"));
    item.updated = parse_feed_date(string_at(object, "date_modified"));
    read_authors(object, item);
    if (auto tags = object.find("tags"); tags != object.end() && tags->is_array()) {
        for (const json& tag : *tags) {
            if (tag.is_string()) add_category(item, tag.get<std::string>());
        }
    }
    read_attachments(object, base, item);
    return item;
}

}  // namespace

Result<ParsedFeed> read_json_feed(std::string_view text, std::string_view document_base) {
    json document = json::parse(text.begin(), text.end(), nullptr, false);
    if (document.is_discarded()) return fail(ErrorCode::invalid_input, "not a feed: broken JSON");
    if (!document.is_object()) return fail(ErrorCode::invalid_input, "not a feed: JSON that is not a JSON Feed object");
    std::string version = string_at(document, "version");
    auto items = document.find("items");
    if (version.find("jsonfeed.org") == std::string::npos && (items == document.end() || !items->is_array())) {
        return fail(ErrorCode::invalid_input, "not a feed: JSON without a JSON Feed version or items");
    }
    ParsedFeed feed;
    feed.format = "jsonfeed";
    feed.title = html_to_text(string_at(document, "title"));
    feed.link = absolute_url(document_base, string_at(document, "home_page_url"));
    feed.language = string_at(document, "language");
    std::string base = feed.link.empty() ? std::string(document_base) : feed.link;
    if (items != document.end() && items->is_array()) {
        for (const json& item : *items) {
            if (feed.items.size() >= k_max_items) break;
            if (item.is_object()) feed.items.push_back(read_item(item, base));
        }
    }
    return feed;
}

}  // namespace newswire::feed_detail

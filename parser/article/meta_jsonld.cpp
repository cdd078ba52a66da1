#include "parser/article/meta_jsonld.h"

#include <algorithm>
#include <array>
#include <map>

#include <nlohmann/json.hpp>

#include "core/text.h"
#include "parser/article/meta_text.h"

namespace newswire {

namespace {

using nlohmann::json;

constexpr std::size_t k_max_script_bytes = 4 * 1024 * 1024;
constexpr int k_max_depth = 64;
constexpr std::size_t k_max_objects = 5000;
constexpr std::size_t k_max_keywords = 100;
constexpr std::size_t k_max_people = 50;

constexpr std::array<std::string_view, 14> k_article_types{
    "NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle",
    "OpinionNewsArticle", "BackgroundNewsArticle", "ReviewNewsArticle", "BlogPosting",
    "LiveBlogPosting", "Report", "ScholarlyArticle", "TechArticle", "SatiricalArticle",
    "AskPublicNewsArticle"};

// Deeper nesting than a page needs is refused before nlohmann's recursive parser sees it.
bool nesting_within_limit(std::string_view text) {
    int depth = 0;
    bool in_string = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (in_string) {
            if (c == '\\') ++i;
            else if (c == '"') in_string = false;
        } else if (c == '"') {
            in_string = true;
        } else if (c == '{' || c == '[') {
            if (++depth > k_max_depth) return false;
        } else if (c == '}' || c == ']') {
            --depth;
        }
    }
    return true;
}

std::string_view strip_wrappers(std::string_view text) {
    text = trim(text, " \t\r\n");
    for (std::string_view open : {"<!--", "//<![CDATA[", "<![CDATA["}) {
        if (text.substr(0, open.size()) == open) text = trim(text.substr(open.size()));
    }
    for (std::string_view close : {"-->", "//]]>", "]]>"}) {
        if (text.size() >= close.size() && text.substr(text.size() - close.size()) == close) {
            text = trim(text.substr(0, text.size() - close.size()));
        }
    }
    while (!text.empty() && text.back() == ';') text = trim(text.substr(0, text.size() - 1));
    return text;
}

json parse_lenient(std::string_view raw) {
    std::string_view text = strip_wrappers(raw);
    if (text.empty() || text.size() > k_max_script_bytes || !nesting_within_limit(text)) return {};
    json value = json::parse(text.begin(), text.end(), nullptr, false);
    if (!value.is_discarded()) return value;
    // Raw control characters inside strings are the usual breakage: make them spaces.
    std::string repaired(text);
    for (char& c : repaired) {
        if (static_cast<unsigned char>(c) < 0x20) c = ' ';
    }
    value = json::parse(repaired, nullptr, false);
    return value.is_discarded() ? json{} : value;
}

// All objects of the value in pre-order, without recursion.
void collect_objects(const json& root, std::vector<const json*>& out) {
    std::vector<const json*> stack{&root};
    while (!stack.empty() && out.size() < k_max_objects) {
        const json* node = stack.back();
        stack.pop_back();
        if (node->is_object()) {
            out.push_back(node);
            std::vector<const json*> children;
            for (const auto& item : node->items()) {
                if (item.value().is_structured()) children.push_back(&item.value());
            }
            for (auto it = children.rbegin(); it != children.rend(); ++it) stack.push_back(*it);
        } else if (node->is_array()) {
            for (auto it = node->rbegin(); it != node->rend(); ++it) {
                if (it->is_structured()) stack.push_back(&*it);
            }
        }
    }
}

bool has_type(const json& object, std::string_view wanted) {
    auto it = object.find("@type");
    if (it == object.end()) return false;
    auto matches = [&](const json& t) {
        if (!t.is_string()) return false;
        std::string_view name = t.get_ref<const std::string&>();
        std::size_t slash = name.rfind('/');
        if (slash != std::string_view::npos) name = name.substr(slash + 1);
        return name == wanted;
    };
    if (it->is_array()) return std::any_of(it->begin(), it->end(), matches);
    return matches(*it);
}

bool is_article(const json& object) {
    return std::any_of(k_article_types.begin(), k_article_types.end(),
                       [&](std::string_view type) { return has_type(object, type); });
}

std::string text_of(const json* value) {
    if (!value) return {};
    if (value->is_string()) return clean_text(value->get_ref<const std::string&>());
    if (value->is_number()) return value->dump();
    if (value->is_array() && !value->empty()) return text_of(&(*value)[0]);
    if (value->is_object()) {
        for (const char* key : {"name", "@value", "text"}) {
            auto it = value->find(key);
            if (it != value->end()) return text_of(&*it);
        }
    }
    return {};
}

const json* member(const json& object, const char* key) {
    auto it = object.find(key);
    return it == object.end() ? nullptr : &*it;
}

using IdIndex = std::map<std::string, const json*, std::less<>>;

const json& resolve(const json& value, const IdIndex& ids) {
    if (!value.is_object() || value.size() > 1) return value;
    const json* id = member(value, "@id");
    if (!id || !id->is_string()) return value;
    auto found = ids.find(id->get_ref<const std::string&>());
    return found == ids.end() ? value : *found->second;
}

std::string person_name(const json& person) {
    std::string name = text_of(member(person, "name"));
    if (!name.empty()) return name;
    std::string given = text_of(member(person, "givenName"));
    std::string family = text_of(member(person, "familyName"));
    return fold_whitespace(given + " " + family);
}

void read_authors(const json* value, const IdIndex& ids, JsonLdArticle& article) {
    if (!value) return;
    std::vector<const json*> entries;
    if (value->is_array()) {
        for (const json& entry : *value) entries.push_back(&entry);
    } else {
        entries.push_back(value);
    }
    for (const json* raw : entries) {
        if (article.authors.size() + article.organisations.size() >= k_max_people) break;
        const json& entry = resolve(*raw, ids);
        if (entry.is_string()) {
            std::string name = clean_text(entry.get_ref<const std::string&>());
            if (!name.empty()) article.authors.push_back(name);
        } else if (entry.is_object()) {
            std::string name = person_name(entry);
            if (name.empty()) continue;
            bool organisation = has_type(entry, "Organization") || has_type(entry, "NewsMediaOrganization") ||
                                has_type(entry, "Corporation");
            (organisation ? article.organisations : article.authors).push_back(name);
        }
    }
}

JsonLdImage read_image(const json& value, const IdIndex& ids) {
    const json& image = resolve(value, ids);
    JsonLdImage out;
    if (image.is_string()) {
        out.url = trim(image.get_ref<const std::string&>());
        return out;
    }
    if (!image.is_object()) return out;
    out.url = text_of(member(image, "url"));
    if (out.url.empty()) out.url = text_of(member(image, "contentUrl"));
    out.caption = text_of(member(image, "caption"));
    if (out.caption.empty()) out.caption = text_of(member(image, "description"));
    for (const char* key : {"creditText", "copyrightHolder", "author", "creator"}) {
        out.credit = text_of(member(image, key));
        if (!out.credit.empty()) break;
    }
    return out;
}

void read_images(const json* value, const IdIndex& ids, JsonLdArticle& article) {
    if (!value) return;
    if (value->is_array()) {
        for (const json& entry : *value) {
            if (article.images.size() >= k_max_people) break;
            JsonLdImage image = read_image(entry, ids);
            if (!image.url.empty()) article.images.push_back(std::move(image));
        }
        return;
    }
    JsonLdImage image = read_image(*value, ids);
    if (!image.url.empty()) article.images.push_back(std::move(image));
}

void read_keywords(const json* value, JsonLdArticle& article) {
    if (!value) return;
    if (value->is_string()) {
        article.keywords = split_keywords(clean_text(value->get_ref<const std::string&>()));
    } else if (value->is_array()) {
        for (const json& entry : *value) {
            if (article.keywords.size() >= k_max_keywords) break;
            std::string keyword = text_of(&entry);
            if (!keyword.empty() &&
                std::find(article.keywords.begin(), article.keywords.end(), keyword) == article.keywords.end()) {
                article.keywords.push_back(keyword);
            }
        }
    }
}

void fill(const json& object, const IdIndex& ids, JsonLdArticle& article) {
    article.found = true;
    article.headline = text_of(member(object, "headline"));
    if (article.headline.empty()) article.headline = text_of(member(object, "name"));
    article.description = text_of(member(object, "description"));
    article.section = text_of(member(object, "articleSection"));
    article.language = text_of(member(object, "inLanguage"));
    article.published = text_of(member(object, "datePublished"));
    if (article.published.empty()) article.published = text_of(member(object, "dateCreated"));
    article.modified = text_of(member(object, "dateModified"));
    if (const json* publisher = member(object, "publisher")) {
        article.publisher = text_of(&resolve(*publisher, ids));
    }
    article.url = text_of(member(object, "url"));
    if (const json* main = member(object, "mainEntityOfPage"); main && article.url.empty()) {
        article.url = main->is_object() ? text_of(member(*main, "@id")) : text_of(main);
    }
    read_authors(member(object, "author"), ids, article);
    if (article.authors.empty() && article.organisations.empty()) {
        read_authors(member(object, "creator"), ids, article);
    }
    read_keywords(member(object, "keywords"), article);
    read_images(member(object, "image"), ids, article);
    if (const json* body = member(object, "articleBody"); body && body->is_string()) {
        article.body = body->get<std::string>();
    }
}

}  // namespace

std::vector<std::string> split_keywords(std::string_view text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= text.size() && out.size() < k_max_keywords) {
        std::size_t end = text.find_first_of(",;", start);
        if (end == std::string_view::npos) end = text.size();
        std::string keyword = fold_whitespace(text.substr(start, end - start));
        if (!keyword.empty() && std::find(out.begin(), out.end(), keyword) == out.end()) {
            out.push_back(std::move(keyword));
        }
        start = end + 1;
    }
    return out;
}

JsonLdArticle read_json_ld(const std::vector<std::string_view>& scripts) {
    std::vector<json> documents;
    documents.reserve(scripts.size());
    for (std::string_view script : scripts) {
        json value = parse_lenient(script);
        if (value.is_structured()) documents.push_back(std::move(value));
    }
    std::vector<const json*> objects;
    for (const json& document : documents) collect_objects(document, objects);
    IdIndex ids;
    for (const json* object : objects) {
        const json* id = member(*object, "@id");
        if (id && id->is_string() && object->size() > 1) ids.emplace(id->get<std::string>(), object);
    }
    JsonLdArticle article;
    for (const json* object : objects) {
        if (is_article(*object)) {
            fill(*object, ids, article);
            return article;
        }
    }
    // Some pages describe the article only as their WebPage (Yoast without an Article piece).
    for (const json* object : objects) {
        if ((has_type(*object, "WebPage") || has_type(*object, "ItemPage")) &&
            (object->contains("datePublished") || object->contains("author"))) {
            fill(*object, ids, article);
            article.found = false;
            article.headline.clear();
            break;
        }
    }
    for (const json* object : objects) {
        if (has_type(*object, "VideoObject") || has_type(*object, "AudioObject")) {
            article.media_published = text_of(member(*object, "uploadDate"));
            if (article.media_published.empty()) article.media_published = text_of(member(*object, "datePublished"));
            if (!article.media_published.empty()) break;
        }
    }
    return article;
}

}  // namespace newswire

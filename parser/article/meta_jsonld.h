#pragma once
// What a page's JSON-LD says about its article. Private to parser/article.
//
// Pages carry broken JSON-LD (raw control characters in strings, HTML comments around it,
// trailing semicolons) and hostile JSON-LD (megabytes, deep nesting): reading is lenient and
// bounded, and a block that cannot be read is skipped.

#include <string>
#include <string_view>
#include <vector>

namespace newswire {

struct JsonLdImage {
    std::string url;
    std::string caption;
    std::string credit;  // creditText / copyrightHolder / author name, when given
};

struct JsonLdArticle {
    bool found = false;  // an object typed as an article (NewsArticle, BlogPosting, ...) was seen
    std::string headline;
    std::string description;
    std::string section;
    std::string language;
    std::string url;
    std::string published;  // as written
    std::string modified;
    std::string publisher;
    std::vector<std::string> authors;        // Person names (and untyped names)
    std::vector<std::string> organisations;  // authors typed as Organization
    std::vector<std::string> keywords;
    std::vector<JsonLdImage> images;
    std::string body;  // articleBody as written: plain text (line breaks kept) or HTML
    // Without an article object, the uploadDate of the page's VideoObject or AudioObject: the date
    // of a video page, weaker than the page's own date metas (an embedded clip has its own).
    std::string media_published;
};

// Reads the JSON-LD script texts of one page; the first article-typed object wins, fields
// it lacks are not filled from other objects (except Person entries referenced by @id).
// Without one, a WebPage that states a date or author gives those (found stays false), and a
// VideoObject or AudioObject its upload date (media_published).
JsonLdArticle read_json_ld(const std::vector<std::string_view>& scripts);

// Splits a keyword list "a, b; c" into trimmed, non-empty, de-duplicated entries.
std::vector<std::string> split_keywords(std::string_view text);

}  // namespace newswire

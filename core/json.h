#pragma once
// The JSON forms of Article and ParsedFeed, exactly as shared/eval/README.md specifies them for
// `newswire extract` and `newswire parse-feed`. Storage keeps articles in the same form.

#include <nlohmann/json.hpp>

#include "core/article.h"
#include "core/error.h"
#include "core/feed.h"

namespace newswire {

nlohmann::json to_json(const Article& article);
nlohmann::json to_json(const FeedItem& item);
nlohmann::json to_json(const ParsedFeed& feed);

// The inverse of to_json(Article); an error names the first field that does not fit.
Result<Article> article_from_json(const nlohmann::json& json);

}  // namespace newswire

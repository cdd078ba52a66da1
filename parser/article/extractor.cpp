#include "parser/article/extractor.h"
// Placeholder until the extractor lands.
namespace newswire {
Result<Article> extract_article(std::string_view, std::string_view url, std::string_view) {
    Article article;
    article.url = std::string(url);
    return article;
}
}  // namespace newswire

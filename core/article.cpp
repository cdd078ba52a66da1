#include "core/article.h"

namespace newswire {

std::string_view to_string(BlockType type) {
    switch (type) {
    case BlockType::paragraph: return "paragraph";
    case BlockType::heading: return "heading";
    case BlockType::quote: return "quote";
    case BlockType::list_item: return "list_item";
    }
    return "paragraph";
}

std::optional<BlockType> block_type_from(std::string_view name) {
    for (BlockType type : {BlockType::paragraph, BlockType::heading, BlockType::quote, BlockType::list_item}) {
        if (to_string(type) == name) return type;
    }
    return std::nullopt;
}

std::string article_text(const Article& article) {
    std::string text = article.teaser;
    for (const Block& block : article.body) {
        if (!text.empty()) text += '\n';
        text += block.text;
    }
    return text;
}

}  // namespace newswire

#pragma once
// An article as newswire extracts, stores and exports it. Empty strings and empty vectors mean
// "the page has none"; the JSON form (core/json.h) writes them as null or leaves them out.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/time.h"

namespace newswire {

enum class BlockType { paragraph, heading, quote, list_item };

std::string_view to_string(BlockType type);
std::optional<BlockType> block_type_from(std::string_view name);

struct Block {
    BlockType type = BlockType::paragraph;
    std::string text;  // plain text, white space folded

    friend bool operator==(const Block&, const Block&) = default;
};

struct Image {
    std::string url;                  // absolute
    std::string caption;              // without the photo credit
    std::vector<std::string> credit;  // e.g. {"picture alliance/dpa/kcna"}

    friend bool operator==(const Image&, const Image&) = default;
};

// "Quelle: ntv.de, gut/rts" -> outlet "ntv.de", editors {"gut"}, agencies {"rts"}.
struct SourceCredit {
    std::string raw;
    std::string outlet;
    std::vector<std::string> editors;
    std::vector<std::string> agencies;

    friend bool operator==(const SourceCredit&, const SourceCredit&) = default;
};

struct Article {
    std::string url;            // where the page was read from
    std::string canonical_url;  // core/url.h canonical form of what the page says of itself
    std::string language;       // BCP 47, e.g. "de"
    std::string section;
    std::string kicker;
    std::string headline;
    std::string teaser;         // paragraphs joined by "\n"
    std::vector<Block> body;    // teaser excluded
    std::vector<std::string> authors;
    std::optional<Timestamp> published;
    std::optional<Timestamp> modified;
    std::vector<std::string> topics;
    std::vector<Image> images;  // lead image first
    std::optional<SourceCredit> source_credit;

    friend bool operator==(const Article&, const Article&) = default;
};

// Teaser and body as one text, blocks separated by "\n": what dedup hashes and search indexes.
std::string article_text(const Article& article);

}  // namespace newswire

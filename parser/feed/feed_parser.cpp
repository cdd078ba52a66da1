#include "parser/feed/feed_parser.h"
// Placeholder until the feed parser lands.
namespace newswire {
Result<ParsedFeed> parse_feed(std::string_view, std::string_view, std::string_view) {
    return fail(ErrorCode::invalid_input, "feed parser not built yet");
}
}  // namespace newswire

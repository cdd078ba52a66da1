// Reading articles back: the list with feeds and revision counts, and full-text search.
#include "core/json.h"
#include "storage/database_impl.h"

namespace newswire {
namespace {

Result<StoredArticle> read_article(const Statement& statement) {
    StoredArticle stored;
    stored.id = statement.column_int(0);
    const auto document = nlohmann::json::parse(statement.column_text(1), nullptr, false);
    if (document.is_discarded()) {
        return fail(ErrorCode::invalid_input,
                    "article " + std::to_string(stored.id) + " has a document that is not JSON");
    }
    auto article = article_from_json(document);
    if (!article) {
        return fail(ErrorCode::invalid_input,
                    "article " + std::to_string(stored.id) + ": " + article.error().message);
    }
    stored.article = std::move(*article);
    stored.cluster_id = statement.column_optional_int(2);
    stored.revisions = static_cast<int>(statement.column_int(3));
    const auto feeds = nlohmann::json::parse(statement.column_text(4), nullptr, false);
    if (feeds.is_array()) {
        for (const auto& name : feeds) {
            if (name.is_string()) {
                stored.feeds.push_back(name.get<std::string>());
            }
        }
    }
    return stored;
}

// Plain words to an FTS5 query: each word a quoted string (so no word is FTS5 syntax), all
// required; a trailing * keeps its prefix meaning.
std::string fts_query(const std::string& query) {
    std::string result;
    std::size_t start = 0;
    while (start < query.size()) {
        const std::size_t end = std::min(query.find_first_of(" \t\r\n", start), query.size());
        std::string word = query.substr(start, end - start);
        start = end + 1;
        if (word.empty()) {
            continue;
        }
        const bool prefix = word.size() > 1 && word.back() == '*';
        if (prefix) {
            word.pop_back();
        }
        std::string quoted = "\"";
        for (char c : word) {
            quoted += c;
            if (c == '"') {
                quoted += '"';
            }
        }
        quoted += prefix ? "\"*" : "\"";
        result += result.empty() ? quoted : " " + quoted;
    }
    return result;
}

}  // namespace

Result<void> each_article_in(Sqlite& db, std::optional<std::int64_t> only, std::optional<std::int64_t> changed_since,
                             const std::function<bool(StoredArticle&&)>& visit) {
    auto statement = db.prepare(
        "SELECT a.id, a.document, a.cluster_id,"
        " (SELECT COUNT(*) FROM revisions r WHERE r.article_id = a.id),"
        " (SELECT json_group_array(name) FROM (SELECT DISTINCT f.name AS name"
        "   FROM article_pages ap JOIN pages p ON p.id = ap.page_id"
        "   JOIN items i ON i.link_key IN (SELECT link_key FROM items WHERE url IN (p.url, p.final_url))"
        "   JOIN feeds f ON f.id = i.feed_id"
        "   WHERE ap.article_id = a.id ORDER BY f.name))"
        " FROM articles a WHERE (?1 IS NULL OR a.id = ?1) AND (?2 IS NULL OR a.updated_at >= ?2) ORDER BY a.id");
    if (!statement) {
        return tl::unexpected(statement.error());
    }
    statement->bind_all(only, changed_since);
    for (;;) {
        auto row = statement->step();
        if (!row) {
            return tl::unexpected(row.error());
        }
        if (!*row) {
            return {};
        }
        auto article = read_article(*statement);
        if (!article) {
            return tl::unexpected(article.error());
        }
        if (!visit(std::move(*article))) {
            return {};
        }
    }
}

Result<std::vector<SearchHit>> search_in(Sqlite& db, const std::string& query, int limit) {
    const std::string match = fts_query(query);
    if (match.empty() || limit <= 0) {
        return std::vector<SearchHit>();
    }
    auto statement = db.prepare(
        "SELECT a.id, a.canonical_url, a.headline, COALESCE(a.published, ''),"
        " snippet(articles_fts, -1, '[', ']', '…', 12)"
        " FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid"
        " WHERE articles_fts MATCH ?1 ORDER BY rank, a.id LIMIT ?2");
    if (!statement) {
        return tl::unexpected(statement.error());
    }
    statement->bind_all(match, limit);
    std::vector<SearchHit> hits;
    auto done = statement->for_each_row([&](const Statement& row) {
        hits.push_back(SearchHit{row.column_int(0), row.column_text(1),
                                 row.column_text(2), row.column_text(3),
                                 row.column_text(4)});
    });
    if (!done) {
        return tl::unexpected(done.error());
    }
    return hits;
}

}  // namespace newswire

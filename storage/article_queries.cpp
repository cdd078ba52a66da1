// Reading articles back: the list with feeds and revision counts, revisions, look-up by URL,
// and full-text search.
#include "core/json.h"
#include "core/url.h"
#include "storage/database_impl.h"

namespace newswire {
namespace {

// A stored document back to an Article; `what` names it in errors ("article 5").
Result<Article> read_document(std::string_view text, const std::string& what) {
    const auto document = nlohmann::json::parse(text, nullptr, false);
    if (document.is_discarded()) {
        return fail(ErrorCode::invalid_input, what + " has a document that is not JSON");
    }
    auto article = article_from_json(document);
    if (!article) {
        return fail(ErrorCode::invalid_input, what + ": " + article.error().message);
    }
    return article;
}

Result<StoredArticle> read_article(const Statement& statement) {
    StoredArticle stored;
    stored.id = statement.column_int(0);
    auto article = read_document(statement.column_text(1), "article " + std::to_string(stored.id));
    if (!article) {
        return tl::unexpected(article.error());
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

Result<std::optional<std::int64_t>> find_article_in(Sqlite& db, std::string_view url) {
    const std::string given(url);
    const std::string canonical = canonical_url(url).value_or(given);
    return db.query_int(
        "SELECT id FROM ("
        " SELECT id, 1 AS rank FROM articles WHERE canonical_url IN (?1, ?2)"
        " UNION ALL SELECT article_id, 2 FROM article_aliases WHERE url IN (?1, ?2)"
        " UNION ALL SELECT ap.article_id, 3 FROM pages p JOIN article_pages ap ON ap.page_id = p.id"
        "  WHERE p.url IN (?1, ?2) OR p.final_url IN (?1, ?2)"
        " UNION ALL SELECT id, 4 FROM articles WHERE url IN (?1, ?2))"
        " ORDER BY rank, id LIMIT 1",
        given, canonical);
}

Result<std::vector<ArticleRevision>> revisions_in(Sqlite& db, std::int64_t article_id) {
    auto statement = db.prepare("SELECT n, created_at, document FROM revisions WHERE article_id = ? ORDER BY n");
    if (!statement) {
        return tl::unexpected(statement.error());
    }
    statement->bind_all(article_id);
    std::vector<ArticleRevision> revisions;
    Result<void> read;
    auto done = statement->for_each_row([&](const Statement& row) {
        if (!read) {
            return;
        }
        const auto n = static_cast<int>(row.column_int(0));
        auto article = read_document(row.column_text(2), "revision " + std::to_string(n) + " of article " +
                                                             std::to_string(article_id));
        if (!article) {
            read = tl::unexpected(article.error());
            return;
        }
        revisions.push_back(ArticleRevision{n, row.column_int(1), std::move(*article)});
    });
    if (!done) {
        return tl::unexpected(done.error());
    }
    if (!read) {
        return tl::unexpected(read.error());
    }
    return revisions;
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

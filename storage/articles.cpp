// Storing an extracted article: canonical URL merge, aliasing by text, revisions, the full-text
// index and the near-duplicate clusters, all in one transaction.
#include "core/json.h"
#include "core/url.h"
#include "storage/database_impl.h"
#include "storage/fingerprint.h"

namespace newswire {
namespace {

// A page as storing its article needs it: its addresses, and the article it was read into
// before, if any. `same_bytes`: its bytes are still those that reading was of (store_page sets
// the link's extractor version to 0 when new bytes arrive).
struct PageUrls {
    std::string url;
    std::string final_url;
    std::optional<std::int64_t> previous_article;
    bool same_bytes = false;
};

struct ArticleRow {
    std::int64_t id = 0;
    std::string text_hash;
    std::string document;
};

// What is written into the articles row besides the document.
struct Prepared {
    Article article;  // with its canonical URL
    std::string canonical_url;
    std::string normalised;
    std::string hash;
    std::optional<std::uint64_t> fingerprint;
    std::string document;
};

std::string without_www(std::string host) {
    return host.rfind("www.", 0) == 0 ? host.substr(4) : host;
}

bool is_suffix_host(const std::string& host, const std::string& of) {
    return host == of || (of.size() > host.size() && of.ends_with("." + host));
}

// A page may name its canonical URL only on its own site (the same host, or a parent or sub
// domain of it): otherwise any page could overwrite another outlet's article.
bool same_site(std::string_view declared, std::string_view page_url) {
    const std::string a = without_www(url_host(declared));
    const std::string b = without_www(url_host(page_url));
    return !a.empty() && !b.empty() && (is_suffix_host(a, b) || is_suffix_host(b, a));
}

std::optional<std::string> choose_canonical(const Article& article, const PageUrls& page) {
    const std::string& page_url = page.final_url.empty() ? page.url : page.final_url;
    if (auto declared = canonical_url(article.canonical_url);
        declared && same_site(*declared, page_url)) {
        return declared;
    }
    for (const std::string* candidate : {&page.final_url, &page.url, &article.url}) {
        if (auto canonical = canonical_url(*candidate)) {
            return canonical;
        }
    }
    return std::nullopt;
}

Result<PageUrls> load_page(Sqlite& db, std::int64_t page_id) {
    auto statement = db.prepare(
        "SELECT p.url, p.final_url, ap.article_id, ap.extractor_version <> 0"
        " FROM pages p LEFT JOIN article_pages ap ON ap.page_id = p.id WHERE p.id = ?");
    if (!statement) {
        return tl::unexpected(statement.error());
    }
    statement->bind_all(page_id);
    auto row = statement->step();
    if (!row) {
        return tl::unexpected(row.error());
    }
    if (!*row) {
        return fail(ErrorCode::not_found, "no such page");
    }
    return PageUrls{statement->column_text(0), statement->column_text(1), statement->column_optional_int(2),
                    statement->column_optional_int(3).value_or(0) != 0};
}

// The stored text equals `prepared`'s: the hash is only the index, the texts decide.
bool same_text(const ArticleRow& row, const Prepared& prepared) {
    if (row.text_hash != prepared.hash) {
        return false;
    }
    const auto json = nlohmann::json::parse(row.document, nullptr, false);
    if (json.is_discarded()) {
        return false;
    }
    auto stored = article_from_json(json);
    return stored && normalised_text(*stored) == prepared.normalised;
}

Result<std::vector<ArticleRow>> find_rows(Sqlite& db, const char* sql, const std::string& key) {
    auto statement = db.prepare(sql);
    if (!statement) {
        return tl::unexpected(statement.error());
    }
    statement->bind_all(key);
    std::vector<ArticleRow> rows;
    auto done = statement->for_each_row([&](const Statement& row) {
        rows.push_back({row.column_int(0), row.column_text(1),
                        row.column_text(2)});
    });
    if (!done) {
        return tl::unexpected(done.error());
    }
    return rows;
}

std::string body_text(const Article& article) {
    std::string text;
    for (const Block& block : article.body) {
        if (!text.empty()) {
            text += '\n';
        }
        text += block.text;
    }
    return text;
}

std::optional<std::int64_t> band(const std::optional<std::uint64_t>& fingerprint, int index) {
    if (!fingerprint) {
        return std::nullopt;
    }
    return static_cast<std::int64_t>((*fingerprint >> (16 * index)) & 0xffffU);
}

std::optional<std::int64_t> as_integer(const std::optional<std::uint64_t>& fingerprint) {
    if (!fingerprint) {
        return std::nullopt;
    }
    return static_cast<std::int64_t>(*fingerprint);
}

Result<void> index_text(Sqlite& db, std::int64_t article_id, const Article& article) {
    auto removed = db.execute("DELETE FROM articles_fts WHERE rowid = ?", article_id);
    if (!removed) {
        return removed;
    }
    const std::string headline =
        article.kicker.empty() ? article.headline : article.kicker + "\n" + article.headline;
    return db.execute("INSERT INTO articles_fts (rowid, headline, teaser, body) VALUES (?, ?, ?, ?)",
                      article_id, headline, article.teaser, body_text(article));
}

Result<void> add_revision(Sqlite& db, std::int64_t article_id, const Prepared& prepared,
                          std::int64_t now) {
    return db.execute(
        "INSERT INTO revisions (article_id, n, document, text_hash, created_at) VALUES (?1,"
        " COALESCE((SELECT MAX(n) FROM revisions WHERE article_id = ?1), 0) + 1, ?2, ?3, ?4)",
        article_id, prepared.document, prepared.hash, now);
}

Result<std::optional<std::int64_t>> insert_row(Sqlite& db, const Prepared& p, std::int64_t now) {
    const Article& a = p.article;
    return db.query_int(
        "INSERT INTO articles (canonical_url, url, headline, published, published_unix, language,"
        " section, text_hash, simhash, simhash_band0, simhash_band1, simhash_band2,"
        " simhash_band3, first_seen, updated_at, document)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?14, ?14, ?15) RETURNING id",
        p.canonical_url, a.url, a.headline,
        a.published ? std::optional(to_iso8601(*a.published)) : std::nullopt,
        a.published ? std::optional(a.published->unix_seconds) : std::nullopt, a.language,
        a.section, p.hash, as_integer(p.fingerprint), band(p.fingerprint, 0),
        band(p.fingerprint, 1), band(p.fingerprint, 2), band(p.fingerprint, 3), now, p.document);
}

Result<void> update_row(Sqlite& db, std::int64_t id, const Prepared& p, std::int64_t now) {
    const Article& a = p.article;
    auto updated = db.execute(
        "UPDATE articles SET url = ?2, headline = ?3, published = ?4, published_unix = ?5,"
        " language = ?6, section = ?7, text_hash = ?8, simhash = ?9, simhash_band0 = ?10,"
        " simhash_band1 = ?11, simhash_band2 = ?12, simhash_band3 = ?13, updated_at = ?14,"
        " document = ?15 WHERE id = ?1",
        id, a.url, a.headline,
        a.published ? std::optional(to_iso8601(*a.published)) : std::nullopt,
        a.published ? std::optional(a.published->unix_seconds) : std::nullopt, a.language,
        a.section, p.hash, as_integer(p.fingerprint), band(p.fingerprint, 0),
        band(p.fingerprint, 1), band(p.fingerprint, 2), band(p.fingerprint, 3), now, p.document);
    if (!updated) {
        return updated;
    }
    return index_text(db, id, a);
}

// The text of the latest revision replaced by another reading of the same page bytes.
Result<void> replace_latest_revision(Sqlite& db, std::int64_t article_id, const Prepared& prepared) {
    return db.execute(
        "UPDATE revisions SET document = ?2, text_hash = ?3"
        " WHERE article_id = ?1 AND n = (SELECT MAX(n) FROM revisions WHERE article_id = ?1)",
        article_id, prepared.document, prepared.hash);
}

// The same canonical URL again: unchanged text keeps the revisions (the row still takes the
// newest fields, e.g. from a better extractor); changed text is a new revision, unless it is
// `rereading`: the bytes this article was read from before, read again by a newer extractor.
// Then the publisher changed nothing, and the latest revision takes the new reading.
Result<StoreOutcome> store_existing(Sqlite& db, const ArticleRow& row, const Prepared& p,
                                    std::int64_t now, bool rereading) {
    if (same_text(row, p)) {
        if (row.document != p.document) {
            if (auto updated = update_row(db, row.id, p, now); !updated) {
                return tl::unexpected(updated.error());
            }
        }
        return StoreOutcome::unchanged;
    }
    auto done = update_row(db, row.id, p, now);
    if (done) {
        done = rereading ? replace_latest_revision(db, row.id, p) : add_revision(db, row.id, p, now);
    }
    if (done) {
        done = cluster_article(db, row.id);
    }
    if (!done) {
        return tl::unexpected(done.error());
    }
    return rereading ? StoreOutcome::reread : StoreOutcome::revised;
}

Result<std::int64_t> store_new(Sqlite& db, const Prepared& p, std::int64_t now) {
    auto id = insert_row(db, p, now);
    if (!id) {
        return tl::unexpected(id.error());
    }
    if (!*id) {
        return fail(ErrorCode::database, "no article id returned");
    }
    // The URL may have been an alias of another article whose text it no longer shares.
    auto done = db.execute("DELETE FROM article_aliases WHERE url = ?", p.canonical_url);
    if (done) {
        done = add_revision(db, **id, p, now);
    }
    if (done) {
        done = index_text(db, **id, p.article);
    }
    if (done) {
        done = cluster_article(db, **id);
    }
    if (!done) {
        return tl::unexpected(done.error());
    }
    return **id;
}

Result<std::optional<std::int64_t>> find_twin(Sqlite& db, const Prepared& p) {
    if (p.normalised.empty()) {
        return std::optional<std::int64_t>();  // empty texts are not the same story
    }
    auto rows = find_rows(db, "SELECT id, text_hash, document FROM articles WHERE text_hash = ?"
                          " ORDER BY id", p.hash);
    if (!rows) {
        return tl::unexpected(rows.error());
    }
    for (const ArticleRow& row : *rows) {
        if (same_text(row, p)) {
            return std::optional(row.id);
        }
    }
    return std::optional<std::int64_t>();
}

struct Placed {
    StoreOutcome outcome;
    std::int64_t article_id;
};

// `reread_of`: the article the page's bytes were read into before, when they have not changed
// since (PageUrls::same_bytes).
Result<Placed> place(Sqlite& db, const Prepared& p, std::int64_t now, std::optional<std::int64_t> reread_of) {
    auto existing = find_rows(
        db, "SELECT id, text_hash, document FROM articles WHERE canonical_url = ?",
        p.canonical_url);
    if (!existing) {
        return tl::unexpected(existing.error());
    }
    if (!existing->empty()) {
        auto outcome = store_existing(db, existing->front(), p, now, reread_of == existing->front().id);
        if (!outcome) {
            return tl::unexpected(outcome.error());
        }
        return Placed{*outcome, existing->front().id};
    }
    auto twin = find_twin(db, p);
    if (!twin) {
        return tl::unexpected(twin.error());
    }
    if (*twin) {
        auto aliased = db.execute(
            "INSERT INTO article_aliases (url, article_id, created_at) VALUES (?, ?, ?)"
            " ON CONFLICT (url) DO UPDATE SET article_id = excluded.article_id",
            p.canonical_url, **twin, now);
        if (!aliased) {
            return tl::unexpected(aliased.error());
        }
        return Placed{StoreOutcome::aliased, **twin};
    }
    auto created = store_new(db, p, now);
    if (!created) {
        return tl::unexpected(created.error());
    }
    return Placed{StoreOutcome::created, *created};
}

// Everything is computed from the article as the stored JSON gives it back, so that a later
// comparison with the stored row sees the same text (invalid UTF-8 is replaced on the way).
Result<Prepared> prepare_article(const Article& article, const std::string& canonical) {
    Article with_canonical = article;
    with_canonical.canonical_url = canonical;
    const std::string document = dump_json(to_json(with_canonical));
    auto stored = article_from_json(nlohmann::json::parse(document, nullptr, false));
    if (!stored) {
        return fail(ErrorCode::invalid_input, "the article does not survive JSON: " +
                                                  stored.error().message);
    }
    Prepared p{std::move(*stored), canonical, {}, {}, {}, document};
    p.normalised = normalised_text(p.article);
    p.hash = text_hash(p.normalised);
    p.fingerprint = simhash(p.normalised);
    return p;
}

// Points the page at its article. The article the page pointed at before (`previous`) is
// deleted when no page is left that says it (an older extractor read another canonical URL off
// the page).
Result<void> link_page(Sqlite& db, std::int64_t page_id, std::int64_t article_id,
                       std::optional<std::int64_t> previous, int extractor_version, std::int64_t now) {
    auto done = db.execute(
        "INSERT INTO article_pages (page_id, article_id, extractor_version, stored_at)"
        " VALUES (?, ?, ?, ?) ON CONFLICT (page_id) DO UPDATE SET"
        " article_id = excluded.article_id, extractor_version = excluded.extractor_version,"
        " stored_at = excluded.stored_at",
        page_id, article_id, extractor_version, now);
    if (done) {
        done = db.execute("DELETE FROM parse_failures WHERE page_id = ?", page_id);
    }
    if (!done || !previous || *previous == article_id) {
        return done;
    }
    done = db.execute("DELETE FROM articles WHERE id = ?1 AND NOT EXISTS"
                      " (SELECT 1 FROM article_pages WHERE article_id = ?1)",
                      *previous);
    if (done && db.changes() > 0) {
        done = db.execute("DELETE FROM articles_fts WHERE rowid = ?", *previous);
    }
    return done;
}

}  // namespace

Result<StoreOutcome> store_article_in(Sqlite& db, std::int64_t page_id, const Article& article,
                                      int extractor_version, std::int64_t now) {
    auto transaction = Transaction::begin(db, Transaction::Mode::write);
    if (!transaction) {
        return tl::unexpected(transaction.error());
    }
    auto page = load_page(db, page_id);
    if (!page) {
        return tl::unexpected(page.error());
    }
    auto canonical = choose_canonical(article, *page);
    if (!canonical) {
        return fail(ErrorCode::invalid_input, "the article and its page have no http(s) URL");
    }
    auto prepared = prepare_article(article, *canonical);
    if (!prepared) {
        return tl::unexpected(prepared.error());
    }
    auto placed = place(db, *prepared, now, page->same_bytes ? page->previous_article : std::nullopt);
    if (!placed) {
        return tl::unexpected(placed.error());
    }
    if (auto linked = link_page(db, page_id, placed->article_id, page->previous_article, extractor_version, now);
        !linked) {
        return tl::unexpected(linked.error());
    }
    if (auto committed = transaction->commit(); !committed) {
        return tl::unexpected(committed.error());
    }
    return placed->outcome;
}

}  // namespace newswire

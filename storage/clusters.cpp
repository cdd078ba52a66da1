// Near-duplicate clusters over the articles' SimHashes.
//
// Candidates are found by the pigeonhole principle: two 64-bit hashes within Hamming distance 3
// agree exactly on at least one of their four 16-bit bands, and each band is an indexed column.
// A store therefore reads only the articles sharing a band, not the whole table.
#include <algorithm>
#include <array>
#include <map>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "storage/database_impl.h"
#include "storage/fingerprint.h"

namespace newswire {
namespace {

struct Fingerprinted {
    std::int64_t id = 0;
    std::uint64_t simhash = 0;
    std::optional<std::int64_t> cluster_id;
};

Result<std::optional<Fingerprinted>> load(Sqlite& db, std::int64_t article_id) {
    auto statement = db.prepare("SELECT id, simhash, cluster_id FROM articles"
                                " WHERE id = ? AND simhash IS NOT NULL");
    if (!statement) {
        return tl::unexpected(statement.error());
    }
    statement->bind_all(article_id);
    auto row = statement->step();
    if (!row) {
        return tl::unexpected(row.error());
    }
    if (!*row) {
        return std::optional<Fingerprinted>();
    }
    return Fingerprinted{statement->column_int(0),
                         static_cast<std::uint64_t>(statement->column_int(1)),
                         statement->column_optional_int(2)};
}

Result<std::vector<Fingerprinted>> neighbours(Sqlite& db, const Fingerprinted& article) {
    auto statement = db.prepare(
        "SELECT id, simhash, cluster_id FROM articles WHERE id <> ?1 AND simhash IS NOT NULL"
        " AND (simhash_band0 = ?2 OR simhash_band1 = ?3 OR simhash_band2 = ?4"
        " OR simhash_band3 = ?5)");
    if (!statement) {
        return tl::unexpected(statement.error());
    }
    auto band = [&article](int index) {
        return static_cast<std::int64_t>((article.simhash >> (16 * index)) & 0xffffU);
    };
    statement->bind_all(article.id, band(0), band(1), band(2), band(3));
    std::vector<Fingerprinted> found;
    auto done = statement->for_each_row([&](const Statement& row) {
        Fingerprinted other{row.column_int(0),
                            static_cast<std::uint64_t>(row.column_int(1)),
                            row.column_optional_int(2)};
        if (hamming_distance(article.simhash, other.simhash) <= k_near_duplicate_distance) {
            found.push_back(other);
        }
    });
    if (!done) {
        return tl::unexpected(done.error());
    }
    return found;
}

std::int64_t find_root(std::unordered_map<std::int64_t, std::int64_t>& parent, std::int64_t id) {
    while (parent[id] != id) {
        parent[id] = parent[parent[id]];
        id = parent[id];
    }
    return id;
}

}  // namespace

Result<void> cluster_article(Sqlite& db, std::int64_t article_id) {
    auto article = load(db, article_id);
    if (!article) {
        return tl::unexpected(article.error());
    }
    if (!*article) {
        return {};
    }
    auto near = neighbours(db, **article);
    if (!near || near->empty()) {
        return near ? Result<void>() : tl::unexpected(near.error());
    }
    // Members and clusters that become one; a cluster's id is its smallest member, so the
    // smallest of all these ids is the merged cluster's.
    nlohmann::json ids = nlohmann::json::array({article_id});
    nlohmann::json clusters = nlohmann::json::array();
    std::int64_t merged = article_id;
    if ((*article)->cluster_id) {
        clusters.push_back(*(*article)->cluster_id);
        merged = std::min(merged, *(*article)->cluster_id);
    }
    for (const Fingerprinted& other : *near) {
        ids.push_back(other.id);
        merged = std::min(merged, other.id);
        if (other.cluster_id) {
            clusters.push_back(*other.cluster_id);
            merged = std::min(merged, *other.cluster_id);
        }
    }
    return db.execute(
        "UPDATE articles SET cluster_id = ?1 WHERE id IN (SELECT value FROM json_each(?2))"
        " OR cluster_id IN (SELECT value FROM json_each(?3))",
        merged, ids.dump(), clusters.dump());
}

Result<int> rebuild_clusters_in(Sqlite& db) {
    auto transaction = Transaction::begin(db, Transaction::Mode::write);
    if (!transaction) {
        return tl::unexpected(transaction.error());
    }
    auto statement =
        db.prepare("SELECT id, simhash FROM articles WHERE simhash IS NOT NULL ORDER BY id");
    if (!statement) {
        return tl::unexpected(statement.error());
    }
    std::unordered_map<std::int64_t, std::int64_t> parent;
    std::array<std::unordered_map<std::uint64_t, std::vector<std::pair<std::int64_t, std::uint64_t>>>, 4>
        bands;
    for (;;) {
        auto row = statement->step();
        if (!row) {
            return tl::unexpected(row.error());
        }
        if (!*row) {
            break;
        }
        const std::int64_t id = statement->column_int(0);
        const auto hash = static_cast<std::uint64_t>(statement->column_int(1));
        parent[id] = id;
        for (std::size_t index = 0; index < bands.size(); ++index) {
            auto& bucket = bands[index][(hash >> (16 * index)) & 0xffffU];
            for (const auto& [other, other_hash] : bucket) {
                if (hamming_distance(hash, other_hash) <= k_near_duplicate_distance) {
                    // Ids arrive in ascending order: the smaller root stays the root.
                    const std::int64_t a = find_root(parent, other);
                    const std::int64_t b = find_root(parent, id);
                    parent[std::max(a, b)] = std::min(a, b);
                }
            }
            bucket.emplace_back(id, hash);
        }
    }
    std::map<std::int64_t, std::vector<std::int64_t>> groups;
    for (const auto& entry : parent) {
        groups[find_root(parent, entry.first)].push_back(entry.first);
    }
    auto cleared = db.execute("UPDATE articles SET cluster_id = NULL WHERE cluster_id IS NOT NULL");
    if (!cleared) {
        return tl::unexpected(cleared.error());
    }
    int clusters = 0;
    for (const auto& [root, members] : groups) {
        if (members.size() < 2) {
            continue;
        }
        ++clusters;
        auto set = db.execute(
            "UPDATE articles SET cluster_id = ?1 WHERE id IN (SELECT value FROM json_each(?2))",
            root, nlohmann::json(members).dump());
        if (!set) {
            return tl::unexpected(set.error());
        }
    }
    if (auto committed = transaction->commit(); !committed) {
        return tl::unexpected(committed.error());
    }
    return clusters;
}

}  // namespace newswire

// robots.txt answers per origin, kept until they expire.
#include "storage/database_impl.h"

namespace newswire {

Result<void> store_robots_in(Sqlite& db, const std::string& origin, const FetchResponse& response,
                             std::int64_t expires_at) {
    constexpr std::size_t k_kept_bytes = 512 * 1024;  // what a robots.txt reader reads
    std::string error;
    if (response.error) error = response.error->message.empty() ? "failed" : response.error->message;
    return db.execute(
        "INSERT INTO robots (origin, status, error, body, expires_at) VALUES (?1, ?2, ?3, ?4, ?5)"
        " ON CONFLICT (origin) DO UPDATE SET status = excluded.status, error = excluded.error,"
        " body = excluded.body, expires_at = excluded.expires_at",
        origin, response.status, error, response.body.substr(0, k_kept_bytes), expires_at);
}

Result<std::optional<FetchResponse>> stored_robots_in(Sqlite& db, const std::string& origin, std::int64_t now) {
    auto statement = db.prepare("SELECT status, error, body FROM robots WHERE origin = ?1 AND expires_at > ?2");
    if (!statement) {
        return tl::unexpected(statement.error());
    }
    statement->bind_all(origin, now);
    auto row = statement->step();
    if (!row) {
        return tl::unexpected(row.error());
    }
    if (!*row) {
        return std::optional<FetchResponse>();
    }
    FetchResponse response;
    response.url = origin + "/robots.txt";
    response.status = static_cast<long>(statement->column_int(0));
    if (std::string error = statement->column_text(1); !error.empty()) {
        response.error = Error{ErrorCode::network, std::move(error)};
    }
    response.body = statement->column_text(2);
    return std::optional<FetchResponse>(std::move(response));
}

}  // namespace newswire

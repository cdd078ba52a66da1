#pragma once
// Small owners of SQLite's C handles, internal to storage/ (no sqlite3 type leaves this folder).
// Errors are values without the database path; Database adds the path and the operation.
//
// Not thread-safe: one Sqlite and its Statements belong to one thread.

#include <concepts>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/error.h"

struct sqlite3;
struct sqlite3_stmt;

namespace newswire {

struct SqliteCloser {
    void operator()(sqlite3* handle) const noexcept;
};
struct StatementFinalizer {
    void operator()(sqlite3_stmt* handle) const noexcept;
};

// Bytes bound as a BLOB rather than TEXT.
struct Blob {
    std::string_view bytes;
};

// A prepared statement. Binding never fails by itself: the first bind error is kept and
// reported by the next step().
class Statement {
public:
    Statement(sqlite3* db, sqlite3_stmt* handle);

    template <std::integral T>
    void bind(int index, T value) {
        bind_integer(index, static_cast<std::int64_t>(value));
    }
    void bind(int index, double value);
    void bind(int index, std::string_view text);
    void bind(int index, const std::string& text) { bind(index, std::string_view(text)); }
    void bind(int index, const char* text) { bind(index, std::string_view(text)); }
    void bind(int index, Blob blob);
    void bind(int index, std::nullopt_t);
    template <typename T>
    void bind(int index, const std::optional<T>& value) {
        if (value) {
            bind(index, *value);
        } else {
            bind(index, std::nullopt);
        }
    }
    template <typename... Args>
    void bind_all(const Args&... args) {
        int index = 0;
        (bind(++index, args), ...);
    }

    // True when a row is ready to read, false when the statement is done.
    Result<bool> step();
    // Steps until done, ignoring rows.
    Result<void> run();
    // Steps until done, calling `on_row(*this)` for each row.
    template <typename OnRow>
    Result<void> for_each_row(OnRow on_row) {
        for (;;) {
            auto row = step();
            if (!row) {
                return tl::unexpected(row.error());
            }
            if (!*row) {
                return {};
            }
            on_row(static_cast<const Statement&>(*this));
        }
    }
    void reset();

    bool is_null(int column) const;
    std::int64_t column_int(int column) const;
    std::optional<std::int64_t> column_optional_int(int column) const;
    double column_double(int column) const;
    std::string column_text(int column) const;  // TEXT or BLOB bytes; NULL reads as ""

private:
    void bind_integer(int index, std::int64_t value);

    sqlite3* m_db;
    std::unique_ptr<sqlite3_stmt, StatementFinalizer> m_handle;
    std::optional<Error> m_bind_error;
};

class Sqlite {
public:
    // Opens or creates `path` read-write. Nothing is read yet: a file that is not a database
    // fails on the first statement.
    static Result<Sqlite> open(const std::string& path);

    // Runs constant SQL (one or more statements, no parameters): PRAGMAs, schema, BEGIN.
    Result<void> exec(const char* sql);
    Result<Statement> prepare(std::string_view sql);

    template <typename... Args>
    Result<void> execute(std::string_view sql, const Args&... args) {
        auto statement = prepare(sql);
        if (!statement) {
            return tl::unexpected(statement.error());
        }
        statement->bind_all(args...);
        return statement->run();
    }

    // The first column of the first row, empty when there is no row or it is NULL.
    template <typename... Args>
    Result<std::optional<std::int64_t>> query_int(std::string_view sql, const Args&... args) {
        auto statement = prepare(sql);
        if (!statement) {
            return tl::unexpected(statement.error());
        }
        statement->bind_all(args...);
        auto row = statement->step();
        if (!row) {
            return tl::unexpected(row.error());
        }
        if (!*row) {
            return std::optional<std::int64_t>();
        }
        return statement->column_optional_int(0);
    }

    std::int64_t changes() const;
    std::int64_t last_insert_rowid() const;
    bool in_transaction() const;
    Error error(std::string_view context) const;  // from the connection's last error

private:
    explicit Sqlite(sqlite3* handle) : m_handle(handle) {}
    std::unique_ptr<sqlite3, SqliteCloser> m_handle;
};

// BEGIN on construction; ROLLBACK on destruction unless commit() succeeded.
class Transaction {
public:
    enum class Mode { read, write };

    static Result<Transaction> begin(Sqlite& db, Mode mode);
    Transaction(Transaction&& other) noexcept;
    Transaction& operator=(Transaction&&) = delete;
    ~Transaction();

    Result<void> commit();

private:
    explicit Transaction(Sqlite* db) : m_db(db) {}
    Sqlite* m_db;
};

}  // namespace newswire

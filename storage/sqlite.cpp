#include "storage/sqlite.h"

#include <sqlite3.h>

#include <climits>

namespace newswire {
namespace {

constexpr int k_busy_timeout_ms = 5000;

// The one mapping from SQLite result codes to ErrorCode.
ErrorCode error_code_of(int result) {
    switch (result & 0xff) {
    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_READONLY:
    case SQLITE_PERM:
        return ErrorCode::io;
    case SQLITE_TOOBIG:
        return ErrorCode::too_large;
    default:
        return ErrorCode::database;
    }
}

Error make_error(sqlite3* db, int result, std::string_view context) {
    std::string message(context);
    if (!message.empty()) {
        message += ": ";
    }
    message += db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(result);
    return Error{error_code_of(result), std::move(message)};
}

}  // namespace

void SqliteCloser::operator()(sqlite3* handle) const noexcept {
    sqlite3_close_v2(handle);
}

void StatementFinalizer::operator()(sqlite3_stmt* handle) const noexcept {
    sqlite3_finalize(handle);
}

Statement::Statement(sqlite3* db, sqlite3_stmt* handle) : m_db(db), m_handle(handle) {}

namespace {
void keep_first(std::optional<Error>& slot, sqlite3* db, int result, int index) {
    if (result != SQLITE_OK && !slot) {
        slot = make_error(db, result, "binding parameter " + std::to_string(index));
    }
}
}  // namespace

void Statement::bind_integer(int index, std::int64_t value) {
    keep_first(m_bind_error, m_db, sqlite3_bind_int64(m_handle.get(), index, value), index);
}

void Statement::bind(int index, double value) {
    keep_first(m_bind_error, m_db, sqlite3_bind_double(m_handle.get(), index, value), index);
}

void Statement::bind(int index, std::string_view text) {
    int result = SQLITE_TOOBIG;
    if (text.size() <= static_cast<std::size_t>(INT_MAX)) {
        result = sqlite3_bind_text(m_handle.get(), index, text.data(),
                                   static_cast<int>(text.size()), SQLITE_TRANSIENT);
    }
    keep_first(m_bind_error, m_db, result, index);
}

void Statement::bind(int index, Blob blob) {
    int result = SQLITE_TOOBIG;
    if (blob.bytes.size() <= static_cast<std::size_t>(INT_MAX)) {
        // A zero-length blob must still be a BLOB, not NULL: SQLite binds NULL for a null pointer.
        static const char k_empty = 0;
        const char* data = blob.bytes.empty() ? &k_empty : blob.bytes.data();
        result = sqlite3_bind_blob(m_handle.get(), index, data,
                                   static_cast<int>(blob.bytes.size()), SQLITE_TRANSIENT);
    }
    keep_first(m_bind_error, m_db, result, index);
}

void Statement::bind(int index, std::nullopt_t) {
    keep_first(m_bind_error, m_db, sqlite3_bind_null(m_handle.get(), index), index);
}

Result<bool> Statement::step() {
    if (m_bind_error) {
        return tl::unexpected(*m_bind_error);
    }
    const int result = sqlite3_step(m_handle.get());
    if (result == SQLITE_ROW) {
        return true;
    }
    if (result == SQLITE_DONE) {
        return false;
    }
    return tl::unexpected(make_error(m_db, result, ""));
}

Result<void> Statement::run() {
    return for_each_row([](const Statement&) {});
}

void Statement::reset() {
    sqlite3_reset(m_handle.get());
    sqlite3_clear_bindings(m_handle.get());
    m_bind_error.reset();
}

bool Statement::is_null(int column) const {
    return sqlite3_column_type(m_handle.get(), column) == SQLITE_NULL;
}

std::int64_t Statement::column_int(int column) const {
    return sqlite3_column_int64(m_handle.get(), column);
}

std::optional<std::int64_t> Statement::column_optional_int(int column) const {
    if (is_null(column)) {
        return std::nullopt;
    }
    return column_int(column);
}

double Statement::column_double(int column) const {
    return sqlite3_column_double(m_handle.get(), column);
}

std::string Statement::column_text(int column) const {
    const void* data = sqlite3_column_blob(m_handle.get(), column);
    const int size = sqlite3_column_bytes(m_handle.get(), column);
    if (data == nullptr || size <= 0) {
        return {};
    }
    return std::string(static_cast<const char*>(data), static_cast<std::size_t>(size));
}

Result<Sqlite> Sqlite::open(const std::string& path) {
    sqlite3* handle = nullptr;
    const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
    const int result = sqlite3_open_v2(path.c_str(), &handle, flags, nullptr);
    Sqlite db(handle);  // owns the handle even when opening failed
    if (result != SQLITE_OK) {
        return tl::unexpected(make_error(handle, result, "cannot open"));
    }
    sqlite3_extended_result_codes(handle, 1);
    sqlite3_busy_timeout(handle, k_busy_timeout_ms);
    return db;
}

Result<void> Sqlite::exec(const char* sql) {
    const int result = sqlite3_exec(m_handle.get(), sql, nullptr, nullptr, nullptr);
    if (result != SQLITE_OK) {
        return tl::unexpected(make_error(m_handle.get(), result, ""));
    }
    return {};
}

Result<Statement> Sqlite::prepare(std::string_view sql) {
    sqlite3_stmt* handle = nullptr;
    const int result = sqlite3_prepare_v2(m_handle.get(), sql.data(),
                                          static_cast<int>(sql.size()), &handle, nullptr);
    Statement statement(m_handle.get(), handle);
    if (result != SQLITE_OK) {
        return tl::unexpected(make_error(m_handle.get(), result, ""));
    }
    return statement;
}

std::int64_t Sqlite::changes() const {
    return sqlite3_changes64(m_handle.get());
}

std::int64_t Sqlite::last_insert_rowid() const {
    return sqlite3_last_insert_rowid(m_handle.get());
}

bool Sqlite::in_transaction() const {
    return sqlite3_get_autocommit(m_handle.get()) == 0;
}

Error Sqlite::error(std::string_view context) const {
    return make_error(m_handle.get(), sqlite3_errcode(m_handle.get()), context);
}

Result<Transaction> Transaction::begin(Sqlite& db, Mode mode) {
    // IMMEDIATE takes the write lock up front, so a writer never fails half-way on a lock
    // upgrade; the busy timeout covers the wait.
    auto begun = db.exec(mode == Mode::write ? "BEGIN IMMEDIATE" : "BEGIN");
    if (!begun) {
        return tl::unexpected(begun.error());
    }
    return Transaction(&db);
}

Transaction::Transaction(Transaction&& other) noexcept : m_db(other.m_db) {
    other.m_db = nullptr;
}

Transaction::~Transaction() {
    if (m_db != nullptr && m_db->in_transaction()) {
        (void)m_db->exec("ROLLBACK");
    }
}

Result<void> Transaction::commit() {
    if (m_db == nullptr) {
        return fail(ErrorCode::database, "commit of a finished transaction");
    }
    auto committed = m_db->exec("COMMIT");
    if (!committed) {
        return committed;  // the destructor rolls back
    }
    m_db = nullptr;
    return {};
}

}  // namespace newswire

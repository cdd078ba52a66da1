#pragma once
// A fresh directory per test for real SQLite files, removed with everything in it at the end,
// and small helpers to look into the database behind Database's back.

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "storage/database.h"
#include "storage/sqlite.h"

namespace newswire::test {

class TempDir {
public:
    TempDir() {
        std::string pattern =
            (std::filesystem::temp_directory_path() / "newswire-storage-XXXXXX").string();
        if (mkdtemp(pattern.data()) == nullptr) {
            FAIL("mkdtemp failed");
        }
        m_path = pattern;
    }
    ~TempDir() {
        std::error_code ignored;
        std::filesystem::remove_all(m_path, ignored);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    std::string file(const std::string& name) const { return (m_path / name).string(); }

private:
    std::filesystem::path m_path;
};

inline Database open_database(const std::string& path) {
    auto db = Database::open(path);
    if (!db) {
        FAIL(db.error().message);
    }
    return std::move(*db);
}

// The URLs of pages_to_fetch(limit, now), in order.
inline std::vector<std::string> urls_to_fetch(const Database& db, int limit, std::int64_t now = 0) {
    std::vector<std::string> urls;
    auto pages = db.pages_to_fetch(limit, now);
    if (!pages) {
        FAIL(pages.error().message);
    }
    for (const PageToFetch& page : *pages) {
        urls.push_back(page.url);
    }
    return urls;
}

// A second connection to the same file, for reading what Database wrote.
inline Sqlite raw_connection(const std::string& path) {
    auto db = Sqlite::open(path);
    if (!db) {
        FAIL(db.error().message);
    }
    return std::move(*db);
}

inline std::int64_t query_number(Sqlite& db, const std::string& sql) {
    auto value = db.query_int(sql);
    if (!value) {
        FAIL(sql << ": " << value.error().message);
    }
    return value->value_or(-1);
}

inline std::string query_text(Sqlite& db, const std::string& sql) {
    auto statement = db.prepare(sql);
    REQUIRE(statement);
    auto row = statement->step();
    REQUIRE(row);
    REQUIRE(*row);
    return statement->column_text(0);
}

inline FetchResponse page_response(const std::string& url, const std::string& body,
                                   long status = 200) {
    FetchResponse response;
    response.url = url;
    response.final_url = url;
    response.status = status;
    response.content_type = "text/html; charset=utf-8";
    response.body = body;
    if (status >= 400) {
        response.error = Error{ErrorCode::http, "HTTP " + std::to_string(status)};
    }
    return response;
}

}  // namespace newswire::test

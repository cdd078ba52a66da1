#include <catch2/catch.hpp>

#include "pipeline/run_lock.h"
#include "tests/support/process.h"

using namespace newswire;

TEST_CASE("a second lock on the same database is refused at once", "[pipeline][lock]") {
    test::TempDir dir;
    std::string database = (dir.path() / "news.db").string();
    auto first = RunLock::acquire(database);
    REQUIRE(first);
    auto second = RunLock::acquire(database);
    REQUIRE_FALSE(second);
    CHECK(second.error().code == ErrorCode::busy);
    CHECK(second.error().message == "another newswire run is using " + database + " (lock " + database + ".lock)");
}

TEST_CASE("a released lock can be taken again", "[pipeline][lock]") {
    test::TempDir dir;
    std::string database = (dir.path() / "news.db").string();
    { auto first = RunLock::acquire(database); REQUIRE(first); }
    CHECK(RunLock::acquire(database));
}

TEST_CASE("a lock in a folder that does not exist is an i/o error naming the file", "[pipeline][lock]") {
    auto lock = RunLock::acquire("/nonexistent-folder/news.db");
    REQUIRE_FALSE(lock);
    CHECK(lock.error().code == ErrorCode::io);
    CHECK(lock.error().message.find("/nonexistent-folder/news.db.lock") != std::string::npos);
}

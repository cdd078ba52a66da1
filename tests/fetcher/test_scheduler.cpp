#include <catch2/catch.hpp>

#include "fetcher/scheduler.h"

using namespace newswire;
using namespace std::chrono_literals;

namespace {
const Scheduler::Clock::time_point t0 = Scheduler::Clock::now();
}

TEST_CASE("the scheduler starts no more than concurrency jobs", "[fetcher]") {
    Scheduler scheduler(2, 2, 0ms);
    scheduler.add(0, "a", t0);
    scheduler.add(1, "b", t0);
    scheduler.add(2, "c", t0);

    CHECK(scheduler.start_next(t0));
    CHECK(scheduler.start_next(t0));
    CHECK_FALSE(scheduler.start_next(t0));
    CHECK_FALSE(scheduler.next_start_time());
    CHECK(scheduler.running() == 2);

    scheduler.finished("a");
    CHECK(scheduler.start_next(t0) == std::optional<std::size_t>(2));
    CHECK_FALSE(scheduler.has_waiting());
}

TEST_CASE("the scheduler keeps per-host limits and serves hosts in turn", "[fetcher]") {
    Scheduler scheduler(8, 1, 0ms);
    scheduler.add(0, "a", t0);
    scheduler.add(1, "a", t0);
    scheduler.add(2, "b", t0);

    CHECK(scheduler.start_next(t0) == std::optional<std::size_t>(0));
    CHECK(scheduler.start_next(t0) == std::optional<std::size_t>(2));
    CHECK_FALSE(scheduler.start_next(t0));
    CHECK_FALSE(scheduler.next_start_time());

    scheduler.finished("a");
    CHECK(scheduler.next_start_time() <= t0);
    CHECK(scheduler.start_next(t0) == std::optional<std::size_t>(1));
}

TEST_CASE("the scheduler spaces starts on one host by the interval", "[fetcher]") {
    Scheduler scheduler(8, 4, 100ms);
    scheduler.add(0, "a", t0);
    scheduler.add(1, "a", t0);
    scheduler.add(2, "b", t0);

    CHECK(scheduler.start_next(t0) == std::optional<std::size_t>(0));
    CHECK(scheduler.start_next(t0) == std::optional<std::size_t>(2));
    CHECK_FALSE(scheduler.start_next(t0 + 99ms));
    CHECK(scheduler.next_start_time() == std::optional(t0 + 100ms));
    CHECK(scheduler.start_next(t0 + 100ms) == std::optional<std::size_t>(1));
}

TEST_CASE("the scheduler holds a retry back until its time", "[fetcher]") {
    Scheduler scheduler(8, 4, 0ms);
    scheduler.add(0, "a", t0 + 50ms);

    CHECK(scheduler.has_waiting());
    CHECK_FALSE(scheduler.start_next(t0));
    CHECK(scheduler.next_start_time() == std::optional(t0 + 50ms));
    CHECK(scheduler.start_next(t0 + 50ms) == std::optional<std::size_t>(0));
    CHECK_FALSE(scheduler.has_waiting());
    CHECK_FALSE(scheduler.next_start_time());
}

TEST_CASE("the scheduler forgets abandoned jobs but not recent host starts", "[fetcher]") {
    Scheduler scheduler(1, 1, 100ms);
    scheduler.add(0, "a", t0);
    scheduler.add(1, "b", t0);
    CHECK(scheduler.start_next(t0) == std::optional<std::size_t>(0));

    scheduler.forget_jobs(t0 + 10ms);
    CHECK(scheduler.running() == 0);
    CHECK_FALSE(scheduler.has_waiting());

    scheduler.add(5, "a", t0 + 10ms);
    CHECK_FALSE(scheduler.start_next(t0 + 10ms));
    CHECK(scheduler.next_start_time() == std::optional(t0 + 100ms));
    CHECK(scheduler.start_next(t0 + 100ms) == std::optional<std::size_t>(5));
}

#pragma once
// Decides which waiting jobs may start: at most `concurrency` running in all, at most
// `per_host_concurrency` per host, and at least `per_host_interval` between two starts on one
// host, also across batches (forget_jobs keeps the start times). Pure bookkeeping, no I/O and
// no clock of its own: the caller passes `now`. Internal to fetcher/; not thread-safe.

#include <chrono>
#include <cstddef>
#include <deque>
#include <map>
#include <optional>
#include <string>
#include <utility>

namespace newswire {

class Scheduler {
public:
    using Clock = std::chrono::steady_clock;

    // Limits below 1 count as 1; a negative interval as zero.
    Scheduler(int concurrency, int per_host_concurrency, std::chrono::milliseconds per_host_interval);

    // Queues `job` for `host`, not to start before `not_before` (a retry's backoff).
    void add(std::size_t job, const std::string& host, Clock::time_point not_before);

    // A job that may start at `now`, counted as running from then on; empty when none may.
    std::optional<std::size_t> start_next(Clock::time_point now);

    // A running job of `host` has ended.
    void finished(const std::string& host);

    // The earliest time start_next may return a job without any running job ending first;
    // empty when only an ending job can free the way (or nothing waits).
    std::optional<Clock::time_point> next_start_time() const;

    // Drops every waiting and running job (a new batch begins, or the last one was abandoned)
    // but remembers when each host last started, as long as that still matters at `now`.
    void forget_jobs(Clock::time_point now);

    bool has_waiting() const { return m_waiting_count > 0; }
    int running() const { return m_running; }

private:
    struct Host {
        std::deque<std::size_t> waiting;
        int running = 0;
        std::optional<Clock::time_point> last_start;
    };

    void release_delayed(Clock::time_point now);
    bool host_may_start(const Host& host, Clock::time_point now) const;
    std::optional<Clock::time_point> host_ready_time(const Host& host) const;

    int m_concurrency;
    int m_per_host_concurrency;
    Clock::duration m_interval;
    std::map<std::string, Host> m_hosts;
    std::multimap<Clock::time_point, std::pair<std::size_t, std::string>> m_delayed;
    std::size_t m_waiting_count = 0;
    int m_running = 0;
};

}  // namespace newswire

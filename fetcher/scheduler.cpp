#include "fetcher/scheduler.h"

#include <algorithm>

namespace newswire {

Scheduler::Scheduler(int concurrency, int per_host_concurrency,
                     std::chrono::milliseconds per_host_interval)
    : m_concurrency(std::max(1, concurrency)),
      m_per_host_concurrency(std::max(1, per_host_concurrency)),
      m_interval(std::max(std::chrono::milliseconds(0), per_host_interval)) {}

void Scheduler::add(std::size_t job, const std::string& host, Clock::time_point not_before) {
    m_delayed.emplace(not_before, std::make_pair(job, host));
    ++m_waiting_count;
}

void Scheduler::forget_jobs(Clock::time_point now) {
    m_delayed.clear();
    m_waiting_count = 0;
    m_running = 0;
    std::erase_if(m_hosts, [&](const auto& entry) {
        return !entry.second.last_start || *entry.second.last_start + m_interval <= now;
    });
    for (auto& [name, host] : m_hosts) {
        host.waiting.clear();
        host.running = 0;
    }
}

void Scheduler::release_delayed(Clock::time_point now) {
    while (!m_delayed.empty() && m_delayed.begin()->first <= now) {
        auto& [job, host] = m_delayed.begin()->second;
        m_hosts[host].waiting.push_back(job);
        m_delayed.erase(m_delayed.begin());
    }
}

bool Scheduler::host_may_start(const Host& host, Clock::time_point now) const {
    if (host.waiting.empty() || host.running >= m_per_host_concurrency) return false;
    return !host.last_start || *host.last_start + m_interval <= now;
}

std::optional<std::size_t> Scheduler::start_next(Clock::time_point now) {
    release_delayed(now);
    if (m_running >= m_concurrency) return std::nullopt;
    // The host that started longest ago goes first, so one busy host cannot starve the others.
    Host* chosen = nullptr;
    for (auto& [name, host] : m_hosts) {
        if (!host_may_start(host, now)) continue;
        if (!chosen || !host.last_start ||
            (chosen->last_start && *host.last_start < *chosen->last_start)) {
            chosen = &host;
            if (!host.last_start) break;
        }
    }
    if (!chosen) return std::nullopt;
    std::size_t job = chosen->waiting.front();
    chosen->waiting.pop_front();
    ++chosen->running;
    chosen->last_start = now;
    ++m_running;
    --m_waiting_count;
    return job;
}

void Scheduler::finished(const std::string& host) {
    auto found = m_hosts.find(host);
    if (found == m_hosts.end() || found->second.running == 0) return;
    --found->second.running;
    --m_running;
}

std::optional<Scheduler::Clock::time_point> Scheduler::host_ready_time(const Host& host) const {
    if (host.waiting.empty() || host.running >= m_per_host_concurrency) return std::nullopt;
    if (!host.last_start) return Clock::time_point{};  // the clock's epoch: long past
    return *host.last_start + m_interval;
}

std::optional<Scheduler::Clock::time_point> Scheduler::next_start_time() const {
    if (m_running >= m_concurrency) return std::nullopt;
    std::optional<Clock::time_point> earliest;
    if (!m_delayed.empty()) earliest = m_delayed.begin()->first;
    for (const auto& [name, host] : m_hosts) {
        auto ready = host_ready_time(host);
        if (ready && (!earliest || *ready < *earliest)) earliest = ready;
    }
    return earliest;
}

}  // namespace newswire

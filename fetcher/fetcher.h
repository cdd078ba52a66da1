#pragma once
// HTTP(S) fetching over libcurl's multi interface: bounded concurrency, per-host politeness,
// conditional GET, decompression, redirects, retries, size caps and address checks.
//
// A Fetcher never touches the database: it takes requests and hands back responses.

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/fetch.h"

namespace newswire {

struct FetchOptions {
    int concurrency = 8;                                  // transfers at once, over all hosts
    int per_host_concurrency = 2;                         // transfers at once to one host
    std::chrono::milliseconds per_host_interval{500};     // pause between starts on one host
    std::chrono::milliseconds timeout{30'000};            // whole transfer
    std::chrono::milliseconds connect_timeout{10'000};
    std::size_t max_body_bytes = 10 * 1024 * 1024;        // cap on decoded and on received bytes
    int max_redirects = 5;
    int retries = 2;                                      // on network errors, 429 and 5xx
    std::chrono::milliseconds retry_delay{1'000};         // doubled per retry
    std::string user_agent = "newswire/0.1";
    bool allow_private_addresses = false;                 // loopback, private, link-local
    // Networks reachable even when allow_private_addresses is false ("10.1.2.0/24",
    // "127.0.0.1", "fd00::/8"); the Fetcher constructor throws std::invalid_argument on a
    // malformed entry.
    std::vector<std::string> allowed_networks;
    // A transfer slower than this many bytes per second over min_speed_window is aborted
    // (a network error), so a trickling server cannot hold a slot until `timeout`. 0 = off.
    std::size_t min_speed_bytes_per_second = 100;
    std::chrono::milliseconds min_speed_window{15'000};  // rounded up to whole seconds
    // A Retry-After longer than this is not waited for: the 429/5xx is the final answer.
    std::chrono::milliseconds max_retry_after{120'000};
    // Article pages are fetched only where the site's robots.txt allows it (the pipeline asks;
    // the Fetcher itself does not look at it). Feeds are read on the user's behalf regardless.
    bool robots_txt = true;
};

class Fetcher {
public:
    explicit Fetcher(FetchOptions options);
    ~Fetcher();
    Fetcher(const Fetcher&) = delete;
    Fetcher& operator=(const Fetcher&) = delete;

    // Fetches every request and calls `on_done` once per request, on the calling thread, as
    // each completes (any order). Returns when all are done. Only http and https are followed,
    // also after redirects; with allow_private_addresses off, a connection to a loopback,
    // private or link-local address is refused (the address curl connects to is checked).
    // Per-host limits apply to the host of the requested URL; the interval also holds between
    // consecutive fetch() calls of one Fetcher. Environment proxies are ignored.
    // A Fetcher serves one fetch() at a time: not from several threads, not from on_done.
    // An exception thrown by on_done propagates after the running transfers are abandoned.
    void fetch(const std::vector<FetchRequest>& requests,
               const std::function<void(FetchResponse&&)>& on_done);

    // Convenience: fetch one URL and wait.
    FetchResponse fetch_one(const FetchRequest& request);

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

}  // namespace newswire

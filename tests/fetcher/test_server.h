#pragma once
// The loopback TestServer, and fetch options for talking to it.

#include <chrono>

#include "fetcher/fetcher.h"
#include "tests/support/test_server.h"

namespace newswire::test {

// Options for talking to a TestServer: loopback allowed, no politeness pauses, no retries,
// short timeouts.
inline FetchOptions local_options() {
    FetchOptions options;
    options.allow_private_addresses = true;
    options.per_host_interval = std::chrono::milliseconds(0);
    options.retries = 0;
    options.retry_delay = std::chrono::milliseconds(10);
    options.timeout = std::chrono::milliseconds(5'000);
    options.connect_timeout = std::chrono::milliseconds(3'000);
    return options;
}

}  // namespace newswire::test

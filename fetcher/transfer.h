#pragma once
// One attempt at one request: an easy handle configured from FetchOptions, added to a multi
// handle for the attempt's lifetime, and the reading of its outcome. Internal to fetcher/.

#include <array>
#include <chrono>
#include <cstddef>
#include <optional>
#include <string>

#include <curl/curl.h>

#include "core/fetch.h"
#include "fetcher/address_policy.h"
#include "fetcher/curl_handles.h"
#include "fetcher/fetcher.h"

namespace newswire {

struct AttemptOutcome {
    FetchResponse response;  // without id, url, attempts and seconds (the job's to fill)
    bool retryable = false;  // a network error, 429 or 5xx
    std::optional<std::chrono::seconds> retry_after;  // what the server asked for, if anything
};

class Transfer {
public:
    // Configures the easy handle and adds it to `multi`, tagged with `job` in CURLOPT_PRIVATE.
    // `request`, `options`, `policy` and `multi` must outlive the Transfer. Throws
    // std::runtime_error when libcurl refuses (out of memory, bad option).
    Transfer(const FetchRequest& request, const FetchOptions& options, const AddressPolicy& policy,
             CURLM* multi, std::size_t job);
    Transfer(const Transfer&) = delete;
    Transfer& operator=(const Transfer&) = delete;

    // Reads status, headers, body and error once curl reported the transfer done with `result`.
    AttemptOutcome finish(CURLcode result);

    // The job id stored in CURLOPT_PRIVATE of `easy`.
    static std::size_t job_of(CURL* easy);

private:
    void configure(std::size_t job);
    void configure_limits();
    void configure_callbacks();
    void set_request_headers();
    Error curl_error(CURLcode result) const;
    std::string location() const;
    bool refused_by_policy(CURLcode result) const;  // the requested URL, and where redirects led
    void read_validators(FetchResponse& response) const;

    static std::size_t on_write(char* data, std::size_t size, std::size_t count, void* self);
    static int on_progress(void* self, curl_off_t expected, curl_off_t received, curl_off_t,
                           curl_off_t);
    static std::size_t on_header(char* data, std::size_t size, std::size_t count, void* self);
    static curl_socket_t on_open_socket(void* self, curlsocktype purpose, curl_sockaddr* address);

    const FetchRequest& m_request;
    const FetchOptions& m_options;
    const AddressPolicy& m_policy;
    CurlEasy m_easy;
    CurlSlist m_headers;
    std::string m_body;
    bool m_too_large = false;
    int m_redirects = 0;            // 3xx responses on the way (304 aside)
    bool m_only_permanent = true;   // each of them a 301 or 308
    std::string m_refusal;  // why the address policy refused a connection, if it did
    std::array<char, CURL_ERROR_SIZE> m_error_buffer{};
    std::optional<MultiAttachment> m_attachment;  // last: detached before the handle goes
};

}  // namespace newswire

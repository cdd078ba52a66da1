#include "fetcher/transfer.h"

#include <algorithm>
#include <cstdint>
#include <new>
#include <stdexcept>
#include <string_view>

#include <sys/socket.h>

namespace newswire {

namespace {

template <typename Value>
void set_option(CURL* easy, CURLoption option, Value value) {
    CURLcode code = curl_easy_setopt(easy, option, value);
    if (code != CURLE_OK) {
        throw std::runtime_error(std::string("curl_easy_setopt failed: ") +
                                 curl_easy_strerror(code));
    }
}

bool is_safe_header_value(std::string_view value) {
    return value.find_first_of(std::string_view("\r\n\0", 3)) == std::string_view::npos;
}

bool is_retryable(CURLcode result) {
    switch (result) {
        case CURLE_COULDNT_RESOLVE_HOST:
        case CURLE_COULDNT_CONNECT:
        case CURLE_OPERATION_TIMEDOUT:
        case CURLE_SEND_ERROR:
        case CURLE_RECV_ERROR:
        case CURLE_GOT_NOTHING:
        case CURLE_PARTIAL_FILE:
        case CURLE_HTTP2:
        case CURLE_HTTP2_STREAM:
        case CURLE_SSL_CONNECT_ERROR:
            return true;
        default:
            return false;
    }
}

// A longer Retry-After means the same to every scheduler: not now.
constexpr curl_off_t k_max_retry_after_seconds = 366 * 24 * 3600;

long whole_seconds_at_least_one(std::chrono::milliseconds duration) {
    return std::max<long>(1, static_cast<long>((duration.count() + 999) / 1000));
}

}  // namespace

Transfer::Transfer(const FetchRequest& request, const FetchOptions& options,
                   const AddressPolicy& policy, CURLM* multi, std::size_t job)
    : m_request(request), m_options(options), m_policy(policy), m_easy(curl_easy_init()) {
    if (!m_easy) throw std::runtime_error("curl_easy_init failed");
    configure(job);
    m_attachment.emplace(multi, m_easy.get());
}

void Transfer::configure(std::size_t job) {
    CURL* easy = m_easy.get();
    // The job id rides in CURLOPT_PRIVATE as an integer, not as a pointer to anything.
    set_option(easy, CURLOPT_PRIVATE, reinterpret_cast<char*>(static_cast<std::uintptr_t>(job)));
    set_option(easy, CURLOPT_URL, m_request.url.c_str());
    set_option(easy, CURLOPT_ERRORBUFFER, m_error_buffer.data());
    set_option(easy, CURLOPT_NOSIGNAL, 1L);
    set_option(easy, CURLOPT_PROTOCOLS_STR, "http,https");
    set_option(easy, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    set_option(easy, CURLOPT_FOLLOWLOCATION, 1L);
    set_option(easy, CURLOPT_MAXREDIRS, static_cast<long>(std::max(0, m_options.max_redirects)));
    // An environment proxy would make curl connect to the proxy, defeating the address check.
    set_option(easy, CURLOPT_PROXY, "");
    set_option(easy, CURLOPT_USERAGENT, m_options.user_agent.c_str());
    set_option(easy, CURLOPT_ACCEPT_ENCODING, "");
    configure_limits();
    configure_callbacks();
    set_request_headers();
}

void Transfer::configure_limits() {
    CURL* easy = m_easy.get();
    set_option(easy, CURLOPT_TIMEOUT_MS, static_cast<long>(m_options.timeout.count()));
    set_option(easy, CURLOPT_CONNECTTIMEOUT_MS,
               static_cast<long>(m_options.connect_timeout.count()));
    if (m_options.min_speed_bytes_per_second > 0) {
        set_option(easy, CURLOPT_LOW_SPEED_LIMIT,
                   static_cast<long>(m_options.min_speed_bytes_per_second));
        set_option(easy, CURLOPT_LOW_SPEED_TIME,
                   whole_seconds_at_least_one(m_options.min_speed_window));
    }
    // MAXFILESIZE only sees a Content-Length; the progress callback also caps the bytes on the
    // wire of an unsized response, the write callback the decoded bytes.
    set_option(easy, CURLOPT_MAXFILESIZE_LARGE,
               static_cast<curl_off_t>(std::min<std::size_t>(m_options.max_body_bytes, INT64_MAX)));
}

void Transfer::configure_callbacks() {
    CURL* easy = m_easy.get();
    set_option(easy, CURLOPT_WRITEFUNCTION, &Transfer::on_write);
    set_option(easy, CURLOPT_WRITEDATA, this);
    set_option(easy, CURLOPT_HEADERFUNCTION, &Transfer::on_header);
    set_option(easy, CURLOPT_HEADERDATA, this);
    set_option(easy, CURLOPT_NOPROGRESS, 0L);
    set_option(easy, CURLOPT_XFERINFOFUNCTION, &Transfer::on_progress);
    set_option(easy, CURLOPT_XFERINFODATA, this);
    set_option(easy, CURLOPT_OPENSOCKETFUNCTION, &Transfer::on_open_socket);
    set_option(easy, CURLOPT_OPENSOCKETDATA, this);
}

void Transfer::set_request_headers() {
    // Validators come from an earlier response; a stray line break must not inject headers.
    if (!m_request.etag.empty() && is_safe_header_value(m_request.etag)) {
        append_header(m_headers, ("If-None-Match: " + m_request.etag).c_str());
    }
    if (!m_request.last_modified.empty() && is_safe_header_value(m_request.last_modified)) {
        append_header(m_headers, ("If-Modified-Since: " + m_request.last_modified).c_str());
    }
    if (m_headers) set_option(m_easy.get(), CURLOPT_HTTPHEADER, m_headers.get());
}

std::size_t Transfer::job_of(CURL* easy) {
    char* tag = nullptr;
    curl_easy_getinfo(easy, CURLINFO_PRIVATE, &tag);
    return static_cast<std::size_t>(reinterpret_cast<std::uintptr_t>(tag));
}

// Callbacks run inside libcurl's C code: no exception may leave them.
std::size_t Transfer::on_write(char* data, std::size_t size, std::size_t count, void* self) {
    auto& transfer = *static_cast<Transfer*>(self);
    std::size_t length = size * count;
    if (length > transfer.m_options.max_body_bytes - transfer.m_body.size()) {
        transfer.m_too_large = true;
        return 0;
    }
    try {
        transfer.m_body.append(data, length);
    } catch (const std::bad_alloc&) {
        return 0;
    }
    return length;
}

int Transfer::on_progress(void* self, curl_off_t, curl_off_t received, curl_off_t, curl_off_t) {
    auto& transfer = *static_cast<Transfer*>(self);
    if (received > 0 && static_cast<std::uint64_t>(received) > transfer.m_options.max_body_bytes) {
        transfer.m_too_large = true;
        return 1;
    }
    return 0;
}

std::size_t Transfer::on_header(char* data, std::size_t size, std::size_t count, void* self) {
    auto& transfer = *static_cast<Transfer*>(self);
    std::size_t length = size * count;
    // A status line starts another response (a redirect hop): only the last one's body counts.
    std::string_view line(data, length);
    if (!line.starts_with("HTTP/")) return length;
    transfer.m_body.clear();
    std::size_t space = line.find(' ');
    int code = 0;
    for (std::size_t i = space + 1; space != std::string_view::npos && i < line.size() && i < space + 4; ++i) {
        if (line[i] < '0' || line[i] > '9') break;
        code = code * 10 + (line[i] - '0');
    }
    if (code >= 300 && code < 400 && code != 304) {
        ++transfer.m_redirects;
        if (code != 301 && code != 308) transfer.m_only_permanent = false;
    }
    return length;
}

curl_socket_t Transfer::on_open_socket(void* self, curlsocktype purpose, curl_sockaddr* address) {
    auto& transfer = *static_cast<Transfer*>(self);
    if (purpose != CURLSOCKTYPE_IPCXN) return CURL_SOCKET_BAD;
    try {
        auto refusal = transfer.m_policy.refusal(&address->addr, address->addrlen);
        if (refusal) {
            transfer.m_refusal = std::move(*refusal);
            return CURL_SOCKET_BAD;
        }
    } catch (const std::bad_alloc&) {
        return CURL_SOCKET_BAD;
    }
    return socket(address->family, address->socktype, address->protocol);
}

// Only when no address was left to try: with one address refused, another may have connected
// and failed for a reason of its own.
bool Transfer::refused_by_policy(CURLcode result) const {
    return !m_refusal.empty() && result == CURLE_COULDNT_CONNECT;
}

std::string Transfer::location() const {
    std::string where = m_request.url;
    char* effective = nullptr;
    curl_easy_getinfo(m_easy.get(), CURLINFO_EFFECTIVE_URL, &effective);
    if (effective && m_request.url != effective) {
        where += std::string(" (redirected to ") + effective + ")";
    }
    return where;
}

Error Transfer::curl_error(CURLcode result) const {
    std::string where = location();
    std::string cause = m_error_buffer[0] ? m_error_buffer.data() : curl_easy_strerror(result);
    if (refused_by_policy(result)) {
        return {ErrorCode::forbidden,
                "private address refused (" + m_refusal + ") for " + where};
    }
    if (m_too_large || result == CURLE_FILESIZE_EXCEEDED) {
        return {ErrorCode::too_large, "body exceeds the cap of " +
                                          std::to_string(m_options.max_body_bytes) +
                                          " bytes for " + where};
    }
    if (result == CURLE_UNSUPPORTED_PROTOCOL) {
        return {ErrorCode::forbidden, "only http and https are allowed (" + cause + ") for " + where};
    }
    if (result == CURLE_URL_MALFORMAT) return {ErrorCode::invalid_input, cause + " for " + where};
    return {ErrorCode::network, cause + " for " + where};
}

void Transfer::read_validators(FetchResponse& response) const {
    auto read = [this](const char* name, std::string& target) {
        curl_header* header = nullptr;
        if (curl_easy_header(m_easy.get(), name, 0, CURLH_HEADER, -1, &header) == CURLHE_OK &&
            header && header->value) {
            target = header->value;
        }
    };
    read("Content-Type", response.content_type);
    read("ETag", response.etag);
    read("Last-Modified", response.last_modified);
}

AttemptOutcome Transfer::finish(CURLcode result) {
    AttemptOutcome outcome;
    FetchResponse& response = outcome.response;
    curl_easy_getinfo(m_easy.get(), CURLINFO_RESPONSE_CODE, &response.status);
    char* effective = nullptr;
    curl_easy_getinfo(m_easy.get(), CURLINFO_EFFECTIVE_URL, &effective);
    response.final_url = effective ? effective : m_request.url;
    read_validators(response);
    if (result != CURLE_OK) {
        response.error = curl_error(result);
        outcome.retryable = is_retryable(result) && !refused_by_policy(result) && !m_too_large;
        return outcome;
    }
    bool answered = response.status == 304 || (response.status >= 200 && response.status < 300);
    if (answered && m_redirects > 0 && m_only_permanent) response.moved_to = response.final_url;
    if (response.status == 304) return outcome;
    response.body = std::move(m_body);
    if (response.status >= 200 && response.status < 300) return outcome;
    response.error = Error{ErrorCode::http,
                           "HTTP " + std::to_string(response.status) + " for " + location()};
    outcome.retryable = response.status == 429 || response.status >= 500;
    curl_off_t retry_after = 0;
    if (curl_easy_getinfo(m_easy.get(), CURLINFO_RETRY_AFTER, &retry_after) == CURLE_OK &&
        retry_after > 0) {
        // curl hands back whatever number the server sent; in nanoseconds it would overflow.
        retry_after = std::min<curl_off_t>(retry_after, k_max_retry_after_seconds);
        outcome.retry_after = std::chrono::seconds(retry_after);
        response.retry_after_seconds = static_cast<std::int64_t>(retry_after);
    }
    return outcome;
}

}  // namespace newswire

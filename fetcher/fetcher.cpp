#include "fetcher/fetcher.h"

#include <algorithm>
#include <optional>
#include <stdexcept>
#include <string_view>

#include "core/url.h"
#include "fetcher/address_policy.h"
#include "fetcher/curl_handles.h"
#include "fetcher/scheduler.h"
#include "fetcher/transfer.h"

namespace newswire {

namespace {

using Clock = std::chrono::steady_clock;

// The loop wakes at least this often even when no socket and no schedule asks it to.
constexpr std::chrono::milliseconds k_max_poll_wait{1'000};
constexpr int k_max_backoff_doublings = 20;

struct Job {
    const FetchRequest* request = nullptr;
    std::string host;
    int attempts = 0;
    std::optional<Clock::time_point> first_start;
    std::unique_ptr<Transfer> transfer;  // set while an attempt runs
};

void check(CURLMcode code, const char* what) {
    if (code != CURLM_OK) {
        throw std::runtime_error(std::string(what) + " failed: " + curl_multi_strerror(code));
    }
}

// Requests that never reach curl: not an absolute http(s) URL.
std::optional<Error> precheck(const FetchRequest& request) {
    if (is_http_url(request.url)) return std::nullopt;
    std::string_view url = request.url;
    std::size_t separator = url.find("://");
    if (separator != std::string_view::npos && separator > 0 &&
        url.find_first_of(" /?#") > separator) {
        return Error{ErrorCode::forbidden, "only http and https are allowed: " + request.url};
    }
    return Error{ErrorCode::invalid_input, "not an absolute http(s) URL: '" + request.url + "'"};
}

// One fetch() call: the 10-at-a-time loop of curl's examples, with a Scheduler deciding which
// job starts next and retries going back into it with their backoff.
class Batch {
public:
    Batch(const FetchOptions& options, const AddressPolicy& policy, CURLM* multi,
          Scheduler& scheduler, const std::vector<FetchRequest>& requests,
          const std::function<void(FetchResponse&&)>& on_done)
        : m_options(options), m_policy(policy), m_multi(multi), m_on_done(on_done),
          m_scheduler(scheduler), m_jobs(requests.size()), m_remaining(requests.size()) {
        for (std::size_t i = 0; i < requests.size(); ++i) m_jobs[i].request = &requests[i];
        m_scheduler.forget_jobs(Clock::now());
    }

    void run() {
        queue_or_reject();
        while (m_remaining > 0) {
            start_ready();
            int running = 0;
            check(curl_multi_perform(m_multi, &running), "curl_multi_perform");
            collect_finished();
            if (m_remaining > 0) wait();
        }
    }

private:
    void queue_or_reject() {
        auto now = Clock::now();
        for (std::size_t i = 0; i < m_jobs.size(); ++i) {
            if (auto error = precheck(*m_jobs[i].request)) {
                FetchResponse response;
                response.error = std::move(error);
                deliver(i, std::move(response));
                continue;
            }
            m_jobs[i].host = url_host(m_jobs[i].request->url);
            m_scheduler.add(i, m_jobs[i].host, now);
        }
    }

    void start_ready() {
        while (auto index = m_scheduler.start_next(Clock::now())) {
            Job& job = m_jobs[*index];
            ++job.attempts;
            if (!job.first_start) job.first_start = Clock::now();
            job.transfer =
                std::make_unique<Transfer>(*job.request, m_options, m_policy, m_multi, *index);
        }
    }

    void collect_finished() {
        int queued = 0;
        while (CURLMsg* message = curl_multi_info_read(m_multi, &queued)) {
            if (message->msg != CURLMSG_DONE) continue;
            std::size_t index = Transfer::job_of(message->easy_handle);
            if (index < m_jobs.size() && m_jobs[index].transfer) {
                finish(index, message->data.result);
            }
        }
    }

    void finish(std::size_t index, CURLcode result) {
        Job& job = m_jobs[index];
        AttemptOutcome outcome = job.transfer->finish(result);
        job.transfer.reset();
        m_scheduler.finished(job.host);
        if (auto delay = retry_delay(job, outcome)) {
            m_scheduler.add(index, job.host, Clock::now() + *delay);
            return;
        }
        deliver(index, std::move(outcome.response));
    }

    // When the attempt should be repeated, after how long.
    std::optional<Clock::duration> retry_delay(const Job& job, const AttemptOutcome& outcome) const {
        if (!outcome.retryable || job.attempts > m_options.retries) return std::nullopt;
        int doublings = std::min(job.attempts - 1, k_max_backoff_doublings);
        Clock::duration delay = m_options.retry_delay * (std::int64_t{1} << doublings);
        delay = std::min<Clock::duration>(delay, m_options.max_retry_after);
        if (outcome.retry_after) {
            if (*outcome.retry_after > m_options.max_retry_after) return std::nullopt;
            delay = std::max<Clock::duration>(delay, *outcome.retry_after);
        }
        return delay;
    }

    void deliver(std::size_t index, FetchResponse response) {
        Job& job = m_jobs[index];
        response.id = job.request->id;
        response.url = job.request->url;
        response.attempts = job.attempts;
        if (job.first_start) {
            response.seconds = std::chrono::duration<double>(Clock::now() - *job.first_start).count();
        }
        --m_remaining;
        m_on_done(std::move(response));
    }

    void wait() {
        auto wait = std::chrono::duration_cast<Clock::duration>(k_max_poll_wait);
        if (auto next = m_scheduler.next_start_time()) {
            wait = std::clamp<Clock::duration>(*next - Clock::now(), Clock::duration::zero(), wait);
        }
        auto milliseconds = std::chrono::ceil<std::chrono::milliseconds>(wait).count();
        check(curl_multi_poll(m_multi, nullptr, 0, static_cast<int>(milliseconds), nullptr),
              "curl_multi_poll");
    }

    const FetchOptions& m_options;
    const AddressPolicy& m_policy;
    CURLM* m_multi;
    const std::function<void(FetchResponse&&)>& m_on_done;
    Scheduler& m_scheduler;
    std::vector<Job> m_jobs;
    std::size_t m_remaining;
};

CurlMulti make_multi() {
    ensure_curl_global_init();
    CurlMulti multi(curl_multi_init());
    if (!multi) throw std::runtime_error("curl_multi_init failed");
    return multi;
}

}  // namespace

struct Fetcher::Impl {
    FetchOptions options;
    AddressPolicy policy;
    CurlMulti multi;  // kept across fetch() calls for its connection and DNS caches
    Scheduler scheduler;  // kept across fetch() calls for the per-host intervals
};

Fetcher::Fetcher(FetchOptions options)
    : m_impl(std::make_unique<Impl>(Impl{
          options, AddressPolicy(options.allow_private_addresses, options.allowed_networks),
          make_multi(),
          Scheduler(options.concurrency, options.per_host_concurrency,
                    options.per_host_interval)})) {}

Fetcher::~Fetcher() = default;

void Fetcher::fetch(const std::vector<FetchRequest>& requests,
                    const std::function<void(FetchResponse&&)>& on_done) {
    Batch batch(m_impl->options, m_impl->policy, m_impl->multi.get(), m_impl->scheduler, requests,
                on_done);
    batch.run();
}

FetchResponse Fetcher::fetch_one(const FetchRequest& request) {
    FetchResponse result;
    fetch({request}, [&result](FetchResponse&& response) { result = std::move(response); });
    return result;
}

}  // namespace newswire

#pragma once
// Pages extracted on worker threads while the calling thread reads the next pages from the
// database and stores the finished ones: the database stays on one thread, the cores stay busy
// with extraction, and reading and storing no longer wait for a whole batch. Internal to
// pipeline/.

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "core/article.h"
#include "core/error.h"
#include "parser/article/site_rules.h"
#include "storage/database.h"

namespace newswire {

struct ExtractJob {
    const PageRef* page;
    Result<std::string> body;  // the page's stored bytes, or why they could not be read
    const SiteRules* site_rules;
};

// The URL a page's relative links resolve against: where it was fetched from in the end.
const std::string& url_of(const PageRef& page);

// Extracts `job`'s page; a page that cannot be read or extracted gives an error, never throws.
Result<Article> extract_one(const ExtractJob& job);

// Jobs go in in order and their articles come out in the same order. At most `max_pages` jobs
// and `max_bytes` of page bodies are in the line at once (one job is always let in), so memory
// stays bounded whatever the number of pages.
class ExtractionLine {
public:
    ExtractionLine(unsigned threads, std::size_t max_pages, std::size_t max_bytes);
    ~ExtractionLine();  // jobs not yet started are dropped; running ones finish first
    ExtractionLine(const ExtractionLine&) = delete;
    ExtractionLine& operator=(const ExtractionLine&) = delete;

    // Whether a job of `bytes` fits beside those in the line.
    bool has_room(std::size_t bytes) const;
    void submit(ExtractJob job);
    bool empty() const;
    // Whether the oldest job's article is ready (take() would not wait).
    bool front_ready() const;
    // The oldest job's page and article, waiting for it. Requires !empty().
    std::pair<const PageRef*, Result<Article>> take();

private:
    struct Slot {
        ExtractJob job;
        std::size_t bytes = 0;
        std::optional<Result<Article>> article;
    };

    void work();

    mutable std::mutex m_mutex;
    std::condition_variable m_job_waiting;  // workers wait for a job to start
    std::condition_variable m_job_done;     // take() waits for the oldest job
    std::deque<Slot> m_slots;               // oldest first
    std::size_t m_started = 0;              // slots from the front that a worker has taken
    std::size_t m_bytes = 0;
    std::size_t m_max_pages;
    std::size_t m_max_bytes;
    bool m_stopping = false;
    std::vector<std::thread> m_workers;
};

}  // namespace newswire

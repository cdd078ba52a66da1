#include "pipeline/extraction_line.h"

#include <algorithm>

#include "parser/article/extractor.h"

namespace newswire {

const std::string& url_of(const PageRef& page) { return page.final_url.empty() ? page.url : page.final_url; }

Result<Article> extract_one(const ExtractJob& job) {
    if (!job.body) return tl::unexpected(job.body.error());
    try {
        return extract_article(*job.body, url_of(*job.page), job.page->content_type, job.site_rules);
    } catch (const std::exception& e) {  // bad_alloc on a monstrous page: that page fails alone
        return fail(ErrorCode::invalid_input, std::string("extraction failed: ") + e.what());
    }
}

ExtractionLine::ExtractionLine(unsigned threads, std::size_t max_pages, std::size_t max_bytes)
    : m_max_pages(std::max<std::size_t>(max_pages, 1)), m_max_bytes(max_bytes) {
    for (unsigned t = 0; t < std::max(threads, 1u); ++t) m_workers.emplace_back([this] { work(); });
}

ExtractionLine::~ExtractionLine() {
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_job_waiting.notify_all();
    for (std::thread& worker : m_workers) worker.join();
}

bool ExtractionLine::has_room(std::size_t bytes) const {
    std::lock_guard lock(m_mutex);
    return m_slots.empty() || (m_slots.size() < m_max_pages && m_bytes + bytes <= m_max_bytes);
}

void ExtractionLine::submit(ExtractJob job) {
    std::size_t bytes = job.body ? job.body->size() : 0;
    {
        std::lock_guard lock(m_mutex);
        m_slots.push_back({std::move(job), bytes, std::nullopt});
        m_bytes += bytes;
    }
    m_job_waiting.notify_one();
}

bool ExtractionLine::empty() const {
    std::lock_guard lock(m_mutex);
    return m_slots.empty();
}

bool ExtractionLine::front_ready() const {
    std::lock_guard lock(m_mutex);
    return !m_slots.empty() && m_slots.front().article.has_value();
}

std::pair<const PageRef*, Result<Article>> ExtractionLine::take() {
    std::unique_lock lock(m_mutex);
    m_job_done.wait(lock, [this] { return m_slots.front().article.has_value(); });
    Slot slot = std::move(m_slots.front());
    m_slots.pop_front();
    --m_started;
    m_bytes -= slot.bytes;
    return {slot.job.page, std::move(*slot.article)};
}

// A worker takes the oldest job no worker has taken and extracts it outside the lock. Slots
// stay where they are while it works: only take() removes them, and only once they are done.
void ExtractionLine::work() {
    std::unique_lock lock(m_mutex);
    while (true) {
        m_job_waiting.wait(lock, [this] { return m_stopping || m_started < m_slots.size(); });
        if (m_stopping) return;
        Slot& slot = m_slots[m_started++];
        lock.unlock();
        Result<Article> article = extract_one(slot.job);
        lock.lock();
        slot.article = std::move(article);
        m_job_done.notify_all();
    }
}

}  // namespace newswire

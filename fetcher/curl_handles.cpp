#include "fetcher/curl_handles.h"

#include <mutex>
#include <new>
#include <stdexcept>
#include <string>

namespace newswire {

void ensure_curl_global_init() {
    static std::once_flag once;
    static CURLcode result = CURLE_OK;
    std::call_once(once, [] { result = curl_global_init(CURL_GLOBAL_DEFAULT); });
    if (result != CURLE_OK) {
        throw std::runtime_error(std::string("curl_global_init failed: ") +
                                 curl_easy_strerror(result));
    }
}

void append_header(CurlSlist& list, const char* line) {
    curl_slist* appended = curl_slist_append(list.get(), line);
    if (!appended) throw std::bad_alloc();
    (void)list.release();
    list.reset(appended);
}

MultiAttachment::MultiAttachment(CURLM* multi, CURL* easy) : m_multi(multi), m_easy(easy) {
    CURLMcode code = curl_multi_add_handle(m_multi, m_easy);
    if (code != CURLM_OK) {
        throw std::runtime_error(std::string("curl_multi_add_handle failed: ") +
                                 curl_multi_strerror(code));
    }
}

MultiAttachment::~MultiAttachment() { curl_multi_remove_handle(m_multi, m_easy); }

}  // namespace newswire

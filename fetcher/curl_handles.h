#pragma once
// Owners of libcurl handles, and the process-wide curl_global_init. Internal to fetcher/.

#include <memory>

#include <curl/curl.h>

namespace newswire {

struct CurlEasyDeleter {
    void operator()(CURL* easy) const noexcept { curl_easy_cleanup(easy); }
};
using CurlEasy = std::unique_ptr<CURL, CurlEasyDeleter>;

struct CurlMultiDeleter {
    void operator()(CURLM* multi) const noexcept { curl_multi_cleanup(multi); }
};
using CurlMulti = std::unique_ptr<CURLM, CurlMultiDeleter>;

struct CurlSlistDeleter {
    void operator()(curl_slist* list) const noexcept { curl_slist_free_all(list); }
};
using CurlSlist = std::unique_ptr<curl_slist, CurlSlistDeleter>;

// Calls curl_global_init exactly once per process; safe to call from any thread. Throws
// std::runtime_error when libcurl cannot be initialised. curl_global_cleanup is never called:
// other parts of the process (core/url.cpp) keep using libcurl until exit.
void ensure_curl_global_init();

// Appends one header line; throws std::bad_alloc when libcurl cannot allocate.
void append_header(CurlSlist& list, const char* line);

// Keeps an easy handle added to a multi handle for its own lifetime. Both handles must
// outlive it.
class MultiAttachment {
public:
    MultiAttachment(CURLM* multi, CURL* easy);
    ~MultiAttachment();
    MultiAttachment(const MultiAttachment&) = delete;
    MultiAttachment& operator=(const MultiAttachment&) = delete;

private:
    CURLM* m_multi;
    CURL* m_easy;
};

}  // namespace newswire

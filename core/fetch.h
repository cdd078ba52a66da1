#pragma once
// What the pipeline asks the fetcher for and what it gets back: plain values, no curl types.

#include <cstdint>
#include <optional>
#include <string>

#include "core/error.h"

namespace newswire {

struct FetchRequest {
    std::uint64_t id = 0;       // the caller's, handed back in the response
    std::string url;
    std::string etag;           // validators of the stored copy, for a conditional GET
    std::string last_modified;
};

struct FetchResponse {
    std::uint64_t id = 0;
    std::string url;            // as requested
    std::string final_url;      // after redirects
    std::string moved_to;       // final_url when every redirect on the way was permanent (301/308)
    long status = 0;            // HTTP status; 0 when no response arrived
    std::string content_type;   // the Content-Type header, as sent
    std::string etag;
    std::string last_modified;
    std::string body;           // decoded (gzip/deflate/br undone); empty on 304
    std::optional<Error> error; // set when the fetch failed (network, policy, cap, HTTP >= 400)
    std::int64_t retry_after_seconds = 0;  // the wait a 429/5xx asked for (Retry-After); 0: none
    double seconds = 0;
    int attempts = 0;

    bool ok() const { return !error && status >= 200 && status < 300; }
    bool not_modified() const { return !error && status == 304; }
};

}  // namespace newswire

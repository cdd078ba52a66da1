#pragma once
// The error value every layer returns for expected failures (tl::expected<T, Error>).

#include <string>
#include <string_view>

#include <tl/expected.hpp>

namespace newswire {

enum class ErrorCode {
    invalid_input,   // bytes that are not what they claim to be (not a feed, not HTML, bad config)
    not_found,       // a file, row or feed that does not exist
    io,              // the operating system refused (open, read, write)
    network,         // DNS, connect, TLS, timeout, reset
    http,            // the server answered with an error status
    too_large,       // a size cap was hit
    forbidden,       // a policy said no (scheme, private address, robots)
    database,        // SQLite reported an error
    busy,            // another run holds the lock
};

std::string_view to_string(ErrorCode code);

struct Error {
    ErrorCode code = ErrorCode::invalid_input;
    std::string message;  // for a person: names what is wrong and where
};

template <typename T>
using Result = tl::expected<T, Error>;

inline tl::unexpected<Error> fail(ErrorCode code, std::string message) {
    return tl::unexpected<Error>(Error{code, std::move(message)});
}

}  // namespace newswire

#include "core/error.h"

namespace newswire {

std::string_view to_string(ErrorCode code) {
    switch (code) {
    case ErrorCode::invalid_input: return "invalid input";
    case ErrorCode::not_found: return "not found";
    case ErrorCode::io: return "i/o error";
    case ErrorCode::network: return "network error";
    case ErrorCode::http: return "http error";
    case ErrorCode::too_large: return "too large";
    case ErrorCode::forbidden: return "forbidden";
    case ErrorCode::database: return "database error";
    case ErrorCode::busy: return "busy";
    }
    return "error";
}

}  // namespace newswire

#include "storage/compression.h"

#include <zstd.h>

namespace newswire {
namespace {
constexpr int k_level = 3;
}

Result<std::string> compress(std::string_view raw) {
    if (raw.size() > k_max_stored_body) {
        return fail(ErrorCode::too_large, "body of " + std::to_string(raw.size()) +
                                              " bytes is over the storage cap");
    }
    std::string frame(ZSTD_compressBound(raw.size()), '\0');
    const std::size_t size =
        ZSTD_compress(frame.data(), frame.size(), raw.data(), raw.size(), k_level);
    if (ZSTD_isError(size) != 0) {
        return fail(ErrorCode::invalid_input,
                    std::string("zstd compression failed: ") + ZSTD_getErrorName(size));
    }
    frame.resize(size);
    return frame;
}

Result<std::string> decompress(std::string_view frame, std::size_t raw_size) {
    if (raw_size > k_max_stored_body) {
        return fail(ErrorCode::too_large, "stored size " + std::to_string(raw_size) +
                                              " is over the storage cap");
    }
    const unsigned long long declared = ZSTD_getFrameContentSize(frame.data(), frame.size());
    if (declared == ZSTD_CONTENTSIZE_ERROR || declared == ZSTD_CONTENTSIZE_UNKNOWN ||
        declared != raw_size) {
        return fail(ErrorCode::invalid_input,
                    "stored body is not a zstd frame of " + std::to_string(raw_size) + " bytes");
    }
    std::string raw(raw_size, '\0');
    const std::size_t size = ZSTD_decompress(raw.data(), raw.size(), frame.data(), frame.size());
    if (ZSTD_isError(size) != 0) {
        return fail(ErrorCode::invalid_input,
                    std::string("stored body is corrupt: ") + ZSTD_getErrorName(size));
    }
    if (size != raw_size) {
        return fail(ErrorCode::invalid_input, "stored body decompressed to " +
                                                  std::to_string(size) + " bytes, expected " +
                                                  std::to_string(raw_size));
    }
    return raw;
}

}  // namespace newswire

// libFuzzer target: the date parsers of core/time.h on any text (a first byte picks the
// default offset, the rest is the text). Nothing may crash, overflow or hang; a date that parses prints as ISO 8601
// and that text parses back to the same instant and offset.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/time.h"

namespace {

void check_round_trip(const std::optional<newswire::Timestamp>& parsed) {
    if (!parsed) return;
    std::string printed = newswire::to_iso8601(*parsed);
    auto again = newswire::parse_iso8601(printed);
    if (!again || *again != *parsed) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    int default_offset = (static_cast<int>(data[0]) - 128) * 7;  // -896 .. +889 minutes
    std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
    check_round_trip(newswire::parse_iso8601(text, default_offset));
    check_round_trip(newswire::parse_rfc822(text));
    check_round_trip(newswire::parse_datetime(text, default_offset));
    return 0;
}

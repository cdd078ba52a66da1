#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <vector>

#include "core/text.h"
#include "parser/feed/encoding.h"

using namespace newswire;
using feed_detail::CleanCopyPath;
using feed_detail::copy_if_clean_utf8;

namespace {

// copy_if_clean_utf8's answer on either path, checked to match core's is_clean_utf8_text and to
// copy the bytes and no more.
bool clean_copy_agrees(const std::string& bytes) {
    bool agrees = true;
    for (CleanCopyPath path : {CleanCopyPath::fastest, CleanCopyPath::sse2}) {
        std::vector<char> out(bytes.size() + 1, '\x01');
        bool clean = copy_if_clean_utf8(bytes, out.data(), path);
        bool same = clean == is_clean_utf8_text(bytes) && out[bytes.size()] == '\x01';
        if (clean) same = same && std::string(out.data(), bytes.size()) == bytes;
        if (!same) UNSCOPED_INFO("disagreement on " << bytes.size() << " bytes: " << bytes);
        agrees = agrees && same;
    }
    return agrees;
}

// The answer of the fastest path; a failed check when the SSE2 path answers otherwise.
bool clean(const std::string& bytes) {
    std::vector<char> out(bytes.size() + 1);
    bool fastest = copy_if_clean_utf8(bytes, out.data(), CleanCopyPath::fastest);
    if (fastest != copy_if_clean_utf8(bytes, out.data(), CleanCopyPath::sse2)) FAIL_CHECK("the paths disagree");
    return fastest;
}

}  // namespace

TEST_CASE("the clean copy takes tab and line breaks and refuses other controls", "[feed][encoding]") {
    std::string line(40, 'a');
    CHECK(clean(line + "\t" + line + "\r\n" + line + "\n"));
    CHECK_FALSE(clean(line + "\x0E" + line));
    CHECK_FALSE(clean(line + "\x0B"));
    CHECK_FALSE(clean(line + "\x7F" + line));
    CHECK_FALSE(clean(line + std::string(1, '\0') + line));
    CHECK_FALSE(clean("\x0C"));
    CHECK(clean(""));
}

TEST_CASE("the clean copy takes valid UTF-8 across blocks and refuses broken sequences", "[feed][encoding]") {
    std::string pad(15, 'x');  // the next byte is the last of a 16-byte block
    CHECK(clean(pad + "\xC3\xA9" + pad));
    CHECK(clean(pad + "\xE2\x80\x99" + pad + "\xF0\x9F\x93\xB0"));
    CHECK(clean(pad + "\xED\x9F\xBF" + pad));        // U+D7FF, the last before the surrogates
    CHECK_FALSE(clean(pad + "\xED\xA0\x80" + pad));  // a surrogate
    CHECK_FALSE(clean(pad + "\xE0\x80\xAF" + pad));  // overlong
    CHECK_FALSE(clean(pad + "\xF0\x80\x80\xAF"));    // overlong
    CHECK_FALSE(clean(pad + "\xF4\x90\x80\x80"));    // past U+10FFFF
    CHECK_FALSE(clean(pad + "\xC0\xAF" + pad));
    CHECK_FALSE(clean(pad + "\xF5\x80\x80\x80"));
    CHECK_FALSE(clean(pad + "\xC3"));                // cut at the end
    CHECK_FALSE(clean(pad + pad + "\xE2\x80"));
    CHECK_FALSE(clean(pad + "\xA9" + pad));          // a continuation byte alone
    CHECK_FALSE(clean("\xC3\xA9\xA9"));
}

TEST_CASE("the clean copy answers as core's is_clean_utf8_text on random bytes", "[feed][encoding]") {
    std::mt19937 random(20261125);
    const std::vector<std::string> pieces{"a", "b", " ", "<", "&", "\t", "\n", "\r", "\x01", "\x0B", "\x0E", "\x1F",
                                          "\x7F", std::string(1, '\0'), "\xC3\xA9", "\xE2\x80\x99", "\xF0\x9F\x93\xB0",
                                          "\xC3", "\xA9", "\xE0\xA0\x80", "\xE0\x9F\xBF", "\xED\x9F\xBF", "\xED\xA0\x80",
                                          "\xF0\x90\x80\x80", "\xF4\x8F\xBF\xBF", "\xF4\x90\x80\x80", "\xC1\xBF", "\xFF",
                                          std::string(16, 'z')};
    std::uniform_int_distribution<std::size_t> piece(0, pieces.size() - 1);
    std::uniform_int_distribution<int> odd(0, 9);
    int agreed = 0;
    for (int round = 0; round < 20000; ++round) {
        std::string bytes;
        std::size_t length = static_cast<std::size_t>(round % 90);
        while (bytes.size() < length) bytes += odd(random) == 0 ? pieces[piece(random)] : "plain text ";
        agreed += clean_copy_agrees(bytes) ? 1 : 0;
    }
    CHECK(agreed == 20000);
}

TEST_CASE("the clean copy answers as core's is_clean_utf8_text on the feed corpus", "[feed][encoding]") {
    std::filesystem::path corpus = std::filesystem::path(NEWSWIRE_SOURCE_DIR) / "../shared/corpus/feeds/files";
    if (!std::filesystem::is_directory(corpus)) {
        WARN("no feed corpus at " << corpus.string());
        return;
    }
    int files = 0, agreed = 0;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(corpus)) {
        if (!entry.is_regular_file()) continue;
        std::ifstream in(entry.path(), std::ios::binary);
        std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
        ++files;
        bool all = true;
        for (std::size_t cut = 0; cut <= 33 && cut <= bytes.size(); ++cut) {
            all = clean_copy_agrees(bytes.substr(0, bytes.size() - cut)) && all;
        }
        agreed += all ? 1 : 0;
    }
    CHECK(files > 2000);
    CHECK(agreed == files);
}

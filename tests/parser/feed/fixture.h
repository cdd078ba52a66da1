#pragma once
// Reads a hand-written fixture of tests/parser/feed/fixtures.

#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>

inline std::string feed_fixture(const std::string& name) {
    std::string path = std::string(NEWSWIRE_SOURCE_DIR) + "/tests/parser/feed/fixtures/" + name;
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("missing fixture " + path);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

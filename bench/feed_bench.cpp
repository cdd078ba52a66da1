// Feed parser throughput against pugixml's plain load_buffer of the same bytes.
//
//   feed_bench DIR [MIN_SECONDS]
//
// Reads every file under DIR (e.g. ../shared/corpus/feeds/files) into memory, then times
// rounds of (a) pugi::xml_document::load_buffer with default flags and (b) newswire::parse_feed,
// each for at least MIN_SECONDS (default 2), and prints MB/s, items/s and the ratio in one run.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include <pugixml.hpp>

#include "parser/feed/feed_parser.h"

namespace {

using Clock = std::chrono::steady_clock;

std::vector<std::string> read_files(const std::filesystem::path& dir) {
    std::vector<std::string> files;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
        if (!entry.is_regular_file()) continue;
        std::ifstream in(entry.path(), std::ios::binary);
        files.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    return files;
}

struct Figures {
    double seconds = 0;
    std::size_t rounds = 0;
    std::size_t items = 0;  // per round
};

template <typename Parse>
Figures time_rounds(const std::vector<std::string>& files, double min_seconds, Parse parse) {
    Figures figures;
    auto start = Clock::now();
    do {
        std::size_t items = 0;
        for (const std::string& file : files) items += parse(file);
        figures.items = items;
        ++figures.rounds;
        figures.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    } while (figures.seconds < min_seconds);
    return figures;
}

void print(const char* name, const Figures& f, std::size_t bytes, const char* unit) {
    double mb = static_cast<double>(bytes) * static_cast<double>(f.rounds) / 1e6;
    std::printf("%-22s %8.1f MB/s %12.0f %s/s  (%zu rounds in %.2f s)\n", name, mb / f.seconds,
                static_cast<double>(f.items * f.rounds) / f.seconds, unit, f.rounds, f.seconds);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: feed_bench DIR [MIN_SECONDS]\n");
        return 2;
    }
    double min_seconds = argc > 2 ? std::max(0.1, std::atof(argv[2])) : 2.0;
    std::vector<std::string> files = read_files(argv[1]);
    std::size_t bytes = 0;
    for (const std::string& file : files) bytes += file.size();
    std::printf("%zu files, %.2f MB\n", files.size(), static_cast<double>(bytes) / 1e6);

    Figures reference = time_rounds(files, min_seconds, [](const std::string& file) -> std::size_t {
        pugi::xml_document document;
        return document.load_buffer(file.data(), file.size()) ? 1 : 0;
    });
    Figures parser = time_rounds(files, min_seconds, [](const std::string& file) -> std::size_t {
        auto feed = newswire::parse_feed(file);
        return feed ? feed->items.size() : 0;
    });
    print("pugixml load_buffer", reference, bytes, "documents");
    print("newswire parse_feed", parser, bytes, "items");
    double ratio = (parser.seconds / static_cast<double>(parser.rounds)) /
                   (reference.seconds / static_cast<double>(reference.rounds));
    std::printf("parse_feed takes %.2fx the time of load_buffer\n", ratio);
    return 0;
}

// Feed parser throughput against pugixml's plain load_buffer of the same bytes.
//
//   feed_bench DIR [MIN_SECONDS]
//
// Reads every file under DIR (e.g. ../shared/corpus/feeds/files) into memory, then times
// (a) pugi::xml_document::load_buffer with default flags, (b) newswire::parse_feed as
// `newswire parse-feed` calls it and (c) copy_walk_round, over the same bytes: one untimed
// warm-up round of each, then alternating rounds (a, b, c, a, b, c, ...) until (a) and (b) have
// run for MIN_SECONDS (default 2), so all see the same number of rounds and the same load on a
// shared machine. Prints MB/s, items/s and
// the ratio, and the ratio of a copy-only walk over pugixml's DOM (copy_walk_round: the floor of
// any reader built on that DOM); when DIR has a `real` folder (the real feeds of the corpus), the
// same again for it.
// MIN_SECONDS 0 runs the warm-up and one timed round of each: for counting instructions under
// valgrind --tool=callgrind, where each function's cost is then that of two rounds.
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
    std::vector<std::filesystem::path> paths;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
        if (entry.is_regular_file()) paths.push_back(entry.path());
    }
    std::sort(paths.begin(), paths.end());
    std::vector<std::string> files;
    for (const auto& path : paths) {
        std::ifstream in(path, std::ios::binary);
        files.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    return files;
}

[[gnu::noinline]] std::size_t reference_round(const std::vector<std::string>& files) {
    std::size_t documents = 0;
    for (const std::string& file : files) {
        pugi::xml_document document;
        documents += document.load_buffer(file.data(), file.size()) ? 1 : 0;
    }
    return documents;
}

[[gnu::noinline]] std::size_t parser_round(const std::vector<std::string>& files) {
    std::size_t items = 0;
    for (const std::string& file : files) {
        auto feed = newswire::parse_feed(file);
        items += feed ? feed->items.size() : 0;
    }
    return items;
}

// The least any reader over pugixml's DOM does: the reference's parse, then each item's fields
// copied out as strings into the structs newswire fills, by local name, with no dates, URLs,
// namespaces, encodings or checks. Its time against the reference's is the share of the 2x
// budget that building the DOM and copying the output take before any reading logic.
void copy_item(pugi::xml_node item, newswire::FeedItem& out) {
    for (pugi::xml_node child = item.first_child(); child; child = child.next_sibling()) {
        if (child.type() != pugi::node_element) continue;
        std::string_view name = child.name();
        std::size_t colon = name.rfind(':');
        if (colon != std::string_view::npos) name.remove_prefix(colon + 1);
        const char* text = child.child_value();
        if (name == "title") out.title = text;
        else if (name == "link") out.url = *text ? text : child.attribute("href").value();
        else if (name == "guid" || name == "id") out.guid = text;
        else if (name == "description" || name == "summary") out.summary = text;
        else if (name == "encoded" || name == "content") out.content = text;
        else if (name == "author" || name == "creator") out.authors.emplace_back(text);
        else if (name == "category") out.categories.emplace_back(text);
    }
}

void copy_items(pugi::xml_node parent, newswire::ParsedFeed& feed) {
    for (pugi::xml_node child = parent.first_child(); child; child = child.next_sibling()) {
        std::string_view name = child.name();
        if (name == "item" || name == "entry") copy_item(child, feed.items.emplace_back());
        else if (name == "title") feed.title = child.child_value();
    }
}

[[gnu::noinline]] std::size_t copy_walk_round(const std::vector<std::string>& files) {
    std::size_t items = 0;
    for (const std::string& file : files) {
        pugi::xml_document document;
        if (!document.load_buffer(file.data(), file.size())) continue;
        newswire::ParsedFeed feed;
        pugi::xml_node root = document.document_element();
        pugi::xml_node channel = root.child("channel");
        copy_items(root, feed);
        if (channel) copy_items(channel, feed);
        items += feed.items.size();
    }
    return items;
}

struct Figures {
    double seconds = 0;
    std::size_t rounds = 0;
    std::size_t units = 0;  // documents or items per round
};

template <typename Round>
void timed_round(Figures& figures, Round round, const std::vector<std::string>& files) {
    auto start = Clock::now();
    figures.units = round(files);
    figures.seconds += std::chrono::duration<double>(Clock::now() - start).count();
    ++figures.rounds;
}

struct Comparison {
    Figures reference;
    Figures parser;
    Figures walk;
    double ratio() const { return parser.seconds / reference.seconds; }  // same number of rounds
    double walk_ratio() const { return walk.seconds / reference.seconds; }
};

Comparison compare(const std::vector<std::string>& files, double min_seconds) {
    reference_round(files);
    parser_round(files);
    copy_walk_round(files);
    Comparison c;
    do {
        timed_round(c.reference, reference_round, files);
        timed_round(c.parser, parser_round, files);
        timed_round(c.walk, copy_walk_round, files);
    } while (c.reference.seconds < min_seconds || c.parser.seconds < min_seconds);
    return c;
}

std::size_t total_bytes(const std::vector<std::string>& files) {
    std::size_t bytes = 0;
    for (const std::string& file : files) bytes += file.size();
    return bytes;
}

double mb_per_second(const Figures& f, std::size_t bytes) {
    return static_cast<double>(bytes) * static_cast<double>(f.rounds) / 1e6 / f.seconds;
}

double units_per_second(const Figures& f) {
    return static_cast<double>(f.units * f.rounds) / f.seconds;
}

void print(const char* name, const Figures& f, std::size_t bytes, const char* unit) {
    std::printf("%-22s %8.1f MB/s %12.0f %s/s  (%zu rounds in %.2f s)\n", name, mb_per_second(f, bytes),
                units_per_second(f), unit, f.rounds, f.seconds);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: feed_bench DIR [MIN_SECONDS]\n");
        return 2;
    }
    double min_seconds = argc > 2 ? std::max(0.0, std::atof(argv[2])) : 2.0;
    std::vector<std::string> files = read_files(argv[1]);
    std::size_t bytes = total_bytes(files);
    std::printf("%zu files, %.2f MB\n", files.size(), static_cast<double>(bytes) / 1e6);

    Comparison all = compare(files, min_seconds);
    print("pugixml load_buffer", all.reference, bytes, "documents");
    print("newswire parse_feed", all.parser, bytes, "items");
    std::printf("parse_feed takes %.2fx the time of load_buffer\n", all.ratio());
    std::printf("a copy-only walk over the DOM takes %.2fx (the floor of a DOM reader)\n", all.walk_ratio());

    std::filesystem::path real = std::filesystem::path(argv[1]) / "real";
    if (!std::filesystem::is_directory(real)) return 0;
    std::vector<std::string> real_files = read_files(real);
    std::size_t real_bytes = total_bytes(real_files);
    Comparison r = compare(real_files, min_seconds);
    std::printf("real feeds (%zu files, %.2f MB): parse_feed %.1f MB/s, %.0f items/s, %.2fx load_buffer "
                "(copy-only walk %.2fx)\n",
                real_files.size(), static_cast<double>(real_bytes) / 1e6, mb_per_second(r.parser, real_bytes),
                units_per_second(r.parser), r.ratio(), r.walk_ratio());
    return 0;
}

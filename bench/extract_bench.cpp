// Extraction speed on a folder of saved pages (*.html.gz, searched recursively).
//
//   extract_bench DIR                 plain Gumbo, extract_article on one thread and on all cores
//   extract_bench DIR --single-only   extract_article on one thread alone, with its peak RSS
//   extract_bench DIR --one-round [extract|gumbo]
//                                     one untimed round of each side (or of the one named), for
//                                     counting instructions: valgrind --tool=callgrind
//                                     --toggle-collect='*extract_round*' (or '*gumbo_reference_round*')
//
// Pages are decompressed before the clock starts. In --single-only mode they stay compressed
// in memory and each is inflated just before it is timed, so the peak RSS is the extractor's,
// not the corpus's.

#include <sys/resource.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include <gumbo.h>

#include "bench/corpus_pages.h"
#include "parser/article/extractor.h"

namespace {

using newswire::bench::compressed_pages;
using newswire::bench::gunzip;
using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

long peak_rss_kib() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

std::size_t total_bytes(const std::vector<std::string>& pages) {
    std::size_t total = 0;
    for (const auto& page : pages) total += page.size();
    return total;
}

[[gnu::noinline]] std::size_t gumbo_reference_round(const std::vector<std::string>& pages) {
    std::size_t parsed = 0;
    for (const auto& page : pages) {
        GumboOutput* output = gumbo_parse_with_options(&kGumboDefaultOptions, page.data(), page.size());
        parsed += output ? 1 : 0;
        gumbo_destroy_output(&kGumboDefaultOptions, output);
    }
    return parsed;
}

[[gnu::noinline]] std::size_t extract_round(const std::vector<std::string>& pages) {
    std::size_t extracted = 0;
    for (const auto& page : pages) extracted += newswire::extract_article(page, "") ? 1 : 0;
    return extracted;
}

double time_gumbo(const std::vector<std::string>& pages) {
    auto start = Clock::now();
    (void)gumbo_reference_round(pages);
    return seconds_since(start);
}

double time_single(const std::vector<std::string>& pages) {
    auto start = Clock::now();
    (void)extract_round(pages);
    return seconds_since(start);
}

double time_parallel(const std::vector<std::string>& pages, unsigned threads) {
    std::atomic<std::size_t> next{0};
    auto start = Clock::now();
    std::vector<std::thread> workers;
    for (unsigned t = 0; t < threads; ++t) {
        workers.emplace_back([&] {
            for (std::size_t i = next++; i < pages.size(); i = next++) (void)newswire::extract_article(pages[i], "");
        });
    }
    for (auto& worker : workers) worker.join();
    return seconds_since(start);
}

void report(const char* what, std::size_t pages, std::size_t bytes, double seconds) {
    std::printf("%-28s %8.1f pages/s %8.1f MB/s  (%zu pages, %.3f s)\n", what, static_cast<double>(pages) / seconds,
                static_cast<double>(bytes) / 1e6 / seconds, pages, seconds);
}

int single_only(const std::vector<std::string>& compressed) {
    double seconds = 0;
    std::size_t bytes = 0;
    for (const auto& packed : compressed) {
        std::string page = gunzip(packed);
        bytes += page.size();
        auto start = Clock::now();
        (void)newswire::extract_article(page, "");
        seconds += seconds_since(start);
    }
    report("extract_article, 1 thread", compressed.size(), bytes, seconds);
    std::printf("peak RSS: %.1f MiB\n", static_cast<double>(peak_rss_kib()) / 1024.0);
    return 0;
}

int one_round(const std::vector<std::string>& pages, std::string_view side) {
    if (side != "extract" && side != "gumbo" && !side.empty()) {
        std::fprintf(stderr, "--one-round takes extract or gumbo, not %.*s\n", static_cast<int>(side.size()), side.data());
        return 2;
    }
    if (side != "extract") std::printf("gumbo_reference_round: %zu pages parsed\n", gumbo_reference_round(pages));
    if (side != "gumbo") std::printf("extract_round: %zu pages extracted\n", extract_round(pages));
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: extract_bench DIR [--single-only | --one-round [extract|gumbo]]\n");
        return 2;
    }
    std::vector<std::string> compressed = compressed_pages(argv[1]);
    if (compressed.empty()) {
        std::fprintf(stderr, "no *.html.gz pages under %s\n", argv[1]);
        return 1;
    }
    if (argc > 2 && std::string_view(argv[2]) == "--single-only") return single_only(compressed);

    std::vector<std::string> pages;
    for (const auto& packed : compressed) pages.push_back(gunzip(packed));
    compressed.clear();
    if (argc > 2 && std::string_view(argv[2]) == "--one-round") return one_round(pages, argc > 3 ? argv[3] : "");
    std::size_t bytes = total_bytes(pages);
    unsigned threads = std::max(1u, std::thread::hardware_concurrency());

    double gumbo = time_gumbo(pages);
    double single = time_single(pages);
    double parallel = time_parallel(pages, threads);
    report("plain gumbo_parse", pages.size(), bytes, gumbo);
    report("extract_article, 1 thread", pages.size(), bytes, single);
    char label[64];
    std::snprintf(label, sizeof label, "extract_article, %u threads", threads);
    report(label, pages.size(), bytes, parallel);
    std::printf("extract 1 thread / plain gumbo: %.2fx\n", gumbo / single);
    std::printf("extract %u threads / 1 thread:  %.2fx\n", threads, single / parallel);
    std::printf("peak RSS (whole run, corpus in memory): %.1f MiB\n", static_cast<double>(peak_rss_kib()) / 1024.0);
    return 0;
}

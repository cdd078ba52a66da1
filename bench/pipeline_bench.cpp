// The whole pipeline on loopback: the real newswire binary against a local HTTP server.
//
//   pipeline_bench PAGES_DIR NEWSWIRE [FEEDS] [ITEMS]
//
// The server (cpp-httplib, in this process) serves FEEDS RSS feeds (default 50) of ITEMS items
// each (default 20), every item linking to its own page: the corpus pages under PAGES_DIR
// (*.html.gz, e.g. ../shared/corpus/articles/pages) in turn, each made unique by a leading
// comment, plus an allow-all robots.txt. Feeds carry an ETag and answer 304 to it.
// In a fresh folder, with one extraction thread (`parse: threads: 1`), it times:
//   1. `newswire run`: every feed is new, so every page is fetched, extracted and stored;
//   2. `newswire fetch --force`: every feed again, each answering 304, nothing else to do;
//   3. extract_article over the same pages in this process, one thread (the reference).
// and prints each time, the first run's pages/s, peak RSS of the newswire process and the
// database's size, and the first run's time against the reference's: what fetching, deciding
// and storing add to extraction.
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <httplib.h>

#include "bench/corpus_pages.h"
#include "parser/article/extractor.h"

namespace {

using Clock = std::chrono::steady_clock;
namespace fs = std::filesystem;

struct Shape {
    int feeds = 50;
    int items = 20;
    int pages() const { return feeds * items; }
};

// The served page `n`: corpus page n mod their number, behind a comment naming n.
std::string page_text(const std::vector<std::string>& pages, int n) {
    return "<!-- page " + std::to_string(n) + " -->\n" + pages[static_cast<std::size_t>(n) % pages.size()];
}

std::string feed_text(const std::string& origin, const Shape& shape, int feed) {
    std::string items;
    for (int i = 0; i < shape.items; ++i) {
        std::string n = std::to_string(feed * shape.items + i);
        items += "<item><guid>page-" + n + "</guid><title>Item " + n + "</title><link>" + origin + "/pages/" + n +
                 "</link><pubDate>Tue, 24 Nov 2026 10:00:00 GMT</pubDate></item>";
    }
    return "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Feed " + std::to_string(feed) +
           "</title><link>" + origin + "/</link>" + items + "</channel></rss>";
}

void add_routes(httplib::Server& server, const std::string& origin, const Shape& shape,
                const std::vector<std::string>& pages) {
    server.Get(R"(/feeds/(\d+)\.xml)", [origin, shape](const httplib::Request& request, httplib::Response& response) {
        response.set_header("ETag", "\"v1\"");
        if (request.get_header_value("If-None-Match") == "\"v1\"") {
            response.status = 304;
            return;
        }
        response.set_content(feed_text(origin, shape, std::stoi(request.matches[1])), "application/rss+xml");
    });
    // Pages as a sized content provider, which cpp-httplib sends as they are: a body set with
    // set_content it would compress with Brotli for the fetcher's Accept-Encoding, taking the
    // server longer than newswire takes to extract the page.
    server.Get(R"(/pages/(\d+))", [&pages](const httplib::Request& request, httplib::Response& response) {
        auto text = std::make_shared<std::string>(page_text(pages, std::stoi(request.matches[1])));
        response.set_content_provider(text->size(), "text/html; charset=utf-8",
                                      [text](std::size_t offset, std::size_t length, httplib::DataSink& sink) {
                                          return sink.write(text->data() + offset, length);
                                      });
    });
    server.Get("/robots.txt", [](const httplib::Request&, httplib::Response& response) {
        response.set_content("User-agent: *\nDisallow:\n", "text/plain");
    });
}

void write_config(const fs::path& dir, const std::string& origin, const Shape& shape) {
    std::ofstream out(dir / "config.yaml");
    out << "database: news.db\n"
           "fetch:\n  concurrency: 8\n  per_host_concurrency: 8\n  per_host_interval: 1ms\n"
           "  allow_private_addresses: true\n  retries: 0\n"
           "schedule:\n  max_pages_per_run: "
        << shape.pages()
        << "\nparse:\n  threads: 1\nlog:\n  file: newswire.log\n  level: warn\nfeeds:\n";
    for (int f = 0; f < shape.feeds; ++f) {
        out << "  - name: feed-" << f << "\n    url: " << origin << "/feeds/" << f << ".xml\n";
    }
}

struct Outcome {
    int exit_code = -1;
    double seconds = 0;
    long peak_rss_kib = 0;
};

// VmHWM of a running process in KiB, once it runs `binary` (before its exec it is a copy of
// this process, corpus and all); 0 before that and once it has exited. Its rusage would not do:
// a forked child's peak counts the parent's pages.
long peak_rss_of(pid_t pid, const std::string& binary) {
    std::error_code error;
    fs::path exe = fs::read_symlink("/proc/" + std::to_string(pid) + "/exe", error);
    if (error || exe != binary) return 0;
    std::ifstream status("/proc/" + std::to_string(pid) + "/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.starts_with("VmHWM:")) return std::atol(line.c_str() + 6);
    }
    return 0;
}

// Runs `binary` with `arguments` in `dir` and waits for it, reading its peak RSS every 2 ms.
Outcome run_binary(const std::string& binary, const std::vector<std::string>& arguments, const fs::path& dir) {
    auto start = Clock::now();
    pid_t pid = fork();
    if (pid == 0) {
        if (chdir(dir.c_str()) != 0) _exit(127);
        std::vector<char*> argv{const_cast<char*>(binary.c_str())};
        for (const std::string& argument : arguments) argv.push_back(const_cast<char*>(argument.c_str()));
        argv.push_back(nullptr);
        execv(binary.c_str(), argv.data());
        _exit(127);
    }
    Outcome outcome;
    int status = 0;
    while (pid > 0) {
        pid_t done = waitpid(pid, &status, WNOHANG);
        if (done == pid) {
            outcome.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
            break;
        }
        if (done < 0) break;
        outcome.peak_rss_kib = std::max(outcome.peak_rss_kib, peak_rss_of(pid, binary));
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    outcome.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    return outcome;
}

double time_extraction(const std::vector<std::string>& pages, const Shape& shape) {
    auto start = Clock::now();
    for (int n = 0; n < shape.pages(); ++n) (void)newswire::extract_article(page_text(pages, n), "");
    return std::chrono::duration<double>(Clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: pipeline_bench PAGES_DIR NEWSWIRE [FEEDS] [ITEMS]\n");
        return 2;
    }
    Shape shape;
    if (argc > 3) shape.feeds = std::max(1, std::atoi(argv[3]));
    if (argc > 4) shape.items = std::max(1, std::atoi(argv[4]));
    std::vector<std::string> pages;
    for (const std::string& packed : newswire::bench::compressed_pages(argv[1])) {
        pages.push_back(newswire::bench::gunzip(packed));
    }
    if (pages.empty()) {
        std::fprintf(stderr, "no *.html.gz pages under %s\n", argv[1]);
        return 1;
    }
    std::string binary = fs::canonical(argv[2]).string();
    fs::path dir = fs::temp_directory_path() / ("newswire-pipeline-bench-" + std::to_string(getpid()));
    fs::create_directories(dir);

    httplib::Server server;
    // Threads enough for every kept-alive connection of the fetcher (8 at once, then robots.txt
    // and pages), so no request waits for one to time out.
    server.new_task_queue = [] { return new httplib::ThreadPool(32); };
    server.set_keep_alive_timeout(1);
    int port = server.bind_to_any_port("127.0.0.1");
    std::string origin = "http://127.0.0.1:" + std::to_string(port);
    add_routes(server, origin, shape, pages);
    std::thread listener([&server] { server.listen_after_bind(); });
    while (!server.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    write_config(dir, origin, shape);

    Outcome first = run_binary(binary, {"--config", "config.yaml", "-q", "run"}, dir);
    Outcome again = run_binary(binary, {"--config", "config.yaml", "-q", "fetch", "--force"}, dir);
    server.stop();
    listener.join();
    std::error_code error;
    std::uintmax_t database = fs::file_size(dir / "news.db", error);
    if (first.exit_code != 0 || again.exit_code != 0) {
        std::fprintf(stderr, "newswire exited with %d (run) and %d (fetch --force); its log is %s\n", first.exit_code,
                     again.exit_code, (dir / "newswire.log").c_str());
        return 1;
    }
    fs::remove_all(dir, error);
    double reference = time_extraction(pages, shape);
    std::printf("%d feeds of %d items, %d pages (%zu corpus pages in turn)\n", shape.feeds, shape.items,
                shape.pages(), pages.size());
    std::printf("newswire run, every page new   %7.2f s  %7.1f pages/s  peak RSS %.1f MiB  database %.1f MiB\n",
                first.seconds, shape.pages() / first.seconds, static_cast<double>(first.peak_rss_kib) / 1024.0,
                static_cast<double>(database) / (1024.0 * 1024.0));
    std::printf("newswire fetch --force, all 304 %6.2f s  peak RSS %.1f MiB\n", again.seconds,
                static_cast<double>(again.peak_rss_kib) / 1024.0);
    std::printf("extract_article alone, 1 thread %6.2f s  %7.1f pages/s\n", reference, shape.pages() / reference);
    std::printf("the run takes %.2fx the time of extracting its pages alone\n", first.seconds / reference);
    return 0;
}

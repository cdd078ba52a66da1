// newswire: keeps a SQLite database of news articles up to date from RSS/Atom feeds.
// Exit codes are documented in README.md and cli/exit_codes.h.

#include <iostream>

#include <CLI/CLI.hpp>

#include "cli/offline_commands.h"

int main(int argc, char** argv) {
    CLI::App app{"newswire: keeps a SQLite database of news articles up to date from RSS/Atom feeds"};
    app.require_subcommand(1);
    std::string config_path = "config.yaml";
    app.add_option("--config", config_path, "configuration file")->capture_default_str();

    newswire::cli::FileCommandOptions extract_options;
    auto* extract = app.add_subcommand("extract", "extract articles from saved HTML files");
    extract->add_option("--url", extract_options.url, "where the pages came from");
    extract->add_flag("--jsonl", extract_options.jsonl, "one JSON record per line");
    extract->add_option("files", extract_options.files, "HTML files")->required();

    newswire::cli::FileCommandOptions feed_options;
    auto* parse_feed = app.add_subcommand("parse-feed", "parse saved feed files");
    parse_feed->add_option("--url", feed_options.url, "where the feeds came from");
    parse_feed->add_flag("--jsonl", feed_options.jsonl, "one JSON record per line");
    parse_feed->add_option("files", feed_options.files, "feed files")->required();

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& error) {
        return app.exit(error) == 0 ? 0 : 2;
    }
    if (*extract) return newswire::cli::run_extract(extract_options);
    if (*parse_feed) return newswire::cli::run_parse_feed(feed_options);
    return 2;
}

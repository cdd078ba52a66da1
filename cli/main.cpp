// newswire: keeps a SQLite database of news articles up to date from RSS/Atom feeds.
// Exit codes: cli/exit_codes.h, documented in README.md.

#include <CLI/CLI.hpp>

#include "cli/db_commands.h"
#include "cli/exit_codes.h"
#include "cli/offline_commands.h"
#include "parser/article/extractor.h"
#include "storage/migrations.h"

namespace {

CLI::App* add_file_command(CLI::App& app, const char* name, const char* help, newswire::cli::FileCommandOptions& options) {
    auto* command = app.add_subcommand(name, help);
    command->add_option("--url", options.url, "where the files came from");
    command->add_flag("--jsonl", options.jsonl, "one JSON record per line");
    command->add_option("files", options.files, "files to read")->required();
    return command;
}

// "newswire 0.1.0 (extractor 5, database schema 8)": what a bug report should name.
std::string version_text() {
    return std::string("newswire ") + NEWSWIRE_VERSION + " (extractor " + std::to_string(newswire::k_extractor_version) +
           ", database schema " + std::to_string(newswire::latest_schema_version()) + ")";
}

}  // namespace

int main(int argc, char** argv) {
    using namespace newswire::cli;
    CLI::App app{"newswire: keeps a SQLite database of news articles up to date from RSS/Atom feeds"};
    app.require_subcommand(1);
    GlobalOptions global;
    app.add_option("--config", global.config_path, "configuration file")->capture_default_str();
    app.add_flag("-q,--quiet", global.quiet, "print nothing but errors");
    app.add_flag("-v,--verbose", global.verbose, "log progress to stderr");
    app.set_version_flag("--version", version_text(), "print the version, the extractor's and the database schema's, and exit");

    auto* run = app.add_subcommand("run", "fetch due feeds and new pages, extract and store articles (what cron calls)");

    FetchCommandOptions fetch_options;
    auto* fetch = app.add_subcommand("fetch", "fetch due feeds and the pages of new or changed items");
    fetch->add_flag("--force", fetch_options.force, "fetch every feed, due or not");
    fetch->add_option("--feed", fetch_options.feed, "fetch only this feed (by name), due or not");
    fetch->add_flag("--no-pages", fetch_options.no_pages, "fetch feeds only, no article pages");

    ParseCommandOptions parse_options;
    auto* parse = app.add_subcommand("parse", "extract articles from stored pages (new ones, or a selection)");
    parse->add_flag("--all", parse_options.all, "every stored page, whatever extractor made its article");
    parse->add_option("--since", parse_options.since, "pages fetched at or after this ISO 8601 time");
    parse->add_option("--feed", parse_options.feed, "pages of this feed's items");
    parse->add_option("--page", parse_options.page, "this page id");

    auto* status = app.add_subcommand("status", "show feeds, their last fetch and errors, and counts");

    ExportCommandOptions export_options;
    auto* exporter = app.add_subcommand("export", "print stored articles, one JSON object a line");
    exporter->add_option("--format", export_options.format, "jsonl")->capture_default_str();
    exporter->add_option("--since", export_options.since, "only articles created or changed at or after this ISO 8601 time");

    ShowCommandOptions show_options;
    auto* show = app.add_subcommand("show", "print one stored article with all its fields");
    show->add_option("article", show_options.article, "article id (see export or search) or a URL of it")->required();
    show->add_option("--revision", show_options.revision, "that stored text (1 the first) instead of the latest");

    DiffCommandOptions diff_options;
    auto* diff = app.add_subcommand("diff", "show what changed between two stored texts of an article");
    diff->add_option("article", diff_options.article, "article id or a URL of it")->required();
    diff->add_option("--from", diff_options.from, "the older revision (default: the one before --to)");
    diff->add_option("--to", diff_options.to, "the newer revision (default: the latest)");
    diff->add_flag("--words", diff_options.words, "a changed line as one line marking the words removed [-…-] and added {+…+}");

    SearchCommandOptions search_options;
    auto* search = app.add_subcommand("search", "full-text search over headline, teaser and body");
    search->add_option("query", search_options.query, "words that must all occur; a trailing * matches a prefix")->required();
    search->add_option("--limit", search_options.limit, "most hits to print")->capture_default_str();

    auto* rebuild = app.add_subcommand("rebuild-clusters", "recompute the near-duplicate clusters of all articles");

    FileCommandOptions extract_options, feed_options;
    add_file_command(app, "extract", "extract articles from saved HTML files", extract_options)
        ->add_option("--site-rules", extract_options.site_rules, "a folder of site rule files (*.yaml) to use besides the built-in ones");
    add_file_command(app, "parse-feed", "parse saved feed files", feed_options);

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& error) {
        return app.exit(error) == 0 ? k_exit_ok : k_exit_usage;
    }
    if (*run) return run_run(global);
    if (*fetch) return run_fetch(global, fetch_options);
    if (*parse) return run_parse(global, parse_options);
    if (*status) return run_status(global);
    if (*exporter) return run_export(global, export_options);
    if (*show) return run_show(global, show_options);
    if (*diff) return run_diff(global, diff_options);
    if (*search) return run_search(global, search_options);
    if (*rebuild) return run_rebuild_clusters(global);
    if (app.got_subcommand("extract")) return run_extract(extract_options);
    if (app.got_subcommand("parse-feed")) return run_parse_feed(feed_options);
    return k_exit_usage;
}

#include "cli/db_commands.h"

#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <variant>

#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include "cli/article_diff.h"
#include "cli/config.h"
#include "cli/exit_codes.h"
#include "core/json.h"
#include "core/time.h"
#include "pipeline/pipeline.h"
#include "pipeline/run_lock.h"

namespace newswire::cli {

namespace {

// Logging: warnings to stderr (everything with --verbose), and the configured file, if any.
void set_up_logging(const GlobalOptions& global, const LogConfig& log) {
    std::vector<spdlog::sink_ptr> sinks;
    auto console = std::make_shared<spdlog::sinks::stderr_color_sink_mt>();
    console->set_level(global.quiet ? spdlog::level::err
                                    : global.verbose ? spdlog::level::debug : spdlog::level::off);
    sinks.push_back(console);
    if (!log.file.empty()) {
        try {
            auto file = std::make_shared<spdlog::sinks::rotating_file_sink_mt>(log.file, log.max_file_bytes,
                                                                               static_cast<std::size_t>(log.max_files));
            file->set_level(spdlog::level::from_str(log.level));
            sinks.push_back(file);
        } catch (const spdlog::spdlog_ex& e) {
            std::cerr << "newswire: cannot write log file " << log.file << ": " << e.what() << '\n';
        }
    }
    auto logger = std::make_shared<spdlog::logger>("newswire", sinks.begin(), sinks.end());
    logger->set_level(spdlog::level::trace);
    spdlog::set_default_logger(logger);
}

// What every database command needs: the config, the open database, and (for commands that
// write) the run lock.
struct Session {
    Config config;
    std::optional<Database> database;
    std::optional<RunLock> lock;
};

// Returns the session, or the exit code to leave with (the reason already printed).
std::variant<Session, int> open_session(const GlobalOptions& global, bool exclusive) {
    auto config = load_config(global.config_path);
    if (!config) {
        std::cerr << "newswire: " << config.error().message << '\n';
        return k_exit_usage;
    }
    set_up_logging(global, config->log);
    Session session{std::move(*config), std::nullopt, std::nullopt};
    if (exclusive) {
        auto lock = RunLock::acquire(session.config.database);
        if (!lock) {
            std::cerr << "newswire: " << lock.error().message << '\n';
            return lock.error().code == ErrorCode::busy ? k_exit_busy : k_exit_database;
        }
        session.lock.emplace(std::move(*lock));
    }
    auto database = Database::open(session.config.database);
    if (!database) {
        std::cerr << "newswire: " << database.error().message << '\n';
        return k_exit_database;
    }
    session.database.emplace(std::move(*database));
    return session;
}

int report_outcome(const GlobalOptions& global, const Result<RunReport>& report) {
    if (!report) {
        std::cerr << "newswire: " << report.error().message << '\n';
        return report.error().code == ErrorCode::not_found ? k_exit_usage : k_exit_database;
    }
    spdlog::info("{}", report->summary());
    if (!report->any_failure()) {
        if (!global.quiet && isatty(STDOUT_FILENO)) std::cout << report->summary() << '\n';
        return k_exit_ok;
    }
    if (!global.quiet) {
        std::cerr << report->summary() << '\n';
        std::size_t shown = 0;
        for (const std::string& error : report->errors) {
            if (++shown > 20) {
                std::cerr << "  … and " << report->errors.size() - 20 << " more (see `newswire status`)\n";
                break;
            }
            std::cerr << "  " << error << '\n';
        }
    }
    bool all_feeds_failed = report->feeds_due > 0 && report->feeds_failed == report->feeds_due;
    return all_feeds_failed ? k_exit_all_feeds_failed : k_exit_partial;
}

nlohmann::json stored_json(const StoredArticle& stored) {
    nlohmann::json record = to_json(stored.article);
    record["id"] = stored.id;
    record["feeds"] = stored.feeds;
    record["revisions"] = stored.revisions;
    record["cluster_id"] = stored.cluster_id ? nlohmann::json(*stored.cluster_id) : nlohmann::json(nullptr);
    return record;
}

struct ArticleSession {
    Session session;
    std::int64_t article_id = 0;
};

// A read-only session and the article an argument names: an id (digits alone) or a URL that
// leads to it. Returns them, or the exit code to leave with (the reason already printed).
std::variant<ArticleSession, int> open_article_session(const GlobalOptions& global, const std::string& name) {
    auto session = open_session(global, false);
    if (auto* code = std::get_if<int>(&session)) return *code;
    ArticleSession opened{std::move(std::get<Session>(session))};
    if (!name.empty() && name.size() <= 18 && name.find_first_not_of("0123456789") == std::string::npos) {
        opened.article_id = std::stoll(name);
        return opened;
    }
    auto found = opened.session.database->find_article(name);
    if (!found) {
        std::cerr << "newswire: " << found.error().message << '\n';
        return k_exit_database;
    }
    if (!*found) {
        std::cerr << "newswire: no article has the URL " << name << '\n';
        return k_exit_partial;
    }
    opened.article_id = **found;
    return opened;
}

// Revision `n` of the list, or null after saying which revisions there are.
const ArticleRevision* find_revision(const std::vector<ArticleRevision>& revisions, int n, std::int64_t article_id) {
    for (const ArticleRevision& revision : revisions) {
        if (revision.n == n) return &revision;
    }
    std::cerr << "newswire: article " << article_id << " has no revision " << n;
    if (!revisions.empty()) {
        std::cerr << " (it has " << revisions.front().n;
        if (revisions.size() > 1) std::cerr << " to " << revisions.back().n;
        std::cerr << ')';
    }
    std::cerr << '\n';
    return nullptr;
}

std::string time_text(const std::optional<std::int64_t>& seconds) {
    return seconds ? to_iso8601(Timestamp{*seconds, 0}) : "never";
}

}  // namespace

int run_run(const GlobalOptions& global) {
    auto session = open_session(global, true);
    if (auto* code = std::get_if<int>(&session)) return *code;
    auto& s = std::get<Session>(session);
    Pipeline pipeline(s.config, *s.database);
    return report_outcome(global, pipeline.run());
}

int run_fetch(const GlobalOptions& global, const FetchCommandOptions& options) {
    auto session = open_session(global, true);
    if (auto* code = std::get_if<int>(&session)) return *code;
    auto& s = std::get<Session>(session);
    Pipeline pipeline(s.config, *s.database);
    return report_outcome(global, pipeline.fetch({options.force, options.feed, !options.no_pages}));
}

int run_parse(const GlobalOptions& global, const ParseCommandOptions& options) {
    PageSelection selection;
    selection.all = options.all;
    selection.feed_name = options.feed;
    selection.page_id = options.page;
    if (options.since) {
        auto since = parse_iso8601(*options.since);
        if (!since) {
            std::cerr << "newswire: --since must be an ISO 8601 date or time, not '" << *options.since << "'\n";
            return k_exit_usage;
        }
        selection.since = since->unix_seconds;
    }
    auto session = open_session(global, true);
    if (auto* code = std::get_if<int>(&session)) return *code;
    auto& s = std::get<Session>(session);
    Pipeline pipeline(s.config, *s.database);
    return report_outcome(global, pipeline.parse(selection));
}

int run_status(const GlobalOptions& global) {
    auto session = open_session(global, false);
    if (auto* code = std::get_if<int>(&session)) return *code;
    auto& s = std::get<Session>(session);
    auto status = s.database->status();
    auto feeds = s.database->feeds();
    if (!status || !feeds) {
        std::cerr << "newswire: " << (status ? feeds.error() : status.error()).message << '\n';
        return k_exit_database;
    }
    std::printf("database %s\n", s.config.database.c_str());
    std::printf("feeds %d (%d failing), items %d, pages %d (%d failed, %d pending), articles %d, revisions %d\n",
                status->feeds, status->feeds_failing, status->items, status->pages, status->pages_failed,
                status->pages_pending, status->articles, status->revisions);
    std::printf("%-24s %6s %6s %-25s %-25s %s\n", "feed", "status", "items", "last fetch", "next fetch", "last error");
    for (const FeedRow& feed : *feeds) {
        std::printf("%-24s %6ld %6d %-25s %-25s %s\n", feed.name.c_str(), feed.last_status, feed.item_count,
                    time_text(feed.last_fetch_at).c_str(), time_text(feed.next_fetch_at).c_str(),
                    feed.last_error.c_str());
    }
    for (const FeedRow& feed : *feeds) {
        if (!feed.moved_to.empty()) {
            std::printf("%s is fetched at %s (moved there, or named as the feed by the configured page); update "
                        "config.yaml\n",
                        feed.name.c_str(), feed.moved_to.c_str());
        }
        if (feed.gone_since) {
            std::printf("%s is gone (HTTP 410) since %s: not fetched again; remove it from config.yaml, or retry "
                        "with `newswire fetch --feed %s`\n",
                        feed.name.c_str(), time_text(feed.gone_since).c_str(), feed.name.c_str());
        }
    }
    return k_exit_ok;
}

int run_export(const GlobalOptions& global, const ExportCommandOptions& options) {
    if (options.format != "jsonl") {
        std::cerr << "newswire: export knows the format jsonl, not '" << options.format << "'\n";
        return k_exit_usage;
    }
    std::optional<std::int64_t> since;
    if (options.since) {
        auto time = parse_iso8601(*options.since);
        if (!time) {
            std::cerr << "newswire: --since must be an ISO 8601 date or time, not '" << *options.since << "'\n";
            return k_exit_usage;
        }
        since = time->unix_seconds;
    }
    auto session = open_session(global, false);
    if (auto* code = std::get_if<int>(&session)) return *code;
    auto& s = std::get<Session>(session);
    auto done = s.database->each_article(since, [](StoredArticle&& stored) {
        std::cout << stored_json(stored).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
        return static_cast<bool>(std::cout);
    });
    if (!done) {
        std::cerr << "newswire: " << done.error().message << '\n';
        return k_exit_database;
    }
    return k_exit_ok;
}

int run_show(const GlobalOptions& global, const ShowCommandOptions& options) {
    auto session = open_article_session(global, options.article);
    if (auto* code = std::get_if<int>(&session)) return *code;
    auto& [s, article_id] = std::get<ArticleSession>(session);
    auto article = s.database->article(article_id);
    if (!article) {
        std::cerr << "newswire: " << article.error().message << '\n';
        return k_exit_database;
    }
    if (!*article) {
        std::cerr << "newswire: no article with id " << article_id << '\n';
        return k_exit_partial;
    }
    nlohmann::json record = stored_json(**article);
    if (options.revision) {
        auto revisions = s.database->revisions(article_id);
        if (!revisions) {
            std::cerr << "newswire: " << revisions.error().message << '\n';
            return k_exit_database;
        }
        const ArticleRevision* revision = find_revision(*revisions, *options.revision, article_id);
        if (!revision) return k_exit_partial;
        record = stored_json(StoredArticle{article_id, revision->article, (*article)->feeds,
                                           (*article)->revisions, (*article)->cluster_id});
        record["revision"] = revision->n;
        record["stored_at"] = to_iso8601(Timestamp{revision->stored_at, 0});
    }
    std::cout << record.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
    return k_exit_ok;
}

int run_diff(const GlobalOptions& global, const DiffCommandOptions& options) {
    auto session = open_article_session(global, options.article);
    if (auto* code = std::get_if<int>(&session)) return *code;
    auto& [s, article_id] = std::get<ArticleSession>(session);
    auto revisions = s.database->revisions(article_id);
    if (!revisions) {
        std::cerr << "newswire: " << revisions.error().message << '\n';
        return k_exit_database;
    }
    if (revisions->empty()) {
        std::cerr << "newswire: no article with id " << article_id << '\n';
        return k_exit_partial;
    }
    if (revisions->size() == 1 && !options.from && !options.to) {
        std::cerr << "newswire: article " << article_id << " has one revision: nothing to compare\n";
        return k_exit_partial;
    }
    const int to_n = options.to.value_or(revisions->back().n);
    const int from_n = options.from.value_or(to_n - 1);
    const ArticleRevision* to = find_revision(*revisions, to_n, article_id);
    const ArticleRevision* from = to ? find_revision(*revisions, from_n, article_id) : nullptr;
    if (!from || !to) return k_exit_partial;
    std::cout << "--- article " << article_id << " revision " << from->n << ", stored "
              << to_iso8601(Timestamp{from->stored_at, 0}) << '\n'
              << "+++ article " << article_id << " revision " << to->n << ", stored "
              << to_iso8601(Timestamp{to->stored_at, 0}) << '\n'
              << unified_diff(article_lines(from->article), article_lines(to->article), options.words);
    return k_exit_ok;
}

int run_search(const GlobalOptions& global, const SearchCommandOptions& options) {
    auto session = open_session(global, false);
    if (auto* code = std::get_if<int>(&session)) return *code;
    auto& s = std::get<Session>(session);
    auto hits = s.database->search(options.query, options.limit);
    if (!hits) {
        std::cerr << "newswire: " << hits.error().message << '\n';
        return k_exit_database;
    }
    for (const SearchHit& hit : *hits) {
        std::printf("%6lld  %-25s  %s\n        %s\n        %s\n", static_cast<long long>(hit.article_id),
                    hit.published.c_str(), hit.headline.c_str(), hit.canonical_url.c_str(), hit.snippet.c_str());
    }
    if (hits->empty()) {
        if (!global.quiet) std::cerr << "newswire: no article matches '" << options.query << "'\n";
        return k_exit_partial;
    }
    return k_exit_ok;
}

int run_rebuild_clusters(const GlobalOptions& global) {
    auto session = open_session(global, true);
    if (auto* code = std::get_if<int>(&session)) return *code;
    auto& s = std::get<Session>(session);
    auto clusters = s.database->rebuild_clusters();
    if (!clusters) {
        std::cerr << "newswire: " << clusters.error().message << '\n';
        return k_exit_database;
    }
    if (!global.quiet) std::printf("%d clusters of near-duplicate articles\n", *clusters);
    return k_exit_ok;
}

}  // namespace newswire::cli

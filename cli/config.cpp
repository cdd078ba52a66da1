#include "cli/config.h"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <set>
#include <sstream>

#include <yaml-cpp/yaml.h>

#include "cli/opml.h"
#include "cli/site_rules_dir.h"
#include "core/url.h"

namespace newswire::cli {

namespace {

// Errors carry the location of the node they are about: "config.yaml:12: fetch.timeout: ...".
class Reader {
public:
    explicit Reader(std::string file) : m_file(std::move(file)) {}

    Error error(const YAML::Node& node, const std::string& key, const std::string& what) const {
        std::string where = m_file;
        if (node.IsDefined() && node.Mark().line >= 0) where += ":" + std::to_string(node.Mark().line + 1);
        return Error{ErrorCode::invalid_input, where + ": " + key + ": " + what};
    }

    // Every key of `map` must be in `known`; each known key present is handed to its handler.
    Result<void> read_map(const YAML::Node& map, const std::string& path,
                          const std::map<std::string, std::function<Result<void>(const YAML::Node&, const std::string&)>>& known) const {
        if (!map.IsMap()) return tl::unexpected(error(map, path.empty() ? "(top level)" : path, "must be a mapping"));
        for (const auto& entry : map) {
            std::string key = entry.first.as<std::string>();
            std::string full = path.empty() ? key : path + "." + key;
            auto handler = known.find(key);
            if (handler == known.end()) return tl::unexpected(error(entry.first, full, "unknown key"));
            if (auto result = handler->second(entry.second, full); !result) return result;
        }
        return {};
    }

    Result<std::string> string(const YAML::Node& node, const std::string& key) const {
        if (!node.IsScalar() || node.Scalar().empty()) return tl::unexpected(error(node, key, "must be a non-empty text"));
        return node.Scalar();
    }

    Result<long> integer(const YAML::Node& node, const std::string& key, long min, long max) const {
        long value = 0;
        const std::string text = node.IsScalar() ? node.Scalar() : std::string();
        auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
        if (text.empty() || ec != std::errc() || end != text.data() + text.size() || value < min || value > max) {
            return tl::unexpected(error(node, key, "must be a whole number from " + std::to_string(min) + " to " +
                                                       std::to_string(max) + ", not '" + text + "'"));
        }
        return value;
    }

    Result<bool> boolean(const YAML::Node& node, const std::string& key) const {
        const std::string text = node.IsScalar() ? node.Scalar() : std::string();
        if (text == "true" || text == "yes" || text == "on") return true;
        if (text == "false" || text == "no" || text == "off") return false;
        return tl::unexpected(error(node, key, "must be true or false, not '" + text + "'"));
    }

    // A pause may be no pause at all (`allow_zero`); a timeout or an interval may not.
    Result<std::chrono::milliseconds> duration(const YAML::Node& node, const std::string& key,
                                               bool allow_zero = false) const {
        auto value = node.IsScalar() ? parse_duration(node.Scalar()) : std::nullopt;
        if (!value) return tl::unexpected(error(node, key, "must be a duration such as 500ms, 10s, 15m, 6h or 1d"));
        if (value->count() == 0 && !allow_zero) {
            return tl::unexpected(error(node, key, "must be longer than 0, such as 500ms, 10s, 15m, 6h or 1d"));
        }
        return *value;
    }

    Result<std::size_t> size(const YAML::Node& node, const std::string& key) const {
        auto value = node.IsScalar() ? parse_size(node.Scalar()) : std::nullopt;
        if (!value || *value == 0) return tl::unexpected(error(node, key, "must be a size such as 512KiB or 10MiB"));
        return *value;
    }

    const std::string& file() const { return m_file; }

private:
    std::string m_file;
};

using Handlers = std::map<std::string, std::function<Result<void>(const YAML::Node&, const std::string&)>>;

// Binds a Reader method's result to a config field.
template <typename T, typename Read>
auto into(T& field, Read read) {
    return [&field, read](const YAML::Node& node, const std::string& key) -> Result<void> {
        auto value = read(node, key);
        if (!value) return tl::unexpected(value.error());
        field = static_cast<T>(*value);
        return {};
    };
}

// Each entry is checked by the fetcher's own parser, so what the config accepts is exactly what
// the fetcher understands.
Result<void> read_networks(const Reader& r, const YAML::Node& node, const std::string& key, FetchOptions& fetch) {
    if (!node.IsSequence()) return tl::unexpected(r.error(node, key, "must be a list of networks such as 10.1.0.0/16"));
    for (std::size_t i = 0; i < node.size(); ++i) {
        std::string path = key + "[" + std::to_string(i) + "]";
        auto network = r.string(node[i], path);
        if (!network) return tl::unexpected(network.error());
        FetchOptions probe;
        probe.allowed_networks = {*network};
        try {
            Fetcher check(probe);
        } catch (const std::invalid_argument& e) {
            return tl::unexpected(r.error(node[i], path, std::string("not a network: ") + e.what()));
        }
        fetch.allowed_networks.push_back(*network);
    }
    return {};
}

Result<void> read_fetch(const Reader& r, const YAML::Node& node, const std::string& key, FetchOptions& fetch) {
    auto string = [&](auto& n, auto& k) { return r.string(n, k); };
    auto duration = [&](auto& n, auto& k) { return r.duration(n, k); };
    auto pause = [&](auto& n, auto& k) { return r.duration(n, k, true); };
    auto count = [&](auto& n, auto& k) { return r.integer(n, k, 1, 256); };
    Handlers handlers{
        {"concurrency", into(fetch.concurrency, count)},
        {"per_host_concurrency", into(fetch.per_host_concurrency, count)},
        {"per_host_interval", into(fetch.per_host_interval, pause)},
        {"timeout", into(fetch.timeout, duration)},
        {"connect_timeout", into(fetch.connect_timeout, duration)},
        {"max_body_bytes", into(fetch.max_body_bytes, [&](auto& n, auto& k) { return r.size(n, k); })},
        {"max_redirects", into(fetch.max_redirects, [&](auto& n, auto& k) { return r.integer(n, k, 0, 20); })},
        {"retries", into(fetch.retries, [&](auto& n, auto& k) { return r.integer(n, k, 0, 10); })},
        {"retry_delay", into(fetch.retry_delay, pause)},
        {"user_agent", into(fetch.user_agent, string)},
        {"allow_private_addresses", into(fetch.allow_private_addresses, [&](auto& n, auto& k) { return r.boolean(n, k); })},
        {"allowed_networks", [&](const YAML::Node& n, const std::string& k) { return read_networks(r, n, k, fetch); }},
        {"min_speed_bytes_per_second", into(fetch.min_speed_bytes_per_second, [&](auto& n, auto& k) { return r.integer(n, k, 0, 1L << 30); })},
        {"min_speed_window", into(fetch.min_speed_window, duration)},
        {"max_retry_after", into(fetch.max_retry_after, duration)},
        {"robots_txt", into(fetch.robots_txt, [&](auto& n, auto& k) { return r.boolean(n, k); })},
    };
    return r.read_map(node, key, handlers);
}

Result<void> read_schedule(const Reader& r, const YAML::Node& node, const std::string& key, ScheduleConfig& schedule) {
    auto seconds = [&](auto& n, auto& k) -> Result<std::chrono::seconds> {
        return r.duration(n, k).map([](auto ms) { return std::chrono::duration_cast<std::chrono::seconds>(ms); });
    };
    // A duration, or "forever" (0).
    auto retention = [&](auto& n, auto& k) -> Result<std::chrono::seconds> {
        if (n.IsScalar() && n.Scalar() == "forever") return std::chrono::seconds(0);
        return seconds(n, k);
    };
    Handlers handlers{
        {"default_interval", into(schedule.default_interval, seconds)},
        {"backoff_cap", into(schedule.backoff_cap, seconds)},
        {"raw_body_retention", into(schedule.raw_body_retention, retention)},
        {"fetch_log_retention", into(schedule.fetch_log_retention, retention)},
        {"max_pages_per_run", into(schedule.max_pages_per_run, [&](auto& n, auto& k) { return r.integer(n, k, 0, 1000000); })},
        {"page_revisits", [&](const YAML::Node& n, const std::string& k) -> Result<void> {
             if (!n.IsSequence()) return tl::unexpected(r.error(n, k, "must be a list of durations such as [1h, 6h, 1d], or []"));
             schedule.page_revisits.clear();
             for (std::size_t i = 0; i < n.size(); ++i) {
                 const YAML::Node entry = n[i];
                 const std::string path = k + "[" + std::to_string(i) + "]";
                 auto wait = seconds(entry, path);
                 if (!wait) return tl::unexpected(wait.error());
                 schedule.page_revisits.push_back(*wait);
             }
             return {};
         }},
    };
    return r.read_map(node, key, handlers);
}

Result<void> read_log(const Reader& r, const YAML::Node& node, const std::string& key, LogConfig& log) {
    auto level = [&](const YAML::Node& n, const std::string& k) -> Result<std::string> {
        static const std::set<std::string> k_levels{"trace", "debug", "info", "warn", "error", "off"};
        if (!n.IsScalar() || !k_levels.count(n.Scalar())) {
            return tl::unexpected(r.error(n, k, "must be one of trace, debug, info, warn, error, off"));
        }
        return n.Scalar();
    };
    Handlers handlers{
        {"file", into(log.file, [&](auto& n, auto& k) { return r.string(n, k); })},
        {"level", into(log.level, level)},
        {"max_file_bytes", into(log.max_file_bytes, [&](auto& n, auto& k) { return r.size(n, k); })},
        {"max_files", into(log.max_files, [&](auto& n, auto& k) { return r.integer(n, k, 1, 100); })},
    };
    return r.read_map(node, key, handlers);
}

std::string relative_to(const std::string& path, std::string_view config_file) {
    std::filesystem::path p(path);
    if (p.is_absolute() || config_file.empty()) return path;
    return (std::filesystem::path(config_file).parent_path() / p).lexically_normal().string();
}

// `parse: site_rules: DIR`: the folder (relative to the config file) is read now, so that a
// broken rule stops the run before it starts.
Result<void> read_site_rules_dir(const Reader& r, const YAML::Node& node, const std::string& key, ParseConfig& parse) {
    auto dir = r.string(node, key);
    if (!dir) return tl::unexpected(dir.error());
    auto rules = load_site_rules(relative_to(*dir, r.file()));
    if (!rules) return tl::unexpected(r.error(node, key, rules.error().message));
    parse.site_rules = std::move(*rules);
    return {};
}

// The feeds of an `opml:` entry, named after their outlines; a name used already falls back to
// the URL, and a feed listed twice is taken once.
Result<void> add_opml_feeds(const Reader& r, const YAML::Node& entry, const std::string& path, const std::string& file,
                            std::chrono::seconds interval, std::set<std::string>& names, std::vector<FeedConfig>& feeds) {
    auto listed = load_opml(relative_to(file, r.file()));
    if (!listed) return tl::unexpected(r.error(entry["opml"], path + ".opml", listed.error().message));
    for (FeedConfig& feed : *listed) {
        auto same_url = [&](const FeedConfig& known) { return known.url == feed.url; };
        if (std::any_of(feeds.begin(), feeds.end(), same_url)) continue;
        if (names.contains(feed.name)) feed.name = feed.url;
        if (!names.insert(feed.name).second) continue;
        feed.interval = interval;
        feeds.push_back(std::move(feed));
    }
    return {};
}

Result<void> read_feeds(const Reader& r, const YAML::Node& node, const std::string& key, std::vector<FeedConfig>& feeds) {
    if (!node.IsSequence()) return tl::unexpected(r.error(node, key, "must be a list of feeds"));
    std::set<std::string> names;
    for (std::size_t i = 0; i < node.size(); ++i) {
        const YAML::Node& entry = node[i];
        std::string path = key + "[" + std::to_string(i) + "]";
        FeedConfig feed;
        std::string opml;
        Handlers handlers{
            {"name", into(feed.name, [&](auto& n, auto& k) { return r.string(n, k); })},
            {"url", into(feed.url, [&](auto& n, auto& k) { return r.string(n, k); })},
            {"opml", into(opml, [&](auto& n, auto& k) { return r.string(n, k); })},
            {"interval", into(feed.interval, [&](auto& n, auto& k) -> Result<std::chrono::seconds> {
                 return r.duration(n, k).map([](auto ms) { return std::chrono::duration_cast<std::chrono::seconds>(ms); });
             })},
        };
        if (auto result = r.read_map(entry, path, handlers); !result) return result;
        if (!opml.empty()) {
            if (!feed.url.empty() || !feed.name.empty()) {
                return tl::unexpected(r.error(entry, path, "an opml entry takes only an interval besides the file"));
            }
            if (auto added = add_opml_feeds(r, entry, path, opml, feed.interval, names, feeds); !added) return added;
            continue;
        }
        if (feed.url.empty()) return tl::unexpected(r.error(entry, path, "needs a url (or an opml file)"));
        if (!is_http_url(feed.url)) return tl::unexpected(r.error(entry["url"], path + ".url", "must be an http or https URL, not '" + feed.url + "'"));
        if (feed.name.empty()) feed.name = feed.url;
        if (!names.insert(feed.name).second) return tl::unexpected(r.error(entry, path + ".name", "'" + feed.name + "' is used twice"));
        feeds.push_back(std::move(feed));
    }
    return {};
}

}  // namespace

std::optional<std::chrono::milliseconds> parse_duration(std::string_view text) {
    long long value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end == text.data() || value < 0) return std::nullopt;
    std::string_view unit(end, static_cast<std::size_t>(text.data() + text.size() - end));
    static const std::map<std::string_view, long long> k_units{
        {"ms", 1}, {"s", 1000}, {"m", 60'000}, {"min", 60'000}, {"h", 3'600'000}, {"d", 86'400'000}};
    auto it = k_units.find(unit);
    if (it == k_units.end() || value > (1LL << 40) / it->second) return std::nullopt;
    return std::chrono::milliseconds(value * it->second);
}

std::optional<std::size_t> parse_size(std::string_view text) {
    unsigned long long value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end == text.data()) return std::nullopt;
    std::string_view unit(end, static_cast<std::size_t>(text.data() + text.size() - end));
    static const std::map<std::string_view, unsigned long long> k_units{
        {"", 1}, {"B", 1}, {"KiB", 1024}, {"MiB", 1024 * 1024}, {"GiB", 1024ULL * 1024 * 1024},
        {"kB", 1000}, {"KB", 1000}, {"MB", 1'000'000}, {"GB", 1'000'000'000}};
    auto it = k_units.find(unit);
    if (it == k_units.end() || value > (1ULL << 40) / it->second) return std::nullopt;
    return static_cast<std::size_t>(value * it->second);
}

Result<Config> parse_config(std::string_view yaml, std::string_view file_name) {
    Reader r{std::string(file_name)};
    YAML::Node root;
    try {
        root = YAML::Load(std::string(yaml));
    } catch (const YAML::Exception& e) {
        return fail(ErrorCode::invalid_input, std::string(file_name) + ":" + std::to_string(e.mark.line + 1) +
                                                  ": not valid YAML: " + e.msg);
    }
    Config config;
    Handlers handlers{
        {"database", into(config.database, [&](auto& n, auto& k) { return r.string(n, k); })},
        {"fetch", [&](const YAML::Node& n, const std::string& k) { return read_fetch(r, n, k, config.fetch); }},
        {"schedule", [&](const YAML::Node& n, const std::string& k) { return read_schedule(r, n, k, config.schedule); }},
        {"parse", [&](const YAML::Node& n, const std::string& k) {
             Handlers parse{{"threads", into(config.parse.threads, [&](auto& v, auto& key) {
                                 return r.integer(v, key, 0, 256).map([](long threads) { return static_cast<unsigned>(threads); });
                             })},
                            {"site_rules", [&](const YAML::Node& v, const std::string& key) {
                                 return read_site_rules_dir(r, v, key, config.parse);
                             }}};
             return r.read_map(n, k, parse);
         }},
        {"log", [&](const YAML::Node& n, const std::string& k) { return read_log(r, n, k, config.log); }},
        {"feeds", [&](const YAML::Node& n, const std::string& k) { return read_feeds(r, n, k, config.feeds); }},
    };
    try {
        if (auto result = r.read_map(root, "", handlers); !result) return tl::unexpected(result.error());
    } catch (const YAML::Exception& e) {
        return fail(ErrorCode::invalid_input, std::string(file_name) + ":" + std::to_string(e.mark.line + 1) + ": " + e.msg);
    }
    config.database = relative_to(config.database, file_name);
    if (!config.log.file.empty()) config.log.file = relative_to(config.log.file, file_name);
    return config;
}

Result<Config> load_config(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return fail(ErrorCode::not_found, "cannot open config " + path + ": " + std::strerror(errno));
    std::ostringstream text;
    text << in.rdbuf();
    return parse_config(text.str(), path);
}

}  // namespace newswire::cli

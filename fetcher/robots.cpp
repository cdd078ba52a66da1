#include "fetcher/robots.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <memory>

#include <curl/curl.h>

#include "core/text.h"

namespace newswire {
namespace {

constexpr std::size_t k_max_robots_bytes = 512 * 1024;
constexpr std::size_t k_max_pattern_bytes = 2048;
constexpr std::size_t k_max_rules = 10000;

std::string_view trim_blank(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) text.remove_suffix(1);
    return text;
}

// "newswire" of "newswire/0.1 (+https://...)", lower-case.
std::string product_token(std::string_view user_agent) {
    user_agent = trim_blank(user_agent);
    std::size_t end = user_agent.find_first_of("/ \t");
    return to_lower_ascii(user_agent.substr(0, end));
}

// Does `path` match `pattern` from its start? "*" matches any run of characters; a final "$"
// anchors the end. With no other wildcard, taking each literal piece between stars at its
// leftmost place is never wrong, and memmem finds each in linear time: a hostile rule such as
// "/*aaaa…ab" costs no more than a plain one (backtracking over the stars cost path x pattern).
bool matches(std::string_view pattern, std::string_view path) {
    bool anchored = !pattern.empty() && pattern.back() == '$';
    if (anchored) pattern.remove_suffix(1);
    std::size_t star = pattern.find('*');
    if (!path.starts_with(pattern.substr(0, star))) return false;
    if (star == std::string_view::npos) return !anchored || path.size() == pattern.size();
    std::size_t at = star;
    std::string_view rest = pattern.substr(star + 1);
    std::string_view last;  // an anchored pattern's piece after its final star ends the path
    if (anchored) {
        std::size_t final_star = rest.rfind('*');
        last = final_star == std::string_view::npos ? rest : rest.substr(final_star + 1);
        rest = final_star == std::string_view::npos ? std::string_view() : rest.substr(0, final_star);
    }
    while (!rest.empty()) {
        std::size_t next = rest.find('*');
        std::string_view piece = rest.substr(0, next);
        rest.remove_prefix(next == std::string_view::npos ? rest.size() : next + 1);
        if (piece.empty()) continue;
        const void* found = memmem(path.data() + at, path.size() - at, piece.data(), piece.size());
        if (!found) return false;
        at = static_cast<std::size_t>(static_cast<const char*>(found) - path.data()) + piece.size();
    }
    return !anchored || (path.size() - at >= last.size() && path.ends_with(last));
}

// RFC 9309 compares octets percent-encoded: bytes outside ASCII are encoded, and the hex digits
// of an encoding are upper-cased, so "/caf%c3%a9", "/caf%C3%A9" and "/café" are one path.
std::string percent_normalised(std::string_view text) {
    static constexpr char k_hex[] = "0123456789ABCDEF";
    auto is_hex = [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; };
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        auto byte = static_cast<unsigned char>(text[i]);
        if (byte == '%' && i + 2 < text.size() && is_hex(text[i + 1]) && is_hex(text[i + 2])) {
            out += '%';
            out += static_cast<char>(std::toupper(static_cast<unsigned char>(text[i + 1])));
            out += static_cast<char>(std::toupper(static_cast<unsigned char>(text[i + 2])));
            i += 2;
        } else if (byte >= 0x80) {
            out += '%';
            out += k_hex[byte >> 4];
            out += k_hex[byte & 0x0F];
        } else {
            out += static_cast<char>(byte);
        }
    }
    return out;
}

struct Group {
    std::vector<std::string> agents;
    std::vector<std::pair<std::string, bool>> rules;
};

std::vector<Group> read_groups(std::string_view text) {
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    std::vector<Group> groups;
    bool in_rules = false;
    while (!text.empty()) {
        std::size_t end = text.find('\n');
        std::string_view line = text.substr(0, end);
        text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
        line = trim_blank(line.substr(0, line.find('#')));
        std::size_t colon = line.find(':');
        if (colon == std::string_view::npos) continue;
        std::string key = to_lower_ascii(trim_blank(line.substr(0, colon)));
        std::string_view value = trim_blank(line.substr(colon + 1));
        if (key == "user-agent") {
            if (groups.empty() || in_rules) groups.emplace_back();
            in_rules = false;
            groups.back().agents.push_back(to_lower_ascii(value));
        } else if (key == "allow" || key == "disallow") {
            in_rules = true;
            if (groups.empty() || value.empty() || value.size() > k_max_pattern_bytes) continue;
            groups.back().rules.emplace_back(percent_normalised(value), key == "allow");
        }
    }
    return groups;
}

}  // namespace

RobotsRules RobotsRules::disallow_all() {
    RobotsRules rules;
    rules.m_rules.push_back({"/", false});
    return rules;
}

RobotsRules RobotsRules::unreachable(std::string why) {
    RobotsRules rules = disallow_all();
    rules.m_unreachable = true;
    rules.m_why = std::move(why);
    return rules;
}

RobotsRules RobotsRules::parse(std::string_view text, std::string_view user_agent) {
    std::vector<Group> groups = read_groups(text.substr(0, k_max_robots_bytes));
    std::string token = product_token(user_agent);
    auto names = [](const Group& group, std::string_view agent) {
        return std::find(group.agents.begin(), group.agents.end(), agent) != group.agents.end();
    };
    bool ours = !token.empty() && std::any_of(groups.begin(), groups.end(),
                                              [&](const Group& group) { return names(group, token); });
    RobotsRules rules;
    for (const Group& group : groups) {
        if (!names(group, ours ? std::string_view(token) : std::string_view("*"))) continue;
        for (const auto& [pattern, allow] : group.rules) {
            if (rules.m_rules.size() < k_max_rules) rules.m_rules.push_back({pattern, allow});
        }
    }
    return rules;
}

bool RobotsRules::allows(std::string_view raw_path) const {
    if (raw_path == "/robots.txt" && !m_unreachable) return true;
    std::string path = percent_normalised(raw_path);
    const Rule* best = nullptr;
    for (const Rule& rule : m_rules) {
        if (!matches(rule.pattern, path)) continue;
        if (!best || rule.pattern.size() > best->pattern.size() ||
            (rule.pattern.size() == best->pattern.size() && rule.allow)) {
            best = &rule;
        }
    }
    return !best || best->allow;
}

namespace {

bool unreachable(const FetchResponse& response) {
    if (response.status >= 500 || response.status == 429) return true;
    return response.status == 0 && response.error && response.error->code == ErrorCode::network;
}

}  // namespace

RobotsRules robots_rules_from(const FetchResponse& response, std::string_view user_agent) {
    if (unreachable(response)) {
        return RobotsRules::unreachable(response.error ? response.error->message
                                                       : "HTTP " + std::to_string(response.status));
    }
    if (response.status >= 200 && response.status < 300 && !response.error) {
        return RobotsRules::parse(response.body, user_agent);
    }
    return RobotsRules::allow_all();
}

std::int64_t robots_lifetime_seconds(const FetchResponse& response) {
    return unreachable(response) ? 0 : 24 * 3600;
}

std::optional<RobotsTarget> robots_target(std::string_view url) {
    std::unique_ptr<CURLU, decltype(&curl_url_cleanup)> handle(curl_url(), &curl_url_cleanup);
    if (!handle || curl_url_set(handle.get(), CURLUPART_URL, std::string(url).c_str(), 0) != CURLUE_OK) {
        return std::nullopt;
    }
    auto part = [&](CURLUPart which, unsigned flags = 0) -> std::optional<std::string> {
        char* value = nullptr;
        if (curl_url_get(handle.get(), which, &value, flags) != CURLUE_OK || !value) return std::nullopt;
        std::string text(value);
        curl_free(value);
        return text;
    };
    auto scheme = part(CURLUPART_SCHEME);
    auto host = part(CURLUPART_HOST);
    if (!scheme || !host || (*scheme != "http" && *scheme != "https")) return std::nullopt;
    RobotsTarget target;
    target.origin = *scheme + "://" + *host;
    if (auto port = part(CURLUPART_PORT)) target.origin += ":" + *port;
    target.path = part(CURLUPART_PATH).value_or("/");
    if (auto query = part(CURLUPART_QUERY)) target.path += "?" + *query;
    return target;
}

}  // namespace newswire

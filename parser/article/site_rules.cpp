#include "parser/article/site_rules.h"

#include <cctype>

#include <yaml-cpp/yaml.h>

#include "parser/article/site_rule_files.h"

namespace newswire {
namespace {

Error rule_error(std::string_view file_name, const YAML::Mark& mark, std::string_view what) {
    std::string where(file_name);
    if (!mark.is_null()) where += ":" + std::to_string(mark.line + 1);
    return Error{ErrorCode::invalid_input, where + ": " + std::string(what)};
}

// "div.article__text" -> {div, article__text}; ".article__source" and "article" as well.
Result<ClassSelector> read_selector(std::string_view text) {
    std::size_t dot = text.find('.');
    ClassSelector selector{std::string(text.substr(0, dot)), dot == std::string_view::npos ? "" : std::string(text.substr(dot + 1))};
    auto plain = [](const std::string& part) {
        return part.find_first_of(" .#[]>:,") == std::string::npos;
    };
    if ((selector.tag.empty() && selector.class_prefix.empty()) || !plain(selector.tag) || !plain(selector.class_prefix)) {
        return fail(ErrorCode::invalid_input, "\"" + std::string(text) + "\" is no selector (write tag.class-prefix, .class-prefix or tag)");
    }
    for (char& c : selector.tag) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return selector;
}

Result<std::vector<std::string>> read_strings(std::string_view file_name, const YAML::Node& node, std::string_view key) {
    if (!node.IsSequence()) return tl::unexpected(rule_error(file_name, node.Mark(), std::string(key) + " must be a list"));
    std::vector<std::string> out;
    for (const YAML::Node& entry : node) {
        if (!entry.IsScalar() || entry.Scalar().empty()) {
            return tl::unexpected(rule_error(file_name, entry.Mark(), std::string(key) + " entries must be non-empty text"));
        }
        out.push_back(entry.Scalar());
    }
    return out;
}

Result<std::vector<ClassSelector>> read_selectors(std::string_view file_name, const YAML::Node& node, std::string_view key) {
    auto texts = read_strings(file_name, node, key);
    if (!texts) return tl::unexpected(texts.error());
    std::vector<ClassSelector> out;
    for (const std::string& text : *texts) {
        auto selector = read_selector(text);
        if (!selector) return tl::unexpected(rule_error(file_name, node.Mark(), std::string(key) + ": " + selector.error().message));
        out.push_back(std::move(*selector));
    }
    return out;
}

Result<HeadlineSource> read_headline_source(std::string_view file_name, const YAML::Node& node) {
    std::string value = node.IsScalar() ? node.Scalar() : "";
    if (value == "og:title") return HeadlineSource::og_title;
    if (value == "json-ld") return HeadlineSource::json_ld;
    if (value == "h1") return HeadlineSource::h1;
    return tl::unexpected(rule_error(file_name, node.Mark(), "headline must be og:title, json-ld or h1"));
}

Result<void> read_key(std::string_view file_name, const std::string& key, const YAML::Node& value, SiteRule& rule) {
    if (key == "hosts") {
        auto hosts = read_strings(file_name, value, key);
        if (!hosts) return tl::unexpected(hosts.error());
        rule.host_suffixes = std::move(*hosts);
        return {};
    }
    if (key == "headline") {
        auto source = read_headline_source(file_name, value);
        if (!source) return tl::unexpected(source.error());
        rule.headline = *source;
        return {};
    }
    std::vector<ClassSelector>* target = key == "body" ? &rule.body : key == "lead" ? &rule.lead : key == "drop" ? &rule.drop : nullptr;
    if (!target) return tl::unexpected(rule_error(file_name, value.Mark(), "unknown key \"" + key + "\" (known: hosts, body, lead, drop, headline)"));
    auto selectors = read_selectors(file_name, value, key);
    if (!selectors) return tl::unexpected(selectors.error());
    *target = std::move(*selectors);
    return {};
}

struct BuiltIn {
    std::vector<SiteRule> rules;
    std::vector<Error> errors;
};

const BuiltIn& built_in() {
    static const BuiltIn table = [] {
        BuiltIn out;
        for (const EmbeddedFile& file : site_rule_file_texts()) {
            auto rule = read_site_rule(file.name, file.text);
            if (rule) out.rules.push_back(std::move(*rule));
            else out.errors.push_back(rule.error());
        }
        return out;
    }();
    return table;
}

bool host_matches(std::string_view host, std::string_view suffix) {
    if (!host.ends_with(suffix)) return false;
    return host.size() == suffix.size() || host[host.size() - suffix.size() - 1] == '.';
}

const SiteRule* rule_for(const std::vector<SiteRule>& rules, std::string_view host) {
    for (const SiteRule& rule : rules) {
        for (const std::string& suffix : rule.host_suffixes) {
            if (host_matches(host, suffix)) return &rule;
        }
    }
    return nullptr;
}

}  // namespace

Result<SiteRule> read_site_rule(std::string_view file_name, std::string_view yaml) {
    SiteRule rule;
    try {
        YAML::Node root = YAML::Load(std::string(yaml));
        if (!root.IsMap()) return tl::unexpected(rule_error(file_name, root.Mark(), "a site rule file is a map of keys"));
        for (const auto& entry : root) {
            auto read = read_key(file_name, entry.first.as<std::string>(), entry.second, rule);
            if (!read) return tl::unexpected(read.error());
        }
    } catch (const YAML::Exception& e) {
        return tl::unexpected(rule_error(file_name, e.mark, e.msg));
    }
    if (rule.host_suffixes.empty()) return tl::unexpected(rule_error(file_name, YAML::Mark::null_mark(), "hosts is missing"));
    return rule;
}

Result<void> SiteRules::add(std::string_view file_name, std::string_view yaml) {
    auto rule = read_site_rule(file_name, yaml);
    if (!rule) return tl::unexpected(rule.error());
    m_rules.push_back(std::move(*rule));
    return {};
}

const SiteRule* SiteRules::find(const SiteRules* user, std::string_view host) {
    if (host.empty()) return nullptr;
    if (user) {
        if (const SiteRule* rule = rule_for(user->m_rules, host)) return rule;
    }
    return rule_for(built_in().rules, host);
}

std::vector<std::string> site_rule_files() {
    std::vector<std::string> names;
    for (const EmbeddedFile& file : site_rule_file_texts()) names.emplace_back(file.name);
    return names;
}

std::vector<Error> site_rule_errors() { return built_in().errors; }

}  // namespace newswire

#include "parser/article/meta_headline.h"

#include <array>
#include <cctype>
#include <vector>

#include "core/text.h"
#include "parser/article/meta_text.h"

namespace newswire {

namespace {

constexpr std::array<std::string_view, 9> k_separators{
    " | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " \xC2\xB7 ", " :: ", " // ", " \xC2\xBB ", ": "};

// Lower-case letters and digits only: "n-tv.de" -> "ntvde".
std::string squash(std::string_view text) {
    std::string out;
    for (char c : text) {
        unsigned char u = static_cast<unsigned char>(c);
        if (std::isalnum(u) || u >= 0x80) out += static_cast<char>(std::tolower(u));
    }
    return out;
}

std::string brand_of(std::string_view host) {
    if (host.starts_with("www.")) host.remove_prefix(4);
    std::size_t dot = host.rfind('.');
    if (dot != std::string_view::npos) host = host.substr(0, dot);
    dot = host.rfind('.');
    if (dot != std::string_view::npos) host = host.substr(dot + 1);  // "edition.cnn" -> "cnn"
    return squash(host);
}

bool names_site(std::string_view part, std::string_view site_name, std::string_view brand) {
    std::string squashed = squash(part);
    if (squashed.empty()) return false;
    std::string site = squash(site_name);
    if (!site.empty() && (squashed == site || (squashed.size() <= site.size() + 8 && squashed.find(site) != std::string::npos))) {
        return true;
    }
    return brand.size() >= 2 && squashed.find(brand) != std::string::npos && squashed.size() <= brand.size() + 12;
}


}  // namespace

std::string strip_site_name(std::string_view title, std::string_view site_name, std::string_view host) {
    std::string brand = brand_of(host);
    std::string out = fold_whitespace(title);
    for (int round = 0; round < 2; ++round) {
        bool changed = false;
        for (std::string_view separator : k_separators) {
            std::size_t at = out.rfind(separator);
            if (at != std::string::npos && at > 0 && separator != ": " &&
                names_site(std::string_view(out).substr(at + separator.size()), site_name, brand)) {
                out = std::string(trim(std::string_view(out).substr(0, at)));
                changed = true;
                break;
            }
            at = out.find(separator);
            if (at != std::string::npos && at > 0 && names_site(std::string_view(out).substr(0, at), site_name, brand)) {
                out = std::string(trim(std::string_view(out).substr(at + separator.size())));
                changed = true;
                break;
            }
        }
        if (!changed) break;
    }
    return out;
}

std::string choose_headline(const HeadlineCandidates& candidates, std::string_view site_name,
                            std::string_view host) {
    std::vector<std::string> ordered;
    for (const std::string* raw : {&candidates.json_ld, &candidates.og_title, &candidates.twitter_title}) {
        ordered.push_back(strip_site_name(*raw, site_name, host));
    }
    for (const std::string& h1 : candidates.h1s) ordered.push_back(fold_whitespace(h1));
    ordered.push_back(strip_site_name(candidates.title, site_name, host));
    std::string base;
    for (const std::string& candidate : ordered) {
        if (!candidate.empty()) {
            base = candidate;
            break;
        }
    }
    // A kicker joined to the headline ("Kicker: Headline") gives way to the headline alone;
    // a truncated one ("Headline mit …") to the full one.
    for (int round = 0; round < 3; ++round) {
        bool changed = false;
        for (const std::string& other : ordered) {
            if (other.empty() || other.size() >= base.size()) continue;
            std::string_view rest = std::string_view(base).substr(0, base.size() - other.size());
            bool suffix = std::string_view(base).substr(rest.size()) == other;
            if (suffix && (rest.ends_with(": ") || rest.ends_with(" - ") || rest.ends_with(" | ") ||
                           rest.ends_with("\xE2\x80\x93 "))) {
                base = other;
                changed = true;
            }
        }
        if (!changed) break;
    }
    std::string_view stem = trim(base, " .\xE2\x80\xA6");
    if (base.ends_with("...") || base.ends_with("\xE2\x80\xA6")) {
        for (const std::string& other : ordered) {
            if (other.size() > base.size() && std::string_view(other).starts_with(stem)) return other;
        }
    }
    return base;
}

}  // namespace newswire

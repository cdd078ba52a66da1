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

// Lower-case letters and digits only, German umlauts transliterated: "Börsen-Zeitung" ->
// "boersenzeitung", "n-tv.de" -> "ntvde".
std::string squash(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        unsigned char u = static_cast<unsigned char>(text[i]);
        if (u == 0xC3 && i + 1 < text.size()) {
            unsigned char next = static_cast<unsigned char>(text[i + 1]);
            const char* replacement = (next == 0xA4 || next == 0x84) ? "ae"
                                      : (next == 0xB6 || next == 0x96) ? "oe"
                                      : (next == 0xBC || next == 0x9C) ? "ue"
                                      : next == 0x9F ? "ss" : nullptr;
            if (replacement) {
                out += replacement;
                ++i;
                continue;
            }
        }
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
    if (!site.empty() && (squashed == site || (squashed.size() <= site.size() + 8 && squashed.find(site) != std::string::npos) ||
                          (squashed.size() >= 4 && site.find(squashed) != std::string::npos))) {
        return true;
    }
    if (brand.size() < 2) return false;
    return (squashed.find(brand) != std::string::npos && squashed.size() <= brand.size() + 12) ||
           (squashed.ends_with(brand) && squashed.size() <= brand.size() + 24);
}


// "Kicker A: Headline" where another source says "Kicker B - Headline": the kickers differ,
// the headline is what they share.
std::string without_differing_kickers(const std::string& best, const std::array<std::string, 3>& voters) {
    std::size_t colon = best.find(": ");
    if (colon == std::string::npos) return best;
    std::string_view rest = std::string_view(best).substr(colon + 2);
    if (rest.size() < 12) return best;
    for (const std::string& other : voters) {
        if (other.size() <= rest.size() || !std::string_view(other).ends_with(rest)) continue;
        std::string_view kicker = std::string_view(other).substr(0, other.size() - rest.size());
        if (kicker.ends_with(": ") || kicker.ends_with(" - ") || kicker.ends_with(" | ") ||
            kicker.ends_with("\xE2\x80\x93 ")) {
            if (squash(kicker) != squash(std::string_view(best).substr(0, colon))) return std::string(rest);
        }
    }
    return best;
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
    std::array<std::string, 3> voters{strip_site_name(candidates.og_title, site_name, host),
                                      strip_site_name(candidates.json_ld, site_name, host),
                                      fold_whitespace(candidates.main_h1)};
    std::string best;
    int best_votes = 0;
    for (const std::string& voter : voters) {
        if (voter.empty()) continue;
        int votes = 0;
        for (const std::string& other : voters) votes += !other.empty() && squash(other) == squash(voter);
        if (votes > best_votes) {
            best = voter;
            best_votes = votes;
        }
    }
    if (!best.empty()) return without_differing_kickers(best, voters);
    for (const std::string& h1 : candidates.h1s) {
        std::string folded = fold_whitespace(h1);
        if (!folded.empty()) return folded;
    }
    std::string twitter = strip_site_name(candidates.twitter_title, site_name, host);
    return twitter.empty() ? strip_site_name(candidates.title, site_name, host) : twitter;
}

}  // namespace newswire

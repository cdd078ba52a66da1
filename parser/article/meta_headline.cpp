#include "parser/article/meta_headline.h"

#include <algorithm>
#include <array>
#include <initializer_list>
#include <cctype>
#include <vector>

#include "core/text.h"
#include "parser/article/meta_text.h"

namespace newswire {

namespace {

constexpr std::array<std::string_view, 9> k_separators{
    " | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " \xC2\xB7 ", " :: ", " // ", " \xC2\xBB ", ": "};

// Lower-case letters and digits only, German umlauts transliterated, typographic quotes,
// dashes, guillemets, soft hyphens and no-break spaces dropped: "Börsen-Zeitung" ->
// "boersenzeitung", "„Extreme Gefahr“" -> "extremegefahr".
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
        if (u == 0xC2 && i + 1 < text.size()) {
            unsigned char next = static_cast<unsigned char>(text[i + 1]);
            if (next == 0xA0 || next == 0xAB || next == 0xAD || next == 0xBB) {  // nbsp « soft hyphen »
                ++i;
                continue;
            }
        }
        if (u == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80) {
            unsigned char last = static_cast<unsigned char>(text[i + 2]);
            if ((last >= 0x93 && last <= 0x94) || (last >= 0x98 && last <= 0x9F) || last == 0xA6 ||
                last == 0xB9 || last == 0xBA) {  // – — ‘ ’ ‚ ‛ “ ” „ ‟ … ‹ ›
                i += 2;
                continue;
            }
        }
        if (std::isalnum(u) || u >= 0x80) out += static_cast<char>(std::tolower(u));
    }
    return out;
}

// `squash` that keeps the marks setting a kicker apart (':', '|', '/', dashes as '-'), so that
// "Kicker: Headline" and "Kicker – Headline" and "Kicker Headline" stay three texts.
std::string squash_keeping_separators(std::string_view text) {
    std::string out;
    std::size_t from = 0;
    for (std::size_t i = 0; i <= text.size(); ++i) {
        bool dash = i + 2 < text.size() && text.substr(i, 2) == "\xE2\x80" &&
                    (text[i + 2] == '\x93' || text[i + 2] == '\x94');
        if (i < text.size() && !dash && text[i] != ':' && text[i] != '|' && text[i] != '/' && text[i] != '-') continue;
        out += squash(text.substr(from, i - from));
        if (i < text.size()) out += dash || text[i] == '-' ? '-' : text[i];
        from = i + (dash ? 3 : 1);
        if (dash) i += 2;
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


constexpr std::array<std::string_view, 6> k_kicker_separators{
    ": ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " | ", " / "};

constexpr std::size_t k_max_kicker_bytes = 120;

// Lower-case words (runs of letters and digits; any non-ASCII byte counts as a letter).
std::vector<std::string> words_of(std::string_view text) {
    std::vector<std::string> words;
    std::string word;
    for (char c : text) {
        unsigned char u = static_cast<unsigned char>(c);
        if (std::isalnum(u) || u >= 0x80) {
            word += static_cast<char>(std::tolower(u));
        } else if (!word.empty()) {
            words.push_back(std::move(word));
            word.clear();
        }
    }
    if (!word.empty()) words.push_back(std::move(word));
    return words;
}

bool shares_a_word(std::string_view a, std::string_view b) {
    std::vector<std::string> theirs = words_of(b);
    for (const std::string& word : words_of(a)) {
        if (std::find(theirs.begin(), theirs.end(), word) != theirs.end()) return true;
    }
    return false;
}

// Does the heading show `headline`, alone or after a kicker ("Kicker Headline")?
bool shows(std::string_view heading, std::string_view headline) {
    std::string shown = squash(heading);
    std::string wanted = squash(headline);
    return wanted.size() >= 8 && shown.ends_with(wanted) && shown.size() - wanted.size() <= k_max_kicker_bytes;
}

// The metadata headline that an <h2> of the article shows whole, the first in page order;
// empty when none. (An <h2> that adds a kicker is no such vote: the kicker may be what the
// metadata leaves out or a line of its own.)
std::string shown_headline(const std::vector<std::pair<int, std::string>>& headings,
                           std::initializer_list<const std::string*> metas) {
    for (const auto& [level, text] : headings) {
        if (level != 2) continue;
        for (const std::string* meta : metas) {
            if (!meta->empty() && squash_keeping_separators(text) == squash_keeping_separators(*meta)) return *meta;
        }
    }
    return {};
}

// `title` reduced to `other` when it is `other` plus a tail that names the site
// ("Headline-Politik | Site" next to "Headline").
void drop_site_tail(std::string& title, std::string_view other, std::string_view site_name, std::string_view brand) {
    if (other.size() < 10 || title.size() <= other.size() || !std::string_view(title).starts_with(other)) return;
    std::string tail = squash(std::string_view(title).substr(other.size()));
    std::string site = squash(site_name);
    bool named = (!site.empty() && tail.find(site) != std::string::npos) ||
                 (brand.size() >= 3 && tail.find(brand) != std::string::npos);
    if (named && tail.size() <= std::max(site.size(), brand.size()) + 24) title = std::string(other);
}

// The <h1> the page shows: the one inside <article>/<main>; else the first, unless the
// article shows a metadata headline in an <h2> of its own (an <h1> outside it is then a
// breadcrumb's last entry or a logo). Without heading signals, the article's <h1>.
std::string shown_h1(const HeadlineCandidates& candidates, std::initializer_list<const std::string*> metas) {
    std::string main_h1 = fold_whitespace(candidates.main_h1);
    if (candidates.headings.empty()) return main_h1;
    std::string first;
    for (const auto& [level, text] : candidates.headings) {
        if (level != 1) continue;
        std::string folded = fold_whitespace(text);
        if (!main_h1.empty() && folded == main_h1) return folded;
        if (first.empty()) first = std::move(folded);
    }
    for (const auto& [level, text] : candidates.headings) {
        for (const std::string* meta : metas) {
            if (level == 2 && !meta->empty() && shows(text, *meta)) return {};
        }
    }
    return first;
}

// "Kicker A: Headline" where another source says "Kicker B - Headline" and the two kickers
// have no word in common: the headline is what they share. (A source that merely rewords
// the front, "Joburg has failed" for "Johannesburg has failed", keeps the whole.)
std::string without_differing_kicker(const std::string& best, const std::vector<std::string>& others) {
    std::string whole = squash(best);
    for (std::string_view separator : k_kicker_separators) {
        for (std::size_t at = best.find(separator); at != std::string::npos && at > 0;
             at = best.find(separator, at + 1)) {
            std::string_view rest = std::string_view(best).substr(at + separator.size());
            std::string tail = squash(rest);
            if (tail.size() < 12) continue;
            for (const std::string& other : others) {
                std::string squashed = squash(other);
                if (squashed.size() <= tail.size() || squashed == whole || !squashed.ends_with(tail) ||
                    squashed.ends_with(whole)) {
                    continue;
                }
                std::vector<std::string> other_words = words_of(other);
                std::size_t kicker_words = other_words.size() - std::min(other_words.size(), words_of(rest).size());
                std::string kicker;
                for (std::size_t i = 0; i < kicker_words; ++i) kicker += other_words[i] + ' ';
                if (!kicker.empty() && !shares_a_word(best.substr(0, at), kicker)) return std::string(rest);
            }
        }
    }
    return best;
}

// "Headline-정치ㅣ한국일보": a tail joined without spaces ('-', '|', 'ㅣ', '｜') that ends with the
// site's name and holds no space (a section label at most) goes; after a hyphen it must hold
// more than the name ("Nord-Europa" stays on a site named "Europa").
void drop_joined_site_tail(std::string& title, std::string_view site_name) {
    std::string site = squash(site_name);
    if (site.size() < 2) return;
    for (std::string_view joiner : {"-", "|", "\xE3\x85\xA3", "\xEF\xBD\x9C"}) {
        std::size_t at = title.rfind(joiner);
        if (at == std::string::npos || at == 0) continue;
        std::string_view tail = std::string_view(title).substr(at + joiner.size());
        std::string squashed = squash(tail);
        bool longer = joiner != "-" || squashed.size() > site.size();
        if (longer && tail.find(' ') == std::string_view::npos && squashed.ends_with(site) &&
            squashed.size() <= site.size() + 24) {
            title = std::string(trim(std::string_view(title).substr(0, at)));
            return;
        }
    }
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
    drop_joined_site_tail(out, site_name);
    return out;
}

std::string choose_headline(const HeadlineCandidates& candidates, std::string_view site_name,
                            std::string_view host) {
    std::string brand = brand_of(host);
    std::string og = strip_site_name(candidates.og_title, site_name, host);
    std::string json_ld = strip_site_name(candidates.json_ld, site_name, host);
    std::string twitter = strip_site_name(candidates.twitter_title, site_name, host);
    std::string h1 = shown_h1(candidates, {&og, &json_ld, &twitter});
    for (const std::string* other : {&og, &json_ld, &twitter, &h1}) {
        drop_site_tail(og, *other, site_name, brand);
        drop_site_tail(json_ld, *other, site_name, brand);
    }
    // Sites that put an SEO <h1> into the breadcrumb show the headline as an <h2>; an <h2>
    // that shows a metadata headline is a vote for it.
    std::vector<std::string> voters{og, json_ld, h1, shown_headline(candidates.headings, {&og, &json_ld, &twitter})};
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
    if (!best.empty()) {
        voters.push_back(twitter);
        return without_differing_kicker(best, voters);
    }
    for (const std::string& candidate : candidates.h1s) {
        std::string folded = fold_whitespace(candidate);
        if (!folded.empty()) return folded;
    }
    return twitter.empty() ? strip_site_name(candidates.title, site_name, host) : twitter;
}

}  // namespace newswire

#include "parser/article/header.h"

#include <cctype>
#include <vector>

#include "core/text.h"
#include "parser/article/dom.h"
#include "parser/article/hints.h"
#include "parser/article/meta_dates.h"

namespace newswire {
namespace {

constexpr std::size_t k_max_kicker_chars = 120;
constexpr std::size_t k_max_section_chars = 60;

// Folded for comparison: white space folded, quotes unified, lower-case ASCII.
std::string comparable(std::string_view text) {
    std::string folded = fold_whitespace(text);
    return to_lower_ascii(folded);
}

bool is_home_label(std::string_view text) {
    // Lower-case ASCII; other scripts as written, capitalised too ("Главная").
    static const std::vector<std::string_view> labels = {
        "startseite", "home", "homepage", "start", "accueil", "inicio", "início", "portada", "forside",
        "etusivu", "strona główna", "hjem", "hem", "nachrichten", "news", "főoldal", "главная", "Главная",
        "ana sayfa", "anasayfa", "homepagina", "pagina iniziale", "トップ", "ホーム", "홈", "首页", "首頁",
        "الرئيسية", "דף הבית"};
    std::string lower = comparable(text);
    for (std::string_view label : labels) {
        if (lower == label) return true;
    }
    return false;
}

std::string strip_separators(std::string text) {
    for (;;) {
        std::string_view view = text;
        if (view.ends_with(":") || view.ends_with("|") || view.ends_with("-") || view.ends_with(" ") ||
            view.ends_with("/")) {
            text.pop_back();
        } else if (view.ends_with("\xE2\x80\x93") || view.ends_with("\xE2\x80\x94")) {  // – —
            text.resize(text.size() - 3);
        } else if (view.ends_with("\xC2\xB7")) {  // ·
            text.resize(text.size() - 2);
        } else {
            break;
        }
    }
    return fold_whitespace(text);
}

// Where `wanted` occurs in `text` other than as the end of a hyphenated word (as in
// "MSV-Interimstrainer"); npos when nowhere. Kicker and headline set in adjacent inline
// elements run together ("beginnenTrump"), so a letter before is fine.
std::size_t find_not_after_hyphen(std::string_view text, std::string_view wanted) {
    for (std::size_t at = text.find(wanted); at != std::string_view::npos; at = text.find(wanted, at + 1)) {
        if (at < 2 || text[at - 1] != '-' || !std::isalnum(static_cast<unsigned char>(text[at - 2]))) return at;
    }
    return std::string_view::npos;
}

// A dateline ("Politics / January 11, 2024") or a trail of links (a breadcrumb set as a
// "pretitle") is no kicker.
bool is_kicker_text(const GumboNode* element, std::string_view text) {
    if (text.empty() || text.size() > k_max_kicker_chars) return false;
    if (parse_visible_date(text, "")) return false;
    int links = 0;
    html::walk(element, [&](const GumboNode* node) {
        if (html::is_element(node, GUMBO_TAG_A)) ++links;
        return links >= 2 ? html::Visit::stop : html::Visit::descend;
    });
    return links < 2;
}

// Lower-case ASCII letters and digits, other bytes kept: "rbb|24" -> "rbb24", "SN.AT" -> "snat".
std::string letters_and_digits(std::string_view text) {
    std::string out;
    for (char c : text) {
        unsigned char u = static_cast<unsigned char>(c);
        if (std::isalnum(u) || u >= 0x80) out += static_cast<char>(std::tolower(u));
    }
    return out;
}

// A breadcrumb entry that is the site's own name: its home link under another label.
bool names_site(std::string_view entry, std::string_view site_name, std::string_view host) {
    std::string squashed = letters_and_digits(entry);
    if (squashed.empty()) return false;
    if (host.starts_with("www.")) host.remove_prefix(4);
    std::string_view label = host.substr(0, host.find('.'));
    return squashed == letters_and_digits(site_name) || squashed == letters_and_digits(host) ||
           (label.size() >= 2 && squashed == letters_and_digits(label));
}

// The nearest element before `node` in document order among its previous siblings and those of
// its ancestors (up to three levels), skipping empty ones.
const GumboNode* previous_element(const GumboNode* node) {
    for (int level = 0; node && level < 3; ++level) {
        const GumboNode* parent = node->parent;
        if (!parent || !html::is_element(parent)) return nullptr;
        const GumboVector& siblings = parent->v.element.children;
        for (unsigned i = node->index_within_parent; i-- > 0;) {
            const auto* sibling = static_cast<const GumboNode*>(siblings.data[i]);
            if (!html::is_element(sibling)) continue;
            if (html::text_content(sibling).empty()) continue;
            return sibling;
        }
        node = parent;
    }
    return nullptr;
}

// An <h1> set as the last entry of a breadcrumb list (for search engines) is not the
// headline the reader sees: that is the next <h1> or <h2> after the list that opens the same
// way (a kicker before it allowed).
const GumboNode* headline_after_breadcrumb(const GumboNode* root, const GumboNode* heading) {
    constexpr std::size_t k_shared_start = 30;
    if (!heading || !heading->parent || !html::is_element(heading->parent, GUMBO_TAG_LI)) return nullptr;
    const GumboNode* list = heading->parent->parent;
    if (!list || !(html::is_element(list, GUMBO_TAG_UL) || html::is_element(list, GUMBO_TAG_OL))) return nullptr;
    std::string start = comparable(html::text_content(heading)).substr(0, k_shared_start);
    if (start.empty()) return nullptr;
    bool after = false;
    const GumboNode* found = nullptr;
    html::walk(root, [&](const GumboNode* node) {
        if (!html::is_element(node)) return html::Visit::skip_children;
        if (node == list) {
            after = true;
            return html::Visit::skip_children;
        }
        if (after && (html::is_element(node, GUMBO_TAG_H1) || html::is_element(node, GUMBO_TAG_H2))) {
            if (comparable(html::text_content(node)).find(start) != std::string::npos) found = node;
            return html::Visit::stop;
        }
        return html::Visit::descend;
    });
    return found;
}

// The text of a kicker without the badges set in it ("<span class=plus-badge>WA+</span>
// Klinikum Nord"): a sign that the article is for subscribers, not words of the kicker.
std::string kicker_text(const GumboNode* kicker) {
    static const std::vector<std::string_view> badge_words = {"badge", "premium", "plus", "paid", "paywall",
                                                              "abo", "subscriber", "subscription", "icon"};
    std::string text;
    html::walk(kicker, [&](const GumboNode* node) {
        if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE || node->type == GUMBO_NODE_CDATA) {
            text += node->v.text.text;
            return html::Visit::skip_children;
        }
        if (!html::is_element(node)) return html::Visit::skip_children;
        GumboTag tag = html::tag_of(node);
        if (tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE || tag == GUMBO_TAG_SVG) return html::Visit::skip_children;
        if (node != kicker && has_hint_word(node, badge_words)) return html::Visit::skip_children;
        if (node != kicker && html::is_block(tag)) text += ' ';
        return html::Visit::descend;
    });
    return fold_whitespace(text);
}

}  // namespace

const GumboNode* find_headline_element(const GumboNode* root, std::string_view headline) {
    std::string wanted = comparable(headline);
    const GumboNode* first_h1 = nullptr;
    const GumboNode* match = html::find_first(root, [&](const GumboNode* node) {
        GumboTag tag = html::tag_of(node);
        if (tag != GUMBO_TAG_H1 && tag != GUMBO_TAG_H2) return false;
        if (tag == GUMBO_TAG_H1 && !first_h1) first_h1 = node;
        if (wanted.empty()) return tag == GUMBO_TAG_H1;
        std::string text = comparable(html::text_content(node));
        return find_not_after_hyphen(text, wanted) != std::string::npos && text.size() <= wanted.size() + k_max_kicker_chars;
    });
    const GumboNode* found = match ? match : first_h1;
    if (const GumboNode* visible = headline_after_breadcrumb(root, found)) return visible;
    return found;
}

std::string find_kicker(const GumboNode* headline_element, std::string_view headline) {
    if (!headline_element) return {};
    std::string text = kicker_text(headline_element);
    std::string wanted = fold_whitespace(headline);
    if (!wanted.empty()) {
        std::size_t at = find_not_after_hyphen(text, wanted);
        if (at != std::string::npos && at > 0) {
            std::string before = strip_separators(text.substr(0, at));
            if (is_kicker_text(headline_element, before)) return before;
        }
    }
    const GumboNode* marked = html::find_first(headline_element, [](const GumboNode* node) {
        return html::is_element(node) && is_kicker_hint(node);
    });
    if (marked) {
        std::string kicker = strip_separators(kicker_text(marked));
        if (kicker != wanted && is_kicker_text(marked, kicker)) return kicker;
    }
    const GumboNode* previous = previous_element(headline_element);
    if (previous && is_kicker_hint(previous)) {
        std::string kicker = strip_separators(kicker_text(previous));
        if (is_kicker_text(previous, kicker)) return kicker;
    }
    return {};
}

std::string find_section(const GumboNode* root, std::string_view headline, std::string_view site_name,
                         std::string_view host) {
    const GumboNode* crumbs = html::find_first(root, [](const GumboNode* node) { return is_breadcrumb(node); });
    if (!crumbs) return {};
    std::vector<std::string> entries;
    html::walk(crumbs, [&](const GumboNode* node) {
        if (html::is_element(node, GUMBO_TAG_A)) {
            entries.push_back(html::text_content(node));
            return html::Visit::skip_children;
        }
        return html::Visit::descend;
    });
    std::string wanted = comparable(headline);
    for (const std::string& entry : entries) {
        if (entry.empty() || is_home_label(entry) || entry.size() > k_max_section_chars) continue;
        if (entry.back() == ':' || names_site(entry, site_name, host)) continue;
        if (!wanted.empty() && comparable(entry) == wanted) continue;
        return entry;
    }
    return {};
}

}  // namespace newswire

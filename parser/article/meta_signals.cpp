#include "parser/article/meta_signals.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>
#include <initializer_list>

#include "core/text.h"
#include "parser/article/dom.h"
#include "parser/article/hints.h"
#include "parser/article/meta_authors.h"
#include "parser/article/meta_dom.h"
#include "parser/article/meta_names.h"
#include "parser/article/meta_text.h"

namespace newswire {

namespace {

using html::Visit;

constexpr std::size_t k_max_texts = 8;
constexpr std::size_t k_max_text_length = 300;
constexpr std::size_t k_max_tags = 40;
constexpr std::size_t k_max_label_byline = 160;
constexpr std::size_t k_max_headings = 8;
constexpr int k_max_headings_examined = 24;

// Does the element's first text (its first child, or the second after white space) open with a
// byline word followed by a capital or a non-Latin letter ("Von: Bill", "By Jane", "(责编：")?
bool opens_with_byline_label(const GumboNode* node) {
    const GumboVector& children = node->v.element.children;
    for (unsigned i = 0; i < children.length && i < 2; ++i) {
        const auto* child = static_cast<const GumboNode*>(children.data[i]);
        if (child->type == GUMBO_NODE_WHITESPACE) continue;
        if (child->type != GUMBO_NODE_TEXT) return false;
        return starts_with_byline_label(labelled_field(trim(child->v.text.text)));
    }
    return false;
}

// What lower-cased class and id names mark, read in one pass: a byline ("byline", "author"), a
// date box ("date", "publish", "zeit", "datum", "time"), or a date box in Turkish or Spanish
// ("tarih", "fecha").
struct NameMarks {
    bool byline = false;
    bool date = false;
    bool other_date = false;
};

NameMarks marks_of(std::string_view lowered) {
    NameMarks marks;
    auto at = [&](std::size_t i, std::string_view word) { return lowered.substr(i, word.size()) == word; };
    for (std::size_t i = 0; i < lowered.size(); ++i) {
        switch (lowered[i]) {
        case 'a': marks.byline |= at(i, "author"); break;
        case 'b': marks.byline |= at(i, "byline"); break;
        case 'd': marks.date |= at(i, "date") || at(i, "datum"); break;
        case 'p': marks.date |= at(i, "publish"); break;
        case 'z': marks.date |= at(i, "zeit"); break;
        case 't':
            marks.date |= at(i, "time");
            marks.other_date |= at(i, "tarih");
            break;
        case 'f': marks.other_date |= at(i, "fecha"); break;
        default: break;
        }
    }
    return marks;
}

void add_limited(std::vector<std::string>& to, std::string text) {
    if (to.size() < k_max_texts && !text.empty() && text.size() <= k_max_text_length) {
        to.push_back(std::move(text));
    }
}

void add_author(std::vector<AuthorText>& to, std::string text, bool in_article) {
    if (to.size() < 2 * k_max_texts && !text.empty() && text.size() <= k_max_text_length) {
        to.push_back(AuthorText{std::move(text), in_article});
    }
}

std::string value_of(const GumboNode* node) {
    for (std::string_view name : {"content", "datetime"}) {
        std::string_view v = html::attribute(node, name);
        if (!v.empty()) return std::string(v);
    }
    // An <abbr> spells out in its title what it shows short: Blogger's hAtom date
    // "<abbr class="published" title="2024-05-14T08:45:00-04:00">8:45 AM</abbr>".
    if (html::tag_of(node) == GUMBO_TAG_ABBR && !html::attribute(node, "title").empty()) {
        return std::string(html::attribute(node, "title"));
    }
    return bounded_text(node, k_max_text_length);
}

void read_meta(const GumboNode* node, MetaSignals& signals) {
    std::string_view content = html::attribute(node, "content");
    if (content.empty()) return;
    for (std::string_view key_attribute : {"property", "name", "itemprop", "http-equiv"}) {
        std::string_view key = html::attribute(node, key_attribute);
        if (!key.empty()) {
            signals.metas.emplace_back(to_lower_ascii(trim(key)), std::string(content));
            return;
        }
    }
}

void read_link(const GumboNode* node, MetaSignals& signals) {
    std::string_view rel = html::attribute(node, "rel");
    if (signals.canonical.empty() && equals_ci(trim(rel), "canonical")) {
        signals.canonical = std::string(trim(html::attribute(node, "href")));
    }
}

void read_itemprop(const GumboNode* node, std::string_view itemprop, bool in_article, MetaSignals& signals) {
    if (itemprop == "datePublished" && signals.itemprop_published.empty()) {
        signals.itemprop_published = value_of(node);
    } else if (itemprop == "dateModified" && signals.itemprop_modified.empty()) {
        signals.itemprop_modified = value_of(node);
    } else if ((itemprop == "author" || itemprop == "creator") && !in_furniture(node)) {
        const GumboNode* name = find_first_bounded(node, 500, [](const GumboNode* n) {
            return html::attribute(n, "itemprop") == "name";
        });
        add_author(signals.itemprop_authors, value_of(name ? name : node), in_article);
    }
}

class Gatherer {
public:
    explicit Gatherer(MetaSignals& signals) : m_signals(signals) {}

    Visit visit(const GumboNode* node) {
        if (node->type != GUMBO_NODE_ELEMENT) return Visit::skip_children;
        // The walk is in document order: the open elements are the path from the root to here.
        while (!m_path.empty() && m_path.back().node != node->parent) m_path.pop_back();
        m_path.push_back({node, -1});
        switch (node->v.element.tag) {
        case GUMBO_TAG_HTML:
            if (m_signals.html_lang.empty()) m_signals.html_lang = std::string(trim(html::attribute(node, "lang")));
            break;
        case GUMBO_TAG_META: read_meta(node, m_signals); return Visit::skip_children;
        case GUMBO_TAG_LINK: read_link(node, m_signals); return Visit::skip_children;
        case GUMBO_TAG_SCRIPT:
            if (equals_ci(trim(html::attribute(node, "type")), "application/ld+json")) {
                m_signals.json_ld.push_back(html::raw_text(node));
            }
            return Visit::skip_children;
        case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_SVG: case GUMBO_TAG_TEMPLATE:
            return Visit::skip_children;
        case GUMBO_TAG_TITLE:
            if (m_signals.title.empty()) m_signals.title = html::text_content(node);
            return Visit::skip_children;
        case GUMBO_TAG_H1:
            read_h1(node);
            read_heading(node, 1);
            break;
        case GUMBO_TAG_H2:
            read_heading(node, 2);
            break;
        case GUMBO_TAG_ARTICLE:
            if (!m_article) m_article = node;
            break;
        case GUMBO_TAG_MAIN:
            if (!m_main) m_main = node;
            break;
        case GUMBO_TAG_TIME: read_time(node); break;
        case GUMBO_TAG_A: read_anchor(node); break;
        default: break;
        }
        read_marked(node);
        return Visit::descend;
    }

private:
    void read_h1(const GumboNode* node) {
        if (m_signals.h1s.size() >= 4 && !m_signals.main_h1.empty()) return;
        std::string text = bounded_text(node, 1000);
        if (m_signals.main_h1.empty() && ((m_article && inside(node, m_article)) || (m_main && inside(node, m_main)))) {
            m_signals.main_h1 = text;
        }
        if (m_signals.h1s.size() < 4) m_signals.h1s.push_back(std::move(text));
    }

    void read_heading(const GumboNode* node, int level) {
        if (m_signals.headings.size() >= k_max_headings || m_headings_examined >= k_max_headings_examined) return;
        if (level == 2 && !(m_article && inside(node, m_article)) && !(m_main && inside(node, m_main))) return;
        ++m_headings_examined;
        if (in_breadcrumb(node)) return;
        std::string text = bounded_text(node, k_max_text_length);
        if (!text.empty()) m_signals.headings.emplace_back(level, std::move(text));
    }

    void read_time(const GumboNode* node) {
        std::string_view datetime = trim(html::attribute(node, "datetime"));
        if (datetime.empty()) return;
        if (m_article && inside(node, m_article)) add_limited(m_signals.times_in_article, std::string(datetime));
        add_limited(m_signals.times, std::string(datetime));
    }

    void read_anchor(const GumboNode* node) {
        std::string_view rel = html::attribute(node, "rel");
        std::string_view href = html::attribute(node, "href");
        HrefMarks marks = marks_of_href(href);
        bool author_link = marks.author || contains_ci(rel, "author");
        if (author_link && m_signals.rel_authors.size() < 2 * k_max_texts && !in_furniture(node)) {
            add_author(m_signals.rel_authors, bounded_text(node, k_max_text_length), in_article(node));
        }
        if (m_signals.rel_tags.size() >= k_max_tags) return;
        if (contains_ci(rel, "tag") || in_tag_list()) {
            std::string text = bounded_text(node, 100);
            bool in_article = (m_article && inside(node, m_article)) || (m_main && inside(node, m_main));
            add_tag(m_signals.rel_tags, text);
            if (in_article) add_tag(m_signals.article_tags, text);
        } else if (links_to_topic(node, marks) && ((m_article && inside(node, m_article)) || (m_main && inside(node, m_main))) &&
                   !in_navigation()) {
            add_tag(m_signals.topic_links, bounded_text(node, 100));
        }
    }

    void read_marked(const GumboNode* node) {
        std::string_view itemprop = html::attribute(node, "itemprop");
        if (!itemprop.empty()) {
            bool author = itemprop == "author" || itemprop == "creator";
            read_itemprop(node, itemprop, author && in_article(node), m_signals);
        }
        if (m_signals.labelled_bylines.size() < k_max_texts && opens_with_byline_label(node) && !in_furniture(node) &&
            !inside_link(node)) {
            std::string text = bounded_text(node, k_max_label_byline);
            if (text.size() < k_max_label_byline) add_author(m_signals.labelled_bylines, std::move(text), in_article(node));
        }
        std::string_view class_names = html::attribute(node, "class");
        std::string_view id = html::attribute(node, "id");
        if (class_names.empty() && id.empty()) return;
        lowered_names(class_names, id, m_names);
        NameMarks marks = marks_of(m_names);
        if (m_signals.bylines.size() < 2 * k_max_texts && marks.byline && !in_furniture(node)) {
            add_author(m_signals.bylines, bounded_text(node, k_max_text_length), in_article(node));
        }
        bool date_named = marks.date;
        bool date_box = marks.date || marks.other_date;
        if (date_box && m_signals.dated_bylines.size() < k_max_texts) {
            const GumboNode* before = text_sibling_before(node);
            if (before && !in_furniture(before) && !inside_link(before)) {
                add_author(m_signals.dated_bylines, bounded_text(before, 80), in_article(node));
            }
        }
        if (m_signals.date_texts.size() < k_max_texts && date_named) {
            add_limited(m_signals.date_texts, bounded_text(node, k_max_text_length));
        }
    }

    static void add_tag(std::vector<std::string>& tags, const std::string& text) {
        if (text.empty() || text.size() > 80 || tags.size() >= k_max_tags) return;
        for (std::string_view furniture : {"alle themen", "mehr", "more", "all topics", "themen"}) {
            if (equals_ci(text, furniture)) return;
        }
        if (std::find(tags.begin(), tags.end(), text) == tags.end()) tags.push_back(text);
    }

    // Class and id word kinds of the element `up` levels above the current one, read once.
    unsigned kinds_above(std::size_t up) {
        Frame& frame = m_path[m_path.size() - 1 - up];
        if (frame.kinds < 0) frame.kinds = static_cast<int>(class_word_kinds(frame.node));
        return static_cast<unsigned>(frame.kinds);
    }

    // The current link inside a list the page marks as its tags ("article-tags", "tagList",
    // "schlagworte"), not inside navigation: the link and four elements above it.
    bool in_tag_list() {
        for (std::size_t up = 0; up < 5 && up < m_path.size(); ++up) {
            GumboTag tag = m_path[m_path.size() - 1 - up].node->v.element.tag;
            if (tag == GUMBO_TAG_NAV || tag == GUMBO_TAG_BODY) return false;
            unsigned kinds = kinds_above(up);
            if (kinds & (k_navigation_word | k_header_word)) return false;
            if (kinds & k_tag_list_word) return true;
        }
        return false;
    }

    // The current link inside <nav> or an element named as navigation, six levels up at most.
    bool in_navigation() {
        for (std::size_t up = 1; up < 7 && up < m_path.size(); ++up) {
            if (m_path[m_path.size() - 1 - up].node->v.element.tag == GUMBO_TAG_NAV) return true;
            if (kinds_above(up) & k_navigation_word) return true;
        }
        return false;
    }

    bool in_article(const GumboNode* node) const {
        return m_article ? inside(node, m_article) : (m_main && inside(node, m_main));
    }

    // Bounded, so that a page nested a hundred thousand levels deep stays linear.
    static bool inside(const GumboNode* node, const GumboNode* ancestor) { return is_within(node, ancestor, 200); }

    MetaSignals& m_signals;
    const GumboNode* m_article = nullptr;
    const GumboNode* m_main = nullptr;
    std::string m_names;  // scratch for read_marked
    int m_headings_examined = 0;
    struct Frame {
        const GumboNode* node;
        int kinds;  // class_word_kinds, -1 until asked for
    };
    std::vector<Frame> m_path;
};

}  // namespace

MetaSignals gather_signals(const GumboNode* root) {
    MetaSignals signals;
    Gatherer gatherer(signals);
    html::walk(root, [&](const GumboNode* node) { return gatherer.visit(node); });
    return signals;
}

std::string_view first_meta(const MetaSignals& signals, std::string_view key) {
    for (const auto& [name, content] : signals.metas) {
        if (name == key && !trim(content).empty()) return content;
    }
    return {};
}

std::vector<std::string_view> all_metas(const MetaSignals& signals, std::string_view key) {
    std::vector<std::string_view> out;
    for (const auto& [name, content] : signals.metas) {
        if (name == key && !trim(content).empty()) out.push_back(content);
    }
    return out;
}

}  // namespace newswire

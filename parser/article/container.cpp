#include "parser/article/container.h"

#include <algorithm>
#include <cstring>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "parser/article/dom.h"
#include "parser/article/hints.h"

namespace newswire {
namespace {

constexpr int k_max_ancestor_steps = 48;  // bounds the work per paragraph on hostile nesting
constexpr std::size_t k_min_paragraph_chars = 25;
constexpr int k_expansion_levels = 5;
constexpr std::size_t k_max_measured = 16;  // corpus pages need 3 at most

struct Candidate {
    double score = 0;
    std::size_t chars = 0;  // article-like paragraph text in the subtree
};

std::size_t count_commas(std::string_view text) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == ',') ++n;
        else if (text.substr(i, 3) == "\xEF\xBC\x8C" || text.substr(i, 3) == "\xE3\x80\x81") ++n;
    }
    return n;
}

// Skips furniture subtrees; calls `unit` for every <p> (and every element whose own text
// children carry text) outside them.
template <typename Unit>
void for_each_unit(const GumboNode* root, Unit unit) {
    std::size_t page_chars = raw_chars(root);
    html::walk(root, [&](const GumboNode* node) {
        if (!html::is_element(node)) return html::Visit::skip_children;
        // The <head> holds no article text: its <title> must not make it the container.
        if (is_furniture_in(node, page_chars) || html::is_element(node, GUMBO_TAG_HEADER) ||
            html::is_element(node, GUMBO_TAG_HEAD)) {
            return html::Visit::skip_children;
        }
        GumboTag tag = html::tag_of(node);
        if (tag == GUMBO_TAG_P || tag == GUMBO_TAG_PRE) {
            unit(node, node->parent);
            return html::Visit::skip_children;
        }
        const GumboVector& children = node->v.element.children;
        std::size_t own = 0;
        for (unsigned i = 0; i < children.length; ++i) {
            const auto* child = static_cast<const GumboNode*>(children.data[i]);
            if (child->type == GUMBO_NODE_TEXT) own += std::string_view(child->v.text.text).size();
        }
        if (own >= k_min_paragraph_chars * 2 && tag != GUMBO_TAG_A && tag != GUMBO_TAG_SPAN) {
            unit(node, node);
        }
        return html::Visit::descend;
    });
}

double weight_of(const GumboNode* node) {
    int hint = body_hint(node);
    double weight = hint * 25.0;
    if (html::is_element(node, GUMBO_TAG_ARTICLE)) weight += 15;
    if (html::is_element(node, GUMBO_TAG_MAIN)) weight += 5;
    return weight;
}

bool is_hard_boundary(const GumboNode* node) {
    return html::is_element(node, GUMBO_TAG_ARTICLE) ||
           html::attribute(node, "itemprop") == "articleBody" || html::is_element(node, GUMBO_TAG_BODY);
}

}  // namespace

namespace {

// Characters of text in the subtree, counting everything but furniture by tag or role; with
// `skip_soft`, also leaving out class-named furniture that holds less than half of it. The
// count stops once the characters pass `limit`.
TextStats count_text(const GumboNode* node, std::size_t scope_chars, bool skip_soft,
                     std::size_t limit = SIZE_MAX) {
    TextStats stats;
    std::vector<std::pair<const GumboNode*, bool>> stack{{node, false}};
    while (!stack.empty() && stats.chars <= limit) {
        auto [current, in_link] = stack.back();
        stack.pop_back();
        if (current->type == GUMBO_NODE_TEXT) {
            std::size_t n = std::string_view(current->v.text.text).size();
            stats.chars += n;
            if (in_link) stats.link_chars += n;
            continue;
        }
        if (current->type != GUMBO_NODE_ELEMENT) continue;
        if (current != node) {
            if (is_hard_furniture(current)) continue;
            if (skip_soft && is_furniture_in(current, scope_chars)) continue;
        }
        bool link = in_link || is_link(current);
        const GumboVector& children = current->v.element.children;
        for (unsigned i = children.length; i-- > 0;) {
            stack.emplace_back(static_cast<const GumboNode*>(children.data[i]), link);
        }
    }
    return stats;
}

thread_local const PageTextSizes* t_page_sizes = nullptr;

constexpr std::size_t k_min_tabled_work = 1024;

}  // namespace

PageTextSizes::PageTextSizes(const GumboNode* root) : m_outer(t_page_sizes) {
    // raw_chars of every element, bottom up, with the work that counting it takes (nodes
    // visited and characters read). Furniture by tag or role is counted for itself, but adds
    // nothing to its parent but one node, as count_text skips it.
    struct Frame {
        const GumboNode* node;
        unsigned next_child = 0;
        std::size_t chars = 0;
        std::size_t work = 1;
    };
    std::vector<Frame> stack;
    if (html::is_element(root)) stack.push_back({root});
    while (!stack.empty()) {
        Frame& frame = stack.back();
        const GumboVector& children = frame.node->v.element.children;
        if (frame.next_child < children.length) {
            const auto* child = static_cast<const GumboNode*>(children.data[frame.next_child++]);
            if (child->type == GUMBO_NODE_TEXT) {
                std::size_t n = std::string_view(child->v.text.text).size();
                frame.chars += n;
                frame.work += 1 + n;
            } else if (child->type == GUMBO_NODE_ELEMENT) {
                stack.push_back({child});
            } else {
                frame.work += 1;
            }
            continue;
        }
        Frame done = frame;
        stack.pop_back();
        if (done.work >= k_min_tabled_work) m_chars.emplace(done.node, done.chars);
        if (stack.empty()) break;
        if (is_hard_furniture(done.node)) {
            stack.back().work += 1;
        } else {
            stack.back().chars += done.chars;
            stack.back().work += done.work;
        }
    }
    t_page_sizes = this;
}

PageTextSizes::~PageTextSizes() { t_page_sizes = m_outer; }

const std::size_t* PageTextSizes::find(const GumboNode* node) const {
    auto it = m_chars.find(node);
    return it == m_chars.end() ? nullptr : &it->second;
}

std::size_t raw_chars(const GumboNode* node) {
    if (t_page_sizes) {
        if (const std::size_t* chars = t_page_sizes->find(node)) return *chars;
    }
    return count_text(node, 0, false).chars;
}

std::size_t bounded_text_length(const GumboNode* node, std::size_t limit) {
    std::size_t total = 0;
    html::walk(node, [&](const GumboNode* n) {
        if (n->type == GUMBO_NODE_TEXT) total += std::strlen(n->v.text.text);
        if (html::is_element(n, GUMBO_TAG_SCRIPT) || html::is_element(n, GUMBO_TAG_STYLE)) {
            return html::Visit::skip_children;
        }
        return total > limit ? html::Visit::stop : html::Visit::descend;
    });
    return total;
}

bool is_link(const GumboNode* node) {
    return html::is_element(node, GUMBO_TAG_A) && html::has_attribute(node, "href");
}

TextStats text_stats(const GumboNode* node) {
    return count_text(node, raw_chars(node), true);
}

TextStats text_stats_up_to(const GumboNode* node, std::size_t limit) {
    return count_text(node, raw_chars(node), true, limit);
}

bool is_furniture_in(const GumboNode* node, std::size_t scope_chars) {
    if (is_hard_furniture(node)) return true;
    if (!is_furniture(node)) return false;
    return raw_chars(node) * 2 < scope_chars || is_fact_box(node);
}

namespace {

bool is_within(const GumboNode* node, const GumboNode* ancestor) {
    for (int depth = 0; node && depth < 4096; ++depth, node = node->parent) {
        if (node == ancestor) return true;
    }
    return false;
}

// The parent of `node` when it holds article paragraphs of its own before `node`: a lead
// paragraph kept outside the wrapper that a paywall or a lazy loader puts around the rest.
const GumboNode* parent_with_sibling_paragraphs(const GumboNode* node) {
    constexpr std::size_t k_min_sibling_chars = 80;
    const GumboNode* parent = node->parent;
    if (!html::is_element(parent) || is_hard_boundary(node) || html::is_element(parent, GUMBO_TAG_BODY) ||
        html::is_element(parent, GUMBO_TAG_HTML)) {
        return nullptr;
    }
    std::size_t chars = 0;
    const GumboVector& siblings = parent->v.element.children;
    for (unsigned i = 0; i < node->index_within_parent && i < siblings.length; ++i) {
        const auto* sibling = static_cast<const GumboNode*>(siblings.data[i]);
        if (!html::is_element(sibling, GUMBO_TAG_P) || is_furniture(sibling)) continue;
        TextStats stats = text_stats(sibling);
        if (stats.chars >= k_min_paragraph_chars && stats.link_chars * 2 <= stats.chars) chars += stats.chars;
    }
    return chars >= k_min_sibling_chars ? parent : nullptr;
}

// Does `scope` hold an <h1> outside `story` other than the page's headline? Then it holds a
// second story (a page that appends the next article below the first), not more of this one.
bool holds_another_story(const GumboNode* scope, const GumboNode* story, const GumboNode* headline_element) {
    return html::find_first(scope, [&](const GumboNode* node) {
               return node != story && node != headline_element && html::is_element(node, GUMBO_TAG_H1) &&
                      !is_within(node, story);
           }) != nullptr;
}

// A candidate with a score. Its final score is `base` (its paragraphs' score and its weight)
// times the share of its text outside links, halved outside the headline's <article>: at most
// `bound`, as a negative base stays negative or rises to 0. `rank`: its place in first-seen order.
struct Ranked {
    const GumboNode* node;
    double base;
    double bound;
    std::size_t rank;
};

// Candidates with a score, highest bound first, ties in first-seen order.
std::vector<Ranked> ranked_candidates(const std::unordered_map<const GumboNode*, Candidate>& candidates,
                                      const std::vector<const GumboNode*>& order) {
    std::vector<Ranked> ranked;
    for (std::size_t rank = 0; rank < order.size(); ++rank) {
        const GumboNode* node = order[rank];
        double score = candidates.at(node).score;
        if (score <= 0) continue;
        double base = score + weight_of(node);
        ranked.push_back({node, base, std::max(base, 0.0), rank});
    }
    std::stable_sort(ranked.begin(), ranked.end(), [](const Ranked& a, const Ranked& b) { return a.bound > b.bound; });
    return ranked;
}

// The candidate with the highest score, the first seen on a tie. Measuring one walks its
// subtree, so they are measured best bound first, only while one may still win, and at most
// k_max_measured of them: on a page of nested wrappers that each hold a paragraph, every
// wrapper is a candidate that holds the rest of the page, and measuring them all cost the
// nesting depth times the page.
const GumboNode* best_candidate(const std::vector<Ranked>& ranked, const GumboNode* headline_article) {
    const Ranked* best = nullptr;
    double best_score = 0;
    std::size_t measured = 0;
    for (const Ranked& candidate : ranked) {
        if (best && (candidate.bound < best_score || (candidate.bound == best_score && candidate.rank > best->rank))) break;
        if (measured++ == k_max_measured) break;
        TextStats stats = text_stats(candidate.node);
        double link_density = stats.chars ? static_cast<double>(stats.link_chars) / static_cast<double>(stats.chars) : 1.0;
        double score = candidate.base * (1.0 - link_density);
        if (headline_article && !is_within(candidate.node, headline_article)) score /= 2;
        if (!best || score > best_score || (score == best_score && candidate.rank < best->rank)) {
            best = &candidate;
            best_score = score;
        }
    }
    return best ? best->node : nullptr;
}

}  // namespace

const GumboNode* find_article_container(const GumboNode* root, const GumboNode* headline_element) {
    // Candidates in the order they are first seen (document order of their paragraphs), so
    // that ties are broken the same way in every run.
    std::unordered_map<const GumboNode*, Candidate> candidates;
    std::vector<const GumboNode*> order;
    auto candidate = [&](const GumboNode* node) -> Candidate& {
        auto [it, inserted] = candidates.try_emplace(node);
        if (inserted) order.push_back(node);
        return it->second;
    };
    for_each_unit(root, [&](const GumboNode* unit, const GumboNode* parent) {
        TextStats stats = text_stats(unit);
        if (stats.chars < k_min_paragraph_chars) return;
        if (stats.link_chars * 2 > stats.chars) return;
        std::string text = html::text_content(unit);
        double score = 1.0 + static_cast<double>(count_commas(text)) +
                       std::min(static_cast<double>(stats.chars) / 100.0, 3.0);
        if (!parent) return;
        auto& direct = candidate(parent);
        direct.score += score;
        if (parent->parent && html::is_element(parent->parent)) candidate(parent->parent).score += score / 2;
        const GumboNode* ancestor = parent;
        for (int step = 0; ancestor && html::is_element(ancestor) && step < k_max_ancestor_steps; ++step) {
            candidate(ancestor).chars += stats.chars - stats.link_chars;
            ancestor = ancestor->parent;
        }
    });
    // The <article> that holds the headline: a story below it (a second article, related
    // stories) wins only when it scores more than twice as high.
    const GumboNode* headline_article = nullptr;
    for (const GumboNode* node = headline_element; node && html::is_element(node); node = node->parent) {
        if (html::is_element(node, GUMBO_TAG_ARTICLE)) {
            headline_article = node;
            break;
        }
    }
    const GumboNode* best = best_candidate(ranked_candidates(candidates, order), headline_article);
    if (!best) return nullptr;
    // Grow while an ancestor up to five levels up holds clearly more article text (paragraphs
    // wrapped one by one in their own nested <div>s), never past <article> or <body>.
    auto grows_into = [&](const GumboNode* from) -> const GumboNode* {
        std::size_t own = candidates[from].chars;
        const GumboNode* ancestor = from->parent;
        for (int level = 0; level < k_expansion_levels && ancestor && html::is_element(ancestor); ++level) {
            if (html::is_element(ancestor, GUMBO_TAG_BODY) || html::is_element(ancestor, GUMBO_TAG_HTML)) break;
            auto it = candidates.find(ancestor);
            if (it != candidates.end() && it->second.chars * 10 >= own * 13) return ancestor;
            if (is_hard_boundary(ancestor) || html::is_element(ancestor, GUMBO_TAG_MAIN)) break;
            ancestor = ancestor->parent;
        }
        return nullptr;
    };
    // <main> holds the page's own content: what lies outside it is never more of the article.
    while (!html::is_element(best, GUMBO_TAG_MAIN)) {
        const GumboNode* next = grows_into(best);
        if (!next) next = parent_with_sibling_paragraphs(best);
        if (!next) break;
        // An <article> is left only for a parent that holds twice its text: the story split
        // across several <article> elements, not a story among its related teasers.
        if (is_hard_boundary(best) && candidates[next].chars < 2 * candidates[best].chars) break;
        if (html::is_element(best, GUMBO_TAG_ARTICLE) && holds_another_story(next, best, headline_element)) break;
        best = next;
    }
    return best;
}

}  // namespace newswire

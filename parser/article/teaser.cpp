#include "parser/article/teaser.h"

#include <algorithm>
#include <cstring>

#include "core/text.h"
#include "parser/article/container.h"
#include "parser/article/credit.h"
#include "parser/article/dom.h"
#include "parser/article/hints.h"

namespace newswire {
namespace {

constexpr std::size_t k_min_lead_chars = 35;
constexpr std::size_t k_min_unmarked_p_lead_chars = 60;  // for leads that are not a <p>
constexpr std::size_t k_max_lead_chars = 1500;
constexpr std::size_t k_max_credit_chars = 160;
constexpr std::size_t k_credit_tail_blocks = 4;
constexpr int k_credit_scope_levels = 3;

std::string comparable(std::string_view text) { return to_lower_ascii(fold_whitespace(text)); }

bool is_inside(const GumboNode* node, const GumboNode* ancestor) {
    for (int depth = 0; node && depth < 4096; ++depth, node = node->parent) {
        if (node == ancestor) return true;
    }
    return false;
}

bool acceptable_lead(const GumboNode* node, const GumboNode* container_hint) {
    if (container_hint && is_inside(container_hint, node) && container_hint != node) return false;
    TextStats stats = text_stats(node);
    if (stats.chars < k_min_lead_chars || stats.chars > k_max_lead_chars) return false;
    if (stats.link_chars * 3 > stats.chars) return false;
    GumboTag tag = html::tag_of(node);
    if (tag == GUMBO_TAG_H1 || tag == GUMBO_TAG_A || tag == GUMBO_TAG_IMG) return false;
    return !html::find_first(node, [](const GumboNode* n) { return html::is_element(n, GUMBO_TAG_H1); });
}

// Paragraphs of a lead element: its blocks when it has several, else its text.
std::vector<std::string> lead_paragraphs(const GumboNode* lead) {
    std::vector<std::string> paragraphs;
    for (SourcedBlock& block : collect_blocks(lead)) paragraphs.push_back(std::move(block.block.text));
    if (paragraphs.empty()) {
        std::string text = html::text_content(lead);
        if (!text.empty()) paragraphs.push_back(std::move(text));
    }
    return paragraphs;
}

const GumboNode* marked_lead(const GumboNode* root, const GumboNode* headline_element,
                             const GumboNode* first_block, std::string_view description) {
    bool passed = headline_element == nullptr;
    std::string wanted = comparable(description);
    std::string headline = headline_element ? comparable(html::text_content(headline_element)) : std::string();
    auto repeats_headline = [&](const GumboNode* node) {
        if (headline.empty()) return false;
        std::string text = comparable(html::text_content(node));
        return headline.find(text) != std::string::npos || text.find(headline) != std::string::npos;
    };
    auto long_enough = [](const GumboNode* node) {
        return html::is_element(node, GUMBO_TAG_P) || text_stats(node).chars >= k_min_unmarked_p_lead_chars;
    };
    const GumboNode* container = first_block ? first_block->parent : nullptr;
    const GumboNode* found = nullptr;
    std::size_t page_chars = raw_chars(root);
    html::walk(root, [&](const GumboNode* node) {
        if (!html::is_element(node)) return html::Visit::skip_children;
        bool furniture = is_furniture_in(node, page_chars);
        if (node == headline_element) {
            passed = true;
            return html::Visit::skip_children;
        }
        bool is_first = node == first_block;
        if (passed && !furniture) {
            bool marked = is_lead_hint(node) && acceptable_lead(node, container) && !repeats_headline(node) &&
                          long_enough(node);
            bool same_as_description = !marked && !wanted.empty() && html::is_element(node, GUMBO_TAG_P) &&
                                       comparable(html::text_content(node)) == wanted;
            if (marked || same_as_description) {
                found = node;
                return html::Visit::stop;
            }
        }
        if (is_first) return html::Visit::stop;
        if (furniture && !(headline_element && !passed && is_inside(headline_element, node))) {
            return html::Visit::skip_children;
        }
        return html::Visit::descend;
    });
    return found;
}

// Is the next element sibling of `node` a <p>? Then `node` starts the body, not a lead.
bool followed_by_paragraph(const GumboNode* node) {
    const GumboVector& siblings = node->parent->v.element.children;
    for (unsigned i = node->index_within_parent + 1; i < siblings.length; ++i) {
        const auto* sibling = static_cast<const GumboNode*>(siblings.data[i]);
        if (html::is_element(sibling)) return html::is_element(sibling, GUMBO_TAG_P);
    }
    return false;
}

// Does `node` hold text and inline elements only (<span>, <b>, ...), no blocks?
bool holds_only_inline(const GumboNode* node) {
    const GumboVector& children = node->v.element.children;
    for (unsigned i = 0; i < children.length; ++i) {
        const auto* child = static_cast<const GumboNode*>(children.data[i]);
        if (!html::is_element(child)) continue;
        GumboTag tag = html::tag_of(child);
        if (tag != GUMBO_TAG_SPAN && tag != GUMBO_TAG_B && tag != GUMBO_TAG_STRONG && tag != GUMBO_TAG_EM &&
            tag != GUMBO_TAG_I && tag != GUMBO_TAG_A && tag != GUMBO_TAG_BR) {
            return false;
        }
    }
    return true;
}

// A subtitle right below the headline: the next non-empty sibling of the headline element
// (or of its wrapper) when it is a short heading or paragraph of plain text.
const GumboNode* lead_below_headline(const GumboNode* headline_element) {
    if (!headline_element) return nullptr;
    const GumboNode* node = headline_element;
    for (int level = 0; level < 2 && node && node->parent; ++level, node = node->parent) {
        const GumboVector& siblings = node->parent->v.element.children;
        for (unsigned i = node->index_within_parent + 1; i < siblings.length; ++i) {
            const auto* sibling = static_cast<const GumboNode*>(siblings.data[i]);
            if (!html::is_element(sibling)) continue;
            GumboTag tag = html::tag_of(sibling);
            if (is_furniture(sibling) || html::text_content(sibling).empty()) continue;
            bool fits = tag == GUMBO_TAG_H2 || tag == GUMBO_TAG_H3 || tag == GUMBO_TAG_H4 || tag == GUMBO_TAG_P ||
                        (tag == GUMBO_TAG_DIV && holds_only_inline(sibling));
            if (!fits || !acceptable_lead(sibling, nullptr)) return nullptr;
            if (tag == GUMBO_TAG_P && followed_by_paragraph(sibling)) return nullptr;
            return text_stats(sibling).chars >= 60 ? sibling : nullptr;
        }
    }
    return nullptr;
}

bool has_weight_class(const GumboNode* node) {
    static const std::vector<std::string_view> weights = {"bold", "semibold", "medium", "strong", "heavy"};
    return has_hint_word(node, weights);
}

// The next <p> sibling, or nullptr.
const GumboNode* next_paragraph(const GumboNode* node) {
    const GumboVector& siblings = node->parent->v.element.children;
    for (unsigned i = node->index_within_parent + 1; i < siblings.length; ++i) {
        const auto* sibling = static_cast<const GumboNode*>(siblings.data[i]);
        if (html::is_element(sibling, GUMBO_TAG_P)) return sibling;
    }
    return nullptr;
}

// A first paragraph set entirely in bold, by markup or by a weight class that the paragraphs
// after it lack: the lead as many sites mark it.
bool is_bold_paragraph(const GumboNode* node) {
    if (!html::is_element(node, GUMBO_TAG_P)) return false;
    if (has_weight_class(node) && html::text_content(node).size() >= 60) {
        const GumboNode* next = next_paragraph(node);
        if (next && !has_weight_class(next)) return true;
    }
    std::size_t total = 0;
    std::size_t bold = 0;
    html::walk(node, [&](const GumboNode* n) {
        if (n->type == GUMBO_NODE_TEXT) total += std::string_view(n->v.text.text).size();
        if (html::is_element(n, GUMBO_TAG_STRONG) || html::is_element(n, GUMBO_TAG_B)) {
            bold += html::text_content(n).size();
            total += html::text_content(n).size();
            return html::Visit::skip_children;
        }
        return html::Visit::descend;
    });
    return total >= 60 && bold * 10 >= total * 9;
}

void erase_blocks_of(std::vector<SourcedBlock>& blocks, const GumboNode* lead,
                     const std::vector<std::string>& paragraphs) {
    std::vector<std::string> texts;
    for (const std::string& p : paragraphs) texts.push_back(comparable(p));
    std::erase_if(blocks, [&](const SourcedBlock& block) {
        if (is_inside(block.node, lead)) return true;
        return std::find(texts.begin(), texts.end(), comparable(block.block.text)) != texts.end();
    });
}

std::string join_lines(const std::vector<std::string>& lines) {
    std::string out;
    for (const std::string& line : lines) {
        if (!out.empty()) out += '\n';
        out += line;
    }
    return out;
}

}  // namespace

std::string take_teaser(const GumboNode* root, const GumboNode* headline_element,
                        std::vector<SourcedBlock>& blocks, std::string_view description,
                        const GumboNode* known_lead) {
    const GumboNode* first_block = nullptr;
    for (const SourcedBlock& block : blocks) {
        if (block.block.type == BlockType::paragraph && block.block.text.size() >= 80) {
            first_block = block.node;
            break;
        }
    }
    const GumboNode* lead = known_lead ? known_lead : marked_lead(root, headline_element, first_block, description);
    if (!lead) lead = lead_below_headline(headline_element);
    if (!lead && first_block && is_bold_paragraph(first_block)) lead = first_block;
    if (lead) {
        std::vector<std::string> paragraphs = lead_paragraphs(lead);
        erase_blocks_of(blocks, lead, paragraphs);
        return join_lines(paragraphs);
    }
    std::string wanted = comparable(description);
    if (!wanted.empty() && !blocks.empty() && blocks.front().block.type == BlockType::paragraph &&
        comparable(blocks.front().block.text) == wanted) {
        std::string text = std::move(blocks.front().block.text);
        blocks.erase(blocks.begin());
        return text;
    }
    return {};
}

namespace {

std::optional<SourceCredit> credit_in_tail(std::vector<SourcedBlock>& blocks) {
    std::size_t checked = 0;
    for (auto it = blocks.end(); it != blocks.begin() && checked < k_credit_tail_blocks; ++checked) {
        --it;
        if (it->block.type == BlockType::heading) continue;
        if (auto credit = parse_source_credit(it->block.text)) {
            blocks.erase(it);
            return credit;
        }
    }
    if (blocks.empty() || blocks.back().block.type != BlockType::paragraph) return std::nullopt;
    std::string& last = blocks.back().block.text;
    if (last.size() < 3 || last.back() != ')') return std::nullopt;
    std::size_t open = last.rfind('(');
    if (open == std::string::npos || open == 0 || last[open - 1] != ' ') return std::nullopt;
    auto credit = parse_source_credit(std::string_view(last).substr(open));
    if (!credit || credit->agencies.empty()) return std::nullopt;
    last = fold_whitespace(std::string_view(last).substr(0, open));
    return credit;
}

// Characters of text under `node`, counted only up to just past `limit`.
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

bool may_hold_credit(const GumboNode* node) {
    switch (html::tag_of(node)) {
    case GUMBO_TAG_P: case GUMBO_TAG_SPAN: case GUMBO_TAG_SMALL: case GUMBO_TAG_DIV:
    case GUMBO_TAG_EM: case GUMBO_TAG_I: case GUMBO_TAG_STRONG: case GUMBO_TAG_B:
    case GUMBO_TAG_LI: case GUMBO_TAG_DD: case GUMBO_TAG_CITE:
        return node->v.element.children.length <= 8;
    default:
        return false;
    }
}

}  // namespace

std::optional<SourceCredit> take_source_credit(const GumboNode* container,
                                               std::vector<SourcedBlock>& blocks) {
    if (auto credit = credit_in_tail(blocks)) return credit;
    if (!container) return std::nullopt;
    // Credit lines close the article: look from the container on, within a few levels of it.
    const GumboNode* scope = container;
    for (int level = 0; level < k_credit_scope_levels && scope->parent && html::is_element(scope->parent); ++level) {
        scope = scope->parent;
    }
    bool reached = false;
    std::optional<SourceCredit> found;
    static const std::vector<std::string_view> credit_words = {"caption", "credit", "copyright"};
    html::walk(scope, [&](const GumboNode* node) {
        if (node == container) reached = true;
        if (!html::is_element(node)) return html::Visit::skip_children;
        GumboTag tag = html::tag_of(node);
        if (tag == GUMBO_TAG_FIGURE || tag == GUMBO_TAG_FIGCAPTION || tag == GUMBO_TAG_SCRIPT ||
            tag == GUMBO_TAG_NAV || has_hint_word(node, credit_words)) {
            return html::Visit::skip_children;
        }
        if (!reached || !may_hold_credit(node)) return html::Visit::descend;
        std::size_t chars = bounded_text_length(node, k_max_credit_chars * 2);
        if (chars == 0 || chars > k_max_credit_chars * 2) return html::Visit::descend;
        if (auto credit = parse_source_credit(html::text_content(node))) {
            // The innermost element that reads as a credit line: "<small><span>Quelle: F.A.Z.
            // </span><a>Artikelrechte</a></small>" is the span's line.
            html::walk(node, [&](const GumboNode* inner) {
                if (inner == node || !html::is_element(inner)) return html::Visit::descend;
                if (auto narrower = parse_source_credit(html::text_content(inner))) {
                    credit = std::move(narrower);
                    return html::Visit::stop;
                }
                return html::Visit::descend;
            });
            found = std::move(credit);
            return html::Visit::stop;
        }
        return html::Visit::descend;
    });
    return found;
}

}  // namespace newswire

#include "parser/article/teaser.h"

#include <algorithm>
#include <array>
#include <unordered_set>


#include "core/text.h"
#include "parser/article/container.h"
#include "parser/article/dom.h"
#include "parser/article/hints.h"
#include "parser/article/meta_authors.h"

namespace newswire {
namespace {

constexpr std::size_t k_min_lead_chars = 35;
constexpr std::size_t k_min_unmarked_p_lead_chars = 60;  // for leads that are not a <p>
constexpr std::size_t k_max_lead_chars = 1500;
constexpr std::size_t k_min_description_key = 20;  // shorter descriptions say too little to match
constexpr std::size_t k_max_dateline_key = 24;     // "Berlin." or "WASHINGTON (AP) --" before the lead

std::string comparable(std::string_view text) { return to_lower_ascii(fold_whitespace(text)); }

// Calls `visit` with each lower-case ASCII word of an attribute value, split at every other
// character and at camelCase boundaries ("typeInfoboxSummary": type, infobox, summary).
template <typename Visit>
void for_each_word(std::string_view text, Visit visit) {
    std::string word;
    for (std::size_t i = 0; i <= text.size(); ++i) {
        char c = i < text.size() ? text[i] : ' ';
        bool upper = c >= 'A' && c <= 'Z';
        bool alnum = upper || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if ((!alnum || (upper && i > 0 && text[i - 1] >= 'a' && text[i - 1] <= 'z')) && !word.empty()) {
            visit(std::string_view(word));
            word.clear();
        }
        if (alnum) word += upper ? static_cast<char>(c - 'A' + 'a') : c;
    }
}

bool is_inside(const GumboNode* node, const GumboNode* ancestor) {
    for (int depth = 0; node && depth < 4096; ++depth, node = node->parent) {
        if (node == ancestor) return true;
    }
    return false;
}

bool acceptable_lead(const GumboNode* node, const GumboNode* container_hint) {
    if (container_hint && is_inside(container_hint, node) && container_hint != node) return false;
    // Counted no further than a lead may be long: boxes marked as the lead may nest, each
    // holding the rest of the page.
    TextStats stats = text_stats_up_to(node, k_max_lead_chars);
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

// The page's description as a lead must read: its key, and whether the page cut it short
// ("... mehr als..."), when only its start can be compared.
struct Description {
    std::string key;
    std::size_t raw_size = 0;
    bool truncated = false;
};

Description describe(std::string_view description) {
    Description out;
    std::string text = fold_whitespace(description);
    for (std::string_view ellipsis : {"...", "\xE2\x80\xA6"}) {
        if (text.size() > ellipsis.size() && std::string_view(text).ends_with(ellipsis)) {
            text.resize(text.size() - ellipsis.size());
            out.truncated = true;
        }
    }
    if (out.truncated) {
        std::size_t space = text.rfind(' ');  // the last word may be cut
        if (space != std::string::npos) text.resize(space);
    }
    out.key = letters_and_digits_key(text);
    out.raw_size = description.size();
    if (out.key.size() < k_min_description_key) out.key.clear();
    return out;
}

// Does the text of `node` read as the description: the same words, or the same words after a
// short dateline ("Berlin. ..."), or, for a cut description, the same start?
bool matches_description(const GumboNode* node, const Description& description) {
    std::size_t limit = description.raw_size * 2 + 200;
    std::size_t length = bounded_text_length(node, limit);
    if (length > limit || length < description.key.size()) return false;
    std::string key = letters_and_digits_key(html::text_content(node));
    if (description.truncated) return key.starts_with(description.key);
    if (key == description.key) return true;
    return key.size() <= description.key.size() + k_max_dateline_key && key.ends_with(description.key);
}

bool may_hold_lead_text(const GumboNode* node) {
    switch (html::tag_of(node)) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_SPAN: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
    case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_STRONG: case GUMBO_TAG_B:
    case GUMBO_TAG_EM: case GUMBO_TAG_SECTION: case GUMBO_TAG_HEADER: case GUMBO_TAG_LI:
        return true;
    default:
        return false;
    }
}

// The page's descriptions: the one metadata chose (JSON-LD first) and the <head>'s meta
// description, og:description and twitter:description, which may be another text.
std::vector<Description> page_descriptions(const GumboNode* root, std::string_view chosen) {
    std::vector<Description> out;
    auto add = [&](std::string_view text) {
        Description description = describe(text);
        if (description.key.empty()) return;
        for (const Description& known : out) {
            if (known.key == description.key) return;
        }
        out.push_back(std::move(description));
    };
    add(chosen);
    const GumboNode* head = nullptr;
    const GumboVector& top = root->v.element.children;
    for (unsigned i = 0; i < top.length && !head; ++i) {
        const auto* child = static_cast<const GumboNode*>(top.data[i]);
        if (html::is_element(child, GUMBO_TAG_HEAD)) head = child;
    }
    if (!head) return out;
    const GumboVector& children = head->v.element.children;
    for (unsigned i = 0; i < children.length && out.size() < 4; ++i) {
        const auto* child = static_cast<const GumboNode*>(children.data[i]);
        if (!html::is_element(child, GUMBO_TAG_META)) continue;
        std::string_view name = html::attribute(child, "property");
        if (name.empty()) name = html::attribute(child, "name");
        if (equals_ci(name, "description") || equals_ci(name, "og:description") ||
            equals_ci(name, "twitter:description")) {
            add(html::attribute(child, "content"));
        }
    }
    return out;
}

// Class or attribute words that mark a lead: hints.h's, and the test ids and types that
// component frameworks write ("data-test-tag=lead-text", "type=lead", "data-cy=intro").
bool is_marked_lead(const GumboNode* node) {
    static const std::vector<std::string_view> extra_words = {"synopsis"};
    if (is_lead_hint(node) || has_hint_word(node, extra_words)) return true;
    static constexpr std::array<std::string_view, 9> names = {
        "type", "data-type", "data-test-tag", "data-test", "data-testid", "data-qa", "data-cy", "data-component",
        "data-role"};
    static constexpr std::array<std::string_view, 10> words = {
        "lead", "leadtext", "intro", "introtext", "teaser", "standfirst", "summary", "synopsis", "abstract", "dek"};
    const GumboVector& attributes = node->v.element.attributes;
    for (unsigned i = 0; i < attributes.length; ++i) {
        const auto* attribute = static_cast<const GumboAttribute*>(attributes.data[i]);
        if (std::find(names.begin(), names.end(), std::string_view(attribute->name)) == names.end()) continue;
        bool hit = false;
        for_each_word(attribute->value, [&](std::string_view word) {
            hit = hit || std::find(words.begin(), words.end(), word) != words.end();
        });
        if (hit) return true;
    }
    return false;
}

struct LeadCandidates {
    const GumboNode* marked = nullptr;     // marked as lead by class or attribute
    const GumboNode* described = nullptr;  // reads as the page's description
};

LeadCandidates find_lead_candidates(const GumboNode* root, const GumboNode* headline_element, std::string_view headline_text,
                                    const GumboNode* first_block, const std::vector<Description>& descriptions) {
    bool passed = headline_element == nullptr;
    // Without a headline element (a page that sets its headline in a <p>), the headline's text.
    std::string headline = comparable(headline_element ? html::text_content(headline_element) : std::string(headline_text));
    // Part of the headline, or the headline with a few words more (a kicker): a lead that
    // merely mentions a short headline is twice as long as it.
    auto repeats_headline = [&](const GumboNode* node) {
        if (headline.empty()) return false;
        std::string text = comparable(html::text_content(node));
        return headline.find(text) != std::string::npos ||
               (text.find(headline) != std::string::npos && text.size() < headline.size() * 2);
    };
    auto long_enough = [](const GumboNode* node) {
        return html::is_element(node, GUMBO_TAG_P) || text_stats(node).chars >= k_min_unmarked_p_lead_chars;
    };
    const GumboNode* container = first_block ? first_block->parent : nullptr;
    auto may_be_marked_lead = [&](const GumboNode* node) {
        return is_marked_lead(node) && acceptable_lead(node, container) && !repeats_headline(node) && long_enough(node);
    };
    LeadCandidates found;
    const GumboNode* relaxed_box = nullptr;
    std::size_t page_chars = raw_chars(root);
    html::walk(root, [&](const GumboNode* node) {
        if (!html::is_element(node)) return html::Visit::skip_children;
        bool furniture = is_furniture_in(node, page_chars);
        if (node == headline_element) {
            passed = true;
            return html::Visit::skip_children;
        }
        if (passed && !furniture) {
            // Once a marked lead is found, a later text that reads as the description is the lead
            // only when it is part of it or marked itself; a cut description is most often the
            // body's first paragraph cut short, so it counts only outside the body.
            bool may_describe = !found.marked || is_inside(node, found.marked) || is_marked_lead(node);
            bool reads_as_description = may_describe && may_hold_lead_text(node) &&
                std::any_of(descriptions.begin(), descriptions.end(), [&](const Description& description) {
                    return matches_description(node, description) &&
                           !(description.truncated && container && is_inside(node, container));
                });
            if (reads_as_description && !repeats_headline(node)) {
                found.described = node;
                return html::Visit::stop;
            }
            if (!found.marked && !(relaxed_box && is_inside(node, relaxed_box)) && may_be_marked_lead(node)) {
                found.marked = node;
                if (descriptions.empty()) return html::Visit::stop;
            }
        }
        if (node == first_block) return html::Visit::stop;
        if (furniture && passed && headline_element && node->parent == headline_element->parent &&
            !is_hard_furniture(node)) {
            // A box beside the headline named like furniture (a "footer" list under it) may
            // hold the standfirst: read for the description only, unless the box itself is
            // named as a lead too ("gallery-intro": a picture gallery's own page).
            relaxed_box = node;
            if (!found.marked && may_be_marked_lead(node)) found.marked = node;
            return html::Visit::descend;
        }
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

// The lead element and the siblings right after it that are marked as lead the same way: a
// lead of several paragraphs, each its own <p class="lead">.
std::vector<const GumboNode*> with_marked_siblings(const GumboNode* lead) {
    std::vector<const GumboNode*> nodes{lead};
    if (!lead->parent || !html::is_element(lead->parent)) return nodes;
    const GumboVector& siblings = lead->parent->v.element.children;
    for (unsigned i = lead->index_within_parent + 1; i < siblings.length; ++i) {
        const auto* sibling = static_cast<const GumboNode*>(siblings.data[i]);
        if (!html::is_element(sibling)) continue;
        if (html::tag_of(sibling) != html::tag_of(lead) || !is_marked_lead(sibling) ||
            !acceptable_lead(sibling, nullptr)) {
            break;
        }
        nodes.push_back(sibling);
    }
    return nodes;
}

// Erases the blocks inside the lead elements and those that repeat one of its paragraphs. A
// lead may be thousands of marked siblings, each a block of the body, so both are look-ups.
void erase_blocks_of(std::vector<SourcedBlock>& blocks, const std::vector<const GumboNode*>& leads,
                     const std::vector<std::string>& paragraphs) {
    std::unordered_set<std::string> texts;
    for (const std::string& p : paragraphs) texts.insert(comparable(p));
    std::unordered_set<const GumboNode*> lead_nodes(leads.begin(), leads.end());
    std::erase_if(blocks, [&](const SourcedBlock& block) {
        const GumboNode* node = block.node;
        for (int depth = 0; node && depth < 4096; ++depth, node = node->parent) {  // as is_inside
            if (lead_nodes.contains(node)) return true;
        }
        return texts.contains(comparable(block.block.text));
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

// "Neuss · Was kann …": the place a lead opens with, set apart by a middle dot (the Rheinische
// Post's publishing system, shared by its sister papers), is a dateline, not the lead's text.
// Up to three capitalised words before the dot, without a stop.
std::string without_dot_dateline(std::string text) {
    constexpr std::string_view k_dot = " \xC2\xB7 ";
    constexpr std::size_t k_max_place_bytes = 40;
    constexpr std::size_t k_max_place_words = 3;
    std::size_t dot = text.find(k_dot);
    if (dot == std::string::npos || dot == 0 || dot > k_max_place_bytes) return text;
    std::string_view place(text.data(), dot);
    auto lead_byte = static_cast<unsigned char>(place.front());
    bool capitalised = (lead_byte >= 'A' && lead_byte <= 'Z') || lead_byte >= 0xC3;
    if (!capitalised || place.find_first_of(".,:;!?") != std::string_view::npos ||
        static_cast<std::size_t>(std::count(place.begin(), place.end(), ' ')) >= k_max_place_words) {
        return text;
    }
    std::string rest = text.substr(dot + k_dot.size());
    return rest.size() >= k_min_lead_chars ? rest : text;
}

// The last element child of `node`, skipping white space; nullptr when text or nothing closes it.
const GumboNode* closing_element(const GumboNode* node) {
    const GumboVector& children = node->v.element.children;
    for (unsigned i = children.length; i-- > 0;) {
        const auto* child = static_cast<const GumboNode*>(children.data[i]);
        if (child->type == GUMBO_NODE_WHITESPACE) continue;
        if (child->type == GUMBO_NODE_TEXT && fold_whitespace(child->v.text.text).empty()) continue;
        return html::is_element(child) ? child : nullptr;
    }
    return nullptr;
}

// "… wurde das Hotel wieder lebendig. <i>Von Eva Kirchner-Rätsch</i>": a byline set in an
// inline element of its own at the end of the lead names the writer and is no lead text. Its
// text, empty when the lead closes otherwise.
std::string closing_byline(const GumboNode* lead) {
    constexpr std::size_t k_max_byline_chars = 80;
    const GumboNode* last = closing_element(lead);
    if (last && html::is_element(last, GUMBO_TAG_P)) last = closing_element(last);
    if (!last) return {};
    GumboTag tag = html::tag_of(last);
    if (tag != GUMBO_TAG_I && tag != GUMBO_TAG_EM && tag != GUMBO_TAG_SPAN && tag != GUMBO_TAG_SMALL) return {};
    std::string text = fold_whitespace(html::text_content(last));
    if (text.size() > k_max_byline_chars || !starts_with_byline_label(text)) return {};
    return text;
}

// `paragraph` without the byline that closes it; as it is when the rest would not be a lead.
std::string without_closing_byline(std::string paragraph, std::string_view byline) {
    if (byline.empty() || !std::string_view(paragraph).ends_with(byline)) return paragraph;
    std::string rest = fold_whitespace(std::string_view(paragraph).substr(0, paragraph.size() - byline.size()));
    return rest.size() >= k_min_lead_chars ? rest : paragraph;
}

// Does `lead` hold every one of two or more body blocks? Then it is the body under a name that
// reads as a lead (Drupal's body field "field--type-text-with-summary", a video page's
// "video-description"): taking it would leave no body.
bool holds_whole_body(const GumboNode* lead, const std::vector<SourcedBlock>& blocks) {
    return blocks.size() >= 2 && std::all_of(blocks.begin(), blocks.end(), [&](const SourcedBlock& block) {
               return block.node && is_inside(block.node, lead);
           });
}

const GumboNode* choose_lead(const GumboNode* root, const GumboNode* headline_element, std::string_view headline,
                             const GumboNode* first_block, const std::vector<Description>& descriptions) {
    LeadCandidates candidates = find_lead_candidates(root, headline_element, headline, first_block, descriptions);
    if (candidates.described) return candidates.described;
    if (candidates.marked) return candidates.marked;
    if (const GumboNode* below = lead_below_headline(headline_element)) return below;
    if (first_block && is_bold_paragraph(first_block)) return first_block;
    return nullptr;
}

}  // namespace

std::string take_teaser(const GumboNode* root, const GumboNode* headline_element, std::string_view headline,
                        std::vector<SourcedBlock>& blocks, std::string_view description,
                        const GumboNode* known_lead) {
    const GumboNode* first_block = nullptr;
    for (const SourcedBlock& block : blocks) {
        if (block.block.type == BlockType::paragraph && block.block.text.size() >= 80) {
            first_block = block.node;
            break;
        }
    }
    std::vector<Description> descriptions = page_descriptions(root, description);
    Description described = describe(description);
    const GumboNode* lead = known_lead ? known_lead : choose_lead(root, headline_element, headline, first_block, descriptions);
    if (lead && !known_lead && holds_whole_body(lead, blocks)) lead = nullptr;
    if (lead) {
        std::vector<const GumboNode*> leads = with_marked_siblings(lead);
        std::vector<std::string> paragraphs;
        for (const GumboNode* node : leads) {
            for (std::string& paragraph : lead_paragraphs(node)) paragraphs.push_back(std::move(paragraph));
        }
        erase_blocks_of(blocks, leads, paragraphs);
        if (!paragraphs.empty()) {
            paragraphs.front() = without_dot_dateline(std::move(paragraphs.front()));
            paragraphs.back() = without_closing_byline(std::move(paragraphs.back()), closing_byline(leads.back()));
        }
        return join_lines(paragraphs);
    }
    if (!described.key.empty() && !blocks.empty() && blocks.front().block.type == BlockType::paragraph &&
        letters_and_digits_key(blocks.front().block.text) == described.key) {
        std::string text = std::move(blocks.front().block.text);
        blocks.erase(blocks.begin());
        return text;
    }
    return {};
}

}  // namespace newswire

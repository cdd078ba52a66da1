#include "parser/article/furniture_blocks.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>
#include <string_view>


#include "core/text.h"
#include "parser/article/container.h"
#include "parser/article/dom.h"

namespace newswire {
namespace {

bool is_emphasis(GumboTag tag) {
    return tag == GUMBO_TAG_EM || tag == GUMBO_TAG_I || tag == GUMBO_TAG_STRONG || tag == GUMBO_TAG_B;
}

// White space (the no-break space's bytes included) and ASCII punctuation: the stop after a
// bold link ("<b>check our <a>page</a></b>.") leaves a note set apart.
bool is_blank(std::string_view text) {
    return std::none_of(text.begin(), text.end(), [](char c) {
        auto byte = static_cast<unsigned char>(c);
        return std::isalnum(byte) || (byte >= 0x80 && byte != 0xC2 && byte != 0xA0);
    });
}

// Is every piece of text of `node` inside an <em>, <i>, <strong> or <b> below it?
bool is_set_apart(const GumboNode* node) {
    if (!html::is_element(node)) return false;
    bool emphasised = false;
    bool plain_text = false;
    html::walk(node, [&](const GumboNode* n) {
        if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA) {
            if (!is_blank(n->v.text.text)) plain_text = true;
            return plain_text ? html::Visit::stop : html::Visit::skip_children;
        }
        if (!html::is_element(n)) return html::Visit::skip_children;
        if (n != node && is_emphasis(n->v.element.tag)) {
            emphasised = true;
            return html::Visit::skip_children;
        }
        return html::Visit::descend;
    });
    return emphasised && !plain_text;
}

bool holds(const GumboNode* ancestor, const GumboNode* node) {
    constexpr int k_max_depth = 4096;
    for (int depth = 0; node && depth < k_max_depth; ++depth, node = node->parent) {
        if (node == ancestor) return true;
    }
    return false;
}

// A heading that closes the body titles a box whose content was left out ("Most Read", "Zum
// selben Thema") when its parent does not hold the block before it; a subheading of the story
// stands among the story's paragraphs (the last one visible before a paywall).
bool titles_a_box(const SourcedBlock& heading, const SourcedBlock& before) {
    return heading.node && before.node && !holds(heading.node->parent, before.node);
}

// What a paywall's notice says, lower-case: the rest is for subscribers or members.
constexpr std::string_view k_paywall_phrases[] = {
    "subscribers only", "exclusive to subscribers", "subscribe to continue reading",
    "nur für abonnenten", "exklusiv für abonnenten", "réservée aux abonnés", "réservé aux abonnés",
    "exclusivo para suscriptores", "solo para suscriptores", "riservato agli abbonati", "exclusivo para assinantes",
    "alleen voor abonnees", "endast för prenumeranter", "kun for abonnenter", "tylko dla prenumeratorów",
    "tylko dla subskrybentów", "dla subskrybentów",
    "会員限定", "有料会員", "유료 회원", "구독자 전용", "付费会员"};  // members/subscribers only, paying members

bool is_paywall_notice(std::string_view text) {
    constexpr std::size_t k_max_notice_bytes = 300;
    if (text.size() > k_max_notice_bytes) return false;
    std::string lower = to_lower_ascii(text);
    return std::any_of(std::begin(k_paywall_phrases), std::end(k_paywall_phrases),
                       [&](std::string_view phrase) { return lower.find(phrase) != std::string::npos; });
}

// A note on a correction to the story, lower-case: the newsroom's word on the story's own text,
// which readers are owed with it ("Correction: An earlier version of this story misstated …").
constexpr std::string_view k_correction_openers[] = {
    "correction:", "corrections:", "clarification:", "an earlier version of this", "korrektur:",
    "berichtigung:", "correctif", "rectificatif", "correcci\xC3\xB3n:", "rectificaci\xC3\xB3n:",
    "corre\xC3\xA7\xC3\xA3o:", "rettifica:", "correctie:", "rettelse:", "r\xC3\xA4ttelse:", "sprostowanie:"};

bool is_correction_note(std::string_view text) {
    return std::any_of(std::begin(k_correction_openers), std::end(k_correction_openers),
                       [&](std::string_view opener) { return folded_prefix_length(text, opener) > 0; });
}

// The label of a press release's contact box, alone on its line: "Pressekontakt:", "Media
// contact:"; lower-case, without the colon.
constexpr std::string_view k_press_contact_labels[] = {
    "pressekontakt", "presse-kontakt", "medienkontakt", "press contact", "press contacts", "media contact",
    "media contacts", "contact presse", "contacto de prensa", "contatto stampa", "perscontact"};

bool is_press_contact_label(std::string_view text) {
    if (!text.ends_with(':')) return false;
    std::string label = to_lower_ascii(fold_whitespace(text.substr(0, text.size() - 1)));
    return std::any_of(std::begin(k_press_contact_labels), std::end(k_press_contact_labels),
                       [&](std::string_view wanted) { return label == wanted; });
}

// A press release closes with its contact box: the label and the lines of address after it
// ("Pressekontakt:" / "Stadtwerke Lindenau GmbH Unternehmenskommunikation Sabine Krüger
// Telefon: …"). Only short lines may follow the label.
void drop_press_contact(std::vector<SourcedBlock>& blocks) {
    constexpr std::size_t k_max_lines = 4;
    constexpr std::size_t k_max_line_bytes = 300;
    for (std::size_t i = blocks.size(); i-- > 1 && blocks.size() - i <= k_max_lines + 1;) {
        if (!is_press_contact_label(blocks[i].block.text)) {
            if (blocks[i].block.text.size() > k_max_line_bytes) return;
            continue;
        }
        blocks.erase(blocks.begin() + static_cast<std::ptrdiff_t>(i), blocks.end());
        return;
    }
}

}  // namespace

void drop_from_paywall_notice(std::vector<SourcedBlock>& blocks) {
    constexpr std::size_t k_max_offer_bytes = 200;  // a longer paragraph after it: the story goes on
    auto notice = std::find_if(blocks.begin(), blocks.end(),
                               [](const SourcedBlock& block) { return is_paywall_notice(block.block.text); });
    if (notice == blocks.begin() || notice == blocks.end()) return;
    if (std::any_of(notice + 1, blocks.end(), [](const SourcedBlock& block) {
            return block.block.type == BlockType::paragraph && block.block.text.size() > k_max_offer_bytes;
        })) {
        return;
    }
    std::size_t kept = 0;
    std::size_t cut = 0;
    for (auto it = blocks.begin(); it != blocks.end(); ++it) (it < notice ? kept : cut) += it->block.text.size();
    if (cut > kept) return;
    blocks.erase(notice, blocks.end());
}

void drop_closing_notes(std::vector<SourcedBlock>& blocks) {
    drop_press_contact(blocks);
    std::size_t story_chars = 0;
    for (const SourcedBlock& block : blocks) story_chars += block.block.text.size();
    std::size_t note_chars = 0;
    std::size_t end = blocks.size();
    while (end > 0) {
        const SourcedBlock& last = blocks[end - 1];
        bool note = last.block.type == BlockType::paragraph && is_set_apart(last.node);
        if (note && is_correction_note(last.block.text)) break;
        if (!note && !(last.block.type == BlockType::heading && end > 1 && titles_a_box(last, blocks[end - 2]))) break;
        note_chars += last.block.text.size();
        --end;
    }
    // A story set in italics throughout has no notes set apart from it.
    if (end == 0 || end == blocks.size() || note_chars * 2 > story_chars) return;
    blocks.erase(blocks.begin() + static_cast<std::ptrdiff_t>(end), blocks.end());
}

namespace {

// The largest box around `heading` that holds neither `before` nor `after`; the heading itself
// when its parent holds one of them.
const GumboNode* box_of_heading(const GumboNode* heading, const GumboNode* before, const GumboNode* after) {
    constexpr int k_max_levels = 8;
    const GumboNode* box = heading;
    for (int level = 0; level < k_max_levels && box->parent && html::is_element(box->parent); ++level) {
        const GumboNode* parent = box->parent;
        if ((before && holds(parent, before)) || (after && holds(parent, after))) break;
        box = parent;
    }
    return box;
}

bool titles_left_out_box(const SourcedBlock& heading, const GumboNode* before, const GumboNode* after) {
    constexpr std::size_t k_min_left_out_chars = 40;
    constexpr std::size_t k_max_box_chars = 3000;  // larger boxes are not measured
    if (!heading.node || !after) return false;
    const GumboNode* box = box_of_heading(heading.node, before, after);
    if (box == heading.node || bounded_text_length(box, k_max_box_chars) > k_max_box_chars) return false;
    TextStats stats = text_stats(box);
    TextStats heading_stats = text_stats(heading.node);
    if (stats.chars < heading_stats.chars + k_min_left_out_chars) return false;
    std::size_t rest = stats.chars - heading_stats.chars;
    std::size_t rest_links = stats.link_chars - std::min(stats.link_chars, heading_stats.link_chars);
    return rest_links * 2 >= rest;
}

// A line that names who was quoted: short, and not ending like a sentence.
bool is_attribution(const SourcedBlock& block) {
    constexpr std::size_t k_max_attribution_bytes = 80;
    std::string_view text = block.block.text;
    if (block.block.type != BlockType::quote || text.empty() || text.size() > k_max_attribution_bytes) return false;
    return std::string_view(".!?\"'").find(text.back()) == std::string_view::npos && !text.ends_with("\xE2\x80\x9D") &&
           !text.ends_with("\xC2\xAB") && !text.ends_with("\xC2\xBB");
}

}  // namespace

void drop_pull_quotes(std::vector<SourcedBlock>& blocks, std::string_view teaser) {
    constexpr std::size_t k_min_key_bytes = 20;  // shorter quotes repeat by chance
    if (std::none_of(blocks.begin(), blocks.end(), [](const SourcedBlock& block) {
            return block.block.type == BlockType::quote && block.block.text.size() >= k_min_key_bytes;
        })) {
        return;
    }
    std::vector<std::string> keys;
    keys.reserve(blocks.size());
    for (const SourcedBlock& block : blocks) keys.push_back(letters_and_digits_key(block.block.text));
    std::string teaser_key = letters_and_digits_key(teaser);
    std::vector<bool> drop(blocks.size(), false);
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        if (drop[i] || blocks[i].block.type != BlockType::quote || keys[i].size() < k_min_key_bytes) continue;
        drop[i] = teaser_key.find(keys[i]) != std::string::npos;
        for (std::size_t j = 0; j < blocks.size() && !drop[i]; ++j) {
            bool story = blocks[j].block.type == BlockType::paragraph || blocks[j].block.type == BlockType::list_item;
            drop[i] = j != i && story && keys[j].find(keys[i]) != std::string::npos;
        }
        if (drop[i] && i + 1 < blocks.size() && is_attribution(blocks[i + 1])) drop[i + 1] = true;
    }
    std::size_t index = 0;
    std::erase_if(blocks, [&](const SourcedBlock&) { return drop[index++]; });
}

void drop_left_out_box_titles(std::vector<SourcedBlock>& blocks) {
    if (blocks.size() < 2) return;
    std::vector<bool> drop(blocks.size(), false);
    for (std::size_t i = 0; i + 1 < blocks.size(); ++i) {
        const GumboNode* before = i > 0 ? blocks[i - 1].node : nullptr;
        drop[i] = blocks[i].block.type == BlockType::heading &&
                  titles_left_out_box(blocks[i], before, blocks[i + 1].node);
    }
    std::size_t index = 0;
    std::erase_if(blocks, [&](const SourcedBlock&) { return drop[index++]; });
}

void drop_opening_dateline(std::vector<SourcedBlock>& blocks) {
    constexpr std::size_t k_max_place_bytes = 40;
    constexpr std::size_t k_max_place_words = 3;
    if (blocks.size() < 2 || blocks[0].block.type != BlockType::paragraph ||
        blocks[1].block.type != BlockType::paragraph) {
        return;
    }
    std::string_view text = blocks[0].block.text;
    if (text.size() < 3 || text.size() > k_max_place_bytes || !text.ends_with('.')) return;
    std::string_view place = text.substr(0, text.size() - 1);
    if (place.find_first_of(".,:;!?()0123456789") != std::string_view::npos) return;
    std::size_t words = 0;
    for (std::size_t at = 0; at < place.size();) {
        std::size_t end = std::min(place.find(' ', at), place.size());
        auto lead = static_cast<unsigned char>(place[at]);
        if (!((lead >= 'A' && lead <= 'Z') || lead >= 0xC3)) return;  // each word capitalised
        ++words;
        at = end + 1;
    }
    if (words == 0 || words > k_max_place_words) return;
    blocks.erase(blocks.begin());
}

void drop_caption_repeats(std::vector<Block>& body, const std::vector<Image>& images) {
    if (images.empty()) return;
    std::erase_if(body, [&](const Block& block) {
        return block.type == BlockType::paragraph &&
               std::any_of(images.begin(), images.end(), [&](const Image& image) { return image.caption == block.text; });
    });
}

}  // namespace newswire

#include "parser/article/blocks.h"

#include <algorithm>
#include <cctype>
#include <string_view>

#include <utf8proc.h>

#include "core/text.h"
#include "parser/article/container.h"
#include "parser/article/dom.h"
#include "parser/article/hints.h"
#include "parser/article/meta_images.h"
#include "parser/article/meta_names.h"
#include "parser/article/meta_text.h"

namespace newswire {
namespace {

constexpr std::size_t k_max_heading_chars = 250;
constexpr std::size_t k_max_picture_box_chars = 400;  // a picture with its caption and credit
// Quotation marks (ASCII, „“”‚‘’«») and stops at the edges of a quote; bytes of UTF-8 marks.
constexpr std::string_view k_quote_edges = " .,;:!?\"'\xE2\x80\x9A\x9C\x9D\x9E\x98\x99\xC2\xAB\xBB";

bool is_inline_tag(const GumboNode* node);

// Inline by tag, unless a <span> that holds blocks: a wrapper around paragraphs (a paywall's)
// is laid out as a block. Links stay inline whatever they hold (a linked teaser card is one
// link), and so do <b>/<strong> around a paragraph (a bold lead).
bool is_inline(const GumboNode* node) {
    if (!is_inline_tag(node)) return false;
    if (node->type != GUMBO_NODE_ELEMENT || node->v.element.tag != GUMBO_TAG_SPAN) return true;
    const GumboVector& children = node->v.element.children;
    for (unsigned i = 0; i < children.length; ++i) {
        const auto* child = static_cast<const GumboNode*>(children.data[i]);
        if (child->type == GUMBO_NODE_ELEMENT && !is_inline_tag(child)) return false;
    }
    return true;
}

bool is_inline_tag(const GumboNode* node) {
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE ||
        node->type == GUMBO_NODE_CDATA) {
        return true;
    }
    if (node->type != GUMBO_NODE_ELEMENT) return false;
    switch (node->v.element.tag) {
    case GUMBO_TAG_A: case GUMBO_TAG_ABBR: case GUMBO_TAG_B: case GUMBO_TAG_BDI: case GUMBO_TAG_BDO:
    case GUMBO_TAG_BR: case GUMBO_TAG_CITE: case GUMBO_TAG_CODE: case GUMBO_TAG_DATA:
    case GUMBO_TAG_DFN: case GUMBO_TAG_EM: case GUMBO_TAG_I: case GUMBO_TAG_KBD: case GUMBO_TAG_MARK:
    case GUMBO_TAG_Q: case GUMBO_TAG_S: case GUMBO_TAG_SAMP: case GUMBO_TAG_SMALL:
    case GUMBO_TAG_SPAN: case GUMBO_TAG_STRONG: case GUMBO_TAG_SUB: case GUMBO_TAG_SUP:
    case GUMBO_TAG_U: case GUMBO_TAG_VAR: case GUMBO_TAG_WBR: case GUMBO_TAG_FONT:
    case GUMBO_TAG_INS: case GUMBO_TAG_DEL: case GUMBO_TAG_NOBR: case GUMBO_TAG_TIME:
        return true;
    default:
        return false;
    }
}

// Text with nothing to read: punctuation, white space, invisible format characters (a byte
// order mark, a zero-width joiner) and emoji alone ("." or "/" left of a widget, the "💡" of a
// callout box). Other symbols stay: "◇" and "***" part a story's sections.
bool has_nothing_to_read(std::string_view text) {
    constexpr utf8proc_int32_t k_first_emoji = 0x1F000;
    for (std::size_t i = 0; i < text.size();) {
        auto byte = static_cast<unsigned char>(text[i]);
        if (byte < 0x80) {
            if (std::isalnum(byte) || byte == '*') return false;
            ++i;
            continue;
        }
        utf8proc_int32_t codepoint = 0;
        auto length = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + i),
                                       static_cast<utf8proc_ssize_t>(text.size() - i), &codepoint);
        if (length <= 0) return false;
        i += static_cast<std::size_t>(length);
        utf8proc_category_t category = utf8proc_category(codepoint);
        bool blank = (category >= UTF8PROC_CATEGORY_PC && category <= UTF8PROC_CATEGORY_PO) ||
                     (category >= UTF8PROC_CATEGORY_ZS && category <= UTF8PROC_CATEGORY_CF) ||
                     (category == UTF8PROC_CATEGORY_SO && codepoint >= k_first_emoji) ||
                     codepoint == 0xFE0F;  // the emoji presentation selector
        if (!blank) return false;
    }
    return true;
}

// The headings a body holds: h2 to h6 (the h1 is the headline's).
bool is_subheading(GumboTag tag) { return tag != GUMBO_TAG_H1 && html::is_heading(tag); }

bool mostly_links(const GumboNode* node) {
    TextStats stats = text_stats(node);
    return stats.chars == 0 || stats.link_chars * 10 > stats.chars * 6;
}

// Characters of text inside links below an inline element ("<b>Read also: <a>...</a></b>").
std::size_t link_chars_below(const GumboNode* node) {
    const GumboVector& children = node->v.element.children;
    bool has_elements = false;
    for (unsigned i = 0; i < children.length && !has_elements; ++i) {
        has_elements = static_cast<const GumboNode*>(children.data[i])->type == GUMBO_NODE_ELEMENT;
    }
    if (!has_elements) return 0;
    std::size_t chars = 0;
    html::walk(node, [&](const GumboNode* n) {
        if (n != node && is_link(n)) {
            chars += raw_chars(n);
            return html::Visit::skip_children;
        }
        return html::is_element(n) ? html::Visit::descend : html::Visit::skip_children;
    });
    return chars;
}

// Does `text` end without a stop, comma, colon, closing quote or bracket (as a heading does)?
bool ends_open(std::string_view text) {
    if (text.empty()) return false;
    char last = text.back();
    if (std::string_view(".,;:!?\"')]").find(last) != std::string_view::npos) return false;
    for (std::string_view mark : {"\xE2\x80\xA6", "\xC2\xBB", "\xC2\xAB", "\xE2\x80\x9C", "\xE2\x80\x9D",
                                  "\xE2\x80\x99", "\xE3\x80\x82"}) {
        if (text.ends_with(mark)) return false;
    }
    return true;
}

// <picture>, which this Gumbo does not know by tag.
bool is_picture(const GumboNode* node) {
    if (html::is_element(node, GUMBO_TAG_IMG)) return true;
    if (!html::is_element(node) || node->v.element.tag != GUMBO_TAG_UNKNOWN) return false;
    std::string_view original(node->v.element.original_tag.data, node->v.element.original_tag.length);
    return original.size() > 8 && equals_ci(original.substr(1, 7), "picture");
}

// Does the box open with a picture: its first element, or that one's first, a few levels down?
// (<div><div><picture>…</picture></div><div>Caption</div><div>Quelle: AFP</div></div>)
bool opens_with_picture(const GumboNode* node) {
    for (int level = 0; level < 3; ++level) {
        const GumboNode* first = nullptr;
        const GumboVector& children = node->v.element.children;
        for (unsigned i = 0; i < children.length && !first; ++i) {
            const auto* child = static_cast<const GumboNode*>(children.data[i]);
            if (html::is_element(child)) first = child;
        }
        if (!first) return false;
        if (is_picture(first)) return true;
        node = first;
    }
    return false;
}

class Collector {
public:
    explicit Collector(const std::function<bool(const GumboNode*)>& also_drop) : m_also_drop(also_drop) {}

    std::vector<SourcedBlock> run(const GumboNode* container) {
        m_scope_chars = raw_chars(container);
        visit_container(container);
        drop_repeated_pull_quotes();
        promote_subheadings();
        return std::move(m_blocks);
    }

private:
    struct Frame {
        const GumboNode* node;
        unsigned next_child;
        BlockType run_type;
        std::size_t first_block;  // m_blocks.size() when the frame was entered
        bool pull_quote;          // a quote read from a figure
    };

    void push(const GumboNode* node, BlockType run_type) {
        m_stack.push_back({node, 0, run_type, m_blocks.size(), false});
    }

    void emit(BlockType type, std::string text, const GumboNode* node) {
        text = fold_whitespace(text);
        if (text.empty() || has_nothing_to_read(text)) return;
        if (is_furniture_text(text)) {
            if (opens_furniture_box(text)) skip_box_of(node);
            return;
        }
        m_blocks.push_back(SourcedBlock{Block{type, std::move(text)}, node});
    }

    // A label such as "Read also" or "Mehr zum Thema" that opens a small box: the rest of the
    // box is the teasers it announces (a linked heading opens a teaser card the same way). The box is the largest element up to three levels above
    // the label that holds no body text before it and little text at all.
    void skip_box_of(const GumboNode* label) {
        constexpr int k_levels = 3;
        constexpr std::size_t k_max_box_chars = 1200;
        int levels = 0;
        for (std::size_t i = m_stack.size(); i-- > 1 && levels < k_levels;) {
            const Frame& frame = m_stack[i];
            if (frame.node == label) {
                // A label read from a run of the box's own text ("<div>Join us on WhatsApp<p>…</p></div>"):
                // the rest of that box goes too, when nothing of the story came before it.
                if (!m_run_ends_frame && frame.first_block == m_blocks.size() && raw_chars(frame.node) <= k_max_box_chars) m_skip_from = i;
                continue;
            }
            ++levels;
            if (!only_badges_since(frame.first_block) || raw_chars(frame.node) > k_max_box_chars) break;
            m_skip_from = i;
        }
    }

    // Are the blocks from `first` on no more than badges ("WA+", "Neu", "Plus") that a box
    // shows before its label?
    bool only_badges_since(std::size_t first) const {
        constexpr std::size_t k_max_badge = 12;
        for (std::size_t i = first; i < m_blocks.size(); ++i) {
            const std::string& text = m_blocks[i].block.text;
            if (text.size() > k_max_badge || text.find(' ') != std::string::npos) return false;
        }
        return true;
    }

    // Leaves the rest of the box chosen by skip_box_of; true when there was one.
    bool leave_skipped_box() {
        if (m_skip_from == 0) return false;
        // The box's badges before its label go with it.
        std::size_t box_first_block = m_stack[m_skip_from].first_block;
        if (box_first_block < m_blocks.size()) {
            m_blocks.resize(box_first_block);
            std::erase_if(m_pull_quotes, [&](std::size_t index) { return index >= box_first_block; });
        }
        m_stack.resize(m_skip_from + 1);
        m_stack.back().next_child = m_stack.back().node->v.element.children.length;
        m_skip_from = 0;
        reset_run();
        return true;
    }

    void reset_run() {
        m_run.clear();
        m_run_links = 0;
        m_run_topic_links = 0;
        m_run_has_words = false;
        m_run_time = false;
    }

    void flush_run(const GumboNode* node, BlockType type) {
        // Keywords linked to their topic pages are the sentence's own words ("福岡県：久留米市",
        // "in <a href=/thema/x>Berlin</a>, said"); with nothing but white space between them they
        // are a list of tags.
        std::size_t links = m_run_links + (m_run_has_words ? 0 : m_run_topic_links);
        if (links * 10 > m_run.size() * 6 || (m_run_time && is_date_label(m_run))) m_run.clear();
        if (!m_run.empty()) emit(type, std::move(m_run), node);
        reset_run();
    }

    // A short line around a <time> ("Publié il y a 3 heures,", "mis à jour à 09h42",
    // "Aktualisiert am 12.05.2024") dates the page; a sentence with a date in it ends with a stop.
    static bool is_date_label(std::string_view run) {
        constexpr std::size_t k_max_label = 60;
        std::string text = fold_whitespace(run);
        return text.size() <= k_max_label && !text.ends_with('.');
    }

    void add_inline(const GumboNode* node) {
        if (node->type != GUMBO_NODE_ELEMENT) {
            std::string_view text = node->v.text.text;
            m_run += text;
            m_run_has_words = m_run_has_words || text.find_first_not_of(" \t\r\n") != std::string_view::npos;
            return;
        }
        if (is_furniture(node) && node->v.element.tag != GUMBO_TAG_TIME) return;
        std::size_t before = m_run.size();
        append_inline_text(node);
        std::size_t added = m_run.size() - before;
        if (is_link(node)) {
            (marks_of_href(html::attribute(node, "href")).topic ? m_run_topic_links : m_run_links) += added;
        } else {
            std::size_t below = link_chars_below(node);
            m_run_links += below;
            m_run_has_words = m_run_has_words || added > below;
        }
        // An empty inline element is a spacer that style sheets make a line break.
        if (m_run.size() == before) m_run += ' ';
    }

    // Visible text of an inline element, without furniture inside it (a visually hidden
    // "(opens in a new window)" in a link).
    void append_inline_text(const GumboNode* node) {
        html::walk(node, [&](const GumboNode* n) {
            if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE || n->type == GUMBO_NODE_CDATA) {
                m_run += n->v.text.text;
                return html::Visit::skip_children;
            }
            if (!html::is_element(n)) return html::Visit::skip_children;
            if (n->v.element.tag == GUMBO_TAG_TIME) {
                m_run_time = true;
                return html::Visit::descend;
            }
            if (n != node && (n->v.element.children.length == 0 || is_furniture(n))) {
                if (html::is_element(n, GUMBO_TAG_BR)) m_run += ' ';
                return html::Visit::skip_children;
            }
            return html::Visit::descend;
        });
    }

    // A pull quote most often repeats a sentence of the text beside it: then it is no text of
    // its own. Quotation marks and the closing stop may differ between the two.
    void drop_repeated_pull_quotes() {
        std::vector<bool> repeated(m_blocks.size(), false);
        for (std::size_t index : m_pull_quotes) {
            std::string_view key = trim(m_blocks[index].block.text, k_quote_edges);
            if (key.empty()) continue;
            for (std::size_t i = 0; i < m_blocks.size() && !repeated[index]; ++i) {
                repeated[index] = i != index && m_blocks[i].block.text.find(key) != std::string::npos;
            }
        }
        std::size_t index = 0;
        std::erase_if(m_blocks, [&](const SourcedBlock&) { return repeated[index++]; });
    }

    // A short line without a closing stop between two long paragraphs is a subheading set as
    // a paragraph (<p class="interline">, <p><b>…</b></p>).
    void promote_subheadings() {
        constexpr std::size_t k_max_line = 100;     // bytes
        constexpr std::size_t k_min_neighbour = 150;
        auto long_paragraph = [&](const Block& block) {
            return block.type == BlockType::paragraph && block.text.size() >= k_min_neighbour;
        };
        for (std::size_t i = 1; i + 1 < m_blocks.size(); ++i) {
            Block& block = m_blocks[i].block;
            if (block.type != BlockType::paragraph || block.text.size() > k_max_line) continue;
            if (!long_paragraph(m_blocks[i - 1].block) || !long_paragraph(m_blocks[i + 1].block)) continue;
            if (block.text.find(' ') == std::string::npos || block.text.find("\xC2\xA9") != std::string::npos) continue;
            if (!ends_open(block.text)) continue;
            block.type = BlockType::heading;
        }
    }

    // Handles one block-level element: emits it as a block or pushes it as a container.
    void handle_block(const GumboNode* node) {
        GumboTag tag = html::tag_of(node);
        if (tag == GUMBO_TAG_FIGURE) {
            if (m_also_drop && m_also_drop(node)) return;
            // <figure><blockquote>…</blockquote><figcaption>Who said it</figcaption></figure>:
            // a pull quote from the text, unlike the figure of an image.
            if (const GumboNode* quote = pull_quote_of(node)) {
                std::size_t depth = m_stack.size();
                handle_block(quote);
                if (m_stack.size() > depth) m_stack.back().pull_quote = true;
            }
            return;
        }
        if (is_furniture_in(node, m_scope_chars) || (m_also_drop && m_also_drop(node))) return;
        if (tag == GUMBO_TAG_H1 || tag == GUMBO_TAG_HEADER || tag == GUMBO_TAG_TABLE ||
            tag == GUMBO_TAG_HR || tag == GUMBO_TAG_IMG) {
            return;
        }
        if (is_subheading(tag)) {
            std::string text = html::text_content(node);
            if (text.empty() || text.size() > k_max_heading_chars) return;
            // A linked heading titles a teaser card: the card's text goes with it.
            if (mostly_links(node)) skip_box_of(node);
            else emit(BlockType::heading, std::move(text), node);
            return;
        }
        // The <summary> of a <details> box is what readers see of it, the heading of the text it
        // opens (a FAQ's question over its answer).
        if (tag == GUMBO_TAG_SUMMARY && html::is_element(node->parent, GUMBO_TAG_DETAILS)) {
            std::string text = html::text_content(node);
            if (!text.empty() && text.size() <= k_max_heading_chars && !mostly_links(node)) {
                emit(BlockType::heading, std::move(text), node);
                return;
            }
        }
        if (tag == GUMBO_TAG_UL || tag == GUMBO_TAG_OL) {
            if (!mostly_links(node)) push(node, BlockType::list_item);
            return;
        }
        if (tag == GUMBO_TAG_BLOCKQUOTE) {
            if (html::has_attribute(node, "class") && (html::class_or_id_contains(node, "tweet") ||
                                                       html::class_or_id_contains(node, "instagram") ||
                                                       html::class_or_id_contains(node, "tiktok"))) {
                return;
            }
            push(node, BlockType::quote);
            return;
        }
        if (tag != GUMBO_TAG_P && opens_with_picture(node) && raw_chars(node) <= k_max_picture_box_chars) return;
        BlockType inherited = m_stack.empty() ? BlockType::paragraph : m_stack.back().run_type;
        if (tag == GUMBO_TAG_LI) inherited = BlockType::list_item;
        push(node, inherited);
    }

    void visit_container(const GumboNode* container) {
        push(container, BlockType::paragraph);
        bool after_break = false;
        while (!m_stack.empty()) {
            Frame& frame = m_stack.back();
            const GumboVector& children = frame.node->v.element.children;
            if (frame.next_child >= children.length) {
                m_run_ends_frame = true;
                flush_run(frame.node, frame.run_type);
                m_run_ends_frame = false;
                if (frame.pull_quote) {
                    for (std::size_t i = frame.first_block; i < m_blocks.size(); ++i) m_pull_quotes.push_back(i);
                }
                if (!leave_skipped_box()) m_stack.pop_back();
                continue;
            }
            const auto* child = static_cast<const GumboNode*>(children.data[frame.next_child++]);
            if (child->type == GUMBO_NODE_COMMENT) continue;
            if (is_inline(child)) {
                bool is_break = html::is_element(child, GUMBO_TAG_BR);
                if (is_break && after_break) flush_run(frame.node, frame.run_type);
                if (child->type != GUMBO_NODE_WHITESPACE) after_break = is_break;
                if (!is_break) add_inline(child);
                else m_run += ' ';
                leave_skipped_box();
                continue;
            }
            after_break = false;
            if (child->type != GUMBO_NODE_ELEMENT) continue;
            flush_run(frame.node, frame.run_type);
            if (!leave_skipped_box()) handle_block(child);
            leave_skipped_box();
        }
    }

    std::vector<Frame> m_stack;
    std::size_t m_skip_from = 0;  // a frame index set by skip_box_of; 0 (the container) for none
    std::vector<SourcedBlock> m_blocks;
    std::vector<std::size_t> m_pull_quotes;  // indices in m_blocks of quotes read from figures
    std::string m_run;
    std::size_t m_run_links = 0;
    std::size_t m_run_topic_links = 0;  // characters of links to topic pages
    bool m_run_has_words = false;       // text outside links beyond white space
    bool m_run_time = false;  // the run holds a <time>
    bool m_run_ends_frame = false;  // the run being flushed closes its element
    std::size_t m_scope_chars = 0;
    const std::function<bool(const GumboNode*)>& m_also_drop;
};

}  // namespace

const GumboNode* pull_quote_of(const GumboNode* figure) {
    const GumboNode* quote = nullptr;
    const GumboVector& children = figure->v.element.children;
    for (unsigned i = 0; i < children.length; ++i) {
        const auto* child = static_cast<const GumboNode*>(children.data[i]);
        if (!html::is_element(child)) continue;
        if (html::is_element(child, GUMBO_TAG_BLOCKQUOTE)) {
            if (!quote) quote = child;
        } else if (html::is_element(child, GUMBO_TAG_VIDEO) || count_images(child) > 0) {
            return nullptr;
        }
    }
    return quote;
}

namespace {

// Does `text` read as a sentence: five words or more and a closing stop (quotes after it
// allowed), or a closing stop of CJK script ("。")?
bool reads_as_sentence(std::string_view text) {
    while (!text.empty() && (text.back() == '"' || text.back() == ')' || text.back() == '\'')) text.remove_suffix(1);
    for (std::string_view quote : {"\xE2\x80\x9D", "\xE2\x80\x9C", "\xC2\xBB", "\xE2\x80\x99"}) {
        if (text.ends_with(quote)) text.remove_suffix(quote.size());
    }
    for (std::string_view stop : {"\xE3\x80\x82", "\xEF\xBC\x81", "\xEF\xBC\x9F"}) {
        if (text.ends_with(stop)) return true;
    }
    if (text.empty() || (text.back() != '.' && text.back() != '!' && text.back() != '?')) return false;
    return std::count(text.begin(), text.end(), ' ') >= 4;
}

}  // namespace

void drop_trailing_labels(std::vector<SourcedBlock>& blocks) {
    constexpr std::size_t k_long_paragraph = 150;  // bytes: about 25 words, or 50 CJK characters
    constexpr std::size_t k_short_block = 100;
    std::size_t tail = blocks.size();
    while (tail > 0) {
        const Block& block = blocks[tail - 1].block;
        if (block.type == BlockType::paragraph && block.text.size() >= k_long_paragraph) break;
        if (block.text.size() >= k_short_block) return;  // more text after the last long paragraph
        --tail;
    }
    if (tail == 0) return;
    std::size_t index = 0;
    std::erase_if(blocks, [&](const SourcedBlock& block) {
        return index++ >= tail && block.block.type != BlockType::heading && !reads_as_sentence(block.block.text);
    });
}

std::vector<SourcedBlock> collect_blocks(const GumboNode* container,
                                         const std::function<bool(const GumboNode*)>& also_drop) {
    if (!html::is_element(container)) return {};
    return Collector(also_drop).run(container);
}

}  // namespace newswire

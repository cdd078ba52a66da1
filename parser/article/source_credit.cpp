#include "parser/article/source_credit.h"

#include <algorithm>

#include "core/text.h"
#include "parser/article/container.h"
#include "parser/article/credit.h"
#include "parser/article/dom.h"
#include "parser/article/hints.h"

namespace newswire {
namespace {

constexpr std::size_t k_max_credit_chars = 160;
constexpr std::size_t k_credit_tail_blocks = 4;
constexpr int k_credit_scope_levels = 3;

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

// The innermost element that reads as a credit line: "<small><span>Quelle: F.A.Z.</span><a>
// Artikelrechte</a></small>" is the span's line, and "<div><div><small>Bron: BELGA</small></div>
// <time>Vandaag om 20:07</time></div>" the small's.
std::optional<SourceCredit> innermost_credit(const GumboNode* node, std::optional<SourceCredit> credit) {
    for (const GumboNode* line = node;;) {
        std::optional<SourceCredit> narrower;
        const GumboNode* inner_line = html::find_first(line, [&](const GumboNode* inner) {
            if (inner == line || !html::is_element(inner)) return false;
            narrower = parse_source_credit(html::text_content(inner));
            return narrower.has_value();
        });
        if (!inner_line) return credit;
        credit = std::move(narrower);
        line = inner_line;
    }
}

// Which part of the scope a look for a credit line reads.
enum class Part { from_container, before_container };

// The first credit line in a short element of `part` of `scope`, outside figures, captions and
// fact boxes. Before the container only a line opened by a source word counts ("来源：新华网"
// in a Chinese portal's line under the headline), as a bare "(dpa)" there is as likely a
// picture's.
std::optional<SourceCredit> credit_in_scope(const GumboNode* scope, const GumboNode* container, Part part) {
    std::vector<const GumboNode*> path_to_container{container};
    while (path_to_container.back() != scope) path_to_container.push_back(path_to_container.back()->parent);
    auto on_path = [&](const GumboNode* node) {
        return std::find(path_to_container.begin(), path_to_container.end(), node) != path_to_container.end();
    };
    bool reached = false;
    std::optional<SourceCredit> found;
    static const std::vector<std::string_view> credit_words = {"caption", "credit", "copyright"};
    html::walk(scope, [&](const GumboNode* node) {
        if (node == container) reached = true;
        if (!html::is_element(node)) return html::Visit::skip_children;
        if (part == Part::from_container && !reached && !on_path(node)) return html::Visit::skip_children;
        if (part == Part::before_container && reached) return html::Visit::stop;
        // A fact box names the source of its facts ("Kilde: Store norske leksikon"), not the story's.
        GumboTag tag = html::tag_of(node);
        if (tag == GUMBO_TAG_FIGURE || tag == GUMBO_TAG_FIGCAPTION || tag == GUMBO_TAG_SCRIPT ||
            tag == GUMBO_TAG_NAV || tag == GUMBO_TAG_ASIDE || has_hint_word(node, credit_words) || is_fact_box(node)) {
            return html::Visit::skip_children;
        }
        bool readable = part == Part::from_container ? reached : !on_path(node);
        if (!readable || !may_hold_credit(node)) return html::Visit::descend;
        std::size_t chars = bounded_text_length(node, k_max_credit_chars * 2);
        if (chars == 0 || chars > k_max_credit_chars * 2) return html::Visit::descend;
        std::string text = html::text_content(node);
        if (part == Part::before_container && !opens_with_source_word(text)) return html::Visit::descend;
        if (auto credit = parse_source_credit(text)) {
            found = innermost_credit(node, std::move(credit));
            return html::Visit::stop;
        }
        return html::Visit::descend;
    });
    return found;
}

}  // namespace

std::optional<SourceCredit> take_source_credit(const GumboNode* container,
                                               std::vector<SourcedBlock>& blocks) {
    if (auto credit = credit_in_tail(blocks)) return credit;
    if (!container) return std::nullopt;
    // Credit lines close the article: look from the container on, within a few levels of it,
    // then in the lines above it (the date and source under the headline).
    const GumboNode* scope = container;
    for (int level = 0; level < k_credit_scope_levels && scope->parent && html::is_element(scope->parent); ++level) {
        scope = scope->parent;
    }
    if (auto credit = credit_in_scope(scope, container, Part::from_container)) return credit;
    return credit_in_scope(scope, container, Part::before_container);
}

}  // namespace newswire

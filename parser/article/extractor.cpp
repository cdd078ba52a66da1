#include "parser/article/extractor.h"

#include <algorithm>
#include <functional>
#include <memory>
#include <optional>
#include <unordered_map>

#include "core/text.h"
#include "core/url.h"
#include "parser/article/blocks.h"
#include "parser/article/charset.h"
#include "parser/article/container.h"
#include "parser/article/dom.h"
#include "parser/article/furniture_blocks.h"
#include "parser/article/header.h"
#include "parser/article/images.h"
#include "parser/article/metadata.h"
#include "parser/article/prepass.h"
#include "parser/article/script_story.h"
#include "parser/article/site_rules.h"
#include "parser/article/site_selectors.h"
#include "parser/article/source_credit.h"
#include "parser/article/teaser.h"

namespace newswire {
namespace {

std::string comparable(std::string_view text) { return to_lower_ascii(fold_whitespace(text)); }

// Blocks that repeat the header (headline, kicker) or the credit line are not body text.
void drop_repeats(std::vector<SourcedBlock>& blocks, const Article& article) {
    std::string headline = comparable(article.headline);
    std::string kicker = comparable(article.kicker);
    std::string section = comparable(article.section);
    std::string credit = article.source_credit ? comparable(article.source_credit->raw) : std::string();
    std::erase_if(blocks, [&](const SourcedBlock& block) {
        std::string text = comparable(block.block.text);
        if (block.block.type == BlockType::heading && !headline.empty() &&
            text.find(headline) != std::string::npos) {
            return true;
        }
        return (!headline.empty() && text == headline) || (!kicker.empty() && text == kicker) ||
               (!section.empty() && text == section) ||
               (!credit.empty() && text == credit);
    });
}

// Does an <h1> that reads as `headline` stand beside `block` (in the same parent)?
bool beside_headline(const SourcedBlock& block, std::string_view headline) {
    if (!block.node || !block.node->parent || !html::is_element(block.node->parent)) return false;
    std::string wanted = comparable(headline);
    const GumboVector& children = block.node->parent->v.element.children;
    for (unsigned i = 0; i < children.length; ++i) {
        const auto* child = static_cast<const GumboNode*>(children.data[i]);
        if (html::is_element(child, GUMBO_TAG_H1) && comparable(html::text_content(child)) == wanted) return true;
    }
    return false;
}

// The article's header inside the body box is not body text: a run of headings that opens or
// closes the body goes when the <h1> of the headline stands beside them (a subtitle under the
// headline, or a print edition's header set again above or below the text: kicker, headline,
// subtitle, author line).
void drop_repeated_header(std::vector<SourcedBlock>& blocks, std::string_view headline) {
    if (headline.empty()) return;
    auto is_heading = [](const SourcedBlock& block) { return block.block.type == BlockType::heading; };
    std::size_t opening = 0;
    while (opening < blocks.size() && is_heading(blocks[opening])) ++opening;
    if (opening == blocks.size()) return;
    std::size_t closing = 0;
    while (closing < blocks.size() && is_heading(blocks[blocks.size() - 1 - closing])) ++closing;
    if (closing > 0 && beside_headline(blocks.back(), headline)) {
        blocks.erase(blocks.end() - static_cast<std::ptrdiff_t>(closing), blocks.end());
    }
    if (opening > 0 && beside_headline(blocks.front(), headline)) {
        blocks.erase(blocks.begin(), blocks.begin() + static_cast<std::ptrdiff_t>(opening));
    }
}

// A short line that recurs three times or more is a label of the page ("Article content",
// "Advertisement"), not text of the article.
void drop_recurring_labels(std::vector<SourcedBlock>& blocks) {
    constexpr std::size_t k_label_chars = 160;
    std::unordered_map<std::string, int> counts;
    for (const SourcedBlock& block : blocks) {
        if (block.block.text.size() <= k_label_chars) ++counts[block.block.text];
    }
    std::erase_if(blocks, [&](const SourcedBlock& block) {
        auto it = counts.find(block.block.text);
        return it != counts.end() && it->second >= 3;
    });
}

std::size_t text_size(const std::vector<SourcedBlock>& blocks) {
    std::size_t size = 0;
    for (const SourcedBlock& block : blocks) size += block.block.text.size();
    return size;
}

// A story read from a page's script data or JSON-LD (script_story.h): its own parsed
// document, the <article> around the fragment, and the blocks read from it.
struct ScriptStory {
    std::unique_ptr<html::Document> document;
    const GumboNode* container = nullptr;
    std::vector<SourcedBlock> blocks;
};

ScriptStory read_fragment(std::string_view fragment, const std::function<bool(const GumboNode*)>& also_drop) {
    ScriptStory story;
    story.document = std::make_unique<html::Document>("<html><body><article>" + strip_heavy_content(fragment) +
                                                      "</article></body></html>");
    PageTextSizes sizes(story.document->root());
    story.container = html::find_first(story.document->root(),
                                       [](const GumboNode* node) { return html::is_element(node, GUMBO_TAG_ARTICLE); });
    story.blocks = collect_blocks(story.container, also_drop);
    return story;
}

// When the page's markup holds next to no text of its own (a shell that a script fills in), the
// fuller of the stories in its script data and its JSON-LD, if that holds more than twice as
// much; its blocks and container then replace the markup's. nullopt when the markup stands.
std::optional<ScriptStory> read_script_story(std::string_view page, std::string_view content_type,
                                             std::string_view declared_body,
                                             const std::vector<SourcedBlock>& markup_blocks,
                                             const std::function<bool(const GumboNode*)>& also_drop) {
    constexpr std::size_t k_shell_text = 400;  // bytes of body text below which markup is a shell
    std::size_t markup_text = text_size(markup_blocks);
    if (markup_text >= k_shell_text) return std::nullopt;
    std::optional<ScriptStory> best;
    for (const std::string& fragment : {script_story_html(decode_page(page, content_type)), declared_story_html(declared_body)}) {
        if (fragment.empty()) continue;
        ScriptStory story = read_fragment(fragment, also_drop);
        if (!best || text_size(story.blocks) > text_size(best->blocks)) best = std::move(story);
    }
    if (!best || text_size(best->blocks) <= 2 * markup_text) return std::nullopt;
    return best;
}

void take_metadata(Article& article, PageMetadata& metadata, std::string_view url) {
    article.url = std::string(url);
    article.headline = std::move(metadata.headline);
    article.language = std::move(metadata.language);
    article.authors = std::move(metadata.authors);
    article.published = metadata.published;
    article.modified = metadata.modified;
    article.topics = std::move(metadata.topics);
    std::string_view self = metadata.canonical_url.empty() ? url : std::string_view(metadata.canonical_url);
    article.canonical_url = canonical_url(self).value_or(std::string());
}

}  // namespace

Result<Article> extract_article(std::string_view html, std::string_view url, std::string_view content_type,
                                const SiteRules* site_rules) {
    if (html.find('<') == std::string_view::npos) {
        return fail(ErrorCode::invalid_input, "the page has no markup at all");
    }
    html::Document document(decode_page(strip_heavy_content(html), content_type));
    const GumboNode* root = document.root();
    if (!root && document.over_budget()) {
        return fail(ErrorCode::invalid_input, "the page's markup would take more than 64 times its size to read");
    }
    if (!root) return fail(ErrorCode::invalid_input, "the page could not be parsed as HTML");
    PageTextSizes sizes(root);

    PageMetadata metadata = read_metadata(root, url, site_rules);
    std::string description = metadata.description;
    std::string declared_section = metadata.section;
    Article article;
    take_metadata(article, metadata, url);

    const GumboNode* headline_element = find_headline_element(root, article.headline);
    if (article.headline.empty() && headline_element) article.headline = html::text_content(headline_element);
    article.kicker = find_kicker(headline_element, article.headline);
    article.section = find_section(root, article.headline, metadata.site_name,
                                   url_host(article.canonical_url.empty() ? url : std::string_view(article.canonical_url)));
    if (article.section.empty()) article.section = declared_section;
    // A page that names no tags is filed under its section alone.
    if (article.topics.empty() && !article.section.empty()) article.topics.push_back(article.section);

    std::string host = url_host(url);
    if (host.empty()) host = url_host(article.canonical_url);
    const SiteRule* rule = SiteRules::find(site_rules, host);
    const GumboNode* container = rule ? find_by(root, rule->body) : nullptr;
    if (!container) container = find_article_container(root, headline_element);
    std::function<bool(const GumboNode*)> also_drop;
    if (rule && !rule->drop.empty()) also_drop = [rule](const GumboNode* node) { return matches_any(node, rule->drop); };
    std::vector<SourcedBlock> blocks = collect_blocks(container, also_drop);
    std::optional<ScriptStory> script_story = read_script_story(html, content_type, metadata.declared_body, blocks, also_drop);
    if (script_story) {
        container = script_story->container;
        blocks = std::move(script_story->blocks);
    }
    drop_repeated_header(blocks, article.headline);
    const GumboNode* known_lead = rule ? find_by(root, rule->lead) : nullptr;
    article.teaser = take_teaser(root, headline_element, article.headline, blocks, description, known_lead);
    drop_opening_dateline(blocks);
    article.source_credit = take_source_credit(container, blocks);
    drop_trailing_labels(blocks);
    drop_from_paywall_notice(blocks);
    drop_closing_notes(blocks);
    drop_pull_quotes(blocks, article.teaser);
    drop_left_out_box_titles(blocks);
    drop_repeats(blocks, article);
    drop_recurring_labels(blocks);
    article.body.reserve(blocks.size());
    for (SourcedBlock& block : blocks) article.body.push_back(std::move(block.block));

    // Without an address given, relative picture addresses resolve against the page's own.
    const GumboNode* image_root = script_story ? script_story->document->root() : root;
    article.images = extract_images(image_root, container, metadata,
                                    url.empty() ? std::string_view(article.canonical_url) : url);
    drop_caption_repeats(article.body, article.images);
    return article;
}

}  // namespace newswire

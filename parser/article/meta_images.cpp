#include "parser/article/meta_images.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdlib>
#include <string>
#include <vector>

#include "core/text.h"
#include "core/url.h"
#include "parser/article/dom.h"
#include "parser/article/hints.h"
#include "parser/article/meta_credit.h"
#include "parser/article/meta_dom.h"
#include "parser/article/images.h"
#include "parser/article/meta_text.h"
#include "parser/article/prepass.h"

namespace newswire {

namespace {

using html::Visit;

constexpr std::size_t k_node_budget = 2000;  // nodes a box may have to count as a caption box


constexpr std::array<std::string_view, 9> k_credit_classes{
    "credit", "copyright", "source", "quelle", "urheber", "photographer", "author", "byline", "rights"};

bool is_credit_element(const GumboNode* node) {
    for (std::string_view fragment : k_credit_classes) {
        if (html::class_or_id_contains(node, fragment)) return true;
    }
    return false;
}

// <figcaption>Caption <cite>AP</cite></figcaption>: a <cite> that closes a caption names its
// source.
bool is_closing_cite(const GumboNode* node) {
    if (!html::is_element(node, GUMBO_TAG_CITE) || !node->parent || !is_caption_element(node->parent)) return false;
    const GumboVector& siblings = node->parent->v.element.children;
    for (unsigned i = node->index_within_parent + 1; i < siblings.length; ++i) {
        const auto* sibling = static_cast<const GumboNode*>(siblings.data[i]);
        if (sibling->type == GUMBO_NODE_ELEMENT || sibling->type == GUMBO_NODE_TEXT) return false;
    }
    return true;
}

// An element whose own text opens with a credit marker ("Foto: X", "© X") is a credit.
bool starts_with_marker(const GumboNode* node) {
    GumboTag tag = html::tag_of(node);
    if (tag != GUMBO_TAG_SPAN && tag != GUMBO_TAG_SMALL && tag != GUMBO_TAG_P && tag != GUMBO_TAG_DIV &&
        tag != GUMBO_TAG_CITE && tag != GUMBO_TAG_EM && tag != GUMBO_TAG_I) {
        return false;
    }
    // A box of blocks ("<div><div>Bild: X</div><div>Caption</div></div>") is no credit line:
    // its first block may be.
    const GumboVector& children = node->v.element.children;
    for (unsigned i = 0; i < children.length; ++i) {
        GumboTag child = html::tag_of(static_cast<const GumboNode*>(children.data[i]));
        if (child == GUMBO_TAG_DIV || child == GUMBO_TAG_P) return false;
    }
    std::string text = bounded_text(node, 120);
    std::size_t length = 0;
    return !text.empty() && text.size() <= 120 && find_marker(text, length) == 0;
}


// The picture in a <noscript> right after `image` (up to three elements on), that a script
// puts in place of a placeholder; nullptr when there is none.
const GumboNode* noscript_twin(const GumboNode* image) {
    const GumboNode* next = image;
    for (int step = 0; step < 3 && (next = next_element(next)); ++step) {
        if (!html::is_element(next, GUMBO_TAG_NOSCRIPT)) continue;
        return find_first_bounded(next, 20, [](const GumboNode* n) { return html::is_element(n, GUMBO_TAG_IMG); });
    }
    return nullptr;
}

// A lazy loader's stand-in ("transparent.gif") for the picture in the <noscript> after it.
bool is_placeholder(const GumboNode* image) {
    return html::is_element(image, GUMBO_TAG_IMG) && noscript_twin(image) &&
           contains_ci(html::attribute(image, "src"), ".gif");
}

// The picture a lazy loader puts in place of the one in src (a placeholder, a blank, the
// site's logo) once it loads; empty when none is named.
std::string_view lazy_source(const GumboNode* image) {
    for (std::string_view name : {"data-src", "data-lazy-src", "data-original"}) {
        std::string_view value = trim(html::attribute(image, name));
        if (!value.empty() && !value.starts_with("data:")) return value;
    }
    return {};
}

std::string image_source(const GumboNode* figure, std::string_view url) {
    std::string found;
    std::size_t seen = 0;
    html::walk(figure, [&](const GumboNode* node) {
        if (++seen > k_node_budget) return Visit::stop;
        if (!html::is_element(node)) return Visit::skip_children;
        GumboTag tag = html::tag_of(node);
        if (tag != GUMBO_TAG_SOURCE && !is_image_element(node)) return Visit::descend;
        if (is_placeholder(node)) return Visit::skip_children;
        std::string_view value = lazy_source(node);
        if (value.empty()) value = trim(html::attribute(node, "src"));
        if (!value.empty() && !value.starts_with("data:")) found = std::string(value);
        if (found.empty()) {
            for (std::string_view name : {"data-srcset", "srcset"}) {
                std::string first(first_srcset_url(html::attribute(node, name)));
                if (!first.empty() && !first.starts_with("data:")) {
                    found = first;
                    break;
                }
            }
        }
        return found.empty() ? Visit::descend : Visit::stop;
    });
    if (found.empty()) return {};
    return resolve_url(url.empty() ? found : url, found).value_or(std::string{});
}

void add_credit(std::vector<std::string>& credits, std::string credit) {
    if (!credit.empty() && std::find(credits.begin(), credits.end(), credit) == credits.end()) {
        credits.push_back(std::move(credit));
    }
}

const GumboNode* next_sibling(const GumboNode* node) {
    const GumboVector& siblings = node->parent->v.element.children;
    unsigned next = node->index_within_parent + 1;
    return next < siblings.length ? static_cast<const GumboNode*>(siblings.data[next]) : nullptr;
}

// A caption element that holds text and no picture (class names call an image's box
// "caption" too, and an icon's box in the caption); too big to tell counts as one.
bool is_caption_text_box(const GumboNode* node) {
    bool text = false;
    bool exhausted = false;
    const GumboNode* image = find_first_bounded(node, 400, [&](const GumboNode* n) {
        text = text || n->type == GUMBO_NODE_TEXT;
        return is_image_element(n);
    }, &exhausted);
    return !image && (text || exhausted);
}

// An element that holds nothing but a video's date and running time ("26.10.2025 | 2:43 min",
// "3:18", "1:02:10 Min."): a player's label, not caption text.
bool is_media_stamp(const GumboNode* node) {
    const GumboVector& children = node->v.element.children;
    if (children.length != 1) return false;
    const auto* child = static_cast<const GumboNode*>(children.data[0]);
    if (child->type != GUMBO_NODE_TEXT) return false;
    std::string_view text = trim(child->v.text.text);
    if (text.empty() || text.size() > 40) return false;
    for (std::string_view unit : {"min.", "min", "sek.", "sec", "std.", "h"}) {
        if (text.size() > unit.size() && equals_ci(text.substr(text.size() - unit.size()), unit)) {
            text = trim(text.substr(0, text.size() - unit.size()));
            break;
        }
    }
    bool time = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        bool digit = c >= '0' && c <= '9';
        if (!digit && c != '.' && c != ':' && c != '|' && c != '/' && c != ' ' && c != '-') return false;
        time = time || (c == ':' && i > 0 && i + 1 < text.size() && text[i - 1] >= '0' && text[i - 1] <= '9' &&
                        text[i + 1] >= '0' && text[i + 1] <= '9');
    }
    return time;
}

// An element that holds nothing but a slide's place in a gallery ("1 / 5", "3/12", "Bild 2 von
// 8", "Photo 4 of 10"): the gallery's counter, not caption text.
bool is_slide_counter(const GumboNode* node) {
    const GumboVector& children = node->v.element.children;
    if (children.length != 1) return false;
    const auto* child = static_cast<const GumboNode*>(children.data[0]);
    if (child->type != GUMBO_NODE_TEXT) return false;
    std::string lower = to_lower_ascii(trim(child->v.text.text, " \t\r\n()"));
    if (lower.empty() || lower.size() > 24) return false;
    std::string_view text = lower;
    for (std::string_view label : {"bild ", "foto ", "photo ", "image ", "slide ", "picture "}) {
        if (text.starts_with(label)) text.remove_prefix(label.size());
    }
    auto number = [&text] {
        std::size_t digits = 0;
        while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9') ++digits;
        text.remove_prefix(digits);
        return digits > 0 && digits <= 3;
    };
    if (!number()) return false;
    text = trim(text);
    bool separated = false;
    for (std::string_view separator : {"/", "von ", "of ", "de ", "sur ", "di ", "van "}) {
        if (text.starts_with(separator)) {
            text.remove_prefix(separator.size());
            separated = true;
            break;
        }
    }
    text = trim(text);
    return separated && number() && text.empty();
}

// "Caption. —" once the credit after the dash went to `credit`: the dash goes too.
std::string without_dangling_separator(std::string caption) {
    for (std::string_view separator : {" -", " |", " /", " \xE2\x80\x93", " \xE2\x80\x94"}) {
        if (caption.size() > separator.size() && std::string_view(caption).ends_with(separator)) {
            caption.resize(caption.size() - separator.size());
            break;
        }
    }
    return caption;
}

struct FigureText {
    std::string caption;
    std::vector<std::string> credits;
};

// A short last part of a caption, in an element of its own and not ending like a sentence,
// is the photo credit: <span>Caption.</span><span>Philipp von Ditfurth/dpa</span>.
bool looks_like_credit_part(std::string_view text) {
    if (text.empty() || text.size() > 60) return false;
    if (std::count(text.begin(), text.end(), ' ') > 6) return false;
    char last = text.back();
    if (last == '.' || last == '!' || last == '?' || last == ':' || last == ',') return false;
    std::size_t digits = std::count_if(text.begin(), text.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
    return digits < 4;
}

// The deepest element that holds all of `box`'s text: a box whose only texted child is a <p>
// gives the <p>.
const GumboNode* text_holder(const GumboNode* box) {
    const GumboNode* current = box;
    for (int depth = 0; depth < 8; ++depth) {
        const GumboNode* only = nullptr;
        int texted = 0;
        const GumboVector& children = current->v.element.children;
        for (unsigned i = 0; i < children.length; ++i) {
            const auto* child = static_cast<const GumboNode*>(children.data[i]);
            if (child->type == GUMBO_NODE_TEXT) texted += 2;
            if (!html::is_element(child) || bounded_text(child, 1).empty()) continue;
            ++texted;
            only = child;
        }
        if (texted != 1) break;
        current = only;
    }
    return current;
}

// <figcaption><span>The Yomiuri Shimbun</span><br>The leaders of seven parties …</figcaption>:
// a short first part in an element of its own, set on a line of its own above a caption that
// ends like a sentence, is the photo credit.
bool split_leading_credit(const GumboNode* caption_root, FigureText& out) {
    const GumboVector& children = caption_root->v.element.children;
    unsigned first = 0;
    while (first < children.length && static_cast<const GumboNode*>(children.data[first])->type == GUMBO_NODE_WHITESPACE) ++first;
    if (first + 1 >= children.length) return false;
    const auto* credit_node = static_cast<const GumboNode*>(children.data[first]);
    const auto* line_break = static_cast<const GumboNode*>(children.data[first + 1]);
    if (!html::is_element(credit_node) || !html::is_element(line_break, GUMBO_TAG_BR)) return false;
    std::string credit = html::text_content(credit_node);
    std::string caption;
    for (unsigned i = first + 2; i < children.length; ++i) {
        const auto* child = static_cast<const GumboNode*>(children.data[i]);
        caption += child->type == GUMBO_NODE_TEXT ? std::string(child->v.text.text) : html::text_content(child);
        caption += ' ';
    }
    caption = fold_whitespace(caption);
    if (!looks_like_credit_part(credit) || caption.size() <= credit.size() || !caption.ends_with('.')) return false;
    out.caption = std::move(caption);
    for (std::string& part : split_credit(credit)) add_credit(out.credits, std::move(part));
    return true;
}

// A link that offers the picture for sale or licence ("Purchase Licensing Rights", as Reuters
// closes its captions; "Buy this photo", "Bild kaufen") is no part of caption or credit.
bool is_licensing_offer(const GumboNode* node) {
    if (!html::is_element(node, GUMBO_TAG_A)) return false;
    constexpr std::size_t k_max_offer = 60;
    std::string text = bounded_text(node, k_max_offer);
    if (text.size() >= k_max_offer) return false;
    std::string lower = to_lower_ascii(text);
    for (std::string_view offer : {"purchase licensing rights", "purchase licensing", "buy this photo", "buy photo",
                                   "license this photo", "licence this photo", "bild kaufen", "foto kaufen",
                                   "bildrechte erwerben", "acheter cette photo"}) {
        if (lower.starts_with(offer)) return true;
    }
    return false;
}

void split_trailing_credit(const GumboNode* caption_root, FigureText& out) {
    std::vector<std::string> parts;
    const GumboVector& children = caption_root->v.element.children;
    for (unsigned i = 0; i < children.length && parts.size() < 8; ++i) {
        const auto* child = static_cast<const GumboNode*>(children.data[i]);
        if (is_licensing_offer(child)) continue;
        std::string text = child->type == GUMBO_NODE_TEXT ? fold_whitespace(child->v.text.text)
                                                          : html::text_content(child);
        if (!text.empty()) parts.push_back(std::move(text));
    }
    if (parts.size() < 2) return;
    std::string last = parts.back();
    if (!looks_like_credit_part(trim(last, " ()"))) {
        split_leading_credit(caption_root, out);
        return;
    }
    std::string caption;
    for (std::size_t i = 0; i + 1 < parts.size(); ++i) caption += parts[i] + " ";
    caption = std::string(trim(fold_whitespace(caption), " |/-,;"));  // "Caption | <b>Credit</b>"
    std::size_t length = 0;
    if (caption.empty() || find_marker(caption, length) != std::string::npos) return;
    out.caption = caption;
    for (std::string& credit : split_credit(last)) add_credit(out.credits, std::move(credit));
}

// Caption text with credit elements taken out; text of elements outside captions is ignored
// unless it is a credit element or `whole` asks for all text.
// "<span class=sr-only>Legende:</span>": a label for screen readers before the caption, not
// part of it (a gallery's hidden captions of other slides are no labels).
bool is_hidden_label(const GumboNode* node) {
    constexpr std::size_t k_max_label = 24;
    if (!is_screen_reader_text(node)) return false;
    std::string text = bounded_text(node, k_max_label);
    return !text.empty() && text.size() <= k_max_label && text.back() == ':';
}

FigureText figure_text(const GumboNode* figure, bool whole) {
    FigureText out;
    std::string raw;
    const GumboNode* caption_root = nullptr;
    const GumboNode* caption_end = nullptr;  // the first node after the caption's subtree
    bool past_caption = false;
    html::walk(figure, [&](const GumboNode* node) {
        if (node == caption_end) past_caption = true;
        if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA) {
            bool in_caption = caption_root && !past_caption;
            if ((in_caption || whole) && node->parent && html::is_element(node->parent)) raw += node->v.text.text;
            return Visit::descend;
        }
        if (node->type == GUMBO_NODE_WHITESPACE) {
            raw += ' ';
            return Visit::descend;
        }
        if (!html::is_element(node)) return Visit::skip_children;
        GumboTag tag = html::tag_of(node);
        if (tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE || tag == GUMBO_TAG_NOSCRIPT ||
            tag == GUMBO_TAG_SVG || tag == GUMBO_TAG_BUTTON) {
            return Visit::skip_children;
        }
        if (is_media_stamp(node) || is_slide_counter(node) || is_hidden_label(node) || is_licensing_offer(node)) {
            return Visit::skip_children;
        }
        if (node != figure && (is_credit_element(node) || starts_with_marker(node) || is_closing_cite(node))) {
            for (std::string& credit : split_credit(html::text_content(node))) add_credit(out.credits, std::move(credit));
            return Visit::skip_children;
        }
        if ((!caption_root || past_caption) && node != figure && is_caption_element(node) &&
            is_caption_text_box(node)) {
            // Caption elements with text and no picture; text after them (a player's "autoplay"
            // switch, a playlist's title) is not part of the caption.
            caption_root = node;
            caption_end = nullptr;
            past_caption = false;
            for (const GumboNode* n = node; n != figure && n->parent && !caption_end; n = n->parent) {
                caption_end = next_sibling(n);
            }
        }
        raw += ' ';
        return Visit::descend;
    });
    out.caption = fold_whitespace(raw);
    // A lightbox's copy of the caption beside the shown one: "Caption Caption" is "Caption".
    std::size_t half = out.caption.size() / 2;
    if (out.caption.size() % 2 == 1 && out.caption[half] == ' ' &&
        std::string_view(out.caption).substr(0, half) == std::string_view(out.caption).substr(half + 1)) {
        out.caption.resize(half);
    }
    if (out.credits.empty() && (caption_root || whole)) split_trailing_credit(caption_root ? caption_root : text_holder(figure), out);
    return out;
}

// "Caption | Bild: Reuters" in an image's title or alt, when the page shows no credit text.
std::vector<std::string> credit_from_attributes(const GumboNode* figure) {
    const GumboNode* image = find_first_bounded(figure, k_node_budget, [](const GumboNode* n) { return html::is_element(n, GUMBO_TAG_IMG); });
    if (!image) return {};
    for (std::string_view name : {"title", "alt"}) {
        CaptionParts parts = split_caption_credit(html::attribute(image, name));
        if (!parts.credit.empty()) return parts.credit;
    }
    return {};
}


bool is_decoration(const GumboNode* image) {
    for (std::string_view name : {"width", "height"}) {
        std::string_view value = html::attribute(image, name);
        if (!value.empty() && std::isdigit(static_cast<unsigned char>(value[0])) && std::atoi(std::string(value).c_str()) < 100) {
            return true;
        }
    }
    // A lazy loader shows the site's logo or a blank until the picture in data-src is loaded:
    // that picture is the one to judge.
    std::string_view src = lazy_source(image);
    if (src.empty()) src = html::attribute(image, "src");
    for (std::string_view hint : {"logo", "icon", "avatar", "sprite", "pixel", ".svg", ".gif"}) {
        if (contains_ci(src, hint) || contains_ci(html::attribute(image, "class"), hint)) return true;
    }
    return false;
}


// A heading that ends with a full stop is a caption set as a heading ("<h1>Marines take part in
// the opening ceremony in Manila yesterday.</h1><p>Photo: AFP</p>" beside the picture), not a
// teaser's title: titles end without a stop.
bool is_sentence_heading(const GumboNode* heading) {
    constexpr std::size_t k_max_caption_chars = 600;
    std::string text = bounded_text(heading, k_max_caption_chars);
    return text.size() <= k_max_caption_chars && text.ends_with('.') && !text.ends_with("...");
}

// A link around `image` itself (to the picture's larger view) is part of the picture's box,
// not a link that makes the box a teaser.
bool holds_other_link_or_heading(const GumboNode* node, const GumboNode* image) {
    bool exhausted = false;
    const GumboNode* found = find_first_bounded(node, k_node_budget, [node, image](const GumboNode* n) {
        GumboTag tag = html::tag_of(n);
        if (tag == GUMBO_TAG_A) {
            for (const GumboNode* up = image->parent; up; up = up->parent) {
                if (up == n) return false;
                if (up == node) break;
            }
            return true;
        }
        if (tag == GUMBO_TAG_H1 || tag == GUMBO_TAG_H2 || tag == GUMBO_TAG_H3) return !is_sentence_heading(n);
        return tag == GUMBO_TAG_TIME;
    }, &exhausted);
    return found || exhausted;
}

bool holds_link_or_heading(const GumboNode* node) {
    bool exhausted = false;
    const GumboNode* found = find_first_bounded(node, k_node_budget, [](const GumboNode* n) {
        GumboTag tag = html::tag_of(n);
        return tag == GUMBO_TAG_A || tag == GUMBO_TAG_H1 || tag == GUMBO_TAG_H2 || tag == GUMBO_TAG_H3 ||
               tag == GUMBO_TAG_TIME;
    }, &exhausted);
    return found || exhausted;
}

bool is_page_frame(const GumboNode* node) {
    GumboTag tag = html::tag_of(node);
    return tag == GUMBO_TAG_BODY || tag == GUMBO_TAG_HTML || tag == GUMBO_TAG_MAIN || tag == GUMBO_TAG_ARTICLE ||
           tag == GUMBO_TAG_SECTION || tag == GUMBO_TAG_HEADER;
}

// <figure>…</figure><div><div class="image-copyright">dpa</div></div>: a credit element in the
// small box right after the figure or after one of its nearest boxes that hold no other image.
// Author and byline boxes do not count here: after a figure they name the article's writer.
std::vector<std::string> credit_beside(const GumboNode* figure) {
    const GumboNode* node = figure;
    for (int level = 0; level < 3 && html::is_element(node) && !is_page_frame(node); ++level, node = node->parent) {
        if (level > 0 && count_images(node) > 1) break;
        const GumboNode* next = next_element(node);
        if (!next || count_images(next) > 0 || holds_link_or_heading(next) || bounded_text(next, 400).size() > 400) continue;
        const GumboNode* credit = find_first_bounded(next, 200, [](const GumboNode* n) {
            return html::is_element(n) && is_credit_element(n) && !html::class_or_id_contains(n, "author") &&
                   !html::class_or_id_contains(n, "byline");
        });
        if (credit) return split_credit(html::text_content(credit));
    }
    return {};
}



}  // namespace

bool is_image_element(const GumboNode* node) {
    if (html::is_element(node, GUMBO_TAG_IMG)) return true;
    if (!html::is_element(node) || node->v.element.tag != GUMBO_TAG_UNKNOWN) return false;
    GumboStringPiece piece = node->v.element.original_tag;
    gumbo_tag_from_original_text(&piece);
    std::string_view name(piece.data, piece.length);
    if (name.find('-') == std::string_view::npos || !(contains_ci(name, "img") || contains_ci(name, "image"))) return false;
    return html::has_attribute(node, "src") || html::has_attribute(node, "data-src");
}

bool is_caption_element(const GumboNode* node) {
    return html::is_element(node, GUMBO_TAG_FIGCAPTION) || html::class_or_id_contains(node, "caption") ||
           html::class_or_id_contains(node, "bildunterschrift") || html::class_or_id_contains(node, "description");
}

const GumboNode* next_element(const GumboNode* node) {
    if (!node->parent || !html::is_element(node->parent)) return nullptr;
    const GumboVector& siblings = node->parent->v.element.children;
    for (unsigned i = node->index_within_parent + 1; i < siblings.length; ++i) {
        const auto* sibling = static_cast<const GumboNode*>(siblings.data[i]);
        if (html::is_element(sibling)) return sibling;
    }
    return nullptr;
}

std::size_t count_images(const GumboNode* node) {
    std::size_t count = 0;
    bool exhausted = false;
    find_first_bounded(node, k_node_budget, [&](const GumboNode* n) {
        count += is_image_element(n) && !is_placeholder(n);
        return count > 1;
    }, &exhausted);
    return exhausted ? 2 : count;
}

namespace {

// A box of at most a caption's length, without links, whose text opens with the image's alt
// text or opens it (a teaser's title repeated next to its picture is a link).
bool repeats_alt(const GumboNode* box, const std::string& alt) {
    if (alt.size() < 20 || holds_link_or_heading(box)) return false;
    std::string text = bounded_text(box, alt.size() + 300);
    if (text.size() < 20 || text.size() > alt.size() + 300) return false;
    return text.starts_with(alt) || alt.starts_with(text);  // the alt may add the site's name
}

// <picture><img></picture><figcaption>…</figcaption>: a caption element, or a box that repeats
// the image's alt text, right after the image or one of its three nearest boxes.
Image caption_beside(const GumboNode* image, std::string_view url) {
    const GumboNode* img = is_image_element(image) ? image
        : find_first_bounded(image, k_node_budget, [](const GumboNode* n) { return is_image_element(n); });
    std::string alt = img ? fold_whitespace(html::attribute(img, "alt")) : std::string();
    const GumboNode* node = image;
    for (int level = 0; level < 4 && node && html::is_element(node) && !is_page_frame(node); ++level, node = node->parent) {
        const GumboNode* next = next_element(node);
        if (next && !html::is_element(next, GUMBO_TAG_FIGURE) &&
            (is_caption_element(next) || repeats_alt(next, alt))) {
            Image found = read_figure(next, url);
            found.url = image_source(image->parent ? image->parent : image, url);
            if (found.caption.empty() && found.credit.empty()) return {};
            // <div class=image>…</div><div class=caption>…</div><div class=photo-credit>…</div>
            if (found.credit.empty()) found.credit = credit_beside(next);
            return found;
        }
    }
    return {};
}

}  // namespace

Image read_uncaptioned_image(const GumboNode* image, std::string_view url) {
    if (is_placeholder(image)) image = noscript_twin(image);
    if (is_decoration(image)) return {};
    Image found;
    found.url = image_source(image, url);
    found.credit = credit_from_attributes(image);
    return found;
}

Image read_loose_image(const GumboNode* image, std::string_view url) {
    constexpr std::size_t k_max_box_chars = 600;  // a wire caption of three lines and its credit
    if (is_placeholder(image)) image = noscript_twin(image);
    if (is_decoration(image)) return {};
    const GumboNode* box = nullptr;
    const GumboNode* candidate = image->parent;
    for (int level = 0; level < 4 && candidate && html::is_element(candidate) && !is_page_frame(candidate); ++level) {
        if (count_images(candidate) > 1 || holds_other_link_or_heading(candidate, image)) break;
        std::string text = bounded_text(candidate, k_max_box_chars);
        if (text.size() > k_max_box_chars) break;
        if (!text.empty()) box = candidate;
        candidate = candidate->parent;
    }
    if (!box) return caption_beside(image, url);
    Image found = read_figure(box, url);
    if (found.caption.empty() && found.credit.empty()) return caption_beside(image, url);
    return found;
}


Image read_figure(const GumboNode* figure, std::string_view url) {
    Image image;
    image.url = image_source(figure, url);
    bool has_caption = find_first_bounded(figure, k_node_budget, [&](const GumboNode* n) {
        return n != figure && is_caption_element(n);
    }) != nullptr;
    FigureText text = figure_text(figure, !has_caption && !html::is_element(figure, GUMBO_TAG_FIGURE));
    CaptionParts parts = split_caption_credit(text.caption);
    image.caption = without_dangling_separator(std::move(parts.caption));
    image.credit = text.credits;
    for (std::string& credit : parts.credit) {
        if (std::find(image.credit.begin(), image.credit.end(), credit) == image.credit.end()) {
            image.credit.push_back(std::move(credit));
        }
    }
    if (image.caption.empty() && image.credit.empty() && html::is_element(figure, GUMBO_TAG_FIGURE)) {
        // <figure><img></figure><figcaption>…</figcaption>: the caption follows the figure.
        Image beside = caption_beside(figure, url);
        image.caption = std::move(beside.caption);
        image.credit = std::move(beside.credit);
    }
    if (image.credit.empty() && html::is_element(figure, GUMBO_TAG_FIGURE)) image.credit = credit_beside(figure);
    if (image.credit.empty()) image.credit = credit_from_attributes(figure);
    if (image.credit.empty()) {
        CaptionParts closing = split_closing_names(image.caption);
        image.caption = std::move(closing.caption);
        image.credit = std::move(closing.credit);
    }
    return image;
}

}  // namespace newswire

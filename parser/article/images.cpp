#include "parser/article/images.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <unordered_set>

#include "core/text.h"
#include "parser/article/blocks.h"
#include "parser/article/dom.h"
#include "parser/article/furniture_text.h"
#include "parser/article/meta_dom.h"
#include "parser/article/meta_images.h"
#include "parser/article/meta_text.h"
#include "parser/article/metadata.h"

namespace newswire {

namespace {

using html::Visit;

constexpr std::size_t k_max_images = 40;
constexpr std::size_t k_max_entries = 400;

bool is_image_link(const GumboNode* link);

// Too big to tell counts as holding links. A link to the picture itself (a lightbox's) leads
// to no other page.
bool holds_link(const GumboNode* node) {
    bool exhausted = false;
    const GumboNode* found = find_first_bounded(node, 5000, [](const GumboNode* n) {
        return html::is_element(n, GUMBO_TAG_A) && html::has_attribute(n, "href") && !is_image_link(n);
    }, &exhausted);
    return found || exhausted;
}

// An <aside> that is a floated picture: one image, a caption, and not much text.
bool is_image_aside(const GumboNode* aside) {
    if (count_images(aside) != 1 || bounded_text(aside, 600).size() > 600) return false;
    return find_first_bounded(aside, 400, [](const GumboNode* n) { return is_caption_element(n); }) != nullptr;
}

// `lowered` is scratch space, reused across calls so the page walk allocates nothing per node.
bool skipped_region(const GumboNode* node, std::string& lowered) {
    GumboTag tag = html::tag_of(node);
    if (tag == GUMBO_TAG_ASIDE && is_image_aside(node)) return false;
    // An <a> without href leads nowhere: a script's hook around the picture (a zoom button), no
    // teaser of another page.
    if (tag == GUMBO_TAG_A && !html::has_attribute(node, "href")) return false;
    if (tag == GUMBO_TAG_ASIDE || tag == GUMBO_TAG_NAV || tag == GUMBO_TAG_FOOTER || tag == GUMBO_TAG_A ||
        tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE || tag == GUMBO_TAG_NOSCRIPT || tag == GUMBO_TAG_TEMPLATE ||
        tag == GUMBO_TAG_SVG || tag == GUMBO_TAG_HEAD) {
        return true;
    }
    if (tag == GUMBO_TAG_BODY || tag == GUMBO_TAG_HTML || tag == GUMBO_TAG_MAIN) return false;
    // A card marked up as a schema.org Person (the author's box, an interviewee's box with
    // portrait, role and a line about them) shows the person, not the story.
    std::string_view item_type = html::attribute(node, "itemtype");
    if (item_type.ends_with("/Person") || item_type.ends_with("/Person/")) return true;
    std::string_view class_name = html::attribute(node, "class");
    std::string_view id = html::attribute(node, "id");
    if (class_name.empty() && id.empty()) return false;
    lowered.assign(class_name);
    lowered += ' ';
    lowered += id;
    for (char& c : lowered) c = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    // A byline's box shows the writer: its picture is their portrait, linked or not.
    for (std::string_view fragment : {"byline", "avatar"}) {
        if (lowered.find(fragment) != std::string::npos) return true;
    }
    // "teaser" also names a lead box ("article__picture--teaser"): only boxes with links are
    // teasers of other pages.
    for (std::string_view fragment : {"teaser", "related", "recommend", "newsletter", "promo", "advert", "author",
                                      "profile"}) {
        if (lowered.find(fragment) != std::string::npos) return holds_link(node);
    }
    return false;
}

// A caption element, or a box whose first element is one ("<div class=image-text><span
// class=description>…</span><span class=author>…</span></div>").
bool opens_with_caption(const GumboNode* node) {
    if (!html::is_element(node)) return false;
    if (is_caption_element(node)) return true;
    const GumboVector& children = node->v.element.children;
    for (unsigned i = 0; i < children.length; ++i) {
        const auto* child = static_cast<const GumboNode*>(children.data[i]);
        if (html::is_element(child)) return is_caption_element(child);
    }
    return false;
}

// A link to the picture itself (a lightbox or gallery view) belongs to the image, unlike a
// teaser link to another page: its target is on this page or an image file, or it holds an image and no text
// and a caption element follows it (or follows the boxes that hold only the link).
bool is_image_link(const GumboNode* link) {
    std::string_view href = html::attribute(link, "href");
    if (href.starts_with('#') && href.size() > 1) return true;  // opens the picture on this page
    href = href.substr(0, href.find_first_of("?#"));
    for (std::string_view extension : {".jpg", ".jpeg", ".png", ".webp", ".avif"}) {
        if (href.size() > extension.size() && equals_ci(href.substr(href.size() - extension.size()), extension)) return true;
    }
    const GumboVector& children = link->v.element.children;
    if (!std::any_of(children.data, children.data + children.length,
                     [](void* child) { return html::is_element(static_cast<const GumboNode*>(child)); })) {
        return false;  // a text link
    }
    const GumboNode* box = link;  // the link, or the box around it whose next sibling is the caption
    for (int level = 0; html::is_element(box) && !next_element(box); ++level, box = box->parent) {
        if (level == 2) return false;
    }
    if (!html::is_element(box) || !opens_with_caption(next_element(box))) return false;
    return count_images(box) == 1 && bounded_text(box, 1).empty();
}

// A figure of the author's portrait: its caption is a byline (<address>, a rel=author link).
bool is_byline_figure(const GumboNode* figure) {
    return find_first_bounded(figure, 400, [](const GumboNode* n) {
        return html::is_element(n, GUMBO_TAG_ADDRESS) ||
               (html::is_element(n, GUMBO_TAG_A) && html::attribute(n, "rel") == "author");
    }) != nullptr;
}

// A figure that is a card linking to another page (an embedded bookmark: the page's title,
// description and thumbnail inside one link, no <figcaption>) shows no picture of this story. A
// link to "#" is a player's button, and a linked picture with a caption of its own (a video
// teaser) is one.
bool is_link_card(const GumboNode* figure) {
    constexpr std::size_t k_min_card_text = 20;
    const GumboNode* link = find_first_bounded(figure, 400, [](const GumboNode* n) {
        return html::is_element(n, GUMBO_TAG_A) && html::has_attribute(n, "href");
    });
    if (!link || html::attribute(link, "href").starts_with('#') || is_image_link(link) || count_images(link) == 0) {
        return false;
    }
    return bounded_text(link, k_min_card_text).size() >= k_min_card_text &&
           !find_first_bounded(link, 400, [](const GumboNode* n) { return html::is_element(n, GUMBO_TAG_FIGCAPTION); });
}

enum class Kind { figure, loose_image, heading };

struct Entry {
    const GumboNode* node;
    Kind kind;
    bool in_container;
    bool after_container;
};

bool inside(const GumboNode* node, const GumboNode* ancestor) {
    for (const GumboNode* n = node; n; n = n->parent) {
        if (n == ancestor) return true;
    }
    return false;
}

// The node a pre-order walk reaches right after `node`'s subtree; nullptr at the end.
const GumboNode* next_after_subtree(const GumboNode* node) {
    for (const GumboNode* n = node; n && n->parent; n = n->parent) {
        const GumboVector* siblings = n->parent->type == GUMBO_NODE_DOCUMENT ? &n->parent->v.document.children
                                                                            : &n->parent->v.element.children;
        if (n->index_within_parent + 1 < siblings->length) {
            return static_cast<const GumboNode*>(siblings->data[n->index_within_parent + 1]);
        }
    }
    return nullptr;
}

// Figures, images outside figures and <h1>s of the page in order, without asides, teasers and
// links.
std::vector<Entry> page_entries(const GumboNode* root, const GumboNode* container) {
    std::vector<Entry> entries;
    const GumboNode* container_end = container ? next_after_subtree(container) : nullptr;
    std::unordered_set<const GumboNode*> container_chain;  // a box around the body is never furniture
    for (const GumboNode* n = container; n; n = n->parent) container_chain.insert(n);
    bool in_container = false;
    bool after = false;
    std::string lowered;
    html::walk(root, [&](const GumboNode* node) {
        if (node == container) in_container = true;
        if (container_end && node == container_end) in_container = false, after = true;
        if (node->type != GUMBO_NODE_ELEMENT) return Visit::skip_children;
        if (entries.size() >= k_max_entries) return Visit::stop;
        GumboTag tag = html::tag_of(node);
        if (tag == GUMBO_TAG_A && is_image_link(node)) return Visit::descend;
        if (!container_chain.count(node) && skipped_region(node, lowered)) {
            return Visit::skip_children;
        }
        if (tag == GUMBO_TAG_FIGURE) {
            if (!is_byline_figure(node) && !pull_quote_of(node) && !is_link_card(node)) {
                entries.push_back({node, Kind::figure, in_container, after});
            }
            return Visit::skip_children;
        }
        if (tag == GUMBO_TAG_IMG || (tag == GUMBO_TAG_UNKNOWN && is_image_element(node))) {
            entries.push_back({node, Kind::loose_image, in_container, after});
        }
        if (tag == GUMBO_TAG_H1) entries.push_back({node, Kind::heading, in_container, after});
        return Visit::descend;
    });
    return entries;
}

const GumboNode* common_ancestor(const GumboNode* a, const GumboNode* b) {
    std::unordered_set<const GumboNode*> chain;
    for (const GumboNode* n = a; n; n = n->parent) chain.insert(n);
    for (const GumboNode* n = b; n; n = n->parent) {
        if (chain.count(n)) return n;
    }
    return nullptr;
}

// Where the lead image may sit: the <article>/<main> around the body and the headline, else the smallest box
// holding the body and the headline above it, else the body's parent.
const GumboNode* find_region(const GumboNode* root, const GumboNode* container, const GumboNode* headline) {
    for (const GumboNode* n = container; n; n = n->parent) {
        bool frame = html::is_element(n, GUMBO_TAG_ARTICLE) || html::is_element(n, GUMBO_TAG_MAIN);
        if (frame && (!headline || inside(headline, n))) return n;
    }
    if (container && headline) {
        const GumboNode* common = common_ancestor(container, headline);
        if (common && !html::is_element(common, GUMBO_TAG_BODY) && !html::is_element(common, GUMBO_TAG_HTML)) return common;
    }
    if (container) return container->parent ? container->parent : container;
    for (GumboTag tag : {GUMBO_TAG_ARTICLE, GUMBO_TAG_MAIN, GUMBO_TAG_BODY}) {
        const GumboNode* found = html::find_first(root, [tag](const GumboNode* n) { return html::is_element(n, tag); });
        if (found) return found;
    }
    return root;
}

// "von Katja Belousova", "By Jane Doe": the caption of the author's portrait, not of a picture
// of the story.
bool reads_as_byline(std::string_view caption) {
    constexpr std::size_t k_max_name_words = 4;
    std::size_t space = caption.find(' ');
    if (space == std::string_view::npos) return false;
    std::string_view first = caption.substr(0, space);
    static constexpr std::array<std::string_view, 10> markers = {"von", "by", "par", "door", "di", "por", "av", "af", "przez", "od"};
    if (std::none_of(markers.begin(), markers.end(), [&](std::string_view marker) { return equals_ci(first, marker); })) {
        return false;
    }
    std::size_t words = 0;
    for (std::size_t at = space + 1; at < caption.size();) {
        std::size_t end = caption.find(' ', at);
        if (end == std::string_view::npos) end = caption.size();
        unsigned char lead = static_cast<unsigned char>(caption[at]);
        if (end > at && !(std::isupper(lead) || lead >= 0xC3)) return false;  // names are capitalised
        if (end > at) ++words;
        at = end + 1;
    }
    return words >= 1 && words <= k_max_name_words && caption.back() != '.';
}

void add_image(std::vector<Image>& images, Image image) {
    if (image.url.empty() && image.caption.empty() && image.credit.empty()) return;
    if (reads_as_byline(image.caption) || asks_for_javascript(image.caption)) return;
    // The same picture again is a repeat unless it comes with a caption of its own (a video's
    // poster reused as the lead photo).
    bool known = !image.url.empty() && std::any_of(images.begin(), images.end(), [&](const Image& i) {
        return i.url == image.url && (image.caption.empty() || image.caption == i.caption);
    });
    if (!known && images.size() < k_max_images) images.push_back(std::move(image));
}

Image read_entry(const Entry& entry, std::string_view url) {
    return entry.kind == Kind::figure ? read_figure(entry.node, url) : read_loose_image(entry.node, url);
}

// The last path segment of an address without its query and extension: "main-street".
std::string_view file_stem(std::string_view address) {
    address = address.substr(0, address.find_first_of("?#"));
    address = address.substr(address.rfind('/') + 1);
    return address.substr(0, address.rfind('.'));
}

// Are `a` and `b` the same picture: the same file, or one of them a size of the other
// ("main-street.jpg" and "main-street-1024x683.jpg")?
bool same_picture(std::string_view a, std::string_view b) {
    constexpr std::size_t k_min_stem = 6;
    if (a == b) return true;
    std::string_view one = file_stem(a);
    std::string_view other = file_stem(b);
    if (one.size() > other.size()) std::swap(one, other);
    if (one.size() < k_min_stem) return false;
    return one == other || (other.starts_with(one) && (other[one.size()] == '-' || other[one.size()] == '_'));
}

// A picture without a caption above the body (a theme's post thumbnail) is the lead image
// when it is the picture the page declares for itself (og:image, JSON-LD), with the caption and
// credit declared for it.
Image read_lead_entry(const Entry& entry, const PageMetadata& metadata, std::string_view url) {
    Image image = read_entry(entry, url);
    if (!image.url.empty() || entry.kind != Kind::loose_image) return image;
    Image plain = read_uncaptioned_image(entry.node, url);
    if (plain.url.empty()) return image;
    auto declared = std::find_if(metadata.images.begin(), metadata.images.end(),
                                 [&](const Image& known) { return same_picture(known.url, plain.url); });
    if (declared == metadata.images.end()) return image;
    plain.caption = declared->caption;
    if (plain.credit.empty()) plain.credit = declared->credit;
    return plain;
}

}  // namespace

std::vector<Image> extract_images(const GumboNode* root, const GumboNode* container,
                                  const PageMetadata& metadata, std::string_view url) {
    std::vector<Entry> entries = page_entries(root, container);
    const GumboNode* headline = nullptr;
    for (const Entry& entry : entries) {
        if (entry.in_container || entry.after_container) break;
        if (entry.kind == Kind::heading) headline = entry.node;
    }
    const GumboNode* region = find_region(root, container, headline);
    std::vector<Image> images;
    if (container) {
        // The lead image sits between the article's headline and its body, or above the
        // headline inside the article's region.
        std::size_t start = 0;
        for (std::size_t i = 0; i < entries.size() && !entries[i].in_container && !entries[i].after_container; ++i) {
            if (entries[i].kind == Kind::heading) start = i + 1;
        }
        for (std::size_t pass = 0; pass < 2 && images.empty(); ++pass) {
            for (std::size_t i = pass == 0 ? start : 0; i < entries.size(); ++i) {
                const Entry& entry = entries[i];
                if (entry.in_container || entry.after_container) break;
                if (entry.kind == Kind::heading || !inside(entry.node, region)) continue;
                add_image(images, read_lead_entry(entry, metadata, url));
                if (!images.empty()) break;
            }
        }
    }
    for (const Entry& entry : entries) {
        if (entry.kind == Kind::heading) continue;
        if (container ? !entry.in_container : !inside(entry.node, region)) continue;
        add_image(images, read_entry(entry, url));
    }
    if (images.empty() && !metadata.images.empty()) images.push_back(metadata.images.front());
    for (Image& image : images) {
        if (!image.credit.empty()) continue;
        for (const Image& declared : metadata.images) {
            if (declared.url == image.url && !image.caption.empty()) image.credit = declared.credit;
        }
    }
    return images;
}

}  // namespace newswire

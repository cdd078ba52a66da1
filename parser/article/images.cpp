#include "parser/article/images.h"

#include <algorithm>
#include <array>

#include "core/text.h"
#include "core/url.h"
#include "parser/article/dom.h"
#include "parser/article/meta_images.h"
#include "parser/article/meta_text.h"
#include "parser/article/metadata.h"

namespace newswire {

namespace {

using html::Visit;

constexpr std::size_t k_max_images = 40;

bool skipped_region(const GumboNode* node) {
    GumboTag tag = html::tag_of(node);
    if (tag == GUMBO_TAG_ASIDE || tag == GUMBO_TAG_NAV || tag == GUMBO_TAG_FOOTER || tag == GUMBO_TAG_A) return true;
    for (std::string_view fragment : {"teaser", "related", "recommend", "newsletter", "promo", "advert"}) {
        if (html::class_or_id_contains(node, fragment)) return true;
    }
    return false;
}

// Figures of `region` in page order, without those in asides, teasers and links.
std::vector<const GumboNode*> figures_in(const GumboNode* region) {
    std::vector<const GumboNode*> figures;
    html::walk(region, [&](const GumboNode* node) {
        if (node->type != GUMBO_NODE_ELEMENT) return Visit::skip_children;
        if (node != region && skipped_region(node)) return Visit::skip_children;
        if (html::is_element(node, GUMBO_TAG_FIGURE)) {
            if (figures.size() < k_max_images) figures.push_back(node);
            return Visit::skip_children;
        }
        return Visit::descend;
    });
    return figures;
}

const GumboNode* first_descendant(const GumboNode* node, GumboTag tag) {
    return html::find_first(node, [tag](const GumboNode* n) { return html::is_element(n, tag); });
}

const GumboNode* find_region(const GumboNode* root, const GumboNode* container) {
    for (const GumboNode* n = container; n; n = n->parent) {
        if (html::is_element(n, GUMBO_TAG_ARTICLE) || html::is_element(n, GUMBO_TAG_MAIN)) return n;
    }
    if (container) return container->parent ? container->parent : container;
    const GumboNode* article = first_descendant(root, GUMBO_TAG_ARTICLE);
    if (article) return article;
    const GumboNode* main = first_descendant(root, GUMBO_TAG_MAIN);
    return main ? main : root;
}

bool precedes(const GumboNode* a, const GumboNode* b, const GumboNode* root) {
    bool seen_a = false, answer = false;
    html::walk(root, [&](const GumboNode* n) {
        if (n == a) seen_a = true;
        if (n == b) {
            answer = seen_a;
            return Visit::stop;
        }
        return Visit::descend;
    });
    return answer;
}

bool inside(const GumboNode* node, const GumboNode* ancestor) {
    for (const GumboNode* n = node; n; n = n->parent) {
        if (n == ancestor) return true;
    }
    return false;
}

}  // namespace

std::vector<Image> extract_images(const GumboNode* root, const GumboNode* container,
                                  const PageMetadata& metadata, std::string_view url) {
    const GumboNode* region = find_region(root, container);
    std::vector<const GumboNode*> figures = figures_in(region);
    std::vector<Image> images;
    const GumboNode* lead = nullptr;
    if (container) {
        for (const GumboNode* figure : figures) {
            if (!inside(figure, container) && precedes(figure, container, region)) {
                lead = figure;
                break;
            }
        }
    }
    auto add = [&](const GumboNode* figure) {
        Image image = read_figure(figure, url);
        if (image.url.empty() && image.caption.empty() && image.credit.empty()) return;
        bool known = !image.url.empty() && std::any_of(images.begin(), images.end(),
                                                       [&](const Image& i) { return i.url == image.url; });
        if (!known) images.push_back(std::move(image));
    };
    if (lead) add(lead);
    for (const GumboNode* figure : figures) {
        if (figure == lead) continue;
        if (container && !inside(figure, container) && !precedes(figure, container, region)) continue;
        add(figure);
    }
    if (images.empty()) {
        for (const Image& declared : metadata.images) {
            images.push_back(declared);
            break;
        }
    }
    for (Image& image : images) {
        if (image.caption.empty() && image.credit.empty()) continue;
        for (const Image& declared : metadata.images) {
            if (declared.url == image.url && image.credit.empty()) image.credit = declared.credit;
        }
    }
    return images;
}

}  // namespace newswire

#pragma once
// An item while its elements are read: the fields found so far and how much each source is
// trusted, so that e.g. <title> beats <media:title> whichever comes first. Internal.

#include <optional>
#include <string>
#include <string_view>

#include <pugixml.hpp>

#include "core/feed.h"
#include "core/time.h"
#include "parser/feed/xml_util.h"

namespace newswire::feed_detail {

struct ItemState {
    // `element` is the item's element, a child of the element `parent_scope` is the scope of.
    ItemState(FeedItem& target, const NsScope& parent_scope, pugi::xml_node element)
        : item(target), scope(parent_scope, element) {}
    ItemState(const ItemState&) = delete;  // `base` may point into `base_storage`
    ItemState& operator=(const ItemState&) = delete;

    FeedItem& item;  // filled in place (the feed's own item)
    NsScope scope;         // namespaces in scope at the item element
    std::string_view base;     // the URL relative links of this item resolve against
    std::string base_storage;  // holds `base` when the item has an xml:base of its own
    std::string link;      // the item's own link, resolved
    std::string alt_link;  // an atom:link rel=alternate inside RSS, resolved
    int title_rank = 100;  // lower is better
    int summary_rank = 100;
    int content_rank = 100;
    std::optional<Timestamp> published;
    std::optional<Timestamp> updated;
    std::optional<Timestamp> fallback_date;  // dc:date, created: published when nothing else says

    void offer_title(pugi::xml_node element, int rank);
    void offer_summary(pugi::xml_node element, int rank);
    void offer_content(pugi::xml_node element, int rank);

    // Settles the item's dates.
    void finish();
};

// Dublin Core, DC terms, Media RSS and iTunes elements, which RSS and Atom items share.
// Returns false when `child` is none of them.
bool read_extension_element(pugi::xml_node child, Ns ns, std::string_view local, ItemState& state);

}  // namespace newswire::feed_detail

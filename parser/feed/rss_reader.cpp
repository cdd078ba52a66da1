#include <algorithm>

#include "core/text.h"
#include "core/url.h"
#include "parser/feed/item_state.h"
#include "parser/feed/item_util.h"
#include "parser/feed/readers.h"
#include "parser/feed/xml_util.h"

namespace newswire::feed_detail {

namespace {

constexpr std::size_t k_max_items = 100000;

std::string rss_format(pugi::xml_node root) {
    if (name_is(local_name(root), "rdf")) {
        std::string_view ns;
        for (pugi::xml_attribute a : root.attributes()) {
            if (std::string_view(a.name()) == "xmlns") ns = a.value();
        }
        return ns.find("netscape.com/rdf/simple/0.9") != std::string_view::npos ? "rss0.9x" : "rss1.0";
    }
    std::string_view version = trim(root.attribute("version").value());
    if (version.starts_with("0.9")) return "rss0.9x";
    if (!name_is(local_name(root), "rss")) return "rss0.9x";
    return "rss2.0";
}

struct GuidInfo {
    bool present = false;
    bool permalink = true;
    bool from_guid = false;  // from <guid> rather than an Atom-style <id>
};

void read_atom_link(pugi::xml_node child, ItemState& state) {
    std::string rel = to_lower_ascii(trim(attr(child, "rel")));
    std::string storage;
    std::string href = absolute_url(own_base(child, state.base, storage), attr(child, "href"));
    if (rel == "enclosure") {
        add_enclosure(state.item, std::move(href), attr(child, "type"), attr(child, "length"));
    } else if ((rel.empty() || rel == "alternate") && state.alt_link.empty()) {
        state.alt_link = std::move(href);
    }
}

void read_rss_child(pugi::xml_node child, ItemState& state, GuidInfo& guid) {
    std::string_view local;
    Ns ns = state.scope.resolve(child, local);
    if (read_extension_element(child, ns, local, state)) return;
    if (ns == Ns::atom || ns == Ns::atom03) {
        if (name_is(local, "link")) read_atom_link(child, state);
        else if (name_is(local, "published")) state.published = parse_feed_date(ElementText(child));
        else if (name_is(local, "updated")) state.updated = parse_feed_date(ElementText(child));
        else if (name_is(local, "summary")) state.offer_summary(child, 1);
        else if (name_is(local, "content")) state.offer_content(child, 2);
        return;
    }
    if (ns != Ns::none) return;
    if (name_is(local, "title")) {
        state.offer_title(child, 1);
    } else if (name_is(local, "link")) {
        ElementText raw(child);
        std::string_view text = trim(raw);
        if (text.empty()) text = trim(attr(child, "href"));
        std::string storage;
        if (state.link.empty() && !text.empty()) state.link = absolute_url(own_base(child, state.base, storage), text);
    } else if (name_is(local, "guid") && (!guid.present || !guid.from_guid)) {
        state.item.guid = std::string(trim(ElementText(child)));
        guid.present = true;
        guid.from_guid = true;
        guid.permalink = !name_is(trim(attr(child, "isPermaLink")), "false");
    } else if (name_is(local, "description")) {
        state.offer_summary(child, 0);
    } else if (name_is(local, "id") && !guid.present) {
        // Atom elements without the Atom namespace, as some RSS writers mix them in.
        state.item.guid = std::string(trim(ElementText(child)));
        guid.present = true;
        guid.permalink = false;
    } else if (name_is(local, "summary")) {
        state.offer_summary(child, 1);
    } else if (name_is(local, "published")) {
        if (auto t = parse_feed_date(ElementText(child))) state.published = t;
    } else if (name_is(local, "updated")) {
        if (auto t = parse_feed_date(ElementText(child))) state.updated = t;
    } else if (name_is(local, "pubDate")) {
        if (auto t = parse_feed_date(ElementText(child))) state.published = t;
    } else if (name_is(local, "author")) {
        add_author(state.item, ElementText(child));
    } else if (name_is(local, "category")) {
        add_category(state.item, ElementText(child));
    } else if (name_is(local, "enclosure")) {
        add_enclosure(state.item, absolute_url(state.base, attr(child, "url")), attr(child, "type"),
                      attr(child, "length"));
    }
}

// The guid as the item's link, as RSS 2.0 says for a permalink guid; only when it is a URL.
std::string guid_as_link(const ItemState& state, const GuidInfo& guid) {
    if (!guid.present || !guid.permalink || !state.item.guid) return {};
    std::string url = absolute_url(state.base, *state.item.guid);
    return is_http_url(url) ? url : std::string();
}

void read_rss_item(pugi::xml_node element, const NsScope& parent_scope, std::string_view parent_base, FeedItem& item) {
    ItemState state(item, parent_scope, element);
    state.base = own_base(element, parent_base, state.base_storage);
    GuidInfo guid;
    for (pugi::xml_node child = element.first_child(); child; child = child.next_sibling()) {
        if (child.type() == pugi::node_element) read_rss_child(child, state, guid);
    }
    if (!guid.present) {
        std::string_view about = trim(attr(element, "about"));
        if (!about.empty()) state.item.guid = std::string(about);
    }
    if (state.link.empty()) state.link = absolute_url(state.base, attr(element, "href"));
    state.item.url = !state.link.empty() ? state.link
                     : !state.alt_link.empty() ? state.alt_link
                                               : guid_as_link(state, guid);
    state.finish();
}

void read_channel_child(pugi::xml_node child, Ns ns, std::string_view local, std::string_view document_base,
                        ParsedFeed& feed) {
    if (ns == Ns::dc && name_is(local, "language") && feed.language.empty()) {
        feed.language = trim(ElementText(child));
    } else if ((ns == Ns::atom || ns == Ns::atom03) && name_is(local, "link") && feed.link.empty()) {
        std::string rel = to_lower_ascii(trim(attr(child, "rel")));
        if (rel.empty() || rel == "alternate") feed.link = absolute_url(base_of(child, document_base), attr(child, "href"));
    } else if (ns != Ns::none) {
        return;
    } else if (name_is(local, "title") && feed.title.empty()) {
        feed.title = plain_title(child);
    } else if (name_is(local, "link")) {
        ElementText raw(child);
        std::string_view text = trim(raw);
        if (!text.empty()) feed.link = absolute_url(base_of(child, document_base), text);
    } else if (name_is(local, "language")) {
        feed.language = trim(ElementText(child));
    } else if (name_is(local, "ttl")) {
        feed.ttl_minutes = small_int(ElementText(child));
    } else if (name_is(local, "skipHours")) {
        for (pugi::xml_node hour = child.first_child(); hour; hour = hour.next_sibling()) {
            auto value = hour.type() == pugi::node_element ? small_int(ElementText(hour)) : std::nullopt;
            if (value && *value <= 24 &&
                std::find(feed.skip_hours.begin(), feed.skip_hours.end(), *value % 24) == feed.skip_hours.end()) {
                feed.skip_hours.push_back(*value % 24);
            }
        }
    }
}

// The sy:updatePeriod and sy:updateFrequency seen among the channel's children; the last wins.
struct Syndication {
    std::string period;
    std::string frequency;

    void read(pugi::xml_node child, std::string_view local) {
        if (name_is(local, "updatePeriod")) period = ElementText(child).view();
        if (name_is(local, "updateFrequency")) frequency = ElementText(child).view();
    }
};

bool is_item(pugi::xml_node child, const NsScope& scope) {
    return name_is(local_name(child), "item") && scope.resolve(child) == Ns::none;
}

void read_items_of(pugi::xml_node parent, const NsScope& scope, std::string_view parent_base, ParsedFeed& feed) {
    for (pugi::xml_node child = parent.first_child(); child; child = child.next_sibling()) {
        if (feed.items.size() >= k_max_items) return;
        if (child.type() == pugi::node_element && is_item(child, scope)) {
            read_rss_item(child, scope, parent_base, feed.items.emplace_back());
        }
    }
}

// The channel's fields and items in one pass over its children; `base` is the base URL in effect
// at the channel.
void read_channel(pugi::xml_node channel, const NsScope& scope, std::string_view base, ParsedFeed& feed) {
    Syndication syndication;
    for (pugi::xml_node child = channel.first_child(); child; child = child.next_sibling()) {
        if (child.type() != pugi::node_element) continue;
        std::string_view local;
        Ns ns = scope.resolve(child, local);
        if (ns == Ns::none && name_is(local, "item")) {
            if (feed.items.size() < k_max_items) read_rss_item(child, scope, base, feed.items.emplace_back());
        } else if (ns == Ns::sy) {
            syndication.read(child, local);
        } else {
            read_channel_child(child, ns, local, base, feed);
        }
    }
    feed.update_period_minutes = update_period_minutes(syndication.period, syndication.frequency);
}

}  // namespace

void read_rss(pugi::xml_node root, std::string_view document_base, ParsedFeed& feed) {
    feed.format = rss_format(root);
    std::string root_storage;
    std::string_view root_base = own_base(root, document_base, root_storage);
    std::string cdf_storage;
    if (std::string_view cdf_base = trim(root.attribute("BASE").value()); !cdf_base.empty()) {
        cdf_storage = absolute_url(root_base, cdf_base);  // CDF's channel base
        document_base = cdf_storage;
        root_base = own_base(root, document_base, root_storage);
    }
    NsScope root_scope(root);
    pugi::xml_node channel = name_is(local_name(root), "channel") ? root : pugi::xml_node();
    for (pugi::xml_node child = root.first_child(); child && !channel; child = child.next_sibling()) {
        if (child.type() == pugi::node_element && name_is(local_name(child), "channel")) channel = child;
    }
    if (channel == root) {
        read_channel(root, root_scope, root_base, feed);
    } else if (channel) {
        std::string channel_storage;
        std::string_view channel_base = own_base(channel, root_base, channel_storage);
        read_channel(channel, NsScope(root_scope, channel), channel_base, feed);
    }
    if (channel != root) read_items_of(root, root_scope, root_base, feed);
    if (feed.language.empty()) feed.language = trim(attr(root, "lang"));
}

}  // namespace newswire::feed_detail

#include "core/text.h"
#include "core/url.h"
#include "parser/feed/item_state.h"
#include "parser/feed/item_util.h"
#include "parser/feed/readers.h"
#include "parser/feed/xml_util.h"

namespace newswire::feed_detail {

namespace {

constexpr std::size_t k_max_items = 100000;

bool is_atom(Ns ns) {
    return ns == Ns::atom || ns == Ns::atom03 || ns == Ns::none;
}

struct LinkChoice {
    std::string alternate;       // the first rel=alternate link of an HTML type (or no type)
    std::string other_alternate; // the first rel=alternate link of another type
    std::string text_only;       // Atom 0.3 links that carry the URL as text, not href: the last
};

void read_link(pugi::xml_node link, std::string_view base, LinkChoice& choice, FeedItem* item) {
    auto [rel_value, type_value, href_value, length] = attrs<4>(link, {"rel", "type", "href", "length"});
    std::string_view rel = trim(rel_value);
    std::string_view type = trim(type_value);
    std::string storage;
    std::string_view link_base = own_base(link, base, storage);
    std::string_view href = trim(href_value);
    if (href.empty()) {
        std::string text(trim(ElementText(link)));
        if (!text.empty()) choice.text_only = absolute_url(link_base, text);
        return;
    }
    std::string url = absolute_url(link_base, href);
    if (name_is(rel, "enclosure")) {
        if (item) add_enclosure(*item, std::move(url), to_lower_ascii(type), length);
    } else if (rel.empty() || name_is(rel, "alternate")) {
        bool html = type.empty() || name_is(type, "text/html") || name_is(type, "application/xhtml+xml");
        std::string& slot = html ? choice.alternate : choice.other_alternate;
        if (slot.empty()) slot = std::move(url);
    }
}

std::string chosen_link(LinkChoice&& choice) {
    if (!choice.alternate.empty()) return std::move(choice.alternate);
    if (!choice.other_alternate.empty()) return std::move(choice.other_alternate);
    return std::move(choice.text_only);
}

void read_person(pugi::xml_node person, FeedItem& item) {
    for (pugi::xml_node child = person.first_child(); child; child = child.next_sibling()) {
        if (child.type() == pugi::node_element && name_is(local_name(child), "name")) {
            add_author(item, ElementText(child));
            return;
        }
    }
    if (!has_element_children(person)) add_author(item, ElementText(person));
}

void read_entry_child(pugi::xml_node child, std::string_view local, ItemState& state, LinkChoice& links) {
    if (name_is(local, "id")) {
        if (!state.item.guid) state.item.guid = std::string(trim(ElementText(child)));
    } else if (name_is(local, "title")) {
        state.offer_title(child, 1);
    } else if (name_is(local, "link")) {
        read_link(child, state.base, links, &state.item);
    } else if (name_is(local, "summary")) {
        state.offer_summary(child, 0);
    } else if (name_is(local, "content")) {
        if (attr(child, "src").empty()) state.offer_content(child, 0);
    } else if (name_is(local, "published") || name_is(local, "issued")) {
        if (auto t = parse_feed_date(ElementText(child))) state.published = t;
    } else if (name_is(local, "updated") || name_is(local, "modified")) {
        if (auto t = parse_feed_date(ElementText(child))) state.updated = t;
    } else if (name_is(local, "created")) {
        if (auto t = parse_feed_date(ElementText(child))) state.fallback_date = t;
    } else if (name_is(local, "author")) {
        read_person(child, state.item);
    } else if (name_is(local, "category")) {
        std::string_view term = attr(child, "term");
        add_category(state.item, term.empty() ? std::string_view(attr(child, "label")) : term);
    }
}

void read_entry(pugi::xml_node entry, const NsScope& feed_scope, std::string_view feed_base, FeedItem& item) {
    ItemState state(item, feed_scope, entry);
    state.base = own_base(entry, feed_base, state.base_storage);
    LinkChoice links;
    for (pugi::xml_node child = entry.first_child(); child; child = child.next_sibling()) {
        if (child.type() != pugi::node_element) continue;
        std::string_view local;
        Ns ns = state.scope.resolve(child, local);
        if (is_atom(ns)) read_entry_child(child, local, state, links);
        else read_extension_element(child, ns, local, state);
    }
    state.item.url = chosen_link(std::move(links));
    if (state.item.url.empty() && state.item.guid) {
        std::string from_id = absolute_url(state.base, *state.item.guid);
        if (is_http_url(from_id)) state.item.url = std::move(from_id);
    }
    state.finish();
}

}  // namespace

void read_atom(pugi::xml_node root, std::string_view document_base, ParsedFeed& feed) {
    NsScope scope(root);
    feed.format = scope.resolve_own(root) == Ns::atom03 || trim(root.attribute("version").value()) == "0.3"
                      ? "atom0.3" : "atom1.0";
    std::string base_storage;
    std::string_view base = own_base(root, document_base, base_storage);
    LinkChoice links;
    for (pugi::xml_node child = root.first_child(); child; child = child.next_sibling()) {
        if (child.type() != pugi::node_element) continue;
        std::string_view local;
        if (!is_atom(scope.resolve(child, local))) continue;
        if (name_is(local, "entry") || name_is(local, "item")) {  // <item> in Atom: a mixed-up entry
            if (feed.items.size() < k_max_items) read_entry(child, scope, base, feed.items.emplace_back());
        } else if (name_is(local, "title") && feed.title.empty()) {
            feed.title = plain_title(child);
        } else if (name_is(local, "link")) {
            read_link(child, base, links, nullptr);
        }
    }
    feed.link = chosen_link(std::move(links));
    feed.language = trim(root.attribute("xml:lang").value());
}

}  // namespace newswire::feed_detail

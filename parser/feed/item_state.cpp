#include "parser/feed/item_state.h"

#include "core/text.h"
#include "parser/feed/item_util.h"
#include "parser/feed/xml_util.h"

namespace newswire::feed_detail {

void ItemState::offer_title(pugi::xml_node element, int rank) {
    if (rank >= title_rank) return;
    std::string title = plain_title(element);
    if (title.empty()) return;
    item.title = std::move(title);
    title_rank = rank;
}

void ItemState::offer_summary(pugi::xml_node element, int rank) {
    if (rank >= summary_rank) return;
    std::string summary = markup_of(element);
    if (summary.empty()) return;
    item.summary = std::move(summary);
    summary_rank = rank;
}

void ItemState::offer_content(pugi::xml_node element, int rank) {
    if (rank >= content_rank) return;
    std::string content = markup_of(element);
    if (content.empty()) return;
    item.content = std::move(content);
    content_rank = rank;
}

void ItemState::finish() {
    item.published = published ? published : fallback_date;
    item.updated = updated;
}

namespace {

void read_media_element(pugi::xml_node child, std::string_view local, ItemState& state) {
    if (name_is(local, "content") || name_is(local, "thumbnail")) {
        std::string url = absolute_url(state.base, attr(child, "url"));
        std::string_view type = attr(child, "type");
        if (type.empty() && name_is(local, "content")) {
            std::string_view medium = attr(child, "medium");
            if (name_is(medium, "image")) type = "image";
        }
        add_enclosure(state.item, std::move(url), type, attr(child, "fileSize"));
    } else if (name_is(local, "title")) {
        state.offer_title(child, 3);
    } else if (name_is(local, "description")) {
        state.offer_summary(child, 3);
    } else if (name_is(local, "credit") && name_is(attr(child, "role"), "author")) {
        add_author(state.item, ElementText(child));
    } else if (name_is(local, "keywords")) {
        ElementText keywords(child);
        std::string_view rest = keywords;
        while (!rest.empty()) {
            std::size_t comma = rest.find(',');
            add_category(state.item, rest.substr(0, comma));
            rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + 1);
        }
    } else if (name_is(local, "group")) {
        for (pugi::xml_node grandchild = child.first_child(); grandchild; grandchild = grandchild.next_sibling()) {
            if (grandchild.type() != pugi::node_element) continue;
            std::string_view grandchild_local = local_name(grandchild);
            if (ns_of(grandchild) == Ns::media && !name_is(grandchild_local, "group")) {
                read_media_element(grandchild, grandchild_local, state);
            }
        }
    }
}

}  // namespace

bool read_extension_element(pugi::xml_node child, Ns ns, std::string_view local, ItemState& state) {
    if (ns == Ns::dc) {
        if (name_is(local, "creator") || name_is(local, "contributor")) add_author(state.item, ElementText(child));
        else if (name_is(local, "title")) state.offer_title(child, 2);
        else if (name_is(local, "subject")) add_category(state.item, ElementText(child));
        else if (name_is(local, "description")) state.offer_summary(child, 2);
        else if (name_is(local, "date")) {
            if (auto t = parse_feed_date(ElementText(child))) state.fallback_date = t;
        }
        return true;
    }
    if (ns == Ns::dcterms) {
        if (name_is(local, "issued")) {
            if (auto t = parse_feed_date(ElementText(child))) state.published = t;
        } else if (name_is(local, "modified")) {
            if (auto t = parse_feed_date(ElementText(child))) state.updated = t;
        } else if (name_is(local, "created")) {
            auto t = parse_feed_date(ElementText(child));
            if (t && !state.fallback_date) state.fallback_date = t;
        }
        return true;
    }
    if (ns == Ns::content) {
        if (name_is(local, "encoded")) state.offer_content(child, 1);
        return true;
    }
    if (ns == Ns::xhtml) {
        if (name_is(local, "body") || name_is(local, "div")) {
            if (state.content_rank > 2) {
                state.item.content = inner_xml(child);
                state.content_rank = 2;
            }
        }
        return true;
    }
    if (ns == Ns::media) {
        read_media_element(child, local, state);
        return true;
    }
    if (ns == Ns::itunes) {
        if (name_is(local, "author")) add_author(state.item, ElementText(child));
        else if (name_is(local, "summary")) state.offer_summary(child, 4);
        else if (name_is(local, "keywords")) add_category(state.item, ElementText(child));
        return true;
    }
    return false;
}

}  // namespace newswire::feed_detail

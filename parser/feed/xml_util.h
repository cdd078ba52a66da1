#pragma once
// pugixml helpers for the feed readers: namespace-aware element names (pugixml itself knows no
// namespaces), text and markup of an element, xml:base. Internal to parser/feed.

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

#include "core/text.h"

namespace newswire::feed_detail {

// The vocabularies the readers know. `none` covers no namespace and the RSS namespaces (0.90,
// 1.0, Userland); `other` is any namespace the readers ignore.
enum class Ns { none, atom, atom03, dc, dcterms, content, media, itunes, sy, rdf, xhtml, other };

// The namespace of an element or attribute name, resolved through the xmlns declarations of the
// element and its ancestors; an undeclared prefix is read by its usual name ("dc", "media").
Ns ns_of(pugi::xml_node element);

// The namespace declarations in scope at one element, read once, so that the namespaces of its
// children resolve without walking the ancestors again for each child.
class NsScope {
public:
    NsScope() = default;
    explicit NsScope(pugi::xml_node element);
    // The scope of `element`, a child of the element `parent` is the scope of; `parent` must
    // outlive this scope (it is referred to, not copied).
    NsScope(const NsScope& parent, pugi::xml_node element);

    // The namespace of `child`, an element inside the scope's element (its own xmlns first).
    Ns resolve(pugi::xml_node child) const;
    // The same, with the local name of `child` read in the same pass over its name.
    Ns resolve(pugi::xml_node child, std::string_view& local) const;
    // The namespace of the scope's own element `element` (whose declarations the scope holds).
    Ns resolve_own(pugi::xml_node element) const;

private:
    struct Declaration {
        std::string_view prefix;  // empty for the default namespace
        Ns ns = Ns::none;
    };
    static constexpr std::size_t k_inline = 8;  // most elements declare fewer: no allocation

    void add(std::string_view prefix, Ns ns);
    const Declaration* find(std::string_view prefix) const;  // this scope's own declarations
    Ns resolve_prefix(pugi::xml_node child, std::string_view prefix) const;
    Ns resolve_in_scope(std::string_view prefix) const;

    std::array<Declaration, k_inline> m_inline{};  // innermost first, then m_overflow
    std::vector<Declaration> m_overflow;
    std::size_t m_count = 0;
    const NsScope* m_parent = nullptr;  // searched after this scope's declarations
    Ns m_default = Ns::none;            // what an unprefixed name resolves to, through the chain
    bool m_has_default = false;         // this scope's own declarations hold a default namespace
};

// `name` equals `expected`, ASCII case-insensitively; inline, so that the usual cases cost no call:
// another length, the same bytes, another first letter.
inline bool name_is(std::string_view name, std::string_view expected) {
    if (name.size() != expected.size()) return false;
    if (name == expected || name.empty()) return true;
    return ((name.front() ^ expected.front()) & ~0x20) == 0 && equals_ci(name, expected);
}

std::string_view local_name(std::string_view qualified);
std::string_view local_name(const char* qualified);
std::string_view local_name(pugi::xml_node element);

// True when `element` is `local` (ASCII case-insensitive) in vocabulary `ns`; Ns::atom also
// matches Atom 0.3.
bool is(pugi::xml_node element, Ns ns, std::string_view local);

// Attribute by local name, ASCII case-insensitive ("isPermaLink", "rdf:about"); empty when absent.
std::string_view attr(pugi::xml_node element, std::string_view local);

// True when the attribute `name` is `local` as attr() matches it.
bool attribute_is(const char* name, std::string_view local);

// True when the attribute `name` starts with "xmlns" (a declaration, which attr() never matches).
inline bool is_xmlns_name(const char* name) {
    return name[0] == 'x' && name[1] == 'm' && name[2] == 'l' && name[3] == 'n' && name[4] == 's';
}

// Several attributes as attr() reads each, in one pass over the element's attributes.
template <std::size_t N>
std::array<std::string_view, N> attrs(pugi::xml_node element, const std::array<std::string_view, N>& locals) {
    std::array<std::string_view, N> values{};
    std::array<bool, N> found{};
    for (pugi::xml_attribute a = element.first_attribute(); a; a = a.next_attribute()) {
        const char* name = a.name();
        if (is_xmlns_name(name)) continue;
        std::string_view own = local_name(name);
        for (std::size_t i = 0; i < N; ++i) {
            if (!found[i] && name_is(own, locals[i])) {
                values[i] = a.value();
                found[i] = true;
                break;
            }
        }
    }
    return values;
}

// All character data below `element`, in document order (iterative; any depth); HTML names XML
// left undecoded ("&nbsp;") decoded in PCDATA. A view into the document when the element holds
// one text node that needs no decoding (the common case), else built in `storage`.
std::string_view text_of(pugi::xml_node element, std::string& storage);

// text_of with storage of its own, to read a field in one expression, e.g.
// `parse_feed_date(ElementText(child))`. Neither copied nor moved (the view may point into it).
class ElementText {
public:
    explicit ElementText(pugi::xml_node element) : m_view(text_of(element, m_storage)) {}
    ElementText(const ElementText&) = delete;
    ElementText& operator=(const ElementText&) = delete;

    std::string_view view() const { return m_view; }
    operator std::string_view() const { return m_view; }  // NOLINT: reads like the text it is

private:
    std::string m_storage;
    std::string_view m_view;
};

// The markup inside `element`, serialised.
std::string inner_xml(pugi::xml_node element);

// True when `element` has element children (inline markup rather than text).
bool has_element_children(pugi::xml_node element);

// The base URL in effect at `element`: `document_base` resolved through every xml:base on the
// way down. Relative xml:base values with no absolute base stay as written.
std::string base_of(pugi::xml_node element, std::string_view document_base);

// `parent_base` with the element's own xml:base (if any) applied: `parent_base` itself when the
// element has none (the common case), else the resolved base, kept in `storage`.
std::string_view own_base(pugi::xml_node element, std::string_view parent_base, std::string& storage);

// `reference` made absolute against `base` where possible: an absolute reference stays exactly
// as written; a relative one without a usable base stays relative (there is nothing to resolve
// it against).
std::string absolute_url(std::string_view base, std::string_view reference);

// `text` without ASCII white space at either end; inline: fields are trimmed by the dozen per item.
inline std::string_view trim(std::string_view text) {
    auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; };
    while (!text.empty() && space(text.front())) text.remove_prefix(1);
    while (!text.empty() && space(text.back())) text.remove_suffix(1);
    return text;
}

}  // namespace newswire::feed_detail

#include "parser/feed/xml_util.h"

#include <algorithm>
#include <array>
#include <optional>
#include <cctype>
#include <vector>

#include "core/text.h"
#include "core/url.h"
#include "parser/feed/html_text.h"

namespace newswire::feed_detail {

namespace {

// The prefix an xmlns attribute declares ("" for xmlns itself); empty optional otherwise. Reads
// the C string pugixml keeps without measuring it first: most attributes are no declaration.
std::optional<std::string_view> declared_prefix(const char* attribute) {
    if (attribute[0] != 'x' || attribute[1] != 'm' || attribute[2] != 'l' || attribute[3] != 'n' ||
        attribute[4] != 's') {
        return std::nullopt;
    }
    if (attribute[5] == '\0') return std::string_view{};
    if (attribute[5] != ':') return std::nullopt;
    return std::string_view(attribute + 6);
}

constexpr int k_max_ancestors = 256;
constexpr std::size_t k_max_declarations = 64;
constexpr int k_max_scanned = 256;  // attributes of one ancestor searched for declarations

Ns ns_from_uri(std::string_view uri) {
    struct Known { std::string_view uri; Ns ns; };
    static constexpr std::array<Known, 15> k_known{{
        {"http://www.w3.org/2005/Atom", Ns::atom},
        {"http://purl.org/atom/ns#", Ns::atom03},
        {"http://purl.org/dc/elements/1.1/", Ns::dc},
        {"http://purl.org/dc/terms/", Ns::dcterms},
        {"http://purl.org/rss/1.0/modules/content/", Ns::content},
        {"http://search.yahoo.com/mrss/", Ns::media},
        {"http://search.yahoo.com/mrss", Ns::media},
        {"http://www.itunes.com/dtds/podcast-1.0.dtd", Ns::itunes},
        {"http://purl.org/rss/1.0/modules/syndication/", Ns::sy},
        {"http://www.w3.org/1999/02/22-rdf-syntax-ns#", Ns::rdf},
        {"http://www.w3.org/1999/xhtml", Ns::xhtml},
        {"http://purl.org/rss/1.0/", Ns::none},
        {"http://my.netscape.com/rdf/simple/0.9/", Ns::none},
        {"http://backend.userland.com/rss2", Ns::none},
        {"http://backend.userland.com/rss", Ns::none},
    }};
    std::string_view trimmed = trim(uri);
    if (trimmed.empty()) return Ns::none;
    for (const Known& known : k_known) {  // exactly as written first: the usual case, no call
        if (known.uri == trimmed) return known.ns;
    }
    for (const Known& known : k_known) {
        if (known.uri.size() == trimmed.size() && equals_ci(known.uri, trimmed)) return known.ns;
    }
    if (starts_with_ci(trimmed, "http://purl.org/dc/elements/")) return Ns::dc;
    if (starts_with_ci(trimmed, "http://purl.org/atom")) return Ns::atom03;
    return Ns::other;
}

Ns ns_from_prefix_name(std::string_view prefix) {
    struct Known { std::string_view prefix; Ns ns; };
    static constexpr std::array<Known, 10> k_known{{
        {"atom", Ns::atom}, {"dc", Ns::dc}, {"dcterms", Ns::dcterms}, {"content", Ns::content},
        {"media", Ns::media}, {"itunes", Ns::itunes}, {"sy", Ns::sy}, {"rdf", Ns::rdf},
        {"xhtml", Ns::xhtml}, {"atom10", Ns::atom},
    }};
    for (const Known& known : k_known) {
        if (known.prefix.size() == prefix.size() && equals_ci(known.prefix, prefix)) return known.ns;
    }
    return Ns::other;
}

}  // namespace

std::string_view local_name(std::string_view qualified) {
    std::size_t colon = qualified.rfind(':');
    return colon == std::string_view::npos ? qualified : qualified.substr(colon + 1);
}

std::string_view local_name(const char* qualified) {
    const char* local = qualified;
    const char* end = qualified;
    for (; *end != '\0'; ++end) {
        if (*end == ':') local = end + 1;
    }
    return {local, static_cast<std::size_t>(end - local)};
}

std::string_view local_name(pugi::xml_node element) { return local_name(element.name()); }

Ns ns_of(pugi::xml_node element) {
    std::string_view name = element.name();
    std::size_t colon = name.find(':');
    std::string_view prefix = colon == std::string_view::npos ? std::string_view{} : name.substr(0, colon);
    int depth = 0;
    for (pugi::xml_node n = element; n && n.type() == pugi::node_element && depth < k_max_ancestors;
         n = n.parent(), ++depth) {
        for (pugi::xml_attribute a = n.first_attribute(); a; a = a.next_attribute()) {
            if (auto declared = declared_prefix(a.name()); declared && *declared == prefix) return ns_from_uri(a.value());
        }
    }
    return prefix.empty() ? Ns::none : ns_from_prefix_name(prefix);
}

namespace {

std::string_view prefix_of(const char* name) {
    for (const char* p = name; *p != '\0'; ++p) {
        if (*p == ':') return {name, static_cast<std::size_t>(p - name)};
    }
    return {};
}

}  // namespace

void NsScope::add(std::string_view prefix, Ns ns) {
    if (prefix.empty() && !m_has_default) {  // the first default declaration is the one find({}) gives
        m_default = ns;
        m_has_default = true;
    }
    if (m_count < k_inline) m_inline[m_count] = {prefix, ns};
    else m_overflow.push_back({prefix, ns});
    ++m_count;
}

const NsScope::Declaration* NsScope::find(std::string_view prefix) const {
    for (std::size_t i = 0; i < std::min(m_count, k_inline); ++i) {
        if (m_inline[i].prefix == prefix) return &m_inline[i];
    }
    for (const Declaration& d : m_overflow) {
        if (d.prefix == prefix) return &d;
    }
    return nullptr;
}

NsScope::NsScope(pugi::xml_node element) {
    int depth = 0;
    for (pugi::xml_node n = element; n && n.type() == pugi::node_element && depth < k_max_ancestors;
         n = n.parent(), ++depth) {
        int scanned = 0;
        for (pugi::xml_attribute a = n.first_attribute(); a && scanned < k_max_scanned; a = a.next_attribute(), ++scanned) {
            const char* name = a.name();
            auto prefix = is_xmlns_name(name) ? declared_prefix(name) : std::nullopt;
            if (!prefix || m_count >= k_max_declarations) continue;
            if (!find(*prefix)) add(*prefix, ns_from_uri(a.value()));
        }
    }
}

NsScope::NsScope(const NsScope& parent, pugi::xml_node element) {
    int scanned = 0;
    for (pugi::xml_attribute a = element.first_attribute(); a && scanned < k_max_scanned; a = a.next_attribute(), ++scanned) {
        const char* name = a.name();
        auto prefix = is_xmlns_name(name) ? declared_prefix(name) : std::nullopt;
        if (prefix && m_count < k_max_declarations) add(*prefix, ns_from_uri(a.value()));
    }
    m_parent = &parent;
    if (!m_has_default) m_default = parent.m_default;
}

Ns NsScope::resolve(pugi::xml_node child) const { return resolve_prefix(child, prefix_of(child.name())); }

Ns NsScope::resolve(pugi::xml_node child, std::string_view& local) const {
    const char* name = child.name();
    const char* first_colon = nullptr;
    const char* local_start = name;
    const char* end = name;
    for (; *end != '\0'; ++end) {
        if (*end != ':') continue;
        if (!first_colon) first_colon = end;
        local_start = end + 1;
    }
    local = {local_start, static_cast<std::size_t>(end - local_start)};
    std::string_view prefix = first_colon ? std::string_view(name, static_cast<std::size_t>(first_colon - name))
                                          : std::string_view{};
    return resolve_prefix(child, prefix);
}

Ns NsScope::resolve_prefix(pugi::xml_node child, std::string_view prefix) const {
    for (pugi::xml_attribute a = child.first_attribute(); a; a = a.next_attribute()) {
        const char* name = a.name();
        if (!is_xmlns_name(name)) continue;  // most attributes, without a call
        auto declared = declared_prefix(name);
        if (declared && *declared == prefix) return ns_from_uri(a.value());
    }
    return prefix.empty() ? m_default : resolve_in_scope(prefix);
}

Ns NsScope::resolve_in_scope(std::string_view prefix) const {
    if (prefix.empty()) return m_default;
    for (const NsScope* scope = this; scope; scope = scope->m_parent) {
        if (const Declaration* d = scope->find(prefix)) return d->ns;
    }
    return ns_from_prefix_name(prefix);
}

Ns NsScope::resolve_own(pugi::xml_node element) const { return resolve_in_scope(prefix_of(element.name())); }

bool is(pugi::xml_node element, Ns ns, std::string_view local) {
    if (!equals_ci(local_name(element), local)) return false;
    Ns actual = ns_of(element);
    return actual == ns || (ns == Ns::atom && actual == Ns::atom03);
}

bool attribute_is(const char* name, std::string_view local) {
    std::string_view own = local_name(name);
    return name_is(own, local) && !is_xmlns_name(name);
}

std::string_view attr(pugi::xml_node element, std::string_view local) {
    for (pugi::xml_attribute a = element.first_attribute(); a; a = a.next_attribute()) {
        if (attribute_is(a.name(), local)) return a.value();
    }
    return {};
}

namespace {

// Character data of one text node; HTML names that XML left undecoded are decoded in PCDATA.
void append_text(std::string& out, pugi::xml_node node) {
    std::string_view value = node.value();
    if (node.type() == pugi::node_pcdata && value.find('&') != std::string_view::npos) {
        out += decode_html_names(value);
    } else {
        out += value;
    }
}

}  // namespace

std::string_view text_of(pugi::xml_node element, std::string& storage) {
    pugi::xml_node first = element.first_child();
    pugi::xml_node_type type = first.type();  // node_null for no child
    if ((type == pugi::node_pcdata || type == pugi::node_cdata) && !first.next_sibling()) {
        std::string_view value = first.value();
        if (type == pugi::node_cdata || value.find('&') == std::string_view::npos) return value;
        return decode_html_names_to(value, storage) ? std::string_view(storage) : value;
    }
    storage.clear();
    pugi::xml_node n = first;
    while (n && n != element) {
        if (n.type() == pugi::node_pcdata || n.type() == pugi::node_cdata) append_text(storage, n);
        if (n.first_child()) {
            n = n.first_child();
            continue;
        }
        while (n && n != element && !n.next_sibling()) n = n.parent();
        if (n && n != element) n = n.next_sibling();
    }
    return storage;
}

bool has_element_children(pugi::xml_node element) {
    for (pugi::xml_node child = element.first_child(); child; child = child.next_sibling()) {
        if (child.type() == pugi::node_element) return true;
    }
    return false;
}

std::string inner_xml(pugi::xml_node element) {
    struct Writer : pugi::xml_writer {
        std::string out;
        void write(const void* data, std::size_t size) override {
            out.append(static_cast<const char*>(data), size);
        }
    } writer;
    for (pugi::xml_node child = element.first_child(); child; child = child.next_sibling()) {
        child.print(writer, "", pugi::format_raw | pugi::format_no_declaration, pugi::encoding_utf8);
    }
    return std::move(writer.out);
}

std::string absolute_url(std::string_view base, std::string_view reference) {
    std::string_view ref = trim(reference);
    if (ref.empty()) return {};
    if (ref.starts_with("http://") || ref.starts_with("https://") || starts_with_ci(ref, "http://") ||
        starts_with_ci(ref, "https://")) {
        return std::string(ref);  // as written: the usual case is found without a call
    }
    if (std::size_t colon = ref.find(':'); colon != std::string_view::npos && colon > 0 &&
                                           ref.substr(0, colon).find_first_of("/?#") == std::string_view::npos) {
        return std::string(ref);  // another scheme (mailto:, tag:, urn:): nothing to resolve
    }
    if (!base.empty()) {
        if (auto resolved = resolve_url(base, ref)) return *resolved;
    }
    return std::string(ref);
}

std::string base_of(pugi::xml_node element, std::string_view document_base) {
    std::vector<std::string_view> bases;
    int depth = 0;
    for (pugi::xml_node n = element; n && n.type() == pugi::node_element && depth < k_max_ancestors;
         n = n.parent(), ++depth) {
        if (pugi::xml_attribute a = n.attribute("xml:base")) bases.push_back(a.value());
    }
    std::string base(document_base);
    for (auto it = bases.rbegin(); it != bases.rend(); ++it) {
        std::string_view value = trim(*it);
        if (value.empty()) continue;
        base = base.empty() ? std::string(value) : absolute_url(base, value);
    }
    return base;
}

std::string_view own_base(pugi::xml_node element, std::string_view parent_base, std::string& storage) {
    std::string_view value = trim(element.attribute("xml:base").value());
    if (value.empty()) return parent_base;
    storage = parent_base.empty() ? std::string(value) : absolute_url(parent_base, value);
    return storage;
}

}  // namespace newswire::feed_detail

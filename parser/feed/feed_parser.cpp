#include "parser/feed/feed_parser.h"

#include <cctype>
#include <new>
#include <utility>

#include <pugixml.hpp>

#include "core/text.h"
#include "parser/feed/encoding.h"
#include "parser/feed/item_util.h"
#include "parser/feed/readers.h"
#include "parser/feed/sniff.h"
#include "parser/feed/xml_recover.h"
#include "parser/feed/xml_util.h"

namespace newswire {

namespace {

// pugixml's defaults without turning tabs and line breaks inside attribute values into spaces:
// every attribute read is trimmed (URLs, types, rel) or folded (category terms), so only the
// rare break inside a value stays as written; parse_eol stays (dropping it costs pugixml more).
constexpr unsigned k_parse_flags = pugi::parse_default & ~pugi::parse_wconv_attribute;

enum class Root { rss, atom, unknown };

Root root_kind(pugi::xml_node root) {
    std::string_view local = feed_detail::local_name(root);
    if (feed_detail::name_is(local, "rss") || feed_detail::name_is(local, "rdf") ||
        feed_detail::name_is(local, "channel")) {
        return Root::rss;
    }
    if (feed_detail::name_is(local, "feed")) return Root::atom;
    return Root::unknown;
}

pugi::xml_node first_element(const pugi::xml_document& document) {
    for (pugi::xml_node child = document.first_child(); child; child = child.next_sibling()) {
        if (child.type() == pugi::node_element) return child;
    }
    return {};
}

// Bytes from pugixml's allocation function, which a document can take over
// (load_buffer_inplace_own): the clean copy of a feed is parsed where it was copied to.
class XmlBuffer {
public:
    explicit XmlBuffer(std::size_t size)
        : m_data(static_cast<char*>(pugi::get_memory_allocation_function()(size == 0 ? 1 : size))), m_size(size) {
        if (!m_data) throw std::bad_alloc();
    }
    XmlBuffer(XmlBuffer&& other) noexcept : m_data(std::exchange(other.m_data, nullptr)), m_size(other.m_size) {}
    XmlBuffer& operator=(XmlBuffer&&) = delete;
    ~XmlBuffer() {
        if (m_data) pugi::get_memory_deallocation_function()(m_data);
    }
    char* data() { return m_data; }
    const char* data() const { return m_data; }
    std::size_t size() const { return m_size; }
    char* release() { return std::exchange(m_data, nullptr); }

private:
    char* m_data;
    std::size_t m_size;
};

// A parsed document that owns the text pugixml parsed in place.
struct XmlDocument {
    std::string text;
    pugi::xml_document document;
    pugi::xml_parse_result result;

    explicit XmlDocument(std::string source) : text(std::move(source)) {
        result = document.load_buffer_inplace(text.data(), text.size(), k_parse_flags, pugi::encoding_utf8);
    }
    explicit XmlDocument(XmlBuffer source) {
        std::size_t size = source.size();
        result = document.load_buffer_inplace_own(source.release(), size, k_parse_flags, pugi::encoding_utf8);
    }
    pugi::xml_node root() const { return first_element(document); }
};

// `clean_source`: see sanitise_strings.
Result<ParsedFeed> read_xml(const XmlDocument& xml, std::string_view base_url, bool recovered, bool clean_source) {
    pugi::xml_node root = xml.root();
    ParsedFeed feed;
    switch (root ? root_kind(root) : Root::unknown) {
    case Root::rss: feed_detail::read_rss(root, base_url, feed); break;
    case Root::atom: feed_detail::read_atom(root, base_url, feed); break;
    case Root::unknown:
        if (!root) return fail(ErrorCode::invalid_input, "not a feed: no XML element in the document");
        return fail(ErrorCode::invalid_input,
                    "not a feed: the document is XML with root element <" + std::string(root.name()) +
                        ">, not <rss>, <rdf:RDF> or <feed>");
    }
    feed.recovered = recovered;
    feed_detail::sanitise_strings(feed, clean_source && !recovered && is_clean_utf8_text(base_url));
    return feed;
}

// Whether the document whose first markup (feed_detail::first_markup) is `markup` defines entities
// in a DOCTYPE, which pugixml does not expand. Other references XML does not know (&nbsp;)
// pugixml leaves as text, and the readers decode them.
bool defines_entities(std::string_view markup) {
    if (!markup.starts_with("<!") || !starts_with_ci(markup, "<!DOCTYPE")) return false;
    return markup.substr(0, 1 << 16).find("<!ENTITY") != std::string_view::npos;
}

// The document as pugixml will read it; `repaired` tells whether entities had to be expanded.
std::string prepared_xml(std::string text, bool& repaired) {
    if (!defines_entities(feed_detail::first_markup(text))) return text;
    feed_detail::EntityPass entities = feed_detail::expand_entities(text);
    repaired = entities.repaired;
    return entities.changed ? std::move(entities.text) : text;
}

// pugixml parses in place and so changes its buffer: a lenient second pass, rare, converts the
// bytes again rather than every parse keeping a copy. `text` is a std::string or an XmlBuffer.
// `entities`: whether the document defines entities (defines_entities).
template <typename Text>
Result<ParsedFeed> parse_xml_feed(Text text, std::string_view body, std::string_view base_url,
                                  std::string_view content_type, bool clean, bool entities) {
    bool repaired = false;
    std::string_view view(text.data(), text.size());
    clean = clean && !entities && !feed_detail::has_suspect_reference(view);
    XmlDocument strict = entities ? XmlDocument(prepared_xml(std::string(view), repaired)) : XmlDocument(std::move(text));
    if (strict.result) return read_xml(strict, base_url, repaired, clean);
    std::string again = prepared_xml(feed_detail::feed_to_utf8(body, content_type), repaired);
    XmlDocument lenient(feed_detail::rebalance_markup(again));
    if (lenient.root() && root_kind(lenient.root()) != Root::unknown) return read_xml(lenient, base_url, true, false);
    if (strict.root() && root_kind(strict.root()) != Root::unknown) return read_xml(strict, base_url, true, false);
    return fail(ErrorCode::invalid_input, std::string("not a feed: the XML is broken beyond repair (") +
                                              strict.result.description() + " at byte " +
                                              std::to_string(strict.result.offset) + ")");
}

// The feed as UTF-8 (`text`, `body` itself or its conversion) read as JSON or XML.
template <typename Text>
Result<ParsedFeed> parse_text(Text text, std::string_view body, std::string_view base_url,
                              std::string_view content_type, bool clean) {
    std::string_view start = feed_detail::trim(std::string_view(text.data(), text.size()));
    if (start.empty()) return fail(ErrorCode::invalid_input, "not a feed: the document is empty");
    if (start.front() == '{') return feed_detail::read_json_feed(start, base_url);
    std::string_view markup = feed_detail::first_markup(start);
    if (auto refusal = feed_detail::refuse_html(markup)) return fail(ErrorCode::invalid_input, *refusal);
    bool entities = defines_entities(markup);
    return parse_xml_feed(std::move(text), body, base_url, content_type, clean, entities);
}

}  // namespace

Result<ParsedFeed> parse_feed(std::string_view body, std::string_view base_url, std::string_view content_type) {
    if (auto refusal = feed_detail::refuse_non_feed(body)) return fail(ErrorCode::invalid_input, *refusal);
    bool plain = feed_detail::may_be_plain_utf8(body);
    if (plain) {  // the usual case: clean UTF-8, copied once, checked on the way
        XmlBuffer copy(body.size());
        if (feed_detail::copy_if_clean_utf8(body, copy.data())) {
            return parse_text(std::move(copy), body, base_url, content_type, true);
        }
    }
    bool clean = false;
    std::string text = feed_detail::feed_to_utf8(body, content_type, &clean, plain);
    return parse_text(std::move(text), body, base_url, content_type, clean);
}

}  // namespace newswire

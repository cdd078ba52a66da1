#include "parser/article/nesting.h"

#include <algorithm>
#include <array>
#include <cstdint>

namespace newswire {
namespace {

// The bytes of a name of up to 8 characters as one number, for a switch over names of one length.
constexpr std::uint64_t packed(std::string_view name) {
    std::uint64_t key = 0;
    for (std::size_t i = 0; i < name.size() && i < 8; ++i) key |= std::uint64_t{static_cast<unsigned char>(name[i])} << (8 * i);
    return key;
}

// The HTML standard's "special" elements that count towards nesting, sorted: an end tag of
// another name does not close past them.
constexpr std::array<std::string_view, 48> k_boxes{
    "address", "applet", "article", "aside", "blockquote", "button", "caption", "center", "details", "dir",
    "div", "dl", "fieldset", "figcaption", "figure", "footer", "form", "frameset", "h1", "h2", "h3", "h4",
    "h5", "h6", "header", "hgroup", "iframe", "listing", "main", "marquee", "menu", "nav", "noembed",
    "noframes", "noscript", "object", "ol", "plaintext", "pre", "search", "section", "select", "summary",
    "table", "textarea", "title", "ul", "xmp"};

bool is_box(std::string_view name) { return std::binary_search(k_boxes.begin(), k_boxes.end(), name); }

// The elements that end the standard's "element in scope" search (those that count here): the
// end tag of a box does not close past them, and closing one closes the formatting in it.
bool is_scope_boundary(std::string_view name) {
    return name == "table" || name == "object" || name == "applet" || name == "marquee" || name == "caption";
}

// The standard's formatting elements: closed by another element's end tag, they are opened
// again before the next text (its "reconstruction of the active formatting elements").
bool is_formatting(std::string_view name) {
    static constexpr std::array<std::string_view, 14> k_formatting{
        "a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u"};
    return std::find(k_formatting.begin(), k_formatting.end(), name) != k_formatting.end();
}

}  // namespace

bool counts_for_depth(std::string_view name) {
    std::uint64_t key = packed(name);
    switch (name.size()) {
    case 0: return false;
    case 1: return key != packed("p");
    case 2:
        switch (key) {
        case packed("li"): case packed("dt"): case packed("dd"): case packed("tr"): case packed("td"):
        case packed("th"): case packed("rb"): case packed("rt"): case packed("rp"): case packed("br"):
        case packed("hr"): return false;
        default: return true;
        }
    case 3: return key != packed("img") && key != packed("col") && key != packed("wbr");
    case 4:
        switch (key) {
        case packed("html"): case packed("head"): case packed("body"): case packed("meta"): case packed("link"):
        case packed("base"): case packed("area"): return false;
        default: return true;
        }
    case 5:
        switch (key) {
        case packed("thead"): case packed("tbody"): case packed("tfoot"): case packed("input"):
        case packed("embed"): case packed("param"): case packed("track"): return false;
        default: return true;
        }
    case 6: return key != packed("option") && key != packed("source") && key != packed("keygen");
    case 8: return key != packed("optgroup") && key != packed("colgroup");
    default: return true;
    }
}

void OpenElements::open(std::string_view name) {
    // A new <a> closes the one still open, unless a table or the like stands between them.
    if (name == "a") {
        for (std::size_t i = m_names.size(); i-- > 0 && !is_scope_boundary(m_names[i]);) {
            if (m_names[i] == "a") {
                m_names.erase(m_names.begin() + static_cast<std::ptrdiff_t>(i));
                break;
            }
        }
    }
    m_names.emplace_back(name);
}

void OpenElements::close(std::string_view name) {
    if (!m_names.empty() && m_names.back() == name) {  // the common case: well nested
        m_names.pop_back();
        return;
    }
    bool box = is_box(name);
    for (std::size_t i = m_names.size(); i-- > 0;) {
        if (m_names[i] == name) {
            close_from(i);
            return;
        }
        if (box ? is_scope_boundary(m_names[i]) : is_box(m_names[i])) return;
    }
}

// Closes the element at `at` and those inside it; the formatting inside stays open, as it is
// opened again, unless `at` is a table or the like, which ends it.
void OpenElements::close_from(std::size_t at) {
    std::size_t kept = at;
    if (!is_scope_boundary(m_names[at])) {
        for (std::size_t i = at + 1; i < m_names.size(); ++i) {
            if (is_formatting(m_names[i])) m_names[kept++] = std::move(m_names[i]);
        }
    }
    m_names.resize(kept);
}

}  // namespace newswire

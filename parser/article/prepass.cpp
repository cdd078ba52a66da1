#include "parser/article/prepass.h"

#include <cstddef>

#include "core/text.h"

namespace newswire {
namespace {

bool is_tag_name_end(char c) {
    return c == ' ' || c == '>' || c == '/' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

// Does `html` at `pos` (just after '<') start the tag `name` (lower-case)?
bool starts_tag(std::string_view html, std::size_t pos, std::string_view name) {
    if (pos + name.size() >= html.size()) return false;
    return equals_ci(html.substr(pos, name.size()), name) && is_tag_name_end(html[pos + name.size()]);
}

// Position just past the '>' that closes the tag opened at `pos`, honouring quoted values.
std::size_t tag_end(std::string_view html, std::size_t pos) {
    char quote = 0;
    for (std::size_t i = pos; i < html.size(); ++i) {
        char c = html[i];
        if (quote) {
            if (c == quote) quote = 0;
        } else if (c == '"' || c == '\'') {
            quote = c;
        } else if (c == '>') {
            return i + 1;
        }
    }
    return html.size();
}

// Position of the "</name" that closes a raw-text element, or npos.
std::size_t find_close(std::string_view html, std::size_t from, std::string_view name) {
    while (true) {
        std::size_t lt = html.find("</", from);
        if (lt == std::string_view::npos) return lt;
        if (starts_tag(html, lt + 2, name)) return lt;
        from = lt + 2;
    }
}

bool contains_ci(std::string_view haystack, std::string_view needle) {
    for (std::size_t i = 0; i + needle.size() <= haystack.size(); ++i) {
        if (equals_ci(haystack.substr(i, needle.size()), needle)) return true;
    }
    return false;
}

// End of an <svg> element opened at `lt`, counting nested <svg> (svg inside svg is legal).
std::size_t svg_end(std::string_view html, std::size_t lt) {
    int depth = 0;
    std::size_t i = lt;
    while (i < html.size()) {
        std::size_t next = html.find('<', i);
        if (next == std::string_view::npos) return html.size();
        std::size_t end = tag_end(html, next + 1);
        if (starts_tag(html, next + 1, "svg")) {
            if (html[end - 2] != '/') ++depth;
        } else if (next + 1 < html.size() && html[next + 1] == '/' && starts_tag(html, next + 2, "svg")) {
            if (--depth <= 0) return end;
        }
        i = end;
    }
    return html.size();
}

}  // namespace

std::string strip_heavy_content(std::string_view html) {
    std::string out;
    out.reserve(html.size() / 2);
    std::size_t i = 0;
    while (i < html.size()) {
        std::size_t lt = html.find('<', i);
        if (lt == std::string_view::npos) break;
        out.append(html.substr(i, lt - i));
        if (html.substr(lt, 4) == "<!--") {
            std::size_t close = html.find("-->", lt + 4);
            i = close == std::string_view::npos ? html.size() : close + 3;
            continue;
        }
        if (starts_tag(html, lt + 1, "svg")) {
            i = svg_end(html, lt);
            continue;
        }
        std::string_view raw_name;
        for (std::string_view name : {"script", "style", "template"}) {
            if (starts_tag(html, lt + 1, name)) raw_name = name;
        }
        std::size_t open_end = tag_end(html, lt + 1);
        out.append(html.substr(lt, open_end - lt));
        i = open_end;
        if (raw_name.empty()) continue;
        std::size_t close = find_close(html, open_end, raw_name);
        if (close == std::string_view::npos) close = html.size();
        bool keep = raw_name == "script" && contains_ci(html.substr(lt, open_end - lt), "ld+json");
        if (keep) out.append(html.substr(open_end, close - open_end));
        i = close;
    }
    if (i < html.size()) out.append(html.substr(i));
    return out;
}

}  // namespace newswire

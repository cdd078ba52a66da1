#pragma once
// What an element's class and id words, a link's path and an element's place in the page say
// about it, for the metadata signals (meta_signals.cpp). Private to parser/article.

#include <initializer_list>
#include <string>
#include <string_view>

#include <gumbo.h>

namespace newswire {

// ASCII classes, as <cctype>'s in the "C" locale the program runs in.
inline bool is_ascii_upper(char c) { return c >= 'A' && c <= 'Z'; }
inline bool is_ascii_lower(char c) { return c >= 'a' && c <= 'z'; }
inline bool is_ascii_alnum(char c) { return is_ascii_upper(c) || is_ascii_lower(c) || (c >= '0' && c <= '9'); }

// Words of a class or id value, split at '-', '_', ' ' and lower-to-upper case changes:
// "tag-list_tagList__mPIdS" -> tag, list, tag, list, m, p, id, s.
template <typename Visit>
void for_each_class_word(std::string_view value, Visit visit) {
    std::size_t i = 0;
    while (i < value.size()) {
        while (i < value.size() && !is_ascii_alnum(value[i])) ++i;
        std::size_t start = i++;
        while (i < value.size() && is_ascii_alnum(value[i]) && !(is_ascii_upper(value[i]) && is_ascii_lower(value[i - 1]))) {
            ++i;
        }
        if (start >= value.size()) break;
        visit(value.substr(start, i - start));
    }
}

// Does a class or id word of `node` equal one of `words` (lower-case), ignoring case?
bool has_class_word(const GumboNode* node, std::initializer_list<std::string_view> words);

enum ClassWordKind : unsigned { k_navigation_word = 1, k_header_word = 2, k_tag_list_word = 4 };

// Which word lists the class and id words of `node` fall in (one pass over its attributes).
unsigned class_word_kinds(const GumboNode* node);

// What a link's path names, read in one pass over its slashes: an author page ("/author…",
// "/autor…") or a tag or topic page ("/thema/ukraine-198.html", "/tags/books/").
struct HrefMarks {
    bool author = false;
    bool topic = false;
};

HrefMarks marks_of_href(std::string_view href);

// A link to a tag or topic page, or one whose label is marked as a tag (<a><span class="tag-like">).
bool links_to_topic(const GumboNode* link, const HrefMarks& marks);

// Does `lowered` (class and id, lower-cased, joined by a space) contain any of `fragments`
// (lower-case, without spaces)?
bool names_contain(std::string_view lowered, std::initializer_list<std::string_view> fragments);

inline void append_lowered(std::string_view text, std::string& out) {
    for (char c : text) out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
}

// `out` = class and id lower-cased, joined by a space: no fragment holds a space, so none
// matches across the two.
inline void lowered_names(std::string_view class_names, std::string_view id, std::string& out) {
    out.clear();
    append_lowered(class_names, out);
    out.push_back(' ');
    append_lowered(id, out);
}

// Inside <nav> or a breadcrumb trail, before the article, <main> or <body> is reached.
bool in_breadcrumb(const GumboNode* node);

// Teasers of other articles, quotes, comments and asides name people who did not write this.
bool in_furniture(const GumboNode* node);

// Teasers of other articles link their whole box, byline included.
bool inside_link(const GumboNode* node);

// The element before `node` among its siblings when it holds text only ("Anna Muster |"
// before the date), else null.
const GumboNode* text_sibling_before(const GumboNode* node);

}  // namespace newswire

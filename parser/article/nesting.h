#pragma once
// How deep the pre-pass (prepass.h) takes a page to be nested at each tag, closely enough to
// the tree Gumbo will build that markup cannot make it look shallower than it is. Private to
// parser/article.

#include <string>
#include <string_view>
#include <vector>

namespace newswire {

// Tags that count towards nesting: not void, and not closed implicitly by the parser (an
// unclosed <p> or <li> must not look like depth). `name` is lower-case.
bool counts_for_depth(std::string_view name);

// The elements that count towards nesting and are open at this point of the page, innermost
// last. An end tag closes the nearest open element of its name, and only as far as the HTML
// standard's tree builder lets it: one like </span> stops at a box such as a <div> it would
// have to close, one like </div> at a <table> or <object>; an end tag that closes nothing
// closes nothing. Formatting (<b>, <a>, ...) closed with the element around it stays open, as
// the tree builder opens it again before the next text; a new <a> closes the open one. Names
// are lower-case.
class OpenElements {
public:
    std::size_t depth() const { return m_names.size(); }
    void open(std::string_view name);
    void close(std::string_view name);

private:
    void close_from(std::size_t at);
    std::vector<std::string> m_names;
};

}  // namespace newswire

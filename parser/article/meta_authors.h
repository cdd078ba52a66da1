#pragma once
// Author names as pages write them: the people a byline names, and the newsroom or agency
// credited when no person is. Private to parser/article.

#include <string>
#include <string_view>
#include <vector>

namespace newswire {

// One byline or author field to the people it names: "Von Anna Muster und Max Beispiel, dpa"
// -> {"Anna Muster", "Max Beispiel"}. Drops prefixes ("Von", "By", "Par"), e-mail addresses,
// URLs, agencies (dpa, AFP, Reuters, ...), "Redaktion"-like words, and anything that does not
// look like a name. `site_name` (may be empty) is dropped as well.
std::vector<std::string> clean_authors(std::string_view text, std::string_view site_name);

// The newsroom, agency or desk `text` credits as author, as written but for a byline label:
// "Von dpa" -> "dpa", "Le Figaro et AFP", "BR24 Redaktion". Empty when `text` is no such name
// (an e-mail address, a link, a sentence, a handle).
std::string organisation_name(std::string_view text);

// True when `name` looks like a person's name rather than an organisation or furniture.
bool looks_like_person(std::string_view name, std::string_view site_name);

// True when `text` opens with a byline word and a name follows: "Von: Bill", "By Jane",
// "Par Marie", "Autor: Max", "(责编：牛镛". The name must start with a capital or a non-Latin
// letter, so that sentences ("Von den Teilnehmern", "Par ailleurs") are not taken. A label
// alone ("Von:") is true as well: the names follow in elements of their own.
bool starts_with_byline_label(std::string_view text);

// Of a line of fields in lenticular brackets, as Chinese portals close an article ("【纠错】
// 【责任编辑：王静】"), the field that opens with a byline label, without its brackets
// ("责任编辑：王静"); `text` itself when it holds no such field.
std::string_view labelled_field(std::string_view text);

// Appends the names of `from` to `to` that are not in it yet (compared case-insensitively).
void append_unique(std::vector<std::string>& to, const std::vector<std::string>& from);

}  // namespace newswire

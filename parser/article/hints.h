#pragma once
// What class and id names say about an element, in several languages. Private to parser/article.
//
// Class names are split into lower-case words at every non-alphanumeric character and at
// camelCase boundaries, so "ArticleShare_share__tS1mE" gives {"article", "share", "share",
// "t", "s1m", "e"} and build hashes never matter.

#include <string>
#include <string_view>
#include <vector>

#include <gumbo.h>

namespace newswire {

std::vector<std::string> hint_words(const GumboNode* node);

// Does any class/id word of `node` appear in `words`?
bool has_hint_word(const GumboNode* node, const std::vector<std::string_view>& words);

// Page furniture by markup: navigation, sharing, newsletter, ads, related-article lists,
// comments, hidden elements, forms, media players, figures.
bool is_furniture(const GumboNode* node);

// Furniture by tag, role or hidden state alone: certain whatever the class names say.
bool is_hard_furniture(const GumboNode* node);

// A box of facts or background beside the story by its class/id ("factbox", "info-box",
// "faktaboks"): furniture whatever its size, as no such box wraps the story itself.
bool is_fact_box(const GumboNode* node);

// Text set off screen for screen readers by its class/id ("sr-only", "visually-hidden",
// "h-offscreen"): a label such as "Legende:" that the reader does not see.
bool is_screen_reader_text(const GumboNode* node);

// Text that is page furniture wherever it stands ("Diese Audioversion wurde künstlich
// generiert.", "Lesen Sie auch", "Mehr zum Thema", ...).
bool is_furniture_text(std::string_view text);

// A short line that announces a box of furniture ("Lesen Sie auch", "Czytaj więcej", "Anzeige",
// "Join us on WhatsApp").
bool opens_furniture_box(std::string_view text);

// Class/id words that mark the article body (+1), or its negation (-1), 0 when neither.
int body_hint(const GumboNode* node);

// Class/id words that mark the lead paragraph (Vorspann, standfirst, chapô, ...).
bool is_lead_hint(const GumboNode* node);

// Class/id words that mark the kicker (Dachzeile, roofline, eyebrow, ...).
bool is_kicker_hint(const GumboNode* node);

// Breadcrumb navigation by class, id, aria-label or schema.org itemtype.
bool is_breadcrumb(const GumboNode* node);

}  // namespace newswire

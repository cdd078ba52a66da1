#pragma once
// Lines that are notes of the page rather than text of the story, told by their words in
// several languages. Private to parser/article; hints.h's is_furniture_text asks here first.

#include <string_view>

namespace newswire {

// Reading times ("Lesedauer: 4 Minuten", "5 min read", "7 min"), publication and update lines
// ("Uppdaterad 15.59 | Publicerad 14.14", "2 minutes ago"), short time stamps ("17:41 JST,
// October 13, 2024"), calls to follow the site on a messenger ("Join us on WhatsApp"), notes on
// paid links ("we may earn a commission"), on where the article first appeared ("First
// published in ..."), and requests to enable JavaScript.
bool is_page_note(std::string_view text);

// "Join us on WhatsApp", "Folgst du schon 20 Minuten auf Whatsapp?", "Follow X on Google News":
// a call to follow the site on a messenger or news app.
bool is_channel_prompt(std::string_view text);

// "This article contains content provided by Google YouTube. We ask for your permission ...",
// "Ich bin damit einverstanden, dass mir externe Inhalte angezeigt werden": what stands in place
// of an embedded post until the reader allows its provider, in a few languages.
bool asks_to_load_embed(std::string_view text);

// "Skip YouTube post", "End of Instagram post, 2", "Allow Twitter content?": the labels around an
// embedded post or its stand-in.
bool is_embed_label(std::string_view text);

// "Bitte aktivieren Sie JavaScript.", "Please enable JavaScript to view this content": what a
// page shows in place of a script's content, in a few languages.
bool asks_for_javascript(std::string_view text);

}  // namespace newswire

#include "parser/article/furniture_text.h"

#include <algorithm>
#include <array>
#include <string>

#include "core/text.h"

namespace newswire {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// "Lesedauer: 4 Minuten", "5 min read", "Temps de lecture : 3 min", "7 min": a reading-time
// label. `lower` is the line in lower case.
bool is_reading_time(std::string_view lower) {
    constexpr std::size_t k_max_label = 80;
    if (lower.size() > k_max_label) return false;
    static constexpr std::array<std::string_view, 14> labels = {
        "lesedauer", "lesezeit", "min read", "min. read", "minute read", "minutes read", "reading time",
        "temps de lecture", "tiempo de lectura", "tempo di lettura", "leestijd", "lesetid", "lästid",
        "czas czytania"};
    auto holds = [&](std::string_view label) { return lower.find(label) != std::string_view::npos; };
    if (std::any_of(labels.begin(), labels.end(), holds)) return true;
    std::size_t digits = 0;
    while (digits < lower.size() && is_digit(lower[digits])) ++digits;
    std::string_view unit = lower.substr(digits);
    if (!unit.empty() && unit.front() == ' ') unit.remove_prefix(1);
    return digits > 0 && digits <= 3 && (unit == "min" || unit == "min.");
}

// "Uppdaterad 15.59 | Publicerad 14.14", "Aktualisiert am 12.05.2024": a short line that says
// when the page was published or updated, without a closing stop. `lower` is the line in lower case.
bool is_update_line(std::string_view lower) {
    constexpr std::size_t k_max_line = 80;
    if (lower.size() > k_max_line || lower.empty() || std::string_view(".!?").find(lower.back()) != std::string_view::npos ||
        std::none_of(lower.begin(), lower.end(), is_digit)) {
        return false;
    }
    static constexpr std::array<std::string_view, 20> words = {
        "updated", "published", "aktualisiert", "veröffentlicht", "publié", "mis à jour", "actualizado", "publicado",
        "aggiornato", "pubblicato", "bijgewerkt", "gepubliceerd", "uppdaterad", "publicerad", "opdateret",
        "oppdatert", "publisert", "zaktualizowano", "opublikowano", "güncelleme"};
    bool bar = lower.find('|') != std::string_view::npos;
    return std::any_of(words.begin(), words.end(), [&](std::string_view word) {
        return lower.starts_with(word) || (bar && lower.find(word) != std::string_view::npos);
    });
}

// "Jane Roe 2 minutes ago", "vor 3 Stunden", "il y a 3 heures": a short line that ends with
// how long ago the page was updated. `lower` is the line in lower case.
bool ends_with_time_ago(std::string_view lower) {
    constexpr std::size_t k_max_line = 60;
    if (lower.size() > k_max_line) return false;
    static constexpr std::string_view units[] = {"seconds ago", "minutes ago", "minute ago", "hours ago", "hour ago",
                                                 "days ago", "day ago", "sekunden", "minuten", "stunden", "tagen",
                                                 "secondes", "minutes", "heures", "jours", "horas", "minutos"};
    for (std::string_view unit : units) {
        if (!lower.ends_with(unit)) continue;
        std::string_view before = lower.substr(0, lower.size() - unit.size());
        while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
        if (before.empty() || !is_digit(before.back())) return false;
        while (!before.empty() && is_digit(before.back())) before.remove_suffix(1);
        while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
        // English puts "ago" after the unit; the others put a word before the number.
        return unit.ends_with(" ago") || before.ends_with("vor") || before.ends_with("il y a") || before.ends_with("hace");
    }
    return false;
}

// "17:41 JST, October 13, 2024", "12.05.2024, 08.30": a short line with a clock time and a year.
bool is_time_stamp(std::string_view text) {
    constexpr std::size_t k_max_stamp = 40;
    if (text.size() > k_max_stamp) return false;
    bool clock = false;
    bool year = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (!is_digit(text[i]) || (i > 0 && is_digit(text[i - 1]))) continue;
        std::size_t end = i;
        while (end < text.size() && is_digit(text[end])) ++end;
        std::size_t run = end - i;
        if (run == 4 && (text.compare(i, 2, "19") == 0 || text.compare(i, 2, "20") == 0)) year = true;
        if (run <= 2 && end + 2 < text.size() && (text[end] == ':' || text[end] == '.') && is_digit(text[end + 1]) &&
            is_digit(text[end + 2]) && (end + 3 == text.size() || !is_digit(text[end + 3]))) {
            clock = true;
        }
    }
    return clock && year;
}


// "If you buy something using links in our stories, we may earn a commission.", "Die ...
// gekennzeichneten Links sind Affiliate-Links.": the note on paid links, not the story.
bool is_affiliate_note(std::string_view text) {
    constexpr std::size_t k_max_note = 400;
    if (text.size() > k_max_note) return false;
    static constexpr std::string_view phrases[] = {
        "affiliate link", "affiliate-link", "we may earn a commission", "we earn a commission", "may earn us a",
        "earn an affiliate commission", "erhalten wir eine provision", "commission d'affiliation"};
    return std::any_of(std::begin(phrases), std::end(phrases), [&](std::string_view phrase) { return contains_ci(text, phrase); });
}

// "First published in The Conversation.", "Dieser Artikel wurde im Original veröffentlicht auf
// Englisch": where the article appeared first, a note beside the story.
bool is_republication_note(std::string_view text) {
    constexpr std::size_t k_max_note = 250;
    if (text.size() > k_max_note) return false;
    // A line that opens with the note, or names the article or story it is about: "The book was
    // first published in 1953." is the story's own sentence.
    static constexpr std::string_view openings[] = {"first published", "originally published", "zuerst erschienen",
                                                    "erstmals erschienen", "publié initialement", "initialement publié"};
    static constexpr std::string_view phrases[] = {
        "article was originally published", "article was first published", "story was originally published",
        "story was first published", "article first appeared", "story first appeared", "artikel wurde im original",
        "artikel ist zuerst", "artikel erschien zuerst", "beitrag erschien zuerst", "beitrag ist zuerst",
        "article a été publié initialement", "artículo fue publicado originalmente", "artikel werd oorspronkelijk"};
    std::string lower = to_lower_ascii(text);
    return std::any_of(std::begin(openings), std::end(openings), [&](std::string_view opening) { return lower.starts_with(opening); }) ||
           std::any_of(std::begin(phrases), std::end(phrases), [&](std::string_view phrase) { return lower.find(phrase) != std::string::npos; });
}

}  // namespace

bool is_channel_prompt(std::string_view text) {
    constexpr std::size_t k_max_prompt = 300;
    if (text.size() > k_max_prompt) return false;
    static constexpr std::array<std::string_view, 3> channels = {"whatsapp", "telegram", "google news"};
    // Calls to the reader, not the words of a story about a messenger ("the city's WhatsApp channel").
    static constexpr std::array<std::string_view, 11> calls = {
        "join us", "follow us", "folge uns", "folgen sie uns", "folgst du", "abonniere", "subscribe to our",
        "add us", "suivez-nous", "síguenos", "seguici"};
    auto has = [&](std::string_view phrase) { return contains_ci(text, phrase); };
    return std::any_of(channels.begin(), channels.end(), has) && std::any_of(calls.begin(), calls.end(), has);
}

bool asks_for_javascript(std::string_view text) {
    constexpr std::size_t k_max_prompt = 400;
    if (text.size() > k_max_prompt || !contains_ci(text, "javascript")) return false;
    static constexpr std::array<std::string_view, 9> prompts = {
        "aktivieren sie javascript", "javascript aktivieren", "enable javascript", "javascript is disabled",
        "javascript enabled", "activez javascript", "activer javascript", "activa javascript", "habilita javascript"};
    return std::any_of(prompts.begin(), prompts.end(), [&](std::string_view prompt) { return contains_ci(text, prompt); });
}

bool asks_to_load_embed(std::string_view text) {
    constexpr std::size_t k_max_prompt = 500;
    if (text.size() > k_max_prompt) return false;
    std::string lower = to_lower_ascii(text);
    auto has = [&](std::string_view phrase) { return lower.find(phrase) != std::string::npos; };
    if (has("ask for your permission before anything is loaded") || has("this article contains content provided by")) {
        return true;
    }
    // What is embedded, what the reader is asked to do about it, and why: a story about
    // third-party content names no click, cookies or personal data with it.
    struct Prompt {
        std::array<std::string_view, 4> contents;
        std::array<std::string_view, 6> asks;
        std::array<std::string_view, 4> reasons;
    };
    static constexpr std::array<Prompt, 4> prompts = {{
        {{"third-party content", "third party content", "external content", "content from third"},
         {"accept", "allow", "consent", "permission", "load", "enable"},
         {"click", "cookie", "privacy", "personal data"}},
        {{"externe inhalte", "externer inhalt", "externen inhalt", "inhalte von drittanbietern"},
         {"einverstanden", "zustimm", "nachladen", "aktivier", "akzeptier", "anzeigen"},
         {"klick", "cookie", "datenschutz", "daten"}},
        {{"contenu tiers", "contenus tiers", "contenu externe", "contenus externes"},
         {"accepter", "autoriser", "consent", "afficher", "charger", "activer"},
         {"clic", "cookie", "confidentialit", "donn\xC3\xA9" "es"}},
        {{"contenido de terceros", "contenido externo", "contenidos de terceros", "contenidos externos"},
         {"aceptar", "permitir", "consent", "cargar", "mostrar", "activar"},
         {"clic", "cookie", "privacidad", "datos"}}}};
    return std::any_of(prompts.begin(), prompts.end(), [&](const Prompt& prompt) {
        return std::any_of(prompt.contents.begin(), prompt.contents.end(), has) &&
               std::any_of(prompt.asks.begin(), prompt.asks.end(), has) &&
               std::any_of(prompt.reasons.begin(), prompt.reasons.end(), has);
    });
}

bool is_embed_label(std::string_view text) {
    constexpr std::size_t k_max_label = 48;
    if (text.size() > k_max_label) return false;
    std::string lower = to_lower_ascii(text);
    std::string_view label = lower;
    // BBC numbers its embeds: "Skip YouTube post, 1".
    std::size_t comma = label.rfind(", ");
    if (comma != std::string_view::npos &&
        std::all_of(label.begin() + static_cast<std::ptrdiff_t>(comma) + 2, label.end(), is_digit)) {
        label = label.substr(0, comma);
    }
    bool around = (label.starts_with("skip ") || label.starts_with("end of ")) &&
                  (label.ends_with(" post") || label.ends_with(" content"));
    return around || (label.starts_with("allow ") && label.ends_with(" content?"));
}

bool is_page_note(std::string_view text) {
    constexpr std::size_t k_lowered = 96;
    std::string lower = to_lower_ascii(text.substr(0, k_lowered));
    return is_reading_time(lower) || is_update_line(lower) || ends_with_time_ago(lower) || is_time_stamp(text) ||
           is_channel_prompt(text) || is_affiliate_note(text) || is_republication_note(text) || asks_for_javascript(text) ||
           asks_to_load_embed(text) || is_embed_label(text);
}

}  // namespace newswire

#include "parser/article/hints.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <initializer_list>
#include <optional>

#include "core/text.h"
#include "parser/article/dom.h"
#include "parser/article/furniture_text.h"
#include "parser/article/meta_text.h"

namespace newswire {
namespace {

bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
// ASCII only, as std::isalnum in the "C" locale the program runs in.
bool is_alnum(char c) { return is_upper(c) || is_lower(c) || (c >= '0' && c <= '9'); }

// Calls `visit` with each lower-case word of `text` (see hints.h); stops when it returns true.
// Words longer than the buffer are cut, which no hint word is.
template <typename Visit>
bool any_word_of_token(std::string_view text, Visit visit);

// Utility-class variants ("md:hidden", "dark:text-white", "md:px-4") say where a style
// applies, not what the element is: only the part after the last ':' counts, and nothing of a
// print-only style ("print:hidden", "print:article-dropcap-print"), which says nothing of the
// screen.
template <typename Visit>
bool any_word(std::string_view text, Visit visit) {
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r')) ++i;
        std::size_t start = i;
        while (i < text.size() && text[i] != ' ' && text[i] != '\t' && text[i] != '\n' && text[i] != '\r') ++i;
        std::string_view token = text.substr(start, i - start);
        if (token.starts_with("print:")) continue;
        std::size_t colon = token.rfind(':');
        if (colon != std::string_view::npos) token.remove_prefix(colon + 1);
        if (!token.empty() && any_word_of_token(token, visit)) return true;
    }
    return false;
}

// Generated ids and hashes ("n1AuAdJlVL") split at case changes into short pieces that can
// look like words ("ad"): an alphanumeric run with three or more pieces of one or two
// characters is no name.
bool is_hash_like(std::string_view run) {
    int short_pieces = 0;
    std::size_t piece = 0;
    for (std::size_t i = 0; i <= run.size(); ++i) {
        bool boundary = i == run.size() || (is_upper(run[i]) && i > 0 && is_lower(run[i - 1]));
        if (boundary) {
            if (piece > 0 && piece <= 2) ++short_pieces;
            piece = 0;
        }
        if (i < run.size()) ++piece;
    }
    return short_pieces >= 3;
}

template <typename Visit>
bool any_word_of_token(std::string_view text, Visit visit) {
    std::array<char, 48> buffer;
    std::size_t length = 0;
    auto flush = [&] {
        bool hit = length > 0 && visit(std::string_view(buffer.data(), length));
        length = 0;
        return hit;
    };
    std::size_t run_end = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (!is_alnum(c)) {
            if (flush()) return true;
            continue;
        }
        if (i >= run_end) {
            run_end = i;
            int upper = 0;
            for (; run_end < text.size() && is_alnum(text[run_end]); ++run_end) upper += is_upper(text[run_end]);
            if (upper >= 3 && is_hash_like(text.substr(i, run_end - i))) {
                i = run_end - 1;
                continue;
            }
        }
        if (is_upper(c) && i > 0 && is_lower(text[i - 1]) && length > 0 && flush()) return true;
        if (length < buffer.size()) buffer[length++] = is_upper(c) ? static_cast<char>(c - 'A' + 'a') : c;
    }
    return flush();
}

// The attributes the hints read, from one pass over an element's attributes.
struct Names {
    std::string_view class_list;
    std::string_view id;
    std::string_view itemtype;
    std::string_view role;
    std::string_view style;
    std::string_view aria_hidden;
    std::string_view aria_label;
    bool hidden = false;
};

Names names_of(const GumboNode* node) {
    Names names;
    if (!html::is_element(node)) return names;
    const GumboVector& attributes = node->v.element.attributes;
    for (unsigned i = 0; i < attributes.length; ++i) {
        const auto* attribute = static_cast<const GumboAttribute*>(attributes.data[i]);
        std::string_view name = attribute->name;
        switch (name.empty() ? '\0' : name[0]) {
        case 'c': if (name == "class") names.class_list = attribute->value; break;
        case 'i':
            if (name == "id") names.id = attribute->value;
            else if (name == "itemtype") names.itemtype = attribute->value;
            break;
        case 'r': if (name == "role") names.role = attribute->value; break;
        case 's': if (name == "style") names.style = attribute->value; break;
        case 'h': if (name == "hidden") names.hidden = true; break;
        case 'a':
            if (name == "aria-hidden") names.aria_hidden = attribute->value;
            else if (name == "aria-label") names.aria_label = attribute->value;
            break;
        default: break;
        }
    }
    return names;
}

template <typename Visit>
bool any_hint_word(const Names& names, Visit visit) {
    return any_word(names.class_list, visit) || any_word(names.id, visit);
}

template <typename Visit>
bool any_hint_word(const GumboNode* node, Visit visit) {
    return any_hint_word(names_of(node), visit);
}

// A word list for lookups by hash: open addressing in a table at least four times the size
// of the list, keyed by length and three letters (no allocation, one compare per hit).
class WordSet {
public:
    WordSet(std::initializer_list<std::string_view> words) {
        std::size_t size = 16;
        while (size < 4 * words.size()) size *= 2;
        m_slots.resize(size);
        for (std::string_view word : words) {
            std::size_t slot = hash(word) & (size - 1);
            while (!m_slots[slot].empty() && m_slots[slot] != word) slot = (slot + 1) & (size - 1);
            m_slots[slot] = word;
            m_longest = std::max(m_longest, word.size());
        }
    }
    bool contains(std::string_view word) const {
        if (word.empty() || word.size() > m_longest) return false;
        std::size_t mask = m_slots.size() - 1;
        for (std::size_t slot = hash(word) & mask; !m_slots[slot].empty(); slot = (slot + 1) & mask) {
            if (m_slots[slot] == word) return true;
        }
        return false;
    }

private:
    static std::size_t hash(std::string_view word) {
        auto byte = [](char c) { return static_cast<std::size_t>(static_cast<unsigned char>(c)); };
        std::size_t h = word.size();
        h = h * 131 + byte(word.front());
        h = h * 131 + byte(word[word.size() / 2]);
        h = h * 131 + byte(word.back());
        return h ^ (h >> 7);
    }
    std::vector<std::string_view> m_slots;
    std::size_t m_longest = 0;
};

bool has_word_of(const GumboNode* node, const WordSet& set) {
    return any_hint_word(node, [&](std::string_view word) { return set.contains(word); });
}

const WordSet k_furniture_words({
    "share", "sharing", "shares", "sharebar", "social", "socials", "newsletter", "newsletters",
    "related", "recommended", "recommendation", "recommendations", "recommender", "comments",
    "comment", "kommentare", "advert", "advertisement", "advertising", "ads", "ad", "adslot",
    "adunit", "anzeige", "werbung", "promo", "sponsored", "outbrain", "taboola", "breadcrumb",
    "breadcrumbs", "sidebar", "nav", "navigation", "navbar", "menu", "cookie", "consent",
    "subscribe", "signup", "login", "audio", "audioplayer", "podcast", "toolbar", "byline",
    "author", "authors", "autor", "tags", "keywords", "print", "popup", "modal", "readmore",
    "copyright", "disclaimer", "poll", "visuallyhidden", "screenreader", "caption",
    "gallery", "slideshow", "carousel", "footer", "infos", "dateline", "timestamp", "rating",
    "donation", "sr", "sronly", "visually", "vh", "offscreen", "a11y", "outstream", "video", "player", "trending",
    "mostread", "meistgelesen", "adspot", "teaserlist", "jump", "toc", "inhaltsverzeichnis", "icon", "affiliate",
    "cta", "etiquetas", "publicidad", "publicite", "pubblicita", "anuncio", "anuncios", "reklame", "reklama", "annons",
    "advertentie", "recirculation", "topics"});

// A box of facts or background set beside the story ("factbox", "info-box", "InfoBox",
// "faktaboks", "Infokasten"): camelCase and dashes split most names into two words.
const WordSet k_fact_box_words({"factbox", "infobox", "faktbox", "faktenbox", "faktabox", "faktaboks", "infokasten"});
const WordSet k_fact_words({"fact", "facts", "info", "fakta", "fakten"});
const WordSet k_box_words({"box", "boks", "kasten"});

// The two words must come from one class or id ("info-box", "factBox"), not from two
// ("article-info box").
bool names_fact_box(const Names& names) {
    auto in_one_name = [](std::string_view list) {
        std::size_t i = 0;
        while (i < list.size()) {
            while (i < list.size() && (list[i] == ' ' || list[i] == '\t' || list[i] == '\n' || list[i] == '\r')) ++i;
            std::size_t start = i;
            while (i < list.size() && list[i] != ' ' && list[i] != '\t' && list[i] != '\n' && list[i] != '\r') ++i;
            bool fact_before = false;
            bool found = any_word_of_token(list.substr(start, i - start), [&](std::string_view word) {
                if (k_fact_box_words.contains(word) || (fact_before && k_box_words.contains(word))) return true;
                fact_before = k_fact_words.contains(word);
                return false;
            });
            if (found) return true;
        }
        return false;
    };
    return in_one_name(names.class_list) || in_one_name(names.id);
}

const WordSet k_body_words({
    "article", "articlebody", "artikel", "body", "content", "story", "entry", "text", "post",
    "main", "richtext", "storyline", "paragraph", "paragraphs", "detail", "copy", "prose",
    "beitrag", "contenido", "corpo", "texte", "tekst", "brodtekst", "cuerpo", "noticia"});

const WordSet k_negative_words({
    "comment", "comments", "footer", "sidebar", "related", "promo", "share", "social",
    "sponsor", "widget", "banner", "masthead", "meta", "outbrain", "shopping", "tags", "tool",
    "teaser", "teasers", "navigation", "nav", "menu", "aside", "recommended", "more"});

const WordSet k_lead_words({
    "lead", "leadtext", "lede", "intro", "introduction", "teaser", "teasertext", "standfirst",
    "summary", "subtitle", "deck", "abstract", "excerpt", "description", "kurztext", "vorspann",
    "sapo", "chapo", "chapeau", "entradilla", "sumario", "sommario", "ingress", "ingresso",
    "perex", "zajawka", "leadin", "epigraph", "entradeta", "bajada", "copete", "resumen", "subheadline", "subline", "headline_intro", "descr", "desc"});

const WordSet k_kicker_words({
    "kicker", "dachzeile", "overline", "roofline", "topline", "eyebrow", "supertitle",
    "superline", "overhead", "spitzmarke", "pretitle", "preheadline", "prehead", "catchline",
    "antetitulo", "surtitre", "occhiello", "supratitle", "supra", "uptitle", "rubric", "overtitle", "suptitle"});

const WordSet k_image_words({"picture", "image", "images", "img", "photo", "foto", "bild", "thumbnail", "media"});

// An image with its caption and credit in an element named for it, without <figure>: an
// <img> inside, and no more text than a caption holds.
bool is_image_box(const GumboNode* node) {
    constexpr std::size_t k_max_caption_chars = 400;
    std::size_t chars = 0;
    bool image = false;
    html::walk(node, [&](const GumboNode* n) {
        if (n->type == GUMBO_NODE_TEXT) chars += std::string_view(n->v.text.text).size();
        GumboTag tag = html::tag_of(n);
        if (tag == GUMBO_TAG_IMG) image = true;
        return chars > k_max_caption_chars ? html::Visit::stop : html::Visit::descend;
    });
    return image && chars <= k_max_caption_chars;
}

bool is_furniture_tag(GumboTag tag) {
    switch (tag) {
    case GUMBO_TAG_NAV: case GUMBO_TAG_ASIDE: case GUMBO_TAG_FOOTER: case GUMBO_TAG_FORM:
    case GUMBO_TAG_BUTTON: case GUMBO_TAG_SELECT: case GUMBO_TAG_INPUT: case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_IFRAME: case GUMBO_TAG_OBJECT: case GUMBO_TAG_EMBED: case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_AUDIO: case GUMBO_TAG_CANVAS: case GUMBO_TAG_FIGURE: case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE:
    case GUMBO_TAG_SVG: case GUMBO_TAG_MENU: case GUMBO_TAG_LABEL:
    case GUMBO_TAG_OPTION: case GUMBO_TAG_MATH: case GUMBO_TAG_TIME: case GUMBO_TAG_ADDRESS:
        return true;
    default:
        return false;
    }
}

// React's streaming renderer sends late parts of the page as <div hidden id="S:1a"> at the
// end of <body>, and a script moves them into place: such a segment is the page, not hidden.
bool is_streamed_segment(const GumboNode* node) {
    std::string_view id = html::attribute(node, "id");
    return id.size() > 2 && id.starts_with("S:");
}

// Text behind a paywall is often in the page, hidden until a script checks the reader's
// subscription: it is the article's text.
bool is_paywalled_text(const GumboNode* node) {
    static const WordSet words({"paywall", "paywalled"});
    return has_word_of(node, words);
}

// Does `style`, lower-cased and without spaces, hide the element (display:none or
// visibility:hidden)?
bool style_hides(std::string_view style) {
    std::array<char, 256> buffer;
    std::string long_style;
    char* out = buffer.data();
    if (style.size() > buffer.size()) {
        long_style.resize(style.size());
        out = long_style.data();
    }
    std::size_t length = 0;
    for (char c : style) {
        if (c != ' ') out[length++] = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    }
    std::string_view normal(out, length);
    return normal.find("display:none") != std::string_view::npos ||
           normal.find("visibility:hidden") != std::string_view::npos;
}

bool is_hidden_by_markup(const GumboNode* node, const Names& names) {
    if (names.hidden) return !is_streamed_segment(node);
    if (names.aria_hidden == "true") return true;
    return !names.style.empty() && style_hides(names.style);
}

bool is_hidden(const GumboNode* node, const Names& names) {
    return is_hidden_by_markup(node, names) && !is_paywalled_text(node);
}

bool is_furniture_role(std::string_view role) {
    static constexpr std::array<std::string_view, 8> roles = {
        "navigation", "complementary", "banner", "contentinfo", "dialog", "menu", "toolbar", "search"};
    return std::find(roles.begin(), roles.end(), role) != roles.end();
}

}  // namespace

std::vector<std::string> hint_words(const GumboNode* node) {
    std::vector<std::string> words;
    any_hint_word(node, [&](std::string_view word) {
        words.emplace_back(word);
        return false;
    });
    return words;
}

bool has_hint_word(const GumboNode* node, const std::vector<std::string_view>& words) {
    return any_hint_word(node, [&](std::string_view word) {
        return std::find(words.begin(), words.end(), word) != words.end();
    });
}

namespace {

// By tag alone: furniture, never furniture, or (nullopt) as the attributes say.
std::optional<bool> is_furniture_by_tag(GumboTag tag) {
    if (tag == GUMBO_TAG_HTML || tag == GUMBO_TAG_BODY || tag == GUMBO_TAG_MAIN) return false;
    if (is_furniture_tag(tag)) return true;
    return std::nullopt;
}

bool is_hard_furniture(const GumboNode* node, const Names& names) {
    if (std::optional<bool> by_tag = is_furniture_by_tag(html::tag_of(node))) return *by_tag;
    return is_hidden(node, names) || (!names.role.empty() && is_furniture_role(names.role));
}

}  // namespace

bool is_hard_furniture(const GumboNode* node) {
    if (!html::is_element(node)) return false;
    if (std::optional<bool> by_tag = is_furniture_by_tag(node->v.element.tag)) return *by_tag;
    return is_hard_furniture(node, names_of(node));
}

bool is_furniture(const GumboNode* node) {
    if (!html::is_element(node)) return false;
    Names names = names_of(node);
    if (is_hard_furniture(node, names)) return true;
    GumboTag tag = html::tag_of(node);
    if (tag == GUMBO_TAG_HTML || tag == GUMBO_TAG_BODY || tag == GUMBO_TAG_MAIN) return false;
    // A schema.org Person or Organization inside a page is a byline or an info box about
    // someone, not the story's text.
    if (!names.itemtype.empty() && (contains_ci(names.itemtype, "schema.org/Person") ||
                                    contains_ci(names.itemtype, "schema.org/Organization"))) {
        return true;
    }
    // A heading's id is the target of a table of contents ("toc_1"), not a name of furniture.
    if (html::is_heading(tag)) names.id = {};
    bool image_word = false;
    bool fact_word = false;
    bool furniture = any_hint_word(names, [&](std::string_view word) {
        if (k_furniture_words.contains(word) || k_fact_box_words.contains(word)) return true;
        if (k_image_words.contains(word)) image_word = true;
        if (k_fact_words.contains(word)) fact_word = true;
        return false;
    });
    return furniture || (fact_word && names_fact_box(names)) || (image_word && is_image_box(node));
}

namespace {

// Lines that open page furniture, lower-case ASCII (German, English and a few others).
constexpr std::string_view k_furniture_openers[] = {
    "diese audioversion wurde", "mehr infos", "lesen sie auch", "lesen sie mehr", "lesen sie hier",
    "auch interessant", "mehr zum thema", "mehr zu diesem thema", "weitere artikel",
    "weitere informationen", "weiterlesen", "read more", "related:", "see also", "also read",
    "anzeige", "werbung", "advertisement", "artikel teilen", "teilen", "zur startseite", "sign up",
    "sign in or create", "log in or create", "create a free account", "create an account",
    "subscribe", "follow us", "folgen sie", "hier klicken", "click here",
    "empfohlener redaktioneller inhalt", "externer inhalt", "mehr lesen", "das könnte sie",
    "jetzt abonnieren", "newsletter", "alle rechte vorbehalten", "copyright", "artikel anhören",
    "hören sie", "zum artikel", "dieses thema im programm", "schlagwörter", "schlagworte",
    "dieser artikel wurde ausgedruckt", "zum anhören", "sie lesen gerade", "nein danke",
    "mehr lesekomfort", "zur übersicht", "zurück zur", "sharing is caring", "share this",
    "lesen sie dazu", "mehr dazu:", "passend zum thema", "auch lesenswert", "read also", "more:", "more :",
    // a prompt to install the site's app
    "baixe o app", "baixe nosso app", "baixe o aplicativo", "download our app", "download the app",
    "descarga la app", "descarga nuestra app", "descargue la app", "t\xC3\xA9l\xC3\xA9" "chargez l'application",
    "laden sie unsere app", "lade dir die app",
    ">>",  // a pointer to another page ("&gt;&gt; Hier finden Sie alle Termine im Überblick")
    "related articles", "related stories", "you may also like", "les også", "les mer:", "læs også",
    "læs mere", "läs också", "läs mer", "se også", "se även", "lees ook", "lees meer", "lees verder",
    "lire aussi", "à lire aussi", "a lire aussi", "voir aussi", "lire la suite", "lee también",
    "lea también", "leer más", "ver también", "te puede interesar", "leia também", "leia mais",
    "saiba mais", "leggi anche", "potrebbe interessarti", "czytaj więcej", "czytaj też", "czytaj także",
    "zobacz też", "zobacz także", "čtěte také", "bildrechte:", "foto:", "fotos:", "photo:", "photos:", "bild:",
    "À lire aussi", "À découvrir", "noticia relacionada", "noticias relacionadas", "don't have an account",
    "don’t have an account", "table of contents", "inhaltsverzeichnis", "sommaire", "article continues below",
    "story continues below", "continue reading below", "tags:", "tagged:", "filed under", "published under",
    "temas:", "etiquetas:", "palabras clave:", "mots-cl\xC3\xA9s", "th\xC3\xA8mes :", "th\xC3\xA8mes:", "argomenti:",
    "themen:", "topics:", "keywords:", "most read", "most popular", "meistgelesen", "lo m\xC3\xA1s le\xC3\xAD" "do",
    "les plus lus", "i pi\xC3\xB9 letti", "mest l\xC3\xA4st", "mest lest", "meest gelezen",
    // "read also", "related articles" in other scripts, as written (only ASCII letters are lowered):
    // Arabic, Russian, Turkish, Japanese, Korean, Chinese
    "اقرأ أيضا", "اقرأ ايضا", "اقرأ المزيد", "читайте также", "Читайте также", "ЧИТАЙТЕ ТАКЖЕ", "Смотрите также",
    "ilgili haber", "İlgili haber", "İlgİlİ haber", "関連記事", "あわせて読みたい", "관련기사", "관련 기사",
    "相关新闻", "相关阅读", "延伸阅读", "推荐阅读",
    // Japanese "recommended (articles, information)" and a tag box's "follow the category"
    "おすすめ記事", "おすすめ情報", "カテゴリーをフォロー"};

// Whole lines that are the labels of buttons and links.
constexpr std::array<std::string_view, 42> k_furniture_labels = {
    "x", "facebook", "twitter", "whatsapp", "line", "e-mail", "email", "mail", "drucken", "print",
    "teilen", "share", "kopieren", "link kopieren", "mehr", "more", "or", "oder", "ou",
    "published in", "listen", "follow",  // before a publication's name; a player's and a profile's buttons
    // advertisement labels in other languages ("Anzeige", "Werbung", "Advertisement" open lines above)
    "publicidad", "publicit\xC3\xA9", "pubblicit\xC3\xA0", "anuncio", "reklame", "reklama", "annons", "advertentie",
    "sponsored", "advertising", "reklam",
    // and in other scripts: Russian, Arabic, Hebrew, Japanese, Korean, Chinese
    "реклама", "Реклама", "РЕКЛАМА", "إعلان", "اعلان", "פרסומת", "広告", "광고", "广告"};

// `text` as written: Italian bylines open with a lower-case "di" ("di Giulia Ferretti"), which
// opens sentences capitalised.
bool is_byline(std::string_view text, std::string_view lower) {
    return text.size() < 100 && (lower.starts_with("von ") || lower.starts_with("by ") || lower.starts_with("par ") ||
                                 lower.starts_with("por ") || text.starts_with("di "));
}

// "Freitag, 28.04.2023, 19:25" and "NDR 1 Welle Nord | Nachrichten | 28.04.2023 | 13:00 Uhr".
bool is_dateline_or_strap(std::string_view text) {
    std::size_t digits = 0;
    std::size_t bars = 0;
    for (char c : text) {
        if (c >= '0' && c <= '9') ++digits;
        if (c == '|') ++bars;
    }
    if (bars >= 2 && text.size() < 160) return true;
    return text.size() < 50 && digits * 10 >= text.size() * 4;
}

// A short line without the dashes or bullets around it: "- Advertisement -" -> "Advertisement".
std::string_view without_frame(std::string_view text) {
    constexpr std::size_t k_max_framed = 40;
    if (text.size() > k_max_framed) return text;
    static constexpr std::string_view marks[] = {" ", "-", "*", "|", "\xE2\x80\x93", "\xE2\x80\x94", "\xE2\x80\xA2",
                                                 "\xC2\xB7", "\xE2\x96\xB6"};  // – — • · ▶
    for (bool changed = true; changed && !text.empty();) {
        changed = false;
        for (std::string_view mark : marks) {
            if (text.starts_with(mark)) text.remove_prefix(mark.size()), changed = true;
            if (text.ends_with(mark)) text.remove_suffix(mark.size()), changed = true;
        }
    }
    return text;
}

// `text` without the emoji a prompt opens with ("📱 Baixe o app …"): the 4-byte UTF-8
// characters (emoji and other pictographs), the spaces and presentation selectors after them.
std::string_view without_leading_pictographs(std::string_view text) {
    std::size_t at = 0;
    while (at < text.size() && static_cast<unsigned char>(text[at]) >= 0xF0 && at + 4 <= text.size()) {
        at += 4;
        while (at < text.size() && (text[at] == ' ' || text.substr(at).starts_with("\xEF\xB8\x8F"))) {
            at += text[at] == ' ' ? 1 : 3;  // a space, the emoji presentation selector
        }
    }
    return text.substr(at);
}

}  // namespace

bool is_furniture_text(std::string_view text) {
    if (is_page_note(text)) return true;
    std::string_view inner = without_frame(text);
    if (inner.size() < text.size() && !inner.empty()) return is_furniture_text(inner);
    std::string_view unpictured = without_leading_pictographs(text);
    if (unpictured.size() < text.size() && !unpictured.empty()) return is_furniture_text(unpictured);
    std::string lower = to_lower_ascii(text.substr(0, 64));
    for (std::string_view prefix : k_furniture_openers) {
        if (lower.starts_with(prefix) && (text.size() < 140 || prefix.size() > 12)) return true;
    }
    if (text.size() <= 16) {
        for (std::string_view label : k_furniture_labels) {
            if (lower == label) return true;
        }
    }
    if (text.size() < 400 && (text.ends_with(" mehr") || text.ends_with(" more") || text.ends_with(" Mehr"))) {
        return true;
    }
    return is_byline(text, lower) || is_dateline_or_strap(text);
}

bool opens_furniture_box(std::string_view text) {
    constexpr std::size_t k_max_prompt_chars = 100;
    if (text.size() <= k_max_prompt_chars && is_channel_prompt(text)) return true;  // the box of a messenger's offer
    if (is_embed_label(text)) return true;  // the stand-in of an embedded post
    constexpr std::size_t k_max_label_chars = 40;
    if (text.size() > k_max_label_chars) return false;
    std::string lower = to_lower_ascii(text);
    return std::any_of(std::begin(k_furniture_openers), std::end(k_furniture_openers),
                       [&](std::string_view opener) { return lower.starts_with(opener); });
}

int body_hint(const GumboNode* node) {
    if (html::attribute(node, "itemprop") == "articleBody") return 2;
    if (has_word_of(node, k_negative_words)) return -1;
    return has_word_of(node, k_body_words) ? 1 : 0;
}

bool is_lead_hint(const GumboNode* node) {
    if (contains_ci(html::attribute(node, "itemprop"), "description")) return true;
    if (contains_ci(html::attribute(node, "data-testid"), "lead")) return true;
    if (has_word_of(node, k_lead_words)) return true;
    // Compounds that class names glue together: "ContentHeaderDek", "sub-tit-ll", "first-paragraph".
    static constexpr std::array<std::string_view, 16> compounds = {
        "subtitle", "subtit", "firstparagraph", "standfirst", "strapline", "preamble", "excerpt",
        "einleitung", "shorttext", "teasertext", "leadtext", "introtext", "headerdek", "dek",
        "leadin", "articlelead"};
    std::string joined;
    for (const std::string& word : hint_words(node)) joined += word + ' ';
    std::string glued;
    for (char c : joined) {
        if (c != ' ') glued += c;
    }
    for (std::string_view compound : compounds) {
        if (compound == "dek") {
            if (joined.find("dek ") != std::string::npos) return true;
        } else if (glued.find(compound) != std::string::npos) {
            return true;
        }
    }
    return false;
}

bool is_fact_box(const GumboNode* node) { return html::is_element(node) && names_fact_box(names_of(node)); }

bool is_screen_reader_text(const GumboNode* node) {
    static const WordSet words({"sr", "sronly", "visuallyhidden", "offscreen", "screenreader", "a11y", "vh"});
    if (!html::is_element(node)) return false;
    bool visually = false;
    return any_hint_word(names_of(node), [&](std::string_view word) {
        if (words.contains(word) || (visually && word == "hidden")) return true;
        visually = word == "visually";
        return false;
    });
}

bool is_kicker_hint(const GumboNode* node) { return has_word_of(node, k_kicker_words); }

bool is_breadcrumb(const GumboNode* node) {
    if (!html::is_element(node)) return false;
    Names names = names_of(node);
    if (contains_ci(names.itemtype, "BreadcrumbList")) return true;
    std::string_view label = names.aria_label;
    if (!label.empty() && (contains_ci(label, "breadcrumb") || contains_ci(label, "brotkrume") ||
                           contains_ci(label, "brotkrümel"))) {
        return true;
    }
    // Each word below holds "crumb", and a class or id word is a piece of its attribute.
    if (!contains_ci(names.class_list, "crumb") && !contains_ci(names.id, "crumb")) return false;
    static const WordSet words({"breadcrumb", "breadcrumbs", "crumbs", "crumb"});
    return any_hint_word(names, [](std::string_view word) { return words.contains(word); });
}

}  // namespace newswire

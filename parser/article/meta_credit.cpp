#include "parser/article/meta_credit.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "core/text.h"
#include "parser/article/credit.h"
#include "parser/article/images.h"
#include "parser/article/meta_text.h"

namespace newswire {

namespace {

// Words that introduce a photo credit, followed by ':' (or standing before the name for ©).
// ASCII letters lower-case; other scripts in both cases, as find_marker lowers ASCII only.
constexpr std::string_view k_markers[] = {
    "fotos", "foto", "bildquelle", "bildrechte", "bilder", "bild", "quelle", "photos", "photo credit", "photo",
    "image credit", "image source", "images", "image", "credits", "credit", "copyright",
    "fotografie", "fotograf", "photograph", "grafik", "illustration", "source", "picture", "pictures", "quellen",
    "bilde", "billede", "beeld", "kuva", "imagen", "zdj\xC4\x99" "cie", "cr\xC3\xA9" "dit", "cr\xC3\xA9" "dits",
    "cr\xC3\xA9" "dito", "isithombe", "foto\xC4\x9F" "raf", "fot\xC3\xB3",  // fotoğraf (Turkish), fotó (Hungarian)
    "\xD1\x84\xD0\xBE\xD1\x82\xD0\xBE", "\xD0\xA4\xD0\xBE\xD1\x82\xD0\xBE"};  // фото, Фото

// Words that introduce a photo credit without a colon, as written at the start of a credit.
// A longer marker before the shorter one it starts with.
constexpr std::string_view k_by_markers[] = {"Photo by ", "Photos by ", "Photograph by ", "Photography by ",
                                             "Picture by ", "Image by ", "Foto von ", "Fotos von ", "Bild von ",
                                             "Photo courtesy of ", "Photos courtesy of ", "Photo courtesy ",
                                             "Image courtesy of ", "Courtesy of ",
                                             "Fot. "};  // Polish, short for fotografia
// The same inside parentheses alone: "(foto Ansa/Max Cavallari)", "(Photo AFP)".
constexpr std::string_view k_parenthesised_markers[] = {"foto ", "Foto ", "photo ", "Photo "};

bool is_word_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80;
}

std::string bare_credit(std::string part);

bool is_credit_tail(std::string_view tail) {
    if (tail.empty() || tail.size() > 40 || std::count(tail.begin(), tail.end(), ' ') > 2) return false;
    if (std::count_if(tail.begin(), tail.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }) > 1) {
        return false;  // a date or a number, not a name ("News1" passes)
    }
    if (std::string_view(".!?:;,)\"'").find(tail.back()) != std::string_view::npos) return false;
    // "Symbolbild", "Archivfoto" alone are labels; "REUTERS/Jim Vondruska/File Photo" is a credit
    // that names its picture an archive one.
    for (std::string_view label : {"bild", "foto", "photo", "image", "archiv"}) {
        if (tail.find('/') == std::string_view::npos && to_lower_ascii(tail).ends_with(label)) return false;
    }
    for (std::size_t at = 0; at != std::string_view::npos; at = tail.find(' ', at)) {
        if (at > 0) ++at;
        auto first = static_cast<unsigned char>(tail[at]);
        if (first < 0x80 && !std::isupper(first)) return false;
    }
    return true;
}

// "(AP)", "(The Independent)": a short text that is one parenthesis.
bool is_parenthesised_name(std::string_view text) {
    return text.size() > 2 && text.size() <= 60 && text.front() == '(' && text.back() == ')' &&
           std::count(text.begin(), text.end(), '(') == 1 && std::count(text.begin(), text.end(), ' ') <= 5;
}

// Japanese captions end with "（NAME撮影）", "photographed by NAME".
CaptionParts split_photographed_by(const std::string& folded) {
    CaptionParts parts;
    for (std::string_view close : {"\xE6\x92\xAE\xE5\xBD\xB1\xEF\xBC\x89", "\xE6\x92\xAE\xE5\xBD\xB1)"}) {  // 撮影）, 撮影)
        if (!folded.ends_with(close)) continue;
        std::string_view head = std::string_view(folded).substr(0, folded.size() - close.size());
        std::size_t wide = head.rfind("\xEF\xBC\x88");  // （
        std::size_t narrow = head.rfind('(');
        bool is_wide = wide != std::string_view::npos && (narrow == std::string_view::npos || wide > narrow);
        std::size_t open = is_wide ? wide : narrow;
        if (open == std::string_view::npos) break;
        std::size_t name = open + (is_wide ? 3 : 1);
        parts.caption = std::string(trim(head.substr(0, open)));
        parts.credit = split_credit(head.substr(name));
        return parts;
    }
    return parts;
}

// "Caption. Supplied", "... 있다. 연합뉴스": up to three capitalised words (or words of a script
// without case) after the caption's last full stop, with no digits and no closing
// punctuation, are the credit.
CaptionParts split_tail_credit(const std::string& folded) {
    CaptionParts parts = split_photographed_by(folded);
    if (!parts.credit.empty()) return parts;
    std::size_t stop = folded.rfind(". ");
    if (stop != std::string::npos && stop > 0 && is_credit_tail(std::string_view(folded).substr(stop + 2))) {
        parts.caption = folded.substr(0, stop + 1);
        parts.credit = split_credit(std::string_view(folded).substr(stop + 2));
        return parts;
    }
    parts.caption = folded;
    return parts;
}

// "Caption / Credit" and "Caption — Picture by Credit": a short tail after the first " / " or
// a dash-introduced "by" phrase.
CaptionParts split_slash_credit(const std::string& folded) {
    CaptionParts parts;
    for (std::string_view by : {" \xE2\x80\x94 Picture by ", " \xE2\x80\x94 Photo by ", " - Photo by ", " | Photo by ",
                                " \xE2\x80\x93 Foto von ", " / Photo by "}) {
        std::size_t at = folded.find(by);
        if (at != std::string::npos && folded.size() - at - by.size() <= 80) {
            parts.caption = std::string(trim(std::string_view(folded).substr(0, at)));
            parts.credit = split_credit(std::string_view(folded).substr(at + by.size()));
            return parts;
        }
    }
    // "… 개찰구를 지나고 있다. /뉴스1": Korean papers set the credit behind a slash after the
    // caption's last stop.
    std::size_t stop_slash = folded.rfind(". /");
    if (stop_slash != std::string::npos && stop_slash > 0) {
        std::string_view tail = std::string_view(folded).substr(stop_slash + 3);
        if (!tail.empty() && tail.size() <= 40 && tail.front() != ' ' && std::count(tail.begin(), tail.end(), ' ') <= 3) {
            parts.caption = folded.substr(0, stop_slash + 1);
            parts.credit.push_back(trim_credit(tail));
            return parts;
        }
    }
    std::size_t slash = folded.find(" / ");
    if (slash != std::string::npos && slash > 0 && folded.size() - slash - 3 <= 60) {
        std::string_view tail = std::string_view(folded).substr(slash + 3);
        if (std::count(tail.begin(), tail.end(), ' ') <= 7 && !tail.ends_with("?") && !tail.ends_with("!")) {
            parts.caption = std::string(trim(std::string_view(folded).substr(0, slash)));
            parts.credit.push_back(trim_credit(tail));
            return parts;
        }
    }
    return split_tail_credit(folded);
}

}  // namespace

// Position of the credit marker that starts the credit, the length of the marker, or npos.
std::size_t find_marker(std::string_view text, std::size_t& length) {
    std::string lowered = to_lower_ascii(text);
    std::size_t best = std::string::npos;
    for (std::string_view marker : k_markers) {
        std::size_t at = 0;
        while ((at = lowered.find(marker, at)) != std::string::npos) {
            std::size_t end = at + marker.size();
            bool boundary = at == 0 || !is_word_char(lowered[at - 1]);
            std::size_t colon = end;
            while (colon < lowered.size() && lowered[colon] == ' ') ++colon;
            if (boundary && colon < lowered.size() && lowered[colon] == ':' && (best == std::string::npos || at < best)) {
                best = at;
                length = colon + 1 - at;
            }
            at = end;
        }
    }
    // "Photo by Jane Roe": capitalised, opening the text, a parenthesis or a sentence, not "the
    // photo by the river" inside one.
    for (std::string_view marker : k_by_markers) {
        for (std::size_t at = text.find(marker); at != std::string_view::npos; at = text.find(marker, at + 1)) {
            std::string_view before = trim(text.substr(0, at));
            bool opens = before.empty() || std::string_view(".!?(|/-").find(before.back()) != std::string_view::npos ||
                         before.ends_with("\xE2\x80\x93") || before.ends_with("\xE2\x80\x94");  // – —
            if (opens && (best == std::string::npos || at < best)) {
                best = at;
                length = marker.size();
            }
        }
    }
    for (std::string_view marker : k_parenthesised_markers) {
        for (std::size_t at = text.find(marker); at != std::string_view::npos; at = text.find(marker, at + 1)) {
            if (at == 0 || text[at - 1] != '(' || (best != std::string::npos && at >= best)) continue;
            best = at;
            length = marker.size();
        }
    }
    std::size_t copyright = lowered.find("\xC2\xA9");  // ©
    if (copyright != std::string::npos && (best == std::string::npos || copyright < best)) {
        best = copyright;
        length = 2;
    }
    return best;
}

// Trims separators and a parenthesis only when it is unbalanced: "(Keystone)" -> "Keystone",
// "Urs Flueeler (Keystone)" stays.
std::string trim_credit(std::string_view text) {
    if (text.size() > 300) return {};  // a credit is a name or two, not a paragraph
    std::string out(trim(text, " \t[],.:;|/\xC2\xA9"));
    for (bool changed = true; changed && !out.empty();) {
        changed = false;
        auto opens = std::count(out.begin(), out.end(), '(');
        auto closes = std::count(out.begin(), out.end(), ')');
        if (out.front() == '(' && (opens > closes || out.back() == ')')) {
            out.erase(0, 1);
            changed = true;
        }
        if (!out.empty() && out.back() == ')' && closes > std::count(out.begin(), out.end(), '(')) {
            out.pop_back();
            changed = true;
        }
        if (changed) out = std::string(trim(out, " \t[],.:;|/\xC2\xA9"));
    }
    return out;
}

namespace {

// One credit part without its introducing words: "Copyright Frank Franklin II/Copyright 2026
// The AP. All rights reserved" -> "Frank Franklin II", "Photo by X" -> "X".
std::string bare_credit(std::string part) {
    std::size_t length = 0;
    if (find_marker(part, length) == 0) part = trim_credit(std::string_view(part).substr(length));
    for (std::string_view by : {"photo by ", "photos by ", "foto von ", "fotos von ", "bild von ", "image by ",
                                "picture by ", "photograph by ", "courtesy of ", "photo: ", "foto: ", "fot. ", "copyright ",
                                "tous droits r\xC3\xA9serv\xC3\xA9s ", "all rights reserved "}) {
        if (starts_with_ci(part, by)) part = trim_credit(std::string_view(part).substr(by.size()));
    }
    // "Photo Progrès/Maxime Jegat": before a capitalised outlet of a word or two (or an agency,
    // "Foto dpa/…") and a slash, 'Photo' is the label even without a colon; "Foto Huebner" alone
    // is a studio's name and "photo illustration by …" no label.
    for (std::string_view label : {"photo ", "foto "}) {
        if (!starts_with_ci(part, label)) continue;
        std::string_view rest = std::string_view(part).substr(label.size());
        std::string_view outlet = rest.substr(0, rest.find('/'));
        bool capitalised = !outlet.empty() && (!std::islower(static_cast<unsigned char>(outlet[0])) || is_agency_code(outlet));
        if (outlet.size() < rest.size() && capitalised && std::count(outlet.begin(), outlet.end(), ' ') <= 1) {
            part = trim_credit(rest);
        }
    }
    std::string lowered = to_lower_ascii(part);
    for (std::string_view tail : {"/copyright", " copyright 20", ". all rights reserved"}) {
        std::size_t at = lowered.find(tail);
        if (at != std::string::npos && at > 0) {
            part = trim_credit(std::string_view(part).substr(0, at));
            lowered = to_lower_ascii(part);
        }
    }
    if (part.ends_with(" \xEA\xB8\xB0\xEC\x9E\x90")) part.resize(part.size() - 7);  // "NAME 기자": reporter NAME
    for (std::string_view alone : {"copyright", "tous droits r\xC3\xA9serv\xC3\xA9s", "all rights reserved", "foto",
                                   "bild", "quelle", "photo", "credit"}) {
        if (equals_ci(part, alone)) return {};
    }
    return part;
}


}  // namespace

// Credits separated by ';', '|', ', ' or ' & ' are several: "China Statistical Yearbook, China
// Electricity Council & Natl Energy Administration".
std::vector<std::string> split_credit(std::string_view text) {
    std::vector<std::string> out;
    std::string value;
    value.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text.substr(i, 2) == ", " || text.substr(i, 3) == " & ") {
            value += '|';
            i += text[i] == ',' ? 1 : 2;
        } else {
            value += text[i];
        }
    }
    std::size_t start = 0;
    while (start <= value.size()) {
        std::size_t end = value.find_first_of(";|", start);
        if (end == std::string::npos) end = value.size();
        std::string part = bare_credit(trim_credit(std::string_view(value).substr(start, end - start)));
        if (!part.empty() && std::find(out.begin(), out.end(), part) == out.end()) out.push_back(part);
        start = end + 1;
    }
    return out;
}


namespace {

// Names as credits write them: every word capitalised ("Helen H. Richardson", "AP Photo/Evan
// Vucci") but the few small words between names ("Kent Nishimura for The Post"); no digits and
// no stops but those of initials.
bool reads_as_names(std::string_view text) {
    constexpr std::size_t k_max_words = 8;
    static constexpr std::string_view small[] = {"for", "of", "via", "and", "the", "de", "von", "van", "der", "y", "et"};
    if (text.empty() || text.size() > 80 || text.find_first_of("0123456789:;!?\"") != std::string_view::npos) return false;
    std::size_t words = 0;
    for (std::size_t at = 0; at < text.size();) {
        std::size_t end = text.find(' ', at);
        if (end == std::string_view::npos) end = text.size();
        std::string_view word = trim(text.substr(at, end - at), ",/");
        at = end + 1;
        if (word.empty()) continue;
        ++words;
        auto first = static_cast<unsigned char>(word.front());
        bool capital = std::isupper(first) || first >= 0xC3;
        if (!capital && std::find(std::begin(small), std::end(small), word) == std::end(small)) return false;
        if (word.back() == '.' && word.size() > 2) return false;  // a sentence's stop, not an initial's
    }
    // One word alone is a name only as an agency's ("Reuters", "EPA"), not a label ("File").
    bool upper = std::none_of(text.begin(), text.end(), [](char c) { return std::islower(static_cast<unsigned char>(c)); });
    return words <= k_max_words && (words >= 2 || (words == 1 && (upper || is_agency_code(text))));
}

// News agencies as captions in other scripts name them: Kyodo, Jiji, Reuters and AFP in
// Japanese; Xinhua; Yonhap; Reuters, AFP, Anadolu and "agencies" in Arabic.
bool is_agency_in_other_script(std::string_view name) {
    static constexpr std::string_view agencies[] = {
        "\xE5\x85\xB1\xE5\x90\x8C", "\xE6\x99\x82\xE4\xBA\x8B", "\xE3\x83\xAD\xE3\x82\xA4\xE3\x82\xBF\xE3\x83\xBC",
        "AFP\xE6\x99\x82\xE4\xBA\x8B", "\xE6\x96\xB0\xE5\x8D\x8E\xE7\xA4\xBE", "\xEC\x97\xB0\xED\x95\xA9\xEB\x89\xB4\xEC\x8A\xA4",
        "\xD8\xB1\xD9\x88\xD9\x8A\xD8\xAA\xD8\xB1\xD8\xB2", "\xD8\xA3 \xD9\x81 \xD8\xA8", "\xD8\xA7 \xD9\x81 \xD8\xA8",
        "\xD8\xA7\xD9\x84\xD8\xA3\xD9\x86\xD8\xA7\xD8\xB6\xD9\x88\xD9\x84", "\xD9\x88\xD9\x83\xD8\xA7\xD9\x84\xD8\xA7\xD8\xAA"};
    return std::find(std::begin(agencies), std::end(agencies), name) != std::end(agencies);
}

}  // namespace

CaptionParts split_closing_names(std::string_view caption) {
    constexpr std::string_view k_full_open = "\xEF\xBC\x88";   // （
    constexpr std::string_view k_full_close = "\xEF\xBC\x89";  // ）
    CaptionParts parts;
    std::string folded = fold_whitespace(caption);
    parts.caption = folded;
    std::string_view view = folded;
    std::size_t open = std::string::npos;
    std::string_view inside;
    if (view.size() >= 3 && view.back() == ')') {
        open = view.rfind('(');
        if (open != std::string::npos) inside = view.substr(open + 1, view.size() - open - 2);
    } else if (view.ends_with(k_full_close)) {
        open = view.rfind(k_full_open);
        if (open != std::string::npos) {
            inside = view.substr(open + k_full_open.size(), view.size() - open - k_full_open.size() - k_full_close.size());
        }
    }
    if (open == std::string::npos || open < 2) return parts;
    std::string_view before = trim(view.substr(0, open));
    bool after_sentence = !before.empty() && (std::string_view(".!?\"'").find(before.back()) != std::string_view::npos ||
                                              before.ends_with("\xE2\x80\x9D") || before.ends_with("\xC2\xBB"));
    // An agency's name closes a caption also where no stop ends it: "… near Meknes (رويترز)",
    // "…福井県敦賀市（共同）".
    std::string_view name = trim(inside);
    bool agency = !before.empty() && (is_agency_in_other_script(name) || (!after_sentence && is_agency_code(name)));
    if (!agency && (!after_sentence || view.back() != ')' || !reads_as_names(inside))) return parts;
    parts.credit = split_credit(agency ? name : inside);
    if (!parts.credit.empty()) parts.caption = std::string(before);
    return parts;
}

CaptionParts split_caption_credit(std::string_view text) {
    CaptionParts parts;
    std::string folded = fold_whitespace(text);
    std::size_t length = 0;
    std::size_t at = find_marker(folded, length);
    if (at == std::string::npos && is_parenthesised_name(folded)) {
        parts.credit = split_credit(folded);  // "(The Independent)" under a picture is its credit
        return parts;
    }
    if (at == std::string::npos) return split_slash_credit(folded);
    std::string_view before = std::string_view(folded).substr(0, at);
    std::string_view after = std::string_view(folded).substr(at + length);
    // "(Foto: X)" closes at its parenthesis; text after it belongs to the caption again.
    bool parenthesised = !trim(before).empty() && trim(before).back() == '(';
    std::string tail;
    if (parenthesised) {
        before = trim(before).substr(0, trim(before).size() - 1);
        std::size_t close = after.find(')');
        if (close != std::string_view::npos) {
            tail = std::string(trim(after.substr(close + 1)));
            after = after.substr(0, close);
        }
    }
    for (std::string_view dash : {"\xE2\x80\x94", "\xE2\x80\x93"}) {  // "Caption. — Picture by X"
        if (trim(before).ends_with(dash)) before = trim(before).substr(0, trim(before).size() - dash.size());
    }
    parts.caption = std::string(trim(before, " \t|/-\xE2\x80\x93,;"));
    if (!tail.empty()) parts.caption = fold_whitespace(parts.caption + " " + tail);
    parts.credit = split_credit(after);
    return parts;
}

}  // namespace newswire

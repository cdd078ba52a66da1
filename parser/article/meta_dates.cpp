#include "parser/article/meta_dates.h"

#include <array>
#include <cctype>
#include <cstdint>
#include <string>
#include <vector>

#include "core/text.h"

namespace newswire {

namespace {

struct MonthName {
    std::string_view name;  // lower-case, UTF-8
    int month;
};

// Prefix-matched against lower-cased words, so "dez" matches "dez." and "dezember".
constexpr std::array<MonthName, 48> k_months{{
    {"januar", 1}, {"jänner", 1}, {"january", 1}, {"janvier", 1}, {"enero", 1}, {"gennaio", 1},
    {"januari", 1}, {"janeiro", 1},
    {"februar", 2}, {"february", 2}, {"février", 2}, {"febrero", 2}, {"febbraio", 2},
    {"fevereiro", 2},
    {"märz", 3}, {"march", 3}, {"mars", 3}, {"marzo", 3}, {"maart", 3}, {"março", 3},
    {"april", 4}, {"avril", 4}, {"abril", 4}, {"aprile", 4},
    {"mai", 5}, {"may", 5}, {"mayo", 5}, {"maggio", 5}, {"mei", 5}, {"maio", 5},
    {"juni", 6}, {"june", 6}, {"juin", 6}, {"junio", 6}, {"giugno", 6},
    {"juli", 7}, {"july", 7}, {"juillet", 7}, {"julio", 7}, {"luglio", 7},
    {"august", 8}, {"août", 8}, {"agosto", 8}, {"augustus", 8},
    {"septemb", 9}, {"settembre", 9}, {"setembro", 9}, {"septiembre", 9},
}};

constexpr std::array<MonthName, 20> k_months_late{{
    {"oktober", 10}, {"october", 10}, {"octobre", 10}, {"octubre", 10}, {"ottobre", 10},
    {"outubro", 10},
    {"november", 11}, {"novembre", 11}, {"noviembre", 11}, {"novembro", 11},
    {"dezember", 12}, {"december", 12}, {"décembre", 12}, {"diciembre", 12}, {"dicembre", 12},
    {"dezembro", 12},
    {"sept", 9}, {"okt", 10}, {"dez", 12}, {"mrz", 3},
}};

int month_from_word(std::string_view word) {
    if (word.size() < 3) return 0;
    auto match = [&](const MonthName& m) {
        // Full names match exactly; a word of 3+ letters may abbreviate a name ("Dez", "Sept").
        return word == m.name || (word.size() >= 3 && m.name.substr(0, word.size()) == word);
    };
    for (const MonthName& m : k_months) {
        if (match(m)) return m.month;
    }
    for (const MonthName& m : k_months_late) {
        if (match(m)) return m.month;
    }
    return 0;
}

std::int64_t days_from_civil(int y, int m, int d) {
    y -= m <= 2;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const int yoe = y - era * 400;
    const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return static_cast<std::int64_t>(era) * 146097 + doe - 719468;
}

std::optional<Timestamp> at_local(int year, int month, int day, int hour, int minute,
                                  std::string_view zone) {
    if (year < 1990 || year > 2100 || month < 1 || month > 12 || day < 1 || day > 31 ||
        hour < 0 || hour > 23 || minute < 0 || minute > 59) {
        return std::nullopt;
    }
    std::int64_t local = days_from_civil(year, month, day) * 86400 + hour * 3600 + minute * 60;
    int offset = 0;
    if (!zone.empty()) offset = zone_offset_at_local(zone, local).value_or(0);
    return Timestamp{local - offset * 60, offset};
}

struct Token {
    enum Kind { number, word, separator } kind;
    std::string text;
};

// Numbers, words (lower-cased, letters incl. UTF-8) and the separators '.', ':', '/', '-'.
std::vector<Token> tokenize(std::string_view text) {
    std::vector<Token> tokens;
    std::string lowered = to_lower_ascii(text.substr(0, 400));
    std::size_t i = 0;
    while (i < lowered.size()) {
        unsigned char c = static_cast<unsigned char>(lowered[i]);
        if (std::isdigit(c)) {
            std::size_t start = i;
            while (i < lowered.size() && std::isdigit(static_cast<unsigned char>(lowered[i]))) ++i;
            tokens.push_back({Token::number, lowered.substr(start, i - start)});
        } else if (std::isalpha(c) || c >= 0x80) {
            std::size_t start = i;
            while (i < lowered.size() && (std::isalpha(static_cast<unsigned char>(lowered[i])) ||
                                          static_cast<unsigned char>(lowered[i]) >= 0x80)) {
                ++i;
            }
            std::string word = lowered.substr(start, i - start);
            // Capital umlauts are not lowered by to_lower_ascii: "MÄRZ" -> "mÄrz".
            if (word.find("\xC3\x84") != std::string::npos) word.replace(word.find("\xC3\x84"), 2, "\xC3\xA4");
            tokens.push_back({Token::word, word});
        } else {
            if (c == '.' || c == ':' || c == '/' || c == '-') tokens.push_back({Token::separator, {lowered[i]}});
            ++i;
        }
    }
    return tokens;
}

int to_int(const std::string& digits) {
    return digits.size() > 4 ? -1 : std::stoi(digits);
}

struct Found {
    int year = 0, month = 0, day = 0, hour = 0, minute = 0;
    bool has_time = false;
};

bool is_sep(const std::vector<Token>& t, std::size_t i, char c) {
    return i < t.size() && t[i].kind == Token::separator && t[i].text[0] == c;
}
bool is_num(const std::vector<Token>& t, std::size_t i) {
    return i < t.size() && t[i].kind == Token::number;
}

// "dd.mm.yyyy" / "dd/mm/yyyy" / "yyyy-mm-dd" starting at i; returns tokens used.
std::size_t numeric_date(const std::vector<Token>& t, std::size_t i, Found& f) {
    if (!is_num(t, i) || !is_num(t, i + 2) || !is_num(t, i + 4)) return 0;
    char sep = i + 1 < t.size() && t[i + 1].kind == Token::separator ? t[i + 1].text[0] : 0;
    if (!sep || sep == ':' || !is_sep(t, i + 3, sep)) return 0;
    int a = to_int(t[i].text), b = to_int(t[i + 2].text), c = to_int(t[i + 4].text);
    if (t[i].text.size() == 4) {
        f.year = a, f.month = b, f.day = c;
    } else if (t[i + 4].text.size() == 4 || t[i + 4].text.size() == 2) {
        f.day = a, f.month = b, f.year = c < 100 ? 2000 + c : c;
    } else {
        return 0;
    }
    return 5;
}

// "12. Dezember 2025", "12 de diciembre de 2025", "December 12, 2025".
std::size_t worded_date(const std::vector<Token>& t, std::size_t i, Found& f) {
    std::size_t j = i;
    if (is_num(t, j) && t[j].text.size() <= 2) {
        int day = to_int(t[j].text);
        ++j;
        if (is_sep(t, j, '.')) ++j;
        if (j < t.size() && t[j].kind == Token::word && t[j].text == "de") ++j;
        if (j < t.size() && t[j].kind == Token::word) {
            int month = month_from_word(t[j].text);
            if (month) {
                ++j;
                if (is_sep(t, j, '.')) ++j;
                if (j < t.size() && t[j].kind == Token::word && t[j].text == "de") ++j;
                if (is_num(t, j) && t[j].text.size() == 4) {
                    f.day = day, f.month = month, f.year = to_int(t[j].text);
                    return j + 1 - i;
                }
            }
        }
        return 0;
    }
    if (j < t.size() && t[j].kind == Token::word) {
        int month = month_from_word(t[j].text);
        if (!month) return 0;
        ++j;
        if (is_sep(t, j, '.')) ++j;
        if (is_num(t, j) && t[j].text.size() <= 2 && is_num(t, j + 1) && t[j + 1].text.size() == 4) {
            f.month = month, f.day = to_int(t[j].text), f.year = to_int(t[j + 1].text);
            return j + 2 - i;
        }
    }
    return 0;
}

// "2024年5月14日", "2024년 5월 14일": year, month and day each followed by its CJK word.
std::size_t cjk_date(const std::vector<Token>& t, std::size_t i, Found& f) {
    auto word_at = [&](std::size_t j, std::string_view chinese, std::string_view korean) {
        return j < t.size() && t[j].kind == Token::word && (t[j].text == chinese || t[j].text == korean);
    };
    if (!is_num(t, i) || t[i].text.size() != 4 || !word_at(i + 1, "\xE5\xB9\xB4", "\xEB\x85\x84") ||  // 年, 년
        !is_num(t, i + 2) || !word_at(i + 3, "\xE6\x9C\x88", "\xEC\x9B\x94") ||                      // 月, 월
        !is_num(t, i + 4) || !word_at(i + 5, "\xE6\x97\xA5", "\xEC\x9D\xBC")) {                      // 日, 일
        return 0;
    }
    f.year = to_int(t[i].text), f.month = to_int(t[i + 2].text), f.day = to_int(t[i + 4].text);
    return 6;
}

// Reads the first time within five tokens from `i` into `f`; where it starts, or npos.
std::size_t read_time(const std::vector<Token>& t, std::size_t i, Found& f) {
    for (std::size_t j = i; j + 2 < t.size() && j < i + 5; ++j) {
        // "18時30分", "18시 30분"
        if (is_num(t, j) && j + 3 < t.size() && t[j + 1].kind == Token::word &&
            (t[j + 1].text == "\xE6\x99\x82" || t[j + 1].text == "\xEC\x8B\x9C") && is_num(t, j + 2) &&  // 時, 시
            t[j + 3].kind == Token::word && (t[j + 3].text == "\xE5\x88\x86" || t[j + 3].text == "\xEB\xB6\x84")) {  // 分, 분
            f.hour = to_int(t[j].text);
            f.minute = to_int(t[j + 2].text);
            f.has_time = true;
            return j;
        }
        if (is_num(t, j) && is_sep(t, j + 1, ':') && is_num(t, j + 2) && t[j + 2].text.size() == 2) {
            f.hour = to_int(t[j].text);
            f.minute = to_int(t[j + 2].text);
            f.has_time = true;
            std::size_t k = j + 3;
            if (is_sep(t, k, ':') && is_num(t, k + 1)) k += 2;
            if (k < t.size() && t[k].kind == Token::word) {
                if ((t[k].text == "pm" || t[k].text == "p") && f.hour < 12) f.hour += 12;
                if ((t[k].text == "am" || t[k].text == "a") && f.hour == 12) f.hour = 0;
            }
            return j;
        }
    }
    return std::string::npos;
}

// Words that say a time is the page's update, lower case, in the languages of parse_visible_date
// and those of the papers we read whose dates are numbers (Polish, Turkish, Russian, Korean,
// Chinese and Japanese).
constexpr std::array<std::string_view, 22> k_update_words{
    "updated", "update:", "aktualisiert", "mis \xC3\xA0 jour", "mise \xC3\xA0 jour", "actualizado",
    "actualizaci\xC3\xB3n", "aggiornato", "atualizado", "bijgewerkt", "opdateret", "oppdatert",
    "uppdaterad", "p\xC3\xA4ivitetty", "aktualizacja", "zaktualizowano", "g\xC3\xBCncelle",
    "\xD0\xBE\xD0\xB1\xD0\xBD\xD0\xBE\xD0\xB2\xD0\xBB",  // обновл(ено, ён)
    "\xEC\x88\x98\xEC\xA0\x95",                                  // 수정
    "\xEC\x97\x85\xEB\x8D\xB0\xEC\x9D\xB4\xED\x8A\xB8",    // 업데이트
    "\xE6\x9B\xB4\xE6\x96\xB0",                                  // 更新
    "last modified"};

// Where the text after the first update word in `text` starts; npos when none is there.
std::size_t after_update_word(std::string_view text) {
    for (std::size_t at = 0; at < text.size(); ++at) {
        if ((static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) continue;  // inside a character
        for (std::string_view word : k_update_words) {
            if (std::size_t length = folded_prefix_length(text.substr(at), word)) return at + length;
        }
    }
    return std::string_view::npos;
}

}  // namespace

std::optional<Timestamp> parse_visible_update(std::string_view text, std::string_view zone) {
    std::size_t after = after_update_word(text.substr(0, 400));
    if (after == std::string_view::npos) return std::nullopt;
    return parse_visible_date(text.substr(after), zone);
}

std::optional<Timestamp> parse_page_date(std::string_view text, std::string_view zone) {
    std::string trimmed = fold_whitespace(text);
    if (trimmed.empty()) return std::nullopt;
    auto as_utc = parse_datetime(trimmed, 0);
    if (!as_utc) return std::nullopt;
    auto shifted = parse_datetime(trimmed, 60);
    if (!shifted || *shifted == *as_utc || zone.empty()) return as_utc;  // it carried its zone
    int offset = zone_offset_at_local(zone, as_utc->unix_seconds).value_or(0);
    return Timestamp{as_utc->unix_seconds - offset * 60, offset};
}

std::optional<Timestamp> parse_visible_date(std::string_view text, std::string_view zone) {
    std::vector<Token> tokens = tokenize(text);
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        Found found;
        std::size_t used = numeric_date(tokens, i, found);
        if (!used) used = worded_date(tokens, i, found);
        if (!used) used = cjk_date(tokens, i, found);
        if (!used) continue;
        std::size_t after = read_time(tokens, i + used, found);
        // "14:35 14.05.2024 (updated: 16:02 14.05.2024)": a time right before the date is the
        // date's own unless one follows it right away.
        bool right_before = i >= 3 && is_num(tokens, i - 3) && is_sep(tokens, i - 2, ':') && is_num(tokens, i - 1) &&
                            tokens[i - 1].text.size() == 2;
        if (right_before && after != i + used) {
            read_time(tokens, i - 3, found);
        } else if (!found.has_time && i >= 3) {
            Found before;  // "05:07 Uhr, 12.12.2025"
            read_time(tokens, i >= 5 ? i - 5 : 0, before);
            if (before.has_time) found.hour = before.hour, found.minute = before.minute;
        }
        return at_local(found.year, found.month, found.day, found.hour, found.minute, zone);
    }
    return std::nullopt;
}

std::string_view assumed_zone(std::string_view language, std::string_view host) {
    auto ends_with = [&](std::string_view suffix) {
        return host.size() >= suffix.size() && host.substr(host.size() - suffix.size()) == suffix;
    };
    // The language's first subtag ("ja" of "ja-JP"), lower-case.
    std::string primary = to_lower_ascii(language.substr(0, language.find_first_of("-_")));
    if (ends_with(".de") || ends_with(".at") || ends_with(".ch") || primary == "de") {
        return "Europe/Berlin";
    }
    if (ends_with(".fr") || ends_with(".it") || ends_with(".es") || ends_with(".nl") ||
        ends_with(".be") || ends_with(".lu") || ends_with(".dk") || ends_with(".se") ||
        ends_with(".no") || ends_with(".pl")) {
        return "Europe/Paris";
    }
    if (ends_with(".uk")) return "Europe/London";
    // Languages spoken in one time zone (Chinese: UTC+8 in the mainland, Taiwan, Hong Kong and
    // Singapore alike), and the hosts of countries in one zone or with one zone for their news.
    struct Zone {
        std::string_view language;
        std::string_view host_suffix;
        std::string_view zone;
    };
    static constexpr std::array<Zone, 11> zones{{
        {"ja", ".jp", "Asia/Tokyo"}, {"ko", ".kr", "Asia/Seoul"}, {"zh", ".cn", "Asia/Shanghai"},
        {"", ".tw", "Asia/Taipei"}, {"", ".hk", "Asia/Hong_Kong"}, {"tr", ".tr", "Europe/Istanbul"},
        {"", ".ru", "Europe/Moscow"}, {"", ".in", "Asia/Kolkata"}, {"", ".br", "America/Sao_Paulo"},
        {"", ".pt", "Europe/Lisbon"}, {"", ".gr", "Europe/Athens"}}};
    for (const Zone& zone : zones) {
        if ((!zone.language.empty() && primary == zone.language) || ends_with(zone.host_suffix)) return zone.zone;
    }
    return {};
}

}  // namespace newswire

#include "core/time.h"

#include <algorithm>
#include <array>
#include <cstdio>

#include <date/date.h>
#include <date/tz.h>

#include "core/text.h"

namespace newswire {

namespace {

// A small cursor over the text: the date formats here are simple enough that a hand parser is
// clearer (and far more forgiving) than date::parse format strings.
struct Cursor {
    std::string_view text;
    std::size_t pos = 0;

    bool done() const { return pos >= text.size(); }
    char peek() const { return done() ? '\0' : text[pos]; }
    bool eat(char c) {
        if (peek() != c) return false;
        ++pos;
        return true;
    }
    void skip_spaces() {
        while (!done() && (text[pos] == ' ' || text[pos] == '\t' || text[pos] == ',')) ++pos;
    }
    // Reads between min and max digits; -1 when fewer than min. The value holds the first nine
    // (a fraction of a second may have twelve digits; only that it is there matters).
    int digits(int min, int max) {
        int value = 0, count = 0;
        while (count < max && !done() && text[pos] >= '0' && text[pos] <= '9') {
            if (count < 9) value = value * 10 + (text[pos] - '0');
            ++pos;
            ++count;
        }
        return count >= min ? value : -1;
    }
    std::string_view word() {
        std::size_t start = pos;
        // Letters as the "C" locale has them (no locale is set), and every non-ASCII byte.
        while (!done() && ((text[pos] >= 'a' && text[pos] <= 'z') || (text[pos] >= 'A' && text[pos] <= 'Z') ||
                           static_cast<unsigned char>(text[pos]) >= 0x80)) {
            ++pos;
        }
        return text.substr(start, pos - start);
    }
};

std::optional<std::int64_t> civil_seconds(int year, int month, int day, int hour, int minute, int second) {
    if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 24 ||
        minute < 0 || minute > 59 || second < 0 || second > 60) {
        return std::nullopt;
    }
    date::year_month_day ymd{date::year{year}, date::month{static_cast<unsigned>(month)},
                             date::day{static_cast<unsigned>(day)}};
    if (!ymd.ok()) return std::nullopt;
    auto days = date::sys_days{ymd}.time_since_epoch().count();
    std::int64_t seconds = static_cast<std::int64_t>(days) * 86400 + hour * 3600 + minute * 60 + std::min(second, 59);
    // "9999-12-31T24:00" would be printed in a year of five digits, which no reader takes back.
    constexpr std::int64_t k_last_second_of_9999 = 253402300799;
    if (seconds > k_last_second_of_9999) return std::nullopt;
    return seconds;
}

// "+01:00", "+0100", "+01", "Z", "-05:30".
std::optional<int> read_numeric_offset(Cursor& c) {
    if (c.eat('Z') || c.eat('z')) return 0;
    char sign = c.peek();
    if (sign != '+' && sign != '-') return std::nullopt;
    ++c.pos;
    int hours = c.digits(2, 2);
    if (hours < 0) return std::nullopt;
    c.eat(':');
    int minutes = c.digits(2, 2);
    if (minutes < 0) minutes = 0;
    if (hours > 14 || minutes > 59) return std::nullopt;
    int offset = hours * 60 + minutes;
    return sign == '-' ? -offset : offset;
}

// True when fold_whitespace would return `text` unchanged and ASCII: no white space other than
// single spaces between other characters.
bool is_folded_ascii(std::string_view text) {
    char previous = ' ';
    for (char ch : text) {
        auto u = static_cast<unsigned char>(ch);
        if (u >= 0x80 || (u >= '\t' && u <= '\r') || (ch == ' ' && previous == ' ')) return false;
        previous = ch;
    }
    return previous != ' ';
}

}  // namespace

std::string to_iso8601(Timestamp t) {
    std::int64_t local = t.unix_seconds + static_cast<std::int64_t>(t.offset_minutes) * 60;
    auto days = date::floor<date::days>(date::sys_seconds{std::chrono::seconds{local}});
    date::year_month_day ymd{days};
    std::int64_t seconds_of_day = local - static_cast<std::int64_t>(days.time_since_epoch().count()) * 86400;
    int offset = t.offset_minutes < 0 ? -t.offset_minutes : t.offset_minutes;
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02uT%02d:%02d:%02d%c%02d:%02d", int(ymd.year()),
                  unsigned(ymd.month()), unsigned(ymd.day()), int(seconds_of_day / 3600),
                  int(seconds_of_day / 60 % 60), int(seconds_of_day % 60), t.offset_minutes < 0 ? '-' : '+',
                  offset / 60, offset % 60);
    return buffer;
}

namespace {

std::optional<Timestamp> read_iso8601(std::string_view text, int default_offset_minutes) {
    Cursor c{text};
    int year = c.digits(4, 4);
    if (year < 0) return std::nullopt;
    bool basic = !c.eat('-');
    int month = c.digits(2, 2);
    if (month < 0) {
        if (!c.done()) return std::nullopt;
        month = 1;  // "2025": a year alone
    }
    if (!basic && !c.done() && !c.eat('-')) return std::nullopt;
    int day = c.done() ? 1 : c.digits(2, 2);
    if (day < 0) return std::nullopt;
    int hour = 0, minute = 0, second = 0;
    std::optional<int> offset;
    if (c.eat('T') || c.eat('t') || c.eat(' ')) {
        hour = c.digits(2, 2);
        if (hour < 0) return std::nullopt;
        bool colon = c.eat(':');
        minute = c.digits(2, 2);
        if (minute < 0) return std::nullopt;
        if (c.eat(':') || (!colon && c.peek() >= '0' && c.peek() <= '9')) {
            second = c.digits(2, 2);
            if (second < 0) return std::nullopt;
        }
        if (c.eat('.') || c.eat(',')) c.digits(1, 12);
        while (c.peek() == ' ') ++c.pos;
        if (!c.done()) {
            offset = read_numeric_offset(c);
            if (!offset) {
                std::string_view zone = c.word();
                if (equals_ci(zone, "UTC") || equals_ci(zone, "GMT")) offset = 0;
                else return std::nullopt;
            }
        }
    }
    if (!c.done()) return std::nullopt;
    auto seconds = civil_seconds(year, month, day, hour, minute, second);
    if (!seconds) return std::nullopt;
    int applied = offset.value_or(default_offset_minutes);
    return Timestamp{*seconds - static_cast<std::int64_t>(applied) * 60, applied};
}

// Two or four ASCII digits at `at` as a number; -1 when any is not a digit.
int fixed_digits(std::string_view t, std::size_t at, std::size_t count) {
    int value = 0;
    for (std::size_t i = at; i < at + count; ++i) {
        unsigned d = static_cast<unsigned char>(t[i]) - '0';
        if (d > 9) return -1;
        value = value * 10 + static_cast<int>(d);
    }
    return value;
}

// "+01:00" or "+0100" (`colon` tells which) at `at`, to the end of the text; empty otherwise.
std::optional<int> fixed_offset(std::string_view t, std::size_t at, bool colon) {
    char sign = t[at];
    if (sign != '+' && sign != '-') return std::nullopt;
    int hours = fixed_digits(t, at + 1, 2);
    if (colon && t[at + 3] != ':') return std::nullopt;
    int minutes = fixed_digits(t, at + (colon ? 4 : 3), 2);
    if (hours < 0 || minutes < 0 || hours > 14 || minutes > 59) return std::nullopt;
    return sign == '-' ? -(hours * 60 + minutes) : hours * 60 + minutes;
}

// The form nearly every feed writes, read at fixed positions: "2026-04-25T20:43:28", an
// optional fraction, then "Z", "+02:00", "+0200" or nothing. Empty for anything else, which
// read_iso8601 then reads (and reads the same for these).
std::optional<Timestamp> read_common_iso8601(std::string_view t, int default_offset_minutes) {
    if (t.size() < 19 || t[4] != '-' || t[7] != '-' || (t[10] != 'T' && t[10] != 't' && t[10] != ' ') ||
        t[13] != ':' || t[16] != ':') {
        return std::nullopt;
    }
    int year = fixed_digits(t, 0, 4), month = fixed_digits(t, 5, 2), day = fixed_digits(t, 8, 2);
    int hour = fixed_digits(t, 11, 2), minute = fixed_digits(t, 14, 2), second = fixed_digits(t, 17, 2);
    if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) return std::nullopt;
    std::size_t i = 19;
    if (i < t.size() && (t[i] == '.' || t[i] == ',')) {
        std::size_t start = ++i;
        while (i < t.size() && i - start < 12 && t[i] >= '0' && t[i] <= '9') ++i;
        if (i == start) return std::nullopt;
    }
    std::optional<int> offset;
    std::size_t rest = t.size() - i;
    if (rest == 1 && (t[i] == 'Z' || t[i] == 'z')) offset = 0;
    else if (rest == 6 || rest == 5) offset = fixed_offset(t, i, rest == 6);
    else if (rest != 0) return std::nullopt;
    if (rest != 0 && !offset) return std::nullopt;
    auto seconds = civil_seconds(year, month, day, hour, minute, second);
    if (!seconds) return std::nullopt;
    int applied = offset.value_or(default_offset_minutes);
    return Timestamp{*seconds - static_cast<std::int64_t>(applied) * 60, applied};
}

}  // namespace

// The text is read with its white space folded. A date that reads without folding reads the same
// after it (only runs of ' ' before the zone or at the end are accepted, and folding shortens
// those), so the folded copy is made only when the first reading fails.
std::optional<Timestamp> parse_iso8601(std::string_view text, int default_offset_minutes) {
    if (auto common = read_common_iso8601(text, default_offset_minutes)) return common;
    if (auto read = read_iso8601(text, default_offset_minutes)) return read;
    if (is_folded_ascii(text)) return std::nullopt;
    return read_iso8601(fold_whitespace(text), default_offset_minutes);
}

namespace {

int month_from_name(std::string_view name) {
    static constexpr std::array<std::array<std::string_view, 4>, 12> k_months{{
        {"jan", "januar", "janv", "enero"},   {"feb", "februar", "fevr", "febrero"},
        {"mar", "märz", "maerz", "mrz"},      {"apr", "april", "avr", "abril"},
        {"may", "mai", "mayo", "maj"},        {"jun", "juni", "juin", "junio"},
        {"jul", "juli", "juil", "julio"},     {"aug", "august", "aout", "agosto"},
        {"sep", "sept", "september", "setiembre"}, {"oct", "okt", "oktober", "octubre"},
        {"nov", "november", "noviembre", "novembre"}, {"dec", "dez", "dezember", "diciembre"},
    }};
    // Lower-cased in place of a copy: no candidate is longer than the buffer.
    char buffer[16];
    std::size_t length = std::min(name.size(), sizeof buffer);
    for (std::size_t i = 0; i < length; ++i) {
        char ch = name[i];
        buffer[i] = ch >= 'A' && ch <= 'Z' ? static_cast<char>(ch - 'A' + 'a') : ch;
    }
    std::string_view lower(buffer, length);
    if (lower.starts_with("m\xC3\xA4r")) return 3;  // "Mär", "März"
    if (lower.size() < 3) return 0;  // every name and abbreviation has three letters at least
    for (int m = 0; m < 12; ++m) {
        const auto& names = k_months[static_cast<std::size_t>(m)];
        for (std::string_view candidate : names) {
            if (candidate.size() == lower.size() && candidate[0] == lower[0] && candidate == lower) return m + 1;
        }
        if (lower[0] == names[0][0] && lower[1] == names[0][1] && lower[2] == names[0][2]) return m + 1;
    }
    return 0;
}

std::optional<int> zone_name_offset(std::string_view name) {
    struct Zone { std::string_view name; int minutes; };
    static constexpr std::array<Zone, 20> k_zones{{
        {"UT", 0},        {"UTC", 0},       {"GMT", 0},       {"Z", 0},         {"EST", -300},
        {"EDT", -240},    {"CST", -360},    {"CDT", -300},    {"MST", -420},    {"MDT", -360},
        {"PST", -480},    {"PDT", -420},    {"CET", 60},      {"CEST", 120},    {"MEZ", 60},
        {"MESZ", 120},    {"BST", 60},      {"EET", 120},     {"EEST", 180},    {"WET", 0},
    }};
    for (const Zone& zone : k_zones) {
        if (equals_ci(zone.name, name)) return zone.minutes;
    }
    return std::nullopt;
}

}  // namespace

namespace {

// "20:43", "20:43:28", "9:05:00"; false (cursor unchanged) when there is no time here.
bool read_clock(Cursor& c, int& hour, int& minute, int& second) {
    std::size_t before = c.pos;
    int h = c.digits(1, 2);
    int m = h >= 0 && c.eat(':') ? c.digits(1, 2) : -1;
    if (m < 0) {
        c.pos = before;
        return false;
    }
    hour = h;
    minute = m;
    second = c.eat(':') ? std::max(0, c.digits(1, 2)) : 0;
    if (c.eat('.')) c.digits(1, 9);
    return true;
}

// A numeric offset or a zone name, then an optional "(CEST)" comment; 0 when none is given.
int read_zone(Cursor& c) {
    c.skip_spaces();
    if (c.done()) return 0;
    if (auto numeric = read_numeric_offset(c)) return *numeric;
    std::size_t before = c.pos;
    if (auto named = zone_name_offset(c.word())) return *named;
    c.pos = before;
    return 0;
}

int read_year(Cursor& c) {
    int year = c.digits(2, 4);
    if (year >= 0 && year < 100) year += year < 50 ? 2000 : 1900;
    return year;
}

// The English name of a month or weekday abbreviated to its three letters, in any case, as
// the index in `names` (a string of three-letter names); -1 when it is none.
int abbreviation_index(std::string_view t, std::size_t at, std::string_view names) {
    char lower[3];
    for (std::size_t i = 0; i < 3; ++i) {
        char ch = t[at + i];
        lower[i] = ch >= 'A' && ch <= 'Z' ? static_cast<char>(ch - 'A' + 'a') : ch;
    }
    for (std::size_t i = 0; i + 3 <= names.size(); i += 3) {
        if (names[i] == lower[0] && names[i + 1] == lower[1] && names[i + 2] == lower[2]) return static_cast<int>(i / 3);
    }
    return -1;
}

// The form nearly every RSS feed writes, read at fixed positions: "Sat, 25 Apr 2026 20:43:28"
// (one- or two-digit day) then "+0200", "GMT", "UTC", "UT" or "Z". Empty for anything else,
// which parse_rfc822's general reading then reads (and reads the same for these).
std::optional<Timestamp> read_common_rfc822(std::string_view t) {
    if (t.size() < 25 || t[3] != ',' || t[4] != ' ' || abbreviation_index(t, 0, "montuewedthufrisatsun") < 0) {
        return std::nullopt;
    }
    std::size_t day_end = t[6] == ' ' ? 6 : 7;  // "5 Apr" or "25 Apr"
    int day = fixed_digits(t, 5, day_end - 5);
    if (day < 0 || t[day_end] != ' ' || t[day_end + 4] != ' ' || t[day_end + 9] != ' ') return std::nullopt;
    int month = abbreviation_index(t, day_end + 1, "janfebmaraprmayjunjulaugsepoctnovdec") + 1;
    int year = fixed_digits(t, day_end + 5, 4);
    std::size_t clock = day_end + 10;  // "20:43:28 " and at least one letter of a zone
    if (t.size() < clock + 10 || t[clock + 2] != ':' || t[clock + 5] != ':' || t[clock + 8] != ' ') return std::nullopt;
    int hour = fixed_digits(t, clock, 2), minute = fixed_digits(t, clock + 3, 2), second = fixed_digits(t, clock + 6, 2);
    if (month == 0 || year < 0 || hour < 0 || minute < 0 || second < 0) return std::nullopt;
    if (year < 100) year += year < 50 ? 2000 : 1900;  // "0026" as read_year reads it
    std::string_view zone = t.substr(clock + 9);
    std::optional<int> offset;
    if (zone == "GMT" || zone == "UTC" || zone == "UT" || zone == "Z") offset = 0;
    else if (zone.size() == 5) offset = fixed_offset(zone, 0, false);
    if (!offset) return std::nullopt;
    auto seconds = civil_seconds(year, month, day, hour, minute, second);
    if (!seconds) return std::nullopt;
    return Timestamp{*seconds - static_cast<std::int64_t>(*offset) * 60, *offset};
}

}  // namespace

// RFC 822/1123 and its relatives as feeds write them: an optional (and possibly wrong, German,
// or spelled-out) weekday; "25 Apr 2026", "25-Apr-26" (RFC 850), "25. April 2026", or the
// asctime order "Apr 25 20:43:28 2026"; one- or two-digit day and hour; seconds optional; a
// numeric offset ("+0200", "+02:00"), a zone name (GMT, EST, PDT, CEST, MESZ, ...) or none
// (UTC); a trailing "(CEST)" comment is ignored.
std::optional<Timestamp> parse_rfc822(std::string_view text) {
    if (auto common = read_common_rfc822(text)) return common;
    bool plain = std::all_of(text.begin(), text.end(), [](char ch) {
        return static_cast<unsigned char>(ch) < 0x80 && ch != '\n' && ch != '\r' && ch != '\f' && ch != '\v';
    });
    std::string folded = plain ? std::string() : fold_whitespace(text);  // the common case needs no Unicode
    Cursor c{plain ? text : std::string_view(folded)};
    c.skip_spaces();
    std::size_t before = c.pos;
    std::string_view first = c.word();
    if (!first.empty() && month_from_name(first) == 0) {
        c.eat('.');
        c.skip_spaces();
    } else {
        c.pos = before;
    }
    int day = c.digits(1, 2);
    int month = 0, year = -1, hour = 0, minute = 0, second = 0, offset = 0;
    if (day < 0) {  // "Apr 25 2026" or asctime "Apr 25 20:43:28 2026"
        month = month_from_name(c.word());
        c.eat('.');
        c.skip_spaces();
        day = c.digits(1, 2);
        c.skip_spaces();
        if (read_clock(c, hour, minute, second)) {
            offset = read_zone(c);
            c.skip_spaces();
            year = read_year(c);
        } else {
            year = read_year(c);
            c.skip_spaces();
            read_clock(c, hour, minute, second);
            offset = read_zone(c);
        }
    } else {
        c.eat('.');
        c.eat('-');
        c.skip_spaces();
        month = month_from_name(c.word());
        c.eat('.');
        c.eat('-');
        c.skip_spaces();
        year = read_year(c);
        c.skip_spaces();
        read_clock(c, hour, minute, second);
        offset = read_zone(c);
    }
    if (day < 0 || month == 0 || year < 0) return std::nullopt;
    auto seconds = civil_seconds(year, month, day, hour, minute, second);
    if (!seconds) return std::nullopt;
    return Timestamp{*seconds - static_cast<std::int64_t>(offset) * 60, offset};
}

std::optional<Timestamp> parse_datetime(std::string_view text, int default_offset_minutes) {
    if (auto iso = parse_iso8601(text, default_offset_minutes)) return iso;
    return parse_rfc822(text);
}

std::optional<int> zone_offset_at_local(std::string_view zone, std::int64_t local_seconds) {
    try {
        const date::time_zone* tz = date::locate_zone(zone);
        date::local_seconds local{std::chrono::seconds{local_seconds}};
        auto info = tz->get_info(local);
        auto offset = info.first.offset;  // for a gap or an ambiguous time, the earlier rule
        return static_cast<int>(std::chrono::duration_cast<std::chrono::minutes>(offset).count());
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

std::int64_t now_unix_seconds() {
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch()).count();
}

}  // namespace newswire

#pragma once
// Dates as pages write them: machine forms (ISO 8601, RFC 822) and the visible forms of
// several languages ("12.12.2025, 05:07 Uhr", "12. Dezember 2025", "December 12, 2025 5:07 PM",
// "12 de diciembre de 2025"). Private to parser/article.

#include <optional>
#include <string_view>

#include "core/time.h"

namespace newswire {

// A machine-written date; a time without a zone is read as wall-clock time in `zone` (an IANA
// name; empty means UTC).
std::optional<Timestamp> parse_page_date(std::string_view text, std::string_view zone);

// A date written for people, read as wall-clock time in `zone`. Month names in German,
// English, French, Spanish, Italian, Dutch, Portuguese and the Nordic languages.
// Empty when no day, month and year can be found.
std::optional<Timestamp> parse_visible_date(std::string_view text, std::string_view zone);

// The time a page says it was updated, read like parse_visible_date from what follows the
// update word ("Aktualisiert am 12.12.2025, 09:14", "수정 2024.05.14 21:05", "14:35 14.05.2024
// (обновлено: 16:02 14.05.2024)"). Empty when no update word comes before a date.
std::optional<Timestamp> parse_visible_update(std::string_view text, std::string_view zone);

// The IANA zone to assume for zoneless times on a page in `language` served from `host`
// (German-language pages: Europe/Berlin); empty for UTC.
std::string_view assumed_zone(std::string_view language, std::string_view host);

}  // namespace newswire

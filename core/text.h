#pragma once
// Text helpers shared by the parsers: UTF-8 repair, charset conversion, white space.

#include <string>
#include <string_view>

namespace newswire {

bool is_valid_utf8(std::string_view bytes);

// Valid UTF-8 without the characters repair_utf8 drops (NUL, C0 controls other than \t \n \r,
// DEL): true exactly when repair_utf8 would return the bytes unchanged. One pass, 16 plain bytes
// at a time.
bool is_clean_utf8_text(std::string_view bytes);

// UTF-8 with some broken bytes: it holds valid multi-byte sequences, at least a quarter as many
// as invalid bytes (Latin-1 text almost never holds one). Such text is repaired, not re-read.
bool is_mostly_utf8(std::string_view bytes);

// Invalid sequences become U+FFFD; NUL and C0 controls other than \t \n \r are dropped.
std::string repair_utf8(std::string_view bytes);

// Bytes in `charset` (an IANA name as HTTP, XML or HTML declare it; empty for unknown) to
// valid UTF-8. Order of trust: a BOM, then valid UTF-8 (it wins over a wrong declaration), then
// mostly-UTF-8 repaired when declared UTF-8 or undeclared, then the declared charset through
// iconv, then windows-1252.
std::string to_utf8(std::string_view bytes, std::string_view charset);

// Runs of Unicode white space (incl. NBSP, thin spaces) become one ASCII space; trimmed.
std::string fold_whitespace(std::string_view text);

std::string to_lower_ascii(std::string_view text);
bool starts_with_ci(std::string_view text, std::string_view prefix);
// How many bytes of `text` open it with `lower_prefix` (given in lower case), letters of any
// script compared in lower case ("Źródło:" opens with "źródło:"); 0 when it does not.
std::size_t folded_prefix_length(std::string_view text, std::string_view lower_prefix);
bool equals_ci(std::string_view a, std::string_view b);
// The letters, digits and combining marks of `text` (any script), letters in lower case;
// punctuation, symbols, white space and bytes that are not UTF-8 left out. Two renderings of
// the same words give the same key: "„Terrible“, he said." and "\"terrible\" he said".
std::string letters_and_digits_key(std::string_view text);
// ASCII-case-insensitive substring test; an empty needle is found everywhere.
bool contains_ci(std::string_view haystack, std::string_view needle);
// Where `needle` first occurs in `haystack` at or after `from`, ASCII case ignored; npos when
// nowhere (an empty needle is found at `from`).
std::size_t find_ci(std::string_view haystack, std::string_view needle, std::size_t from = 0);

}  // namespace newswire

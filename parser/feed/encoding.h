#pragma once
// The charset decision for feed bytes (RFC 3023 order, with the usual lies forgiven) and the
// conversion to UTF-8.

#include <string>
#include <string_view>

namespace newswire::feed_detail {

// The charset parameter of an HTTP Content-Type ("text/xml; charset='utf-8'" → "utf-8"); empty
// when it names none.
std::string charset_from_content_type(std::string_view content_type);

// The encoding="…" of a leading XML declaration in ASCII-compatible bytes; empty when none.
std::string charset_from_xml_declaration(std::string_view bytes);

// The charset the bytes are in as far as markers tell: a BOM-less UTF-16/32 byte pattern first,
// then the HTTP charset, then the XML declaration. Empty when nothing says.
std::string declared_charset(std::string_view bytes, std::string_view content_type);

// The length of a prefix of `text` (not necessarily the longest) without C0 controls other than
// tab, line feed and carriage return, and without bytes >= 0xED; checked 16 bytes at a time.
std::size_t clean_prefix(std::string_view text);

// Whether `bytes` may be a feed's UTF-8 as they stand: no byte order mark, no UTF-16/32 pattern.
bool may_be_plain_utf8(std::string_view bytes);

// Which code copy_if_clean_utf8 runs: the fastest the processor has (AVX2 when it has it), or
// the SSE2 steps every x86-64 processor has (for tests of that code on any machine).
enum class CleanCopyPath { fastest, sse2 };

// Whether core's is_clean_utf8_text holds for `bytes`, copying them to `out` (bytes.size()
// writable bytes; unspecified when false) in the same pass (parser/feed/clean_copy.cpp): 32 bytes
// at a time, tab, line breaks and multi-byte sequences sorted out by masks of the block that has
// them. Same answer as is_clean_utf8_text (tests/parser/feed/feed_clean_copy_test.cpp holds them
// side by side).
bool copy_if_clean_utf8(std::string_view bytes, char* out, CleanCopyPath path = CleanCopyPath::fastest);

// A guess for bytes that are not UTF-8 and declare nothing, from byte patterns: Shift_JIS,
// EUC-JP, EUC-KR, GB18030, KOI8-R, windows-1251; empty (windows-1252 then) when nothing fits.
std::string guess_charset(std::string_view bytes);

// The feed as valid UTF-8 without a BOM (core/text.h to_utf8 does the converting). `clean`, when
// given, tells whether the result is the bytes as they came and core's is_clean_utf8_text holds
// for them (no control character anywhere); false tells nothing.
// `plain_unclean`: the caller found may_be_plain_utf8 true and the clean check false, which is
// then not run again.
std::string feed_to_utf8(std::string_view bytes, std::string_view content_type, bool* clean = nullptr,
                         bool plain_unclean = false);

// Whether `text` holds a numeric character reference ("&#1;", "&#xD800;", a malformed "&#x;")
// that could decode to something core's is_clean_utf8_text refuses; references to ordinary
// characters ("&#8217;", "&#x20AC;") are not suspect.
bool has_suspect_reference(std::string_view text);

}  // namespace newswire::feed_detail

#pragma once
// What changed between two stored texts of an article, as a reader compares them: one line a
// field or body block, and a unified diff of those lines.

#include <string>
#include <vector>

#include "core/article.h"

namespace newswire::cli {

// The article as lines: its labelled fields ("headline: …", one "teaser: …" a paragraph,
// "authors: A; B", "published: …"), then one line a body block (a heading "## …", a quote
// "> …", a list item "* …", a paragraph as it is), then the source credit. Fields the article
// has not are left out.
std::vector<std::string> article_lines(const Article& article);

// `before` to `after` in the unified format of diff -u (three lines of context, "-" removed,
// "+" added, hunks headed "@@ -a,b +c,d @@"); empty when they are equal. With `words`, a
// removed line and the added line that took its place become one line marked "~" that shows
// the words changed as git diff --word-diff does: "~mit [-13 zu 8-] {+14 zu 7+} Stimmen".
std::string unified_diff(const std::vector<std::string>& before, const std::vector<std::string>& after,
                         bool words = false);

}  // namespace newswire::cli

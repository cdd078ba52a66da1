#pragma once
// Furniture told by a block's place among the article's blocks, read once the blocks are
// collected. Private to parser/article.

#include <string_view>
#include <vector>

#include "core/article.h"
#include "parser/article/blocks.h"

namespace newswire {

// Leaves out what closes the body without being article text: notes set apart in italics or
// bold after the last plain paragraph of the story ("Our website is the place for the latest news ...",
// "First published in The Conversation.", a contributor's bio), and headings that nothing
// follows, set in a box apart from the story's paragraphs (the title of a box of links that
// was left out: "Zum selben Thema", "Most Read").
// Nothing is left out when no plain paragraph precedes them or when they are longer than the
// story. A note on a correction to the story ("Correction: An earlier version …") is the
// story's own: it stays, and so does all before it. A press release's closing contact box
// ("Pressekontakt:", "Media contact:" and up to four short lines after it) is left out too.
void drop_closing_notes(std::vector<SourcedBlock>& blocks);

// Leaves out a short notice that the rest is for subscribers or members ("La suite est réservée
// aux abonnés.", "この記事は会員限定です。") and every block after it: the offer boxes and lists
// that follow it are not the story. Nothing is left out when a longer paragraph follows it (a
// sentence about members-only offers inside the story), when that would take more text than
// stays, or when the notice opens the body.
void drop_from_paywall_notice(std::vector<SourcedBlock>& blocks);

// Leaves out headings amid the story that title a box whose content was left out: the box
// around the heading (up to the blocks before and after it) holds at least 40 characters more
// than the heading, at least half of them in links ("Current Issue" over a link to the issue,
// "Mehr zu Fleischkonsum" over teasers). A subheading of the story shares its box with the
// story's paragraphs or stands alone in its own; boxes past 3,000 characters are not measured.
void drop_left_out_box_titles(std::vector<SourcedBlock>& blocks);

// Leaves out pull quotes: quote blocks whose words a paragraph or list item of the story or its
// `teaser` holds (letters and digits compared, case folded, so quotation marks and spacing may
// differ), and the short attribution line right after one ("Interimstrainer Uwe Schubert",
// "— Advocate Dali Mpofu"). A quote the story does not repeat is the story's. Run it once the
// body's closing notes are gone: a note left out does not hold the story's words.
void drop_pull_quotes(std::vector<SourcedBlock>& blocks, std::string_view teaser);

// Leaves out the dateline that opens the body as a paragraph of its own: the place alone,
// capitalised and closed by a full stop ("Berlin.", "Bad Schandau."), before a paragraph of the
// story. A longer or lower-case first paragraph stays.
void drop_opening_dateline(std::vector<SourcedBlock>& blocks);

// Leaves out paragraphs that repeat the caption of one of `images` word for word: the text
// panel of a picture slide or a gallery, not the story.
void drop_caption_repeats(std::vector<Block>& body, const std::vector<Image>& images);

}  // namespace newswire

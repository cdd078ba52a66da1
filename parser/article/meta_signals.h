#pragma once
// Everything the metadata reader looks at, gathered in one walk over the tree. Private to
// parser/article.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <gumbo.h>

namespace newswire {

// An author candidate and whether it sits in the page's article (the first <article>, or
// <main> when there is none): candidates there outrank those elsewhere on the page, which
// name the authors of other articles.
struct AuthorText {
    std::string text;
    bool in_article = false;
};

struct MetaSignals {
    std::string html_lang;
    std::vector<std::pair<std::string, std::string>> metas;  // lower-case name/property -> content
    std::string canonical;                                   // <link rel=canonical href>, raw
    std::vector<std::string_view> json_ld;                   // script texts (point into the tree)
    std::vector<std::string> h1s;                            // the first few <h1> texts
    std::string main_h1;                                     // the first <h1> in <article>/<main>
    std::string title;                                       // <title>
    std::vector<std::string> times_in_article;               // <time datetime> inside <article>
    std::vector<std::string> times;                          // all <time datetime>
    std::string itemprop_published;
    std::string itemprop_modified;
    // Author candidates outside teasers, quotes, asides and comments, in page order.
    std::vector<AuthorText> itemprop_authors;
    std::vector<AuthorText> rel_authors;                     // <a rel=author>, links to /author/ pages
    std::vector<AuthorText> bylines;                         // class/id "byline"/"author" texts
    // Short texts that open with a byline word ("Von:", "By", "Par", "(责编："), for pages
    // that mark their byline by nothing else.
    std::vector<AuthorText> labelled_bylines;
    std::vector<AuthorText> dated_bylines;                   // text-only elements just before a date box
    std::vector<std::string> date_texts;                     // class/id "date"/"time" texts
    std::vector<std::string> rel_tags;                       // <a rel=tag> texts, links in tag lists
    std::vector<std::string> article_tags;                   // the same inside <article>/<main>
    std::vector<std::string> topic_links;                    // other links to tag pages inside <article>/<main>
    // The first few headings a reader sees as such: level (1 or 2) and text of <h1> anywhere
    // and <h2> inside <article>/<main>, in page order, leaving out those inside breadcrumbs
    // and <nav> (where sites put a second, SEO-only <h1>).
    std::vector<std::pair<int, std::string>> headings;
};

MetaSignals gather_signals(const GumboNode* root);

// The content of the first <meta> named `key` (lower-case), or empty.
std::string_view first_meta(const MetaSignals& signals, std::string_view key);

// The contents of all <meta> named `key`, in page order.
std::vector<std::string_view> all_metas(const MetaSignals& signals, std::string_view key);

}  // namespace newswire

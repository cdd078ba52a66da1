#include "parser/article/metadata.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "core/text.h"
#include "core/url.h"
#include "parser/article/images.h"
#include "parser/article/meta_authors.h"
#include "parser/article/meta_dates.h"
#include "parser/article/meta_headline.h"
#include "parser/article/meta_jsonld.h"
#include "parser/article/meta_signals.h"
#include "parser/article/meta_text.h"
#include "parser/article/site_rules.h"

namespace newswire {

namespace {

constexpr std::array<std::string_view, 13> k_published_metas{
    "article:published_time", "og:article:published_time", "article:published:time", "datepublished", "published_time",
    "date", "pubdate", "publishdate", "publish-date", "dc.date", "dcterms.created",
    "parsely-pub-date", "sailthru.date"};

constexpr std::array<std::string_view, 5> k_modified_metas{
    "article:modified_time", "article:modified:time", "og:updated_time", "datemodified", "dcterms.modified"};

constexpr std::array<std::string_view, 6> k_author_metas{
    "author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "twitter:creator"};

std::string first_of(const MetaSignals& signals, std::initializer_list<std::string_view> keys) {
    for (std::string_view key : keys) {
        std::string_view value = first_meta(signals, key);
        if (!value.empty()) return clean_text(value);
    }
    return {};
}

std::string language_of(const MetaSignals& signals, const JsonLdArticle& ld) {
    std::string language = signals.html_lang;
    if (language.empty()) language = first_of(signals, {"og:locale", "content-language", "language"});
    if (language.empty()) language = ld.language;
    std::replace(language.begin(), language.end(), '_', '-');
    return std::string(trim(language));
}

std::string canonical_of(const MetaSignals& signals, const JsonLdArticle& ld, std::string_view url) {
    for (std::string_view candidate : {std::string_view(signals.canonical), first_meta(signals, "og:url"),
                                       std::string_view(ld.url)}) {
        if (trim(candidate).empty()) continue;
        auto resolved = resolve_url(url.empty() ? trim(candidate) : url, trim(candidate));
        if (resolved) return *resolved;
    }
    return {};
}

std::optional<Timestamp> first_date(const std::vector<std::string>& texts, std::string_view zone) {
    for (const std::string& text : texts) {
        if (auto parsed = parse_page_date(text, zone)) return parsed;
    }
    return std::nullopt;
}

std::optional<Timestamp> published_of(const MetaSignals& signals, const JsonLdArticle& ld,
                                      std::string_view zone) {
    if (auto parsed = parse_page_date(ld.published, zone)) return parsed;
    for (std::string_view key : k_published_metas) {
        if (auto parsed = parse_page_date(first_meta(signals, key), zone)) return parsed;
    }
    if (auto parsed = parse_page_date(signals.itemprop_published, zone)) return parsed;
    if (auto parsed = parse_page_date(ld.media_published, zone)) return parsed;
    if (auto parsed = first_date(signals.times_in_article, zone)) return parsed;
    if (auto parsed = first_date(signals.times, zone)) return parsed;
    for (const std::string& text : signals.date_texts) {
        if (auto parsed = parse_visible_date(text, zone)) return parsed;
    }
    return std::nullopt;
}

std::optional<Timestamp> modified_of(const MetaSignals& signals, const JsonLdArticle& ld,
                                     std::string_view zone, const std::optional<Timestamp>& published) {
    if (auto parsed = parse_page_date(ld.modified, zone)) return parsed;
    for (std::string_view key : k_modified_metas) {
        if (auto parsed = parse_page_date(first_meta(signals, key), zone)) return parsed;
    }
    if (auto parsed = parse_page_date(signals.itemprop_modified, zone)) return parsed;
    // Pages that declare no update time often show it beside the date ("수정 2024.05.14 21:05").
    for (const std::string& text : signals.date_texts) {
        auto updated = parse_visible_update(text, zone);
        if (!updated) continue;
        if (published && updated->unix_seconds < published->unix_seconds) continue;
        return updated;
    }
    return std::nullopt;
}

// The people the candidates name: those in the page's article, or, when none is there, all.
std::vector<std::string> people_in(const std::vector<AuthorText>& texts, std::string_view site_name) {
    std::vector<std::string> inside, anywhere;
    for (const AuthorText& text : texts) {
        std::vector<std::string> people = clean_authors(text.text, site_name);
        if (text.in_article) append_unique(inside, people);
        append_unique(anywhere, people);
    }
    return inside.empty() ? anywhere : inside;
}

// Author links that name every declared author complete the declaration (JSON-LD often lists
// only one of two authors) with the names among or before the declared ones; names after the
// last declared author belong to other content (related articles, author boxes).
void complete_from_links(std::vector<std::string>& authors, const std::vector<std::string>& linked) {
    std::size_t last = 0, found = 0;
    for (std::size_t i = 0; i < linked.size(); ++i) {
        if (std::any_of(authors.begin(), authors.end(), [&](const std::string& a) { return equals_ci(a, linked[i]); })) {
            last = i;
            ++found;
        }
    }
    if (found < authors.size() || last + 1 <= found || last + 1 > found + 3) return;
    append_unique(authors, std::vector<std::string>(linked.begin(), linked.begin() + static_cast<std::ptrdiff_t>(last + 1)));
}

std::vector<std::string> people_of(const MetaSignals& signals, const JsonLdArticle& ld,
                                   std::string_view site_name) {
    std::vector<std::string> authors;
    for (const std::string& name : ld.authors) append_unique(authors, clean_authors(name, site_name));
    if (!authors.empty()) {
        complete_from_links(authors, people_in(signals.rel_authors, site_name));
        return authors;
    }
    for (std::string_view key : k_author_metas) {
        for (std::string_view value : all_metas(signals, key)) {
            if (is_http_url(trim(value)) || trim(value).starts_with("@")) continue;
            append_unique(authors, clean_authors(value, site_name));
        }
        if (!authors.empty()) return authors;
    }
    for (const auto* texts : {&signals.itemprop_authors, &signals.rel_authors, &signals.bylines, &signals.labelled_bylines,
                              &signals.dated_bylines}) {
        std::vector<std::string> people = people_in(*texts, site_name);
        if (!people.empty()) return people;
    }
    return authors;
}

// Who wrote an article no person signed: the newsrooms, agencies or desks the page declares as
// its author (JSON-LD, author metas, bylines in the article), each as written.
std::vector<std::string> credited_organisations(const MetaSignals& signals, const JsonLdArticle& ld) {
    std::vector<std::string> out;
    auto add = [&out](std::string_view text) {
        std::string name = organisation_name(text);
        if (!name.empty() && out.size() < 8) append_unique(out, {name});
    };
    for (const auto* names : {&ld.authors, &ld.organisations}) {
        for (const std::string& name : *names) add(name);
    }
    for (std::string_view key : k_author_metas) {
        if (!out.empty()) return out;
        for (std::string_view value : all_metas(signals, key)) add(value);
    }
    for (const auto* texts : {&signals.itemprop_authors, &signals.rel_authors, &signals.bylines, &signals.labelled_bylines}) {
        if (!out.empty()) return out;
        for (const AuthorText& text : *texts) {
            if (text.in_article) add(text.text);
        }
    }
    return out;
}

// The people who signed the article; when none is named, the organisations credited instead:
// an agency story's author is the agency, not nobody.
std::vector<std::string> authors_of(const MetaSignals& signals, const JsonLdArticle& ld,
                                    std::string_view site_name) {
    std::vector<std::string> people = people_of(signals, ld, site_name);
    return people.empty() ? credited_organisations(signals, ld) : people;
}

void add_topic(std::vector<std::string>& topics, std::string topic) {
    if (topics.size() < 100 && !topic.empty() && std::find(topics.begin(), topics.end(), topic) == topics.end()) topics.push_back(std::move(topic));
}

std::vector<std::string> meta_list(const MetaSignals& signals, std::string_view key, bool split) {
    std::vector<std::string> topics;
    for (std::string_view value : all_metas(signals, key)) {
        if (!split) {
            add_topic(topics, clean_text(value));
            continue;
        }
        for (std::string& keyword : split_keywords(clean_text(value))) add_topic(topics, std::move(keyword));
    }
    return topics;
}

bool contains_topic(const std::vector<std::string>& topics, std::string_view topic) {
    return std::any_of(topics.begin(), topics.end(), [&](const std::string& t) { return equals_ci(t, topic); });
}

// `part` names fewer topics than `whole`, all of them in `whole`.
bool is_strict_subset(const std::vector<std::string>& part, const std::vector<std::string>& whole) {
    return !part.empty() && part.size() < whole.size() &&
           std::all_of(part.begin(), part.end(), [&](const std::string& t) { return contains_topic(whole, t); });
}

// The first source that names topics: keyword metas, JSON-LD keywords, article:tag and the
// like, then tag links the article shows, then any tag links, then the article's links to
// topic pages. When the article's own tags
// (JSON-LD keywords, article:tag) are a part of a longer keyword meta, the rest of that meta
// is site-wide words ("News", "World news today"), so the tags win. (Letting the sources vote
// on their overlap measured worse on the corpus: sites fill several with different lists.)
std::vector<std::string> topics_of(const MetaSignals& signals, const JsonLdArticle& ld) {
    std::vector<std::vector<std::string>> lists{
        meta_list(signals, "news_keywords", true), meta_list(signals, "keywords", true), ld.keywords,
        meta_list(signals, "article:tag", false), meta_list(signals, "parsely-tags", true),
        meta_list(signals, "sailthru.tags", true), signals.article_tags, signals.rel_tags, signals.topic_links};
    for (auto& list : lists) list = normalise_topic_list(std::move(list));
    for (std::size_t i = 0; i < lists.size(); ++i) {
        if (lists[i].empty()) continue;
        for (std::size_t tags = 2; i < 2 && tags <= 3; ++tags) {
            if (is_strict_subset(lists[tags], lists[i])) return std::move(lists[tags]);
        }
        return std::move(lists[i]);
    }
    return {};
}

// Keyword lists often carry the site's own name ("dailymail", "Anadolu Ajansı") and ids.
void drop_site_topics(std::vector<std::string>& topics, std::string_view site_name, std::string_view host) {
    std::string brand(host.starts_with("www.") ? host.substr(4) : host);
    brand = brand.substr(0, brand.find('.'));
    std::erase_if(topics, [&](const std::string& topic) {
        bool digits = std::all_of(topic.begin(), topic.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
        return digits || (!site_name.empty() && equals_ci(topic, site_name)) ||
               (brand.size() >= 4 && equals_ci(topic, brand));
    });
}

std::vector<Image> declared_images(const MetaSignals& signals, const JsonLdArticle& ld, std::string_view url) {
    std::vector<Image> images;
    auto add = [&](std::string_view raw, std::string caption, std::string credit) {
        auto resolved = resolve_url(url.empty() ? trim(raw) : url, trim(raw));
        if (!resolved) return;
        for (const Image& known : images) {
            if (known.url == *resolved) return;
        }
        CaptionParts parts = split_caption_credit(caption);
        Image image{*resolved, std::move(parts.caption), std::move(parts.credit)};
        if (!credit.empty() && std::find(image.credit.begin(), image.credit.end(), credit) == image.credit.end()) {
            image.credit.push_back(std::move(credit));
        }
        images.push_back(std::move(image));
    };
    for (const JsonLdImage& image : ld.images) add(image.url, image.caption, image.credit);
    for (std::string_view key : {"og:image", "og:image:url", "twitter:image"}) {
        std::string_view value = first_meta(signals, key);
        if (!value.empty()) add(value, {}, {});
    }
    return images;
}

// The headline where the site's rule names the title that holds it; empty when there is no
// rule or that title is missing.
std::string site_headline(const HeadlineCandidates& candidates, const SiteRule* rule, std::string_view site_name,
                          std::string_view host) {
    if (!rule) return {};
    switch (rule->headline) {
        case HeadlineSource::og_title: return strip_site_name(candidates.og_title, site_name, host);
        case HeadlineSource::json_ld: return strip_site_name(candidates.json_ld, site_name, host);
        case HeadlineSource::h1: return candidates.main_h1.empty() && !candidates.h1s.empty()
                                            ? fold_whitespace(candidates.h1s.front())
                                            : fold_whitespace(candidates.main_h1);
        case HeadlineSource::vote: break;
    }
    return {};
}

}  // namespace

PageMetadata read_metadata(const GumboNode* root, std::string_view url, const SiteRules* site_rules) {
    MetaSignals signals = gather_signals(root);
    JsonLdArticle ld = read_json_ld(signals.json_ld);
    PageMetadata metadata;
    metadata.site_name = first_of(signals, {"og:site_name", "application-name", "twitter:site"});
    if (metadata.site_name.empty()) metadata.site_name = ld.publisher;
    metadata.language = language_of(signals, ld);
    metadata.canonical_url = canonical_of(signals, ld, url);
    std::string host = url_host(metadata.canonical_url.empty() ? url : std::string_view(metadata.canonical_url));
    HeadlineCandidates candidates{ld.headline, first_of(signals, {"og:title"}), first_of(signals, {"twitter:title"}),
                                  signals.h1s, signals.main_h1, signals.title, signals.headings};
    metadata.headline = site_headline(candidates, SiteRules::find(site_rules, host), metadata.site_name, host);
    if (metadata.headline.empty()) metadata.headline = choose_headline(candidates, metadata.site_name, host);
    metadata.description = ld.description.empty()
                               ? first_of(signals, {"og:description", "description", "twitter:description"})
                               : ld.description;
    metadata.section = ld.section.empty() ? first_of(signals, {"article:section"}) : ld.section;
    metadata.authors = authors_of(signals, ld, metadata.site_name);
    std::string_view zone = assumed_zone(metadata.language, host);
    metadata.published = published_of(signals, ld, zone);
    metadata.modified = modified_of(signals, ld, zone, metadata.published);
    metadata.topics = topics_of(signals, ld);
    drop_site_topics(metadata.topics, metadata.site_name, host);
    metadata.images = declared_images(signals, ld, url);
    metadata.declared_body = std::move(ld.body);
    return metadata;
}

}  // namespace newswire

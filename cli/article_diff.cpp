#include "cli/article_diff.h"

#include <sstream>
#include <string_view>

#include <dtl/dtl.hpp>

namespace newswire::cli {
namespace {

template <typename Sequence>
using Difference = dtl::Diff<typename Sequence::value_type, Sequence>;

// dtl: Wu's O(NP) difference algorithm (Debian's libdtl-dev). onHuge() bounds its memory on
// long texts; the script of edits may then be longer than the shortest.
template <typename Sequence>
Difference<Sequence> compare(const Sequence& before, const Sequence& after) {
    Difference<Sequence> difference(before, after);
    difference.onHuge();
    difference.compose();
    return difference;
}

std::vector<std::string> words_of(const std::string& line) {
    std::vector<std::string> words;
    std::istringstream in(line);
    for (std::string word; in >> word;) words.push_back(std::move(word));
    return words;
}

// One changed line against the line that replaced it, word by word: "[-old words-]{+new words+}".
std::string word_diff(const std::string& before, const std::string& after) {
    const auto difference = compare(words_of(before), words_of(after));
    std::string out;
    dtl::edit_t open = dtl::SES_COMMON;
    auto close = [&] {
        if (open == dtl::SES_DELETE) out += "-]";
        if (open == dtl::SES_ADD) out += "+}";
        open = dtl::SES_COMMON;
    };
    for (const auto& [word, info] : difference.getSes().getSequence()) {
        if (info.type != open) {
            close();
            if (!out.empty()) out += ' ';
            if (info.type == dtl::SES_DELETE) out += "[-";
            if (info.type == dtl::SES_ADD) out += "{+";
            open = info.type;
        } else if (!out.empty()) {
            out += ' ';
        }
        out += word;
    }
    close();
    return out;
}

}  // namespace

std::vector<std::string> article_lines(const Article& article) {
    std::vector<std::string> lines;
    auto field = [&](std::string_view label, const std::string& value) {
        if (!value.empty()) lines.push_back(std::string(label) + ": " + value);
    };
    field("section", article.section);
    field("kicker", article.kicker);
    field("headline", article.headline);
    std::istringstream teaser(article.teaser);
    for (std::string paragraph; std::getline(teaser, paragraph);) field("teaser", paragraph);
    std::string authors;
    for (const std::string& author : article.authors) authors += (authors.empty() ? "" : "; ") + author;
    field("authors", authors);
    if (article.published) field("published", to_iso8601(*article.published));
    if (article.modified) field("modified", to_iso8601(*article.modified));
    for (const Block& block : article.body) {
        switch (block.type) {
            case BlockType::heading: lines.push_back("## " + block.text); break;
            case BlockType::quote: lines.push_back("> " + block.text); break;
            case BlockType::list_item: lines.push_back("* " + block.text); break;
            case BlockType::paragraph: lines.push_back(block.text); break;
        }
    }
    if (article.source_credit) field("credit", article.source_credit->raw);
    return lines;
}

std::string unified_diff(const std::vector<std::string>& before, const std::vector<std::string>& after, bool words) {
    auto difference = compare(before, after);
    difference.composeUnifiedHunks();
    std::ostringstream out;
    for (const auto& hunk : difference.getUniHunks()) {
        out << "@@ -" << hunk.a << ',' << hunk.b << " +" << hunk.c << ',' << hunk.d << " @@\n";
        for (const auto& [line, info] : hunk.common[0]) out << ' ' << line << '\n';
        const auto& change = hunk.change;
        for (std::size_t i = 0; i < change.size();) {
            if (change[i].second.type == dtl::SES_COMMON) {
                out << ' ' << change[i++].first << '\n';
                continue;
            }
            // A run of removed lines, then the added lines that took their place.
            std::size_t removed_end = i;
            while (removed_end < change.size() && change[removed_end].second.type == dtl::SES_DELETE) ++removed_end;
            std::size_t added_end = removed_end;
            while (added_end < change.size() && change[added_end].second.type == dtl::SES_ADD) ++added_end;
            const std::size_t removed = removed_end - i, added = added_end - removed_end;
            const std::size_t paired = words ? std::min(removed, added) : 0;
            for (std::size_t k = 0; k < paired; ++k) {
                out << '~' << word_diff(change[i + k].first, change[removed_end + k].first) << '\n';
            }
            for (std::size_t k = i + paired; k < removed_end; ++k) out << '-' << change[k].first << '\n';
            for (std::size_t k = removed_end + paired; k < added_end; ++k) out << '+' << change[k].first << '\n';
            i = added_end;
        }
        for (const auto& [line, info] : hunk.common[1]) out << ' ' << line << '\n';
    }
    return out.str();
}

}  // namespace newswire::cli

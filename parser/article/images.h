#pragma once
// Images of the article with caption and photo credit. Private to parser/article.

#include <string>
#include <string_view>
#include <vector>

#include <gumbo.h>

#include "core/article.h"

namespace newswire {

struct PageMetadata;

// Caption text split into the caption proper and its photo credits:
// "Soldaten bei einer Übung. (Foto: picture alliance/dpa/kcna)" ->
// {"Soldaten bei einer Übung.", {"picture alliance/dpa/kcna"}}.
struct CaptionParts {
    std::string caption;
    std::vector<std::string> credit;
};
CaptionParts split_caption_credit(std::string_view text);

// The article's images, lead image first: figures inside `container` (the article body, may be
// nullptr) and the lead image above it, merged with the declared images of `metadata`.
std::vector<Image> extract_images(const GumboNode* root, const GumboNode* container,
                                  const PageMetadata& metadata, std::string_view url);

}  // namespace newswire

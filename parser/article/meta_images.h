#pragma once
// One <figure> to an Image: its picture's URL, its caption and its photo credits. Private to
// parser/article.

#include <cstddef>
#include <string_view>

#include <gumbo.h>

#include "core/article.h"

namespace newswire {

// `figure` is any element holding an image and its caption; `url` is the page's, for
// relative sources. Credit elements (class "credit", "copyright", "source", ...) and credit
// phrases in the caption ("Foto: ...", "(© ...)") go to `credit`.
Image read_figure(const GumboNode* figure, std::string_view url);

// An <img> outside any <figure>: its caption and credit are the text of the smallest
// surrounding box that holds only this image and at most a caption's worth of text. Empty
// (no URL) when the image is decoration (icons, logos, tiny images) or has no such text.
Image read_loose_image(const GumboNode* image, std::string_view url);

// An <img> that shows no caption: its address and a credit its title or alt may name. Empty
// (no URL) when the image is decoration (icons, logos, tiny images).
Image read_uncaptioned_image(const GumboNode* image, std::string_view url);

// <img>, or a custom element that stands for one (<amp-img>, <brick-image-v3>: a name with a
// dash and "img" or "image", and a src or data-src attribute).
bool is_image_element(const GumboNode* node);

// A <figcaption> or an element whose class or id names a caption ("caption",
// "bildunterschrift", "description").
bool is_caption_element(const GumboNode* node);

// The next sibling that is an element; nullptr when none.
const GumboNode* next_element(const GumboNode* node);

// How many images (is_image_element) `node` holds: 0, 1, or 2 for "more than one"
// (also when it is too big to tell).
std::size_t count_images(const GumboNode* node);

}  // namespace newswire

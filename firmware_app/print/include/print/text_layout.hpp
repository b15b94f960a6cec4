#pragma once
// Breaking text into printed lines. Widths are whatever the caller measures: columns of the printer's
// font for text mode (display_columns), dots of a rendered glyph for raster mode.
//
// wrap_lines guarantees: "\n" always breaks; a line never exceeds max_width unless a single character is
// wider than max_width (it then stands alone); lines break after spaces (the space is dropped) and
// before or after CJK characters (never before closing punctuation such as "，。」"); a word longer than
// a line is cut where it overflows; an empty paragraph gives an empty line; no code point is lost other
// than the spaces at a break.

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::print {

// Code points of well-formed UTF-8 (Document::text guarantees it); an ill-formed byte gives U+FFFD.
std::u32string decode_utf8(std::string_view utf8);
std::string encode_utf8(std::u32string_view text);
std::string encode_utf8(char32_t code_point);

// Columns a code point takes in a fixed-width printer font: 2 for East Asian wide and fullwidth
// characters (CJK ideographs, kana, hangul, fullwidth forms), 0 for combining marks, 1 otherwise.
int display_columns(char32_t code_point);
int display_columns(std::u32string_view text);

using WidthFunction = std::function<int(char32_t)>;

std::vector<std::u32string> wrap_lines(std::u32string_view text, int max_width,
                                       const WidthFunction& width_of);

}  // namespace kiosk::print

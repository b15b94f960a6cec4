#pragma once
// Small UTF-8 facts the kiosk needs for text a customer types: how many characters a text has (limits are
// in characters, not bytes) and how to remove the last one whole.

#include <cstddef>
#include <string>
#include <string_view>

namespace kiosk::domain {

// True when `text` is well-formed UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF).
bool is_valid_utf8(std::string_view text);

// Number of code points; ill-formed bytes count one each.
std::size_t count_code_points(std::string_view text);

// Removes the last code point (all of its bytes). Does nothing on an empty string.
void pop_code_point(std::string& text);

// The first `max_code_points` code points of `text`.
std::string_view first_code_points(std::string_view text, std::size_t max_code_points);

}  // namespace kiosk::domain

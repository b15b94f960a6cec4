#pragma once
// Internal to the complaints feature: the free-text checks shared by the draft validation.

#include <cstddef>
#include <string_view>
#include <vector>

#include "domain/complaints/contact.hpp"

namespace kiosk::domain::complaints::detail {

// Adds at most one of missing / invalid_utf8, then invalid_characters and too_long as they apply. Blank text
// is missing when required and fine otherwise. multi_line allows newline, carriage return and tab.
void check_text(std::string_view text, DraftField field, bool required, std::size_t max_code_points,
                bool multi_line, std::vector<DraftProblem>& problems);

bool is_blank_text(std::string_view text);

}  // namespace kiosk::domain::complaints::detail

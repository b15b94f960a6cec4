#pragma once
// Where the customer is in a flow: "Step 2 of 4" in words, with a row of step marks under it (done
// steps filled, the current one ringed and larger, later ones hollow), so it is not dots alone.

#include <string_view>

#include "ui/widgets.hpp"

namespace kiosk::ui {

// Draws the text and marks in `rect`; records "<id>" with the text. `current` is 1-based and clamped
// to 1..total; total <= 0 draws the text only.
void draw_step_indicator(DrawContext& context, std::string_view id, int current, int total,
                         std::string_view text, Rect rect);

}  // namespace kiosk::ui

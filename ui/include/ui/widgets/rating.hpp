#pragma once
// Rating scales for surveys: NPS 0-10 and CES 1-7 as numbered targets, CSAT 1-5 and quick 1-4 as drawn
// faces. Each option shows its word label under it when given (colour is never the only cue), and the
// selected option gets a thick outline and a drawn tick. No state is kept.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ui/widgets.hpp"

namespace kiosk::ui {

struct RatingScaleVm {
  enum class Kind { numbers, faces };
  int min = 0;
  int max = 10;
  std::optional<int> selected{};
  Kind kind = Kind::numbers;
  std::string low_label{};   // under the low end: "Not at all likely"
  std::string high_label{};  // under the high end: "Extremely likely"
  std::vector<std::string>
      option_labels{};  // one per value from min (faces: "Very unhappy"...); may be empty
};

// Draws the options in `rect`; numbers go in one row, or two when a row would make targets narrower
// than the touch minimum (72 px at 1080p). Options are recorded as "<id>.option.<value>". Returns the
// value tapped this frame. A scale with max < min or more than 11 options draws nothing and returns
// nullopt (it records "<id>.invalid" so tests see it).
std::optional<int> draw_rating_scale(DrawContext& context, std::string_view id, const RatingScaleVm& vm,
                                     Rect rect);

}  // namespace kiosk::ui

#pragma once
// Choice lists (single: drawn radio circles; multiple: drawn check boxes, so the two look different
// without colour) and the consent box. No state is kept: the caller passes what is selected.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ui/widgets.hpp"

namespace kiosk::ui {

struct ChoiceItemVm {
  std::string key{};  // stable, never translated; the row's id is "<id>.item.<key>"
  std::string label{};
  bool selected = false;
};

struct ChoiceListVm {
  std::vector<ChoiceItemVm> items{};
  bool multiple = false;  // check boxes; otherwise radio buttons
  int columns = 1;        // 0 or less counts as 1
};

// Draws the rows in `rect`, column by column in reading order; each row is at least the touch
// minimum high and wraps its label. Returns the key of the row tapped this frame.
std::optional<std::string> draw_choice_list(DrawContext& context, std::string_view id, const ChoiceListVm& vm,
                                            Rect rect);

// A consent row: a box (never ticked unless `ticked`), the wrapped text beside it and the state in
// words (`state`, e.g. "No" / "Yes"; empty: none). The whole row is one target, recorded as "<id>".
// Returns true when tapped (the caller flips the value).
bool draw_consent_box(DrawContext& context, std::string_view id, std::string_view text,
                      std::string_view state, bool ticked, Rect rect);

}  // namespace kiosk::ui

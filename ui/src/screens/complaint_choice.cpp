// Complaint steps 1 and 2: what it is about, then what went wrong, as big buttons from the bank's
// localized taxonomy.
#include <imgui.h>

#include "flow_parts.hpp"
#include "ui/screens.hpp"

namespace kiosk::ui {

void draw_complaint_choice(const app::ComplaintChoiceVm& vm, app::Intents& intents, DrawContext& context) {
  const auto area = draw_flow_frame(context, "complaint", vm.header, nullptr, intents);
  Rect body = area.body;
  body.h += area.actions.h + context.layout.gap;  // no action row: a choice is the step's action
  draw_choice_grid(context, "complaint.choice", vm.choices, body, intents);
}

}  // namespace kiosk::ui

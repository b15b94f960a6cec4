// Complaint step 3: the customer's own words and the outcome they want. With the keyboard up only the
// focused field shows, as large as the space allows; with it down both fields and the extra-help toggle.
#include <imgui.h>

#include <algorithm>

#include "flow_parts.hpp"
#include "ui/screens.hpp"

namespace kiosk::ui {

void draw_complaint_details(const app::ComplaintDetailsVm& vm, app::Intents& intents, DrawContext& context) {
  const auto& layout = context.layout;
  // The focused field is multi-line: keep room for a few lines above the keyboard.
  const auto area = draw_flow_frame(context, "details", vm.header, &vm.keyboard, intents,
                                    text_field_height(context) * 1.6F);
  Rect body = area.body;
  if (vm.keyboard.visible) {
    const auto& focused = vm.desired_outcome.focused ? vm.desired_outcome : vm.description;
    draw_flow_field(context, focused, body, intents);
  } else {
    const float toggle_height = layout.compact ? layout.min_target : layout.button_height;
    const float field_height = (body.h - toggle_height - 2 * layout.gap) / 2.0F;
    draw_flow_field(context, vm.description, body.take_top(field_height * 1.2F), intents);
    body = body.below(field_height * 1.2F, layout.gap);
    draw_flow_field(context, vm.desired_outcome, body.take_top(field_height * 0.8F), intents);
    body = body.below(field_height * 0.8F, layout.gap);
    draw_flow_toggle(context, "details", vm.extra_help, body.take_top(toggle_height), intents);
  }
  const float action_width = std::min(area.actions.w, 520.0F * layout.scale);
  draw_action(context, "details", vm.next,
              {area.actions.right() - action_width, area.actions.y, action_width, area.actions.h}, intents);
  draw_flow_keyboard(context, "details", vm.keyboard, area.keyboard, intents);
}

}  // namespace kiosk::ui

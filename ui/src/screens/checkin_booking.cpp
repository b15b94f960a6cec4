// Appointment check-in: the booking code from the confirmation, typed on a keyboard without look-alike
// letters. Problems are said in words under the field.
#include <imgui.h>

#include <algorithm>

#include "flow_parts.hpp"
#include "ui/screens.hpp"

namespace kiosk::ui {

void draw_checkin_booking(const app::BookingCodeVm& vm, app::Intents& intents, DrawContext& context) {
  const auto area = draw_flow_frame(context, "booking", vm.header, &vm.keyboard, intents);
  const auto& layout = context.layout;
  const float field_height =
      std::min(area.body.h, layout.compact ? text_field_height(context) : layout.button_height * 1.6F);
  draw_flow_field(context, vm.code, area.body.take_top(field_height), intents);
  const float action_width = std::min(area.actions.w, 520.0F * layout.scale);
  draw_action(context, "booking", vm.check_in,
              {area.actions.right() - action_width, area.actions.y, action_width, area.actions.h}, intents);
  draw_flow_keyboard(context, "booking", vm.keyboard, area.keyboard, intents);
}

}  // namespace kiosk::ui

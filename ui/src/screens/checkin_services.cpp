// Check-in: the services of this branch, each with its state in words ("3 people waiting", "Opens
// Monday at 09:00"); closed ones are shown but cannot be chosen, so nobody gets a ticket for a closed desk.
#include <imgui.h>

#include "flow_parts.hpp"
#include "ui/screens.hpp"

namespace kiosk::ui {

void draw_checkin_services(const app::CheckinServicesVm& vm, app::Intents& intents, DrawContext& context) {
  const auto area = draw_flow_frame(context, "checkin", vm.header, nullptr, intents);
  if (vm.services.empty()) {
    text_block(context, "checkin.empty", vm.empty_text, area.body,
               {.role = FontRole::button,
                .colour = context.palette.text,
                .align = Align::center,
                .centre_vertically = true});
  } else {
    draw_choice_grid(context, "checkin.service", vm.services, area.body, intents);
  }
  draw_action(context, "checkin", {"appointment", vm.appointment_label, true, false}, area.actions, intents);
}

}  // namespace kiosk::ui

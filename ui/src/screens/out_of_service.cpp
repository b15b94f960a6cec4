// Calm words for customers; the technical reason small at the bottom, for staff.
#include <string>

#include "ui/screens.hpp"

namespace kiosk::ui {

void draw_out_of_service(const app::OutOfServiceVm& vm, app::Intents& intents, DrawContext& context) {
  (void)intents;  // nothing for a customer to do here
  const auto& layout = context.layout;
  const auto& palette = context.palette;
  const Rect content = layout.content;
  const float unit = content.h / 10.0F;
  text_block(context, "out_of_service.title", vm.title, {content.x, content.y + unit, content.w, 3 * unit},
             {.role = FontRole::title,
              .smallest = FontRole::button,
              .colour = palette.text,
              .align = Align::center,
              .centre_vertically = true});
  text_block(
      context, "out_of_service.body", vm.body, {content.x, content.y + 4.5F * unit, content.w, 2.5F * unit},
      {.role = FontRole::button, .smallest = FontRole::body, .colour = palette.text, .align = Align::center});
  if (!vm.staff_reason.empty()) {
    text_block(context, "out_of_service.staff", vm.staff_label + " " + vm.staff_reason,
               {content.x, content.y + 8 * unit, content.w, 2 * unit},
               {.role = FontRole::small, .colour = palette.text_muted, .align = Align::center});
  }
}

}  // namespace kiosk::ui

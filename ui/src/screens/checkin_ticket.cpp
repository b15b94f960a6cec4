// The issued ticket: the number as large as the screen allows, then the service, people ahead and the
// estimate (only when there is an honest one), and whether the paper copy printed. When the printer is
// down the screen says so plainly: the number on screen is the ticket.
#include <imgui.h>

#include <algorithm>

#include "flow_parts.hpp"
#include "ui/screens.hpp"

namespace kiosk::ui {

void draw_checkin_ticket(const app::TicketVm& vm, app::Intents& intents, DrawContext& context) {
  const auto& layout = context.layout;
  const auto& palette = context.palette;
  Rect area = layout.content;
  const float small_line = context.fonts.get(FontRole::body)->FontSize * 1.5F;
  if (!layout.compact) {  // on the ATM panel the number band speaks for itself
    text_block(context, "ticket.heading", vm.heading, area.take_top(small_line),
               {.role = FontRole::button,
                .smallest = FontRole::small,
                .colour = palette.text_muted,
                .align = Align::center});
    area = area.below(small_line, 0.0F);
  }
  const float number_height = context.fonts.get(FontRole::hero)->FontSize * (layout.compact ? 1.1F : 1.3F);
  const Rect number_band = area.take_top(number_height);
  fill_rect(number_band, palette.hero, 18.0F * layout.scale);
  text_block(context, "ticket.number", vm.number, number_band,
             {.role = FontRole::hero,
              .smallest = FontRole::title,
              .colour = palette.hero_text,
              .align = Align::center,
              .centre_vertically = true});
  area = area.below(number_height, layout.gap);
  std::string details = vm.service + "\n" + vm.ahead;
  if (!vm.estimate.empty())
    details += "\n" + vm.estimate;
  if (!vm.appointment.empty())
    details += "\n" + vm.appointment;
  if (!layout.compact)
    details += "\n" + vm.issued_at;  // the ATM panel keeps the essentials
  const float action_height =
      layout.compact ? std::max(layout.min_target, layout.button_height * 0.8F) : layout.button_height;
  const float printer_height = vm.printer.empty() ? 0.0F : small_line * (layout.compact ? 1.2F : 2.2F);
  Rect details_rect = area;
  details_rect.h -= action_height + printer_height + 2 * layout.gap;
  text_block(context, "ticket.details", details, details_rect,
             {.role = layout.compact ? FontRole::body : FontRole::title,
              .smallest = FontRole::small,
              .colour = palette.text,
              .align = Align::center,
              .centre_vertically = true});
  if (!vm.printer.empty()) {
    const Rect printer_rect{area.x, details_rect.bottom() + layout.gap, area.w, printer_height};
    if (vm.printer_fault)
      fill_rect(printer_rect, palette.secondary, 12.0F * layout.scale);
    text_block(context, vm.printer_fault ? "ticket.printer.fault" : "ticket.printer", vm.printer,
               printer_rect,
               {.role = FontRole::body,
                .smallest = FontRole::small,
                .colour = vm.printer_fault ? palette.secondary_text : palette.text_muted,
                .align = Align::center,
                .centre_vertically = true});
  }
  const float action_width = std::min(area.w, 520.0F * layout.scale);
  draw_action(
      context, "ticket", vm.done,
      {area.x + (area.w - action_width) / 2.0F, area.bottom() - action_height, action_width, action_height},
      intents);
}

}  // namespace kiosk::ui

// After a complaint: the reference and lookup code large, the deadlines, what happens next and where to
// escalate, and whether the acknowledgement printed.
#include <imgui.h>

#include <algorithm>

#include "flow_parts.hpp"
#include "ui/screens.hpp"

namespace kiosk::ui {

void draw_complaint_done(const app::ComplaintDoneVm& vm, app::Intents& intents, DrawContext& context) {
  const auto& layout = context.layout;
  const auto& palette = context.palette;
  Rect area = layout.content;
  const float heading_height = context.fonts.get(FontRole::title)->FontSize * (layout.compact ? 1.3F : 1.8F);
  text_block(context, "done.heading", vm.heading, area.take_top(heading_height),
             {.role = FontRole::title,
              .smallest = FontRole::body,
              .colour = palette.text,
              .centre_vertically = true});
  area = area.below(heading_height, layout.gap * 0.5F);
  const float codes_height = context.fonts.get(FontRole::title)->FontSize * (layout.compact ? 2.6F : 3.6F);
  fill_rect(area.take_top(codes_height), palette.hero, 18.0F * layout.scale);
  draw_lines(context, "done.codes", {vm.reference, vm.lookup_code},
             area.take_top(codes_height).inset(layout.gap * 0.5F), FontRole::title, true);
  area = area.below(codes_height, layout.gap * 0.5F);
  const float action_height =
      layout.compact ? std::max(layout.min_target, layout.button_height * 0.8F) : layout.button_height;
  Rect rest = area;
  rest.h -= action_height + layout.gap;
  const float small_row = context.fonts.get(FontRole::small)->FontSize * 1.5F;
  const float deadlines_height = draw_lines(
      context, "done.deadline", vm.deadlines,
      rest.take_top(layout.compact ? small_row * static_cast<float>(vm.deadlines.size()) : rest.h * 0.35F),
      layout.compact ? FontRole::small : FontRole::button);
  rest = rest.below(deadlines_height, layout.gap * 0.5F);
  // The ATM panel keeps what the customer must act on; the printed receipt carries the rest.
  std::string notes = layout.compact ? std::string() : vm.next_steps + "\n" + vm.keep_note;
  if (!vm.escalation.empty() && !layout.compact)
    notes += "\n" + vm.escalation;
  if (!vm.printer.empty() && (!layout.compact || vm.printer_fault))
    notes += (notes.empty() ? "" : "\n") + vm.printer;
  if (!notes.empty())
    text_block(context, vm.printer_fault ? "done.notes.printer_fault" : "done.notes", notes, rest,
               {.role = FontRole::body, .smallest = FontRole::small, .colour = palette.text});
  const float action_width = std::min(area.w, 520.0F * layout.scale);
  draw_action(context, "done", vm.done,
              {area.right() - action_width, area.bottom() - action_height, action_width, action_height},
              intents);
}

}  // namespace kiosk::ui

// Complaint step 4: optional contact details with an unticked consent box and the privacy notice one tap
// away. Entered details are masked once the customer leaves the field: the kiosk stands in a public hall.
#include <imgui.h>

#include <algorithm>

#include "flow_parts.hpp"
#include "ui/screens.hpp"
#include "ui/widgets/text_field.hpp"

namespace kiosk::ui {

void draw_complaint_contact(const app::ComplaintContactVm& vm, app::Intents& intents, DrawContext& context) {
  const auto area = draw_flow_frame(context, "contact", vm.header, &vm.keyboard, intents);
  const auto& layout = context.layout;
  const auto& palette = context.palette;
  Rect body = area.body;
  // On the ATM panel the boxes keep only the touch minimum so the consent box fits under them.
  const float field_height =
      layout.compact ? text_field_stacked_height(context, layout.min_target) : layout.button_height * 1.25F;
  if (vm.keyboard.visible) {
    for (const auto* field : {&vm.name, &vm.phone, &vm.email}) {
      if (field->focused)
        draw_flow_field(context, *field, body.take_top(std::min(body.h, field_height)), intents);
    }
  } else {
    if (!layout.compact) {  // the ATM panel has no room; the step title asks the same question
      const float intro_height = context.fonts.get(FontRole::body)->FontSize * 2.6F;
      text_block(context, "contact.intro", vm.intro, body.take_top(intro_height),
                 {.role = FontRole::body, .smallest = FontRole::small, .colour = palette.text});
      body = body.below(intro_height, layout.gap * 0.5F);
    }
    const int columns = layout.portrait ? 1 : 3;
    const float width = (body.w - static_cast<float>(columns - 1) * layout.gap) / static_cast<float>(columns);
    int index = 0;
    for (const auto* field : {&vm.name, &vm.phone, &vm.email}) {
      const float x = body.x + static_cast<float>(index % columns) * (width + layout.gap);
      const float y = body.y + static_cast<float>(index / columns) * (field_height + layout.gap);
      draw_flow_field(context, *field, {x, y, width, field_height}, intents);
      ++index;
    }
    const int rows = (3 + columns - 1) / columns;
    body = body.below(static_cast<float>(rows) * (field_height + layout.gap) - layout.gap,
                      layout.compact ? layout.gap * 0.5F : layout.gap);
    // Tall enough for the consent sentence on two or three lines, never a slab in portrait.
    const float toggle_height = std::clamp(body.h * 0.45F, layout.min_target, layout.button_height * 1.5F);
    draw_flow_toggle(context, "contact", vm.consent, body.take_top(std::min(body.h, toggle_height)), intents);
    body = body.below(std::min(body.h, toggle_height), layout.gap * 0.5F);
    // On the ATM panel the consent sentence gives way to a problem; the privacy notice holds it too.
    std::string notes = layout.compact ? vm.problem : vm.consent_text;
    if (!layout.compact && !vm.problem.empty())
      notes = vm.problem + "\n" + notes;
    if (!notes.empty())
      text_block(context, vm.problem.empty() ? "contact.consent_text" : "contact.problem", notes, body,
                 {.role = FontRole::body,
                  .smallest = FontRole::small,
                  .colour = vm.problem.empty() ? palette.text_muted : palette.text});
  }
  const float action_width = std::min(area.actions.w * 0.45F, 520.0F * layout.scale);
  draw_privacy_link(context, "contact", vm.privacy_label,
                    {area.actions.x, area.actions.y, action_width, area.actions.h}, intents);
  draw_action(context, "contact", vm.next,
              {area.actions.right() - action_width, area.actions.y, action_width, area.actions.h}, intents);
  draw_flow_keyboard(context, "contact", vm.keyboard, area.keyboard, intents);
}

}  // namespace kiosk::ui

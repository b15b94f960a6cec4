// Complaint status: reference and 4-digit code. The code shows as stars; one calm message for any wrong
// pair, so the screen never says which part was wrong.
#include <imgui.h>

#include <algorithm>

#include "flow_parts.hpp"
#include "ui/screens.hpp"

namespace kiosk::ui {

void draw_status_lookup(const app::StatusLookupVm& vm, app::Intents& intents, DrawContext& context) {
  const auto& layout = context.layout;
  // In portrait the two fields stack, so the body must hold both above the keyboard.
  const float one_field = text_field_height(context);
  const auto area = draw_flow_frame(context, "status", vm.header, &vm.keyboard, intents,
                                    layout.portrait ? 2 * one_field + layout.gap : one_field);
  Rect body = area.body;
  const float field_height = std::min(body.h, one_field);
  const float reference_width = layout.portrait ? body.w : body.w * 0.62F;
  draw_flow_field(context, vm.reference, {body.x, body.y, reference_width, field_height}, intents);
  const Rect code_rect = layout.portrait
                             ? Rect{body.x, body.y + field_height + layout.gap, body.w, field_height}
                             : Rect{body.x + reference_width + layout.gap, body.y,
                                    body.w - reference_width - layout.gap, field_height};
  if (!layout.portrait || body.h >= 2 * field_height + layout.gap)
    draw_flow_field(context, vm.code, code_rect, intents);
  body = body.below(code_rect.bottom() - body.y, layout.gap * 0.5F);
  if (!vm.problem.empty() && body.h > 0.0F) {
    text_block(context, "status.problem", vm.problem, body,
               {.role = FontRole::body, .smallest = FontRole::small, .colour = context.palette.text});
  }
  const float action_width = std::min(area.actions.w * 0.45F, 520.0F * layout.scale);
  draw_privacy_link(context, "status", vm.privacy_label,
                    {area.actions.x, area.actions.y, action_width, area.actions.h}, intents);
  draw_action(context, "status", vm.look_up,
              {area.actions.right() - action_width, area.actions.y, action_width, area.actions.h}, intents);
  draw_flow_keyboard(context, "status", vm.keyboard, area.keyboard, intents);
}

}  // namespace kiosk::ui

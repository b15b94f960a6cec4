// A complaint's status: reference, current status, history (newest first) and deadlines. A resolved
// complaint asks whether the customer is satisfied with how it was resolved.
#include <imgui.h>

#include <algorithm>

#include "flow_parts.hpp"
#include "ui/screens.hpp"

namespace kiosk::ui {

void draw_status_result(const app::StatusResultVm& vm, app::Intents& intents, DrawContext& context) {
  const auto& layout = context.layout;
  const auto area =
      draw_flow_frame(context, "result", vm.header, &vm.keyboard, intents, text_field_height(context) * 1.6F);
  const auto& palette = context.palette;
  Rect body = area.body;
  if (vm.keyboard.visible && vm.resolution_comment) {
    draw_flow_field(context, *vm.resolution_comment, body, intents);
  } else {
    std::vector<app::NoticeLineVm> lines{vm.reference, vm.current};
    lines.insert(lines.end(), vm.deadlines.begin(), vm.deadlines.end());
    lines.insert(lines.end(), vm.history.begin(), vm.history.end());
    const float share = vm.ask_resolution ? 0.5F : 1.0F;
    const float used =
        draw_lines(context, "result.line", lines, body.take_top(body.h * share), FontRole::body);
    body = body.below(used, layout.gap);
    if (vm.ask_resolution && body.h > 0.0F) {
      const float question_height = context.fonts.get(FontRole::button)->FontSize * 1.6F;
      const auto& question = vm.resolution_thanks.empty() ? vm.resolution_question : vm.resolution_thanks;
      text_block(context, "result.question", question, body.take_top(question_height),
                 {.role = FontRole::button,
                  .smallest = FontRole::small,
                  .colour = palette.text,
                  .centre_vertically = true});
      body = body.below(question_height, layout.gap * 0.5F);
      if (vm.resolution_thanks.empty()) {
        const float row_height = std::min(body.h, layout.compact ? layout.min_target : layout.button_height);
        draw_choice_grid(context, "result.resolution", vm.resolution_choices, body.take_top(row_height),
                         intents, 3);
        body = body.below(row_height, layout.gap);
        if (vm.resolution_comment && body.h > layout.min_target) {
          draw_flow_field(context, *vm.resolution_comment, body, intents);
        }
      }
    }
  }
  const float action_width = std::min(area.actions.w * 0.45F, 520.0F * layout.scale);
  if (vm.ask_resolution && vm.resolution_thanks.empty()) {
    draw_action(context, "result", vm.send,
                {area.actions.right() - action_width, area.actions.y, action_width, area.actions.h}, intents);
    draw_action(context, "result", vm.done, {area.actions.x, area.actions.y, action_width, area.actions.h},
                intents);
  } else {
    draw_action(context, "result", vm.done,
                {area.actions.right() - action_width, area.actions.y, action_width, area.actions.h}, intents);
  }
  draw_flow_keyboard(context, "result", vm.keyboard, area.keyboard, intents);
}

}  // namespace kiosk::ui

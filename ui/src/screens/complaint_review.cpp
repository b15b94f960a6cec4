// Complaint step 5: everything in one view (contact masked) before it is sent.
#include <imgui.h>

#include <algorithm>

#include "flow_parts.hpp"
#include "ui/screens.hpp"

namespace kiosk::ui {

void draw_complaint_review(const app::ComplaintReviewVm& vm, app::Intents& intents, DrawContext& context) {
  const auto area = draw_flow_frame(context, "review", vm.header, nullptr, intents);
  const auto& layout = context.layout;
  Rect body = area.body;
  if (!vm.problem.empty()) {
    const float problem_height = context.fonts.get(FontRole::body)->FontSize * 2.6F;
    fill_rect(body.take_top(problem_height), context.palette.secondary, 12.0F * layout.scale);
    text_block(context, "review.problem", vm.problem, body.take_top(problem_height).inset(layout.gap * 0.3F),
               {.role = FontRole::body,
                .smallest = FontRole::small,
                .colour = context.palette.secondary_text,
                .centre_vertically = true});
    body = body.below(problem_height, layout.gap);
  }
  draw_lines(context, "review.line", vm.lines, body, FontRole::body);
  const float action_width = std::min(area.actions.w, 520.0F * layout.scale);
  draw_action(context, "review", vm.submit,
              {area.actions.right() - action_width, area.actions.y, action_width, area.actions.h}, intents);
}

}  // namespace kiosk::ui

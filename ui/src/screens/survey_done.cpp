// Thanks after a survey. After a low score the customer is offered a complaint, with the survey context
// carried, and is free to leave instead.
#include <imgui.h>

#include <algorithm>

#include "flow_parts.hpp"
#include "ui/screens.hpp"

namespace kiosk::ui {

void draw_survey_done(const app::SurveyDoneVm& vm, app::Intents& intents, DrawContext& context) {
  const auto& layout = context.layout;
  const auto& palette = context.palette;
  Rect area = layout.content;
  const float heading_height = context.fonts.get(FontRole::title)->FontSize * 2.0F;
  text_block(context, "survey_done.heading", vm.heading, area.take_top(heading_height),
             {.role = FontRole::title,
              .smallest = FontRole::body,
              .colour = palette.text,
              .align = Align::center,
              .centre_vertically = true});
  area = area.below(heading_height, layout.gap);
  const float action_height =
      layout.compact ? std::max(layout.min_target, layout.button_height * 0.8F) : layout.button_height;
  Rect text = area;
  text.h -= action_height + layout.gap;
  std::string body = vm.body;
  if (!vm.offer_complaint.empty())
    body += "\n\n" + vm.offer_complaint;
  text_block(context, "survey_done.body", body, text,
             {.role = FontRole::button,
              .smallest = FontRole::small,
              .colour = palette.text,
              .align = Align::center,
              .centre_vertically = true});
  const float action_width = std::min(area.w * 0.45F, 520.0F * layout.scale);
  const Rect actions{area.x, area.bottom() - action_height, area.w, action_height};
  if (!vm.offer_complaint.empty()) {
    draw_action(context, "survey_done", vm.complain, {actions.x, actions.y, action_width, actions.h},
                intents);
  }
  draw_action(context, "survey_done", vm.done,
              {actions.right() - action_width, actions.y, action_width, actions.h}, intents);
}

}  // namespace kiosk::ui

// "Rate your visit": the ticket number ties the answers to the service, never to the person. A customer
// without a ticket can still answer.
#include <imgui.h>

#include <algorithm>

#include "flow_parts.hpp"
#include "ui/screens.hpp"

namespace kiosk::ui {

void draw_survey_ticket(const app::SurveyTicketVm& vm, app::Intents& intents, DrawContext& context) {
  const auto area = draw_flow_frame(context, "survey_ticket", vm.header, &vm.keyboard, intents);
  const auto& layout = context.layout;
  Rect body = area.body;
  const float field_height = std::min(body.h, text_field_height(context));
  draw_flow_field(context, vm.ticket, body.take_top(field_height), intents);
  body = body.below(field_height, layout.gap * 0.5F);
  if (body.h > 0.0F) {
    text_block(context, "survey_ticket.anonymous", vm.anonymous_note, body,
               {.role = FontRole::body, .smallest = FontRole::small, .colour = context.palette.text_muted});
  }
  const float action_width = std::min(area.actions.w * 0.45F, 520.0F * layout.scale);
  draw_action(context, "survey_ticket", vm.without_ticket,
              {area.actions.x, area.actions.y, action_width, area.actions.h}, intents);
  draw_action(context, "survey_ticket", vm.start,
              {area.actions.right() - action_width, area.actions.y, action_width, area.actions.h}, intents);
  draw_flow_keyboard(context, "survey_ticket", vm.keyboard, area.keyboard, intents);
}

}  // namespace kiosk::ui

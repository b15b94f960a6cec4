// "Are you still there?" over whatever screen the customer left. It is its own window on top, so the
// screen below cannot be tapped while it shows. Any touch counts as "I am here": the runner turns
// every touch into an activity intent, which restarts the countdown.
#include <imgui.h>

#include <algorithm>

#include "ui/screens.hpp"

namespace kiosk::ui {

void draw_idle_warning(const app::IdleWarningVm& vm, app::Intents& intents, DrawContext& context) {
  const auto& layout = context.layout;
  const auto& palette = context.palette;
  ImGui::SetNextWindowPos({0.0F, 0.0F});
  ImGui::SetNextWindowSize({layout.width, layout.height});
  ImGui::SetNextWindowFocus();
  ImGui::Begin("###kiosk.idle_warning", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoNav);
  ImGui::GetWindowDrawList()->AddRectFilled({0.0F, 0.0F}, {layout.width, layout.height},
                                            IM_COL32(0, 0, 0, 150));

  const float panel_width = std::min(layout.width - 2 * layout.margin, 1100.0F * layout.scale);
  const float panel_height = std::min(layout.height - 2 * layout.margin, 640.0F * layout.scale);
  const Rect panel{(layout.width - panel_width) / 2.0F, (layout.height - panel_height) / 2.0F, panel_width,
                   panel_height};
  fill_rect(panel, palette.overlay, 24.0F * layout.scale);
  ImGui::GetWindowDrawList()->AddRect(
      {panel.x, panel.y}, {panel.right(), panel.bottom()},
      ImGui::ColorConvertFloat4ToU32({palette.outline.r, palette.outline.g, palette.outline.b, 1.0F}),
      24.0F * layout.scale, 0, 3.0F * layout.scale);
  const Rect inner = panel.inset(layout.gap * 1.5F);
  const float unit = inner.h / 10.0F;
  text_block(context, "idle.title", vm.title, {inner.x, inner.y, inner.w, 2.2F * unit},
             {.role = FontRole::title,
              .smallest = FontRole::button,
              .colour = palette.overlay_text,
              .align = Align::center,
              .centre_vertically = true});
  text_block(context, "idle.countdown", vm.countdown, {inner.x, inner.y + 2.4F * unit, inner.w, 2.0F * unit},
             {.role = FontRole::button,
              .smallest = FontRole::body,
              .colour = palette.overlay_text,
              .align = Align::center,
              .centre_vertically = true});
  text_block(context, "idle.consequence", vm.consequence,
             {inner.x, inner.y + 4.5F * unit, inner.w, 2.0F * unit},
             {.role = FontRole::body,
              .smallest = FontRole::small,
              .colour = palette.overlay_text,
              .align = Align::center,
              .centre_vertically = true});
  const float button_height = std::max(layout.min_target, std::min(2.8F * unit, layout.button_height));
  const Rect more{inner.x + inner.w * 0.1F, inner.bottom() - button_height, inner.w * 0.8F, button_height};
  if (button(context, "idle.more_time", vm.more_time_label, more, ButtonKind::primary, FontRole::button)) {
    intents.emit(app::Intent::Kind::need_more_time);
  }
  ImGui::End();
}

}  // namespace kiosk::ui

#include "ui/widgets/steps.hpp"

#include <imgui.h>

#include <algorithm>
#include <string>

#include "widgets/widget_parts.hpp"

namespace kiosk::ui {

void draw_step_indicator(DrawContext& context, std::string_view id, int current, int total,
                         std::string_view text, Rect rect) {
  const auto& palette = context.palette;
  const float mark_height = total > 0 ? std::min(rect.h * 0.35F, 28.0F * context.layout.scale) : 0.0F;
  const Rect text_rect{rect.x, rect.y, rect.w, rect.h - mark_height};
  text_block(context, std::string(id), text, text_rect,
             {.role = FontRole::body,
              .smallest = FontRole::small,
              .colour = palette.text,
              .align = Align::center,
              .centre_vertically = true});
  if (total <= 0)
    return;
  const int step = std::clamp(current, 1, total);
  const float radius = mark_height * 0.32F;
  const float spacing = std::min(rect.w / static_cast<float>(total), radius * 4.0F);
  const float left = rect.x + (rect.w - spacing * static_cast<float>(total - 1)) / 2.0F;
  const float y = rect.bottom() - mark_height / 2.0F;
  auto* draw_list = ImGui::GetWindowDrawList();
  const auto ink = widget_parts::packed(palette.text);
  for (int index = 1; index <= total; ++index) {
    const ImVec2 centre{left + spacing * static_cast<float>(index - 1), y};
    const float thickness = std::max(1.5F, radius * 0.25F);
    if (index < step) {
      draw_list->AddCircleFilled(centre, radius, ink);
    } else if (index == step) {
      draw_list->AddCircleFilled(centre, radius * 0.6F, ink);
      draw_list->AddCircle(centre, radius * 1.35F, ink, 0, thickness);
    } else {
      draw_list->AddCircle(centre, radius, ink, 0, thickness);
    }
  }
}

}  // namespace kiosk::ui

#include "ui/widgets/choices.hpp"

#include <imgui.h>

#include <algorithm>
#include <array>

#include "ui/touch.hpp"
#include "widgets/widget_parts.hpp"

namespace kiosk::ui {
namespace {

using widget_parts::join_id;
using widget_parts::packed;

enum class Mark { radio, check };

// Radio: a ring, with a filled dot when chosen. Check: a square box, with a tick when chosen. The two
// shapes differ so "one of" and "any of" read apart without colour.
void draw_mark(const DrawContext& context, Mark mark, bool on, ImVec2 centre, float size) {
  auto* draw_list = ImGui::GetWindowDrawList();
  const auto ink = packed(context.palette.text);
  const float half = size / 2.0F;
  const float thickness = std::max(2.0F, size * 0.08F);
  if (mark == Mark::radio) {
    draw_list->AddCircleFilled(centre, half, packed(context.palette.background));
    draw_list->AddCircle(centre, half, ink, 0, thickness);
    if (on)
      draw_list->AddCircleFilled(centre, half * 0.55F, ink);
    return;
  }
  const float rounding = size * 0.12F;
  draw_list->AddRectFilled({centre.x - half, centre.y - half}, {centre.x + half, centre.y + half},
                           packed(on ? context.palette.text : context.palette.background), rounding);
  draw_list->AddRect({centre.x - half, centre.y - half}, {centre.x + half, centre.y + half}, ink, rounding, 0,
                     thickness);
  if (on) {
    const std::array<ImVec2, 3> tick{{{centre.x - half * 0.55F, centre.y + half * 0.02F},
                                      {centre.x - half * 0.15F, centre.y + half * 0.45F},
                                      {centre.x + half * 0.6F, centre.y - half * 0.45F}}};
    draw_list->AddPolyline(tick.data(), 3, packed(context.palette.background), 0, thickness * 1.6F);
  }
}

// One tappable row: the mark at the left, the wrapped text beside it. Selected rows get a thicker
// outline as well as the filled mark.
bool draw_row(DrawContext& context, const std::string& id, Mark mark, bool on, std::string_view text,
              std::string_view state, Rect row) {
  const auto& layout = context.layout;
  const auto& palette = context.palette;
  ImGui::SetCursorScreenPos({row.x, row.y});
  const bool tapped = ImGui::InvisibleButton(id.c_str(), {std::max(row.w, 1.0F), std::max(row.h, 1.0F)});
  const bool pressed = ImGui::IsItemActive();
  const float rounding = touch::k_rounding * 0.6F * layout.scale;
  fill_rect(row, pressed ? palette.secondary_pressed : palette.secondary, rounding);
  const float outline = on ? std::max(4.0F, 6.0F * layout.scale) : std::max(1.5F, 2.0F * layout.scale);
  ImGui::GetWindowDrawList()->AddRect({row.x, row.y}, {row.right(), row.bottom()},
                                      packed(on ? palette.text : palette.outline), rounding, 0, outline);
  const float padding = layout.gap * 0.6F;
  const float mark_size =
      std::min(row.h - padding, std::max(layout.min_target * 0.55F, 44.0F * layout.scale));
  draw_mark(context, mark, on, {row.x + padding + mark_size / 2.0F, row.y + row.h / 2.0F}, mark_size);
  const float text_x = row.x + padding * 2.0F + mark_size;
  const float state_width = state.empty() ? 0.0F : std::min(row.w * 0.25F, 180.0F * layout.scale);
  const Rect text_rect{text_x, row.y + padding * 0.3F, row.right() - text_x - padding - state_width,
                       row.h - padding * 0.6F};
  const auto wrapped =
      fit_text(context.fonts, text, text_rect.w, text_rect.h, FontRole::button, FontRole::small);
  ImGui::PushClipRect({row.x, row.y}, {row.right(), row.bottom()}, true);
  float y = text_rect.y + std::max(0.0F, (text_rect.h - wrapped.height) / 2.0F);
  for (auto line : wrapped.lines) {
    ImGui::GetWindowDrawList()->AddText(wrapped.font, wrapped.size, {text_rect.x, y},
                                        packed(palette.secondary_text), line.data(),
                                        line.data() + line.size());
    y += wrapped.size;
  }
  bool state_fits = true;
  if (!state.empty()) {
    const auto state_text =
        fit_text(context.fonts, state, state_width, text_rect.h, FontRole::button, FontRole::small);
    state_fits = state_text.fits;
    float state_y = text_rect.y + std::max(0.0F, (text_rect.h - state_text.height) / 2.0F);
    for (auto line : state_text.lines) {
      ImGui::GetWindowDrawList()->AddText(
          state_text.font, state_text.size, {row.right() - padding - state_text.width, state_y},
          packed(palette.secondary_text), line.data(), line.data() + line.size());
      state_y += state_text.size;
    }
  }
  ImGui::PopClipRect();
  std::string recorded(text);
  if (!state.empty())
    recorded.append(" | ").append(state);
  context.widgets.record({id, row, recorded, true, !wrapped.fits || !state_fits});
  return tapped;
}

}  // namespace

std::optional<std::string> draw_choice_list(DrawContext& context, std::string_view id, const ChoiceListVm& vm,
                                            Rect rect) {
  const auto& layout = context.layout;
  const int count = static_cast<int>(vm.items.size());
  if (count == 0)
    return std::nullopt;
  const float gap = layout.gap * 0.5F;
  // Rows never shrink below the touch minimum: when they would not fit, the list takes more columns.
  const int rows_that_fit = std::max(1, static_cast<int>((rect.h + gap) / (layout.min_target + gap)));
  const int columns = std::clamp(std::max(vm.columns, (count + rows_that_fit - 1) / rows_that_fit), 1, count);
  const int rows = (count + columns - 1) / columns;
  const float width = (rect.w - static_cast<float>(columns - 1) * layout.gap) / static_cast<float>(columns);
  const float height = std::clamp((rect.h - static_cast<float>(rows - 1) * gap) / static_cast<float>(rows),
                                  layout.min_target, layout.button_height * 1.2F);
  std::optional<std::string> tapped;
  const Mark mark = vm.multiple ? Mark::check : Mark::radio;
  for (int index = 0; index < count; ++index) {
    const auto& item = vm.items[static_cast<std::size_t>(index)];
    const Rect row{rect.x + static_cast<float>(index % columns) * (width + layout.gap),
                   rect.y + static_cast<float>(index / columns) * (height + gap), width, height};
    if (draw_row(context, join_id(join_id(id, "item"), item.key), mark, item.selected, item.label, {}, row)) {
      tapped = item.key;
    }
  }
  return tapped;
}

bool draw_consent_box(DrawContext& context, std::string_view id, std::string_view text,
                      std::string_view state, bool ticked, Rect rect) {
  const Rect row{rect.x, rect.y, rect.w, std::max(rect.h, context.layout.min_target)};
  return draw_row(context, std::string(id), Mark::check, ticked, text, state, row);
}

}  // namespace kiosk::ui

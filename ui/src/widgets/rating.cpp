#include "ui/widgets/rating.hpp"

#include <imgui.h>

#include <algorithm>
#include <array>
#include <string>

#include "ui/touch.hpp"
#include "widgets/widget_parts.hpp"

namespace kiosk::ui {
namespace {

using widget_parts::join_id;
using widget_parts::packed;

constexpr int k_max_options = 11;

std::string option_label(const RatingScaleVm& vm, int value) {
  const auto index = static_cast<std::size_t>(value - vm.min);
  return index < vm.option_labels.size() ? vm.option_labels[index] : std::string{};
}

// A tick in a filled circle at the option's top-right corner: the selection is shown by shape, not
// only by the outline colour.
void draw_tick(const DrawContext& context, Rect option) {
  auto* draw_list = ImGui::GetWindowDrawList();
  const float radius = std::max(10.0F, std::min(option.w, option.h) * 0.16F);
  const ImVec2 centre{option.right() - radius * 0.9F, option.y + radius * 0.9F};
  draw_list->AddCircleFilled(centre, radius, packed(context.palette.primary));
  draw_list->AddCircle(centre, radius, packed(context.palette.primary_text), 0,
                       std::max(1.5F, radius * 0.12F));
  const std::array<ImVec2, 3> tick{{{centre.x - radius * 0.5F, centre.y},
                                    {centre.x - radius * 0.12F, centre.y + radius * 0.4F},
                                    {centre.x + radius * 0.55F, centre.y - radius * 0.42F}}};
  draw_list->AddPolyline(tick.data(), 3, packed(context.palette.primary_text), 0,
                         std::max(2.0F, radius * 0.22F));
}

// Eyes and a mouth whose curve runs from a frown (mood -1) to a smile (mood +1).
void draw_face(ImDrawList* draw_list, ImVec2 centre, float radius, float mood, ImU32 ink, ImU32 fill) {
  const float thickness = std::max(2.0F, radius * 0.08F);
  draw_list->AddCircleFilled(centre, radius, fill);
  draw_list->AddCircle(centre, radius, ink, 0, thickness);
  const float eye = radius * 0.11F;
  draw_list->AddCircleFilled({centre.x - radius * 0.33F, centre.y - radius * 0.25F}, eye, ink);
  draw_list->AddCircleFilled({centre.x + radius * 0.33F, centre.y - radius * 0.25F}, eye, ink);
  const float mouth_y = centre.y + radius * (0.38F - 0.08F * mood);
  const float half = radius * 0.45F;
  const float bend = radius * 0.4F * mood;
  draw_list->AddBezierCubic({centre.x - half, mouth_y}, {centre.x - half * 0.4F, mouth_y + bend},
                            {centre.x + half * 0.4F, mouth_y + bend}, {centre.x + half, mouth_y}, ink,
                            thickness);
}

struct OptionStyle {
  Rgb fill;
  Rgb text;
};

OptionStyle style_for(const Palette& palette, bool selected) {
  return selected ? OptionStyle{palette.primary, palette.primary_text}
                  : OptionStyle{palette.secondary, palette.secondary_text};
}

bool option_target(DrawContext& context, const std::string& id, Rect rect, bool selected) {
  ImGui::SetCursorScreenPos({rect.x, rect.y});
  const bool tapped = ImGui::InvisibleButton(id.c_str(), {std::max(rect.w, 1.0F), std::max(rect.h, 1.0F)});
  const bool pressed = ImGui::IsItemActive();
  const auto& palette = context.palette;
  const float rounding = touch::k_rounding * 0.6F * context.layout.scale;
  const auto style = style_for(palette, selected);
  fill_rect(rect, pressed && !selected ? palette.secondary_pressed : style.fill, rounding);
  const float thickness =
      selected ? std::max(5.0F, 8.0F * context.layout.scale) : std::max(1.5F, 2.0F * context.layout.scale);
  ImGui::GetWindowDrawList()->AddRect({rect.x, rect.y}, {rect.right(), rect.bottom()},
                                      packed(selected ? palette.text : palette.outline), rounding, 0,
                                      thickness);
  return tapped;
}

std::optional<int> draw_numbers(DrawContext& context, std::string_view id, const RatingScaleVm& vm,
                                Rect rect) {
  const auto& layout = context.layout;
  const auto& palette = context.palette;
  const int count = vm.max - vm.min + 1;
  const float gap = layout.gap * 0.5F;
  const bool ends = !vm.low_label.empty() || !vm.high_label.empty();
  const float small = context.fonts.get(FontRole::small)->FontSize;
  const float ends_height = ends ? small * 2.3F : 0.0F;
  const float one_row_width = (rect.w - static_cast<float>(count - 1) * gap) / static_cast<float>(count);
  const int rows = one_row_width < layout.min_target ? 2 : 1;
  const int per_row = (count + rows - 1) / rows;
  const float width = std::min((rect.w - static_cast<float>(per_row - 1) * gap) / static_cast<float>(per_row),
                               layout.button_height * 1.3F);
  const float area_height = std::max(layout.min_target, rect.h - ends_height - gap);
  const float height =
      std::clamp((area_height - static_cast<float>(rows - 1) * gap) / static_cast<float>(rows),
                 layout.min_target, layout.button_height);
  const float row_width = static_cast<float>(per_row) * width + static_cast<float>(per_row - 1) * gap;
  const float left = rect.x + (rect.w - row_width) / 2.0F;
  std::optional<int> tapped;
  for (int value = vm.min; value <= vm.max; ++value) {
    const int index = value - vm.min;
    const Rect option{left + static_cast<float>(index % per_row) * (width + gap),
                      rect.y + static_cast<float>(index / per_row) * (height + gap), width, height};
    const bool selected = vm.selected == value;
    const auto option_id = join_id(join_id(id, "option"), std::to_string(value));
    if (option_target(context, option_id, option, selected))
      tapped = value;
    const auto number = std::to_string(value);
    text_block(context, option_id + ".number", number, option,
               {.role = FontRole::title,
                .smallest = FontRole::body,
                .colour = style_for(palette, selected).text,
                .align = Align::center,
                .centre_vertically = true});
    if (selected)
      draw_tick(context, option);
    const auto words = option_label(vm, value);
    context.widgets.record({option_id, option, words.empty() ? number : number + " | " + words, true, false});
  }
  if (ends) {
    const float rows_bottom = rect.y + static_cast<float>(rows) * (height + gap);
    // Each end label sits under its end of the row; the high one ends where the row ends.
    const float label_width = std::max(row_width * 0.45F, width);
    ImFont* font = context.fonts.get(FontRole::small);
    const auto high = wrap_text(font, font->FontSize, vm.high_label, label_width);
    const float high_width = std::min(label_width, high.width + 2.0F);
    // Two lines where the rectangle has room for them, else one: never into what is drawn below.
    const float ends_room = std::max(small * 1.2F, std::min(ends_height, rect.bottom() - rows_bottom));
    text_block(context, join_id(id, "low"), vm.low_label, {left, rows_bottom, label_width, ends_room},
               {.role = FontRole::small, .smallest = FontRole::small, .colour = palette.text});
    text_block(context, join_id(id, "high"), vm.high_label,
               {left + row_width - high_width, rows_bottom, high_width, ends_room},
               {.role = FontRole::small, .smallest = FontRole::small, .colour = palette.text});
  }
  return tapped;
}

std::optional<int> draw_faces(DrawContext& context, std::string_view id, const RatingScaleVm& vm, Rect rect) {
  const auto& layout = context.layout;
  const auto& palette = context.palette;
  const int count = vm.max - vm.min + 1;
  const float gap = layout.gap * 0.5F;
  const float small = context.fonts.get(FontRole::small)->FontSize;
  const float label_height = vm.option_labels.empty() ? 0.0F : small * 2.3F;
  const float width = std::min((rect.w - static_cast<float>(count - 1) * gap) / static_cast<float>(count),
                               layout.button_height * 2.0F);
  const float height = std::clamp(rect.h, layout.min_target, layout.button_height * 2.2F);
  const float row_width = static_cast<float>(count) * width + static_cast<float>(count - 1) * gap;
  const float left = rect.x + (rect.w - row_width) / 2.0F;
  std::optional<int> tapped;
  for (int value = vm.min; value <= vm.max; ++value) {
    const int index = value - vm.min;
    const Rect option{left + static_cast<float>(index) * (width + gap), rect.y, width, height};
    const bool selected = vm.selected == value;
    const auto option_id = join_id(join_id(id, "option"), std::to_string(value));
    if (option_target(context, option_id, option, selected))
      tapped = value;
    const auto style = style_for(palette, selected);
    const Rect face_area{option.x, option.y, option.w, option.h - label_height};
    const float radius = std::max(8.0F, std::min(face_area.w, face_area.h) * 0.36F);
    const float mood =
        count > 1 ? 2.0F * static_cast<float>(index) / static_cast<float>(count - 1) - 1.0F : 0.0F;
    draw_face(ImGui::GetWindowDrawList(),
              {face_area.x + face_area.w / 2.0F, face_area.y + face_area.h / 2.0F}, radius, mood,
              packed(style.text), packed(style.fill));
    const auto words = option_label(vm, value);
    if (label_height > 0.0F && !words.empty()) {
      text_block(
          context, option_id + ".label", words,
          {option.x + gap * 0.5F, option.bottom() - label_height, option.w - gap, label_height - gap * 0.3F},
          {.role = FontRole::small,
           .smallest = FontRole::small,
           .colour = style.text,
           .align = Align::center,
           .centre_vertically = true});
    }
    if (selected)
      draw_tick(context, option);
    context.widgets.record({option_id, option, words.empty() ? std::to_string(value) : words, true, false});
  }
  return tapped;
}

}  // namespace

std::optional<int> draw_rating_scale(DrawContext& context, std::string_view id, const RatingScaleVm& vm,
                                     Rect rect) {
  const int count = vm.max - vm.min + 1;
  if (count <= 0 || count > k_max_options) {
    context.widgets.record({join_id(id, "invalid"), rect, "invalid rating scale", false, true});
    return std::nullopt;
  }
  return vm.kind == RatingScaleVm::Kind::faces ? draw_faces(context, id, vm, rect)
                                               : draw_numbers(context, id, vm, rect);
}

}  // namespace kiosk::ui

// The staff PIN pad (or, during a lockout, the notice and a Close button). Digits are never drawn: the
// typed count is shown as dots and said in words. Keys are at least the touch minimum at every size.
#include <imgui.h>

#include <algorithm>
#include <string>

#include "ui/screens.hpp"

namespace kiosk::ui {
namespace {

using Kind = app::Intent::Kind;

void draw_keypad(const app::StaffPinVm& vm, app::Intents& intents, DrawContext& context, Rect area) {
  const auto& layout = context.layout;
  constexpr int k_columns = 3;
  constexpr int k_rows = 5;  // 1-9, Delete 0 Sign in, Cancel
  const float gap = layout.gap * 0.5F;
  const float key_width = (area.w - gap * (k_columns - 1)) / k_columns;
  const float key_height = std::max(layout.min_target, (area.h - gap * (k_rows - 1)) / k_rows);
  auto key_rect = [&](int row, int column, int span = 1) {
    return Rect{area.x + static_cast<float>(column) * (key_width + gap),
                area.y + static_cast<float>(row) * (key_height + gap),
                key_width * static_cast<float>(span) + gap * static_cast<float>(span - 1), key_height};
  };
  for (int digit = 1; digit <= 9; ++digit) {
    const std::string label(1, static_cast<char>('0' + digit));
    if (button(context, "staff.pin.key." + label, label, key_rect((digit - 1) / 3, (digit - 1) % 3),
               ButtonKind::secondary, FontRole::title) &&
        !vm.checking) {
      intents.emit(Kind::type_text, label);
    }
  }
  if (button(context, "staff.pin.delete", vm.erase_label, key_rect(3, 0), ButtonKind::secondary,
             FontRole::button) &&
      !vm.checking) {
    intents.emit(Kind::backspace);
  }
  if (button(context, "staff.pin.key.0", "0", key_rect(3, 1), ButtonKind::secondary, FontRole::title) &&
      !vm.checking) {
    intents.emit(Kind::type_text, "0");
  }
  if (button(context, "staff.pin.submit", vm.submit_label, key_rect(3, 2),
             vm.can_submit ? ButtonKind::primary : ButtonKind::secondary, FontRole::button) &&
      vm.can_submit) {
    intents.emit(Kind::action, "staff.submit");
  }
  if (button(context, "staff.pin.cancel", vm.cancel_label, key_rect(4, 0, 3), ButtonKind::secondary,
             FontRole::button)) {
    intents.emit(Kind::action, "staff.cancel");
  }
}

}  // namespace

void draw_staff_pin(const app::StaffPinVm& vm, app::Intents& intents, DrawContext& context) {
  const auto& layout = context.layout;
  const auto& palette = context.palette;
  const Rect area = layout.content;
  const bool side_by_side = !layout.portrait;
  Rect text_area = side_by_side ? Rect{area.x, area.y, area.w * 0.42F, area.h} : area;
  const float title_height = context.fonts.get(FontRole::title)->FontSize * 1.5F;
  text_block(context, "staff.pin.title", vm.title, text_area.take_top(title_height),
             {.role = FontRole::title, .smallest = FontRole::button, .colour = palette.text});
  text_area = text_area.below(title_height, layout.gap * 0.5F);

  if (vm.locked) {
    const float message_height = std::min(text_area.h - layout.button_height - layout.gap,
                                          context.fonts.get(FontRole::body)->FontSize * 5.0F);
    text_block(context, "staff.pin.message", vm.message, Rect{area.x, text_area.y, area.w, message_height},
               {.role = FontRole::body, .colour = palette.text});
    const Rect close{area.x, text_area.y + message_height + layout.gap,
                     std::min(area.w, layout.button_height * 4.0F), layout.button_height};
    if (button(context, "staff.pin.cancel", vm.cancel_label, close, ButtonKind::primary, FontRole::button)) {
      intents.emit(Kind::action, "staff.cancel");
    }
    return;
  }

  const float line = context.fonts.get(FontRole::body)->FontSize * 1.4F;
  text_block(context, "staff.pin.prompt", vm.prompt,
             text_area.take_top(line * (layout.compact ? 1.0F : 2.0F)),
             {.role = FontRole::body, .colour = palette.text});
  text_area = text_area.below(line * (layout.compact ? 1.0F : 2.0F), layout.gap * 0.3F);
  // One filled dot per typed digit inside a row of outlined places: shape, not colour, carries it.
  const float radius = std::max(6.0F, 12.0F * layout.scale);
  auto* draw_list = ImGui::GetWindowDrawList();
  for (int place = 0; place < 8; ++place) {
    const ImVec2 centre{text_area.x + radius + static_cast<float>(place) * radius * 3.0F,
                        text_area.y + radius};
    if (place < vm.digits) {
      draw_list->AddCircleFilled(
          centre, radius, ImGui::GetColorU32(ImVec4(palette.text.r, palette.text.g, palette.text.b, 1.0F)));
    } else if (place < 4) {
      draw_list->AddCircle(
          centre, radius,
          ImGui::GetColorU32(ImVec4(palette.outline.r, palette.outline.g, palette.outline.b, 1.0F)), 0, 2.0F);
    }
  }
  text_area = text_area.below(radius * 2.5F, 0.0F);
  text_block(context, "staff.pin.entered", vm.entered, text_area.take_top(line),
             {.role = FontRole::small, .colour = palette.text_muted});
  text_area = text_area.below(line, layout.gap * 0.3F);
  if (!vm.message.empty()) {
    text_block(context, "staff.pin.message", vm.message,
               text_area.take_top(std::min(text_area.h, line * 3.0F)),
               {.role = FontRole::body, .colour = palette.text});
  }

  const Rect keypad = side_by_side ? Rect{area.x + area.w * 0.46F, area.y, area.w * 0.54F, area.h}
                                   : Rect{area.x, area.y + area.h * 0.45F, area.w, area.h * 0.55F};
  draw_keypad(vm, intents, context, keypad);
}

}  // namespace kiosk::ui

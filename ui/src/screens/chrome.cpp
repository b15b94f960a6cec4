// The bottom bar: language, larger text and start over, on every customer screen (never hidden behind
// a gesture), so a customer can always change language, read more easily, or leave.
#include <string>

#include "ui/screens.hpp"

namespace kiosk::ui {

void draw_chrome(const app::ChromeVm& vm, app::Intents& intents, DrawContext& context) {
  const auto& layout = context.layout;
  fill_rect(layout.bar, context.palette.bar);
  const float gap = layout.gap;
  const float button_height = layout.bar_height - gap;
  const float button_width = (layout.width - 2 * layout.margin - 2 * gap) / 3.0F;
  const float y = layout.bar.y + gap / 2.0F;
  auto slot = [&](int index) {
    return Rect{layout.margin + static_cast<float>(index) * (button_width + gap), y, button_width,
                button_height};
  };
  if (button(context, "bar.language", vm.language_label, slot(0), ButtonKind::bar, FontRole::body,
             vm.language_current)) {
    intents.emit(app::Intent::Kind::open_language_picker);
  }
  if (button(context, "bar.accessibility", vm.accessibility_label, slot(1), ButtonKind::bar, FontRole::body,
             vm.accessibility_state)) {
    intents.emit(app::Intent::Kind::toggle_accessibility);
  }
  if (button(context, "bar.start_over", vm.start_over_label, slot(2), ButtonKind::bar, FontRole::body)) {
    intents.emit(app::Intent::Kind::start_over);
  }
}

}  // namespace kiosk::ui

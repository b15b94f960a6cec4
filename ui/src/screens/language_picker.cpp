// Each language is named in itself ("Norsk bokmål", not "Norwegian"): a customer who cannot read the
// current language still finds theirs.
#include <algorithm>
#include <string>

#include "ui/screens.hpp"

namespace kiosk::ui {

void draw_language_picker(const app::LanguagePickerVm& vm, app::Intents& intents, DrawContext& context) {
  const auto& layout = context.layout;
  const Rect content = layout.content;
  // Compact panels put "Back" beside the title, so the languages get the height they need.
  const float header_height =
      layout.compact ? std::max(layout.min_target, layout.button_height * 0.8F) : layout.button_height;
  const float back_width = std::min(content.w * (layout.compact ? 0.3F : 1.0F), 520.0F * layout.scale);
  Rect title_rect = content.take_top(header_height);
  if (layout.compact) {
    title_rect.x += back_width + layout.gap;
    title_rect.w -= back_width + layout.gap;
  }
  text_block(context, "language.title", vm.title, title_rect,
             {.role = FontRole::title,
              .smallest = FontRole::body,
              .colour = context.palette.text,
              .align = Align::center,
              .centre_vertically = true});

  Rect area = content.below(header_height, layout.gap);
  const float back_height = layout.compact ? header_height : layout.button_height;
  const Rect back = layout.compact ? Rect{content.x, content.y, back_width, header_height}
                                   : Rect{area.x, area.bottom() - back_height, back_width, back_height};
  if (!layout.compact) {
    area.h -= back_height + layout.gap;
  }
  const int count = static_cast<int>(vm.choices.size());
  // Compact ATM panels put all languages in one row: two rows would leave each too short to read.
  const int columns = layout.compact ? std::max(count, 1) : layout.portrait ? 1 : 2;
  const int rows = (count + columns - 1) / columns;
  const float cell_width =
      (area.w - static_cast<float>(columns - 1) * layout.gap) / static_cast<float>(columns);
  const float cell_height =
      std::min(layout.button_height * 1.4F,
               (area.h - static_cast<float>(rows - 1) * layout.gap) / static_cast<float>(std::max(rows, 1)));
  for (int index = 0; index < count; ++index) {
    const auto& choice = vm.choices[static_cast<std::size_t>(index)];
    const Rect cell{area.x + static_cast<float>(index % columns) * (cell_width + layout.gap),
                    area.y + static_cast<float>(index / columns) * (cell_height + layout.gap), cell_width,
                    cell_height};
    if (button(context, "language.choice." + choice.tag, choice.autonym, cell,
               choice.selected ? ButtonKind::primary : ButtonKind::secondary, FontRole::title,
               choice.selected ? std::string_view(vm.selected_label) : std::string_view())) {
      intents.emit(app::Intent::Kind::choose_language, choice.tag);
    }
  }
  if (button(context, "language.back", vm.back_label, back, ButtonKind::secondary, FontRole::button)) {
    intents.emit(app::Intent::Kind::close_language_picker);
  }
}

}  // namespace kiosk::ui

// Each language is named in itself ("Norsk bokmål", not "Norwegian"): a customer who cannot read the
// current language still finds theirs.
#include <string>

#include "ui/screens.hpp"

namespace kiosk::ui {

void draw_language_picker(const app::LanguagePickerVm& vm, app::Intents& intents, DrawContext& context) {
  const auto& layout = context.layout;
  const Rect content = layout.content;
  const float title_height = layout.button_height;
  text_block(context, "language.title", vm.title, content.take_top(title_height),
             {.role = FontRole::title, .smallest = FontRole::button, .colour = context.palette.text,
              .align = Align::center, .centre_vertically = true});

  const Rect area = content.below(title_height, layout.gap);
  const float back_height = layout.button_height;
  const int count = static_cast<int>(vm.choices.size());
  const int columns = layout.portrait ? 1 : 2;
  const int rows = (count + columns - 1) / columns;
  const float grid_height = area.h - back_height - layout.gap;
  const float cell_width = (area.w - static_cast<float>(columns - 1) * layout.gap) / static_cast<float>(columns);
  const float cell_height =
      std::min(layout.button_height * 1.4F,
               (grid_height - static_cast<float>(rows - 1) * layout.gap) / static_cast<float>(std::max(rows, 1)));
  for (int index = 0; index < count; ++index) {
    const auto& choice = vm.choices[static_cast<std::size_t>(index)];
    const Rect cell{area.x + static_cast<float>(index % columns) * (cell_width + layout.gap),
                    area.y + static_cast<float>(index / columns) * (cell_height + layout.gap), cell_width, cell_height};
    if (button(context, "language.choice." + choice.tag, choice.autonym, cell,
               choice.selected ? ButtonKind::primary : ButtonKind::secondary, FontRole::title,
               choice.selected ? std::string_view(vm.selected_label) : std::string_view())) {
      intents.emit(app::Intent::Kind::choose_language, choice.tag);
    }
  }
  const Rect back{area.x, area.bottom() - back_height, std::min(area.w, 520.0F * layout.scale), back_height};
  if (button(context, "language.back", vm.back_label, back, ButtonKind::secondary, FontRole::button)) {
    intents.emit(app::Intent::Kind::close_language_picker);
  }
}

}  // namespace kiosk::ui

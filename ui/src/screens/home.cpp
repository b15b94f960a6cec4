// What the customer can do here. Only flows that exist are offered: a button that leads nowhere is
// worse than none.
#include <imgui.h>

#include <string>

#include "ui/screens.hpp"

namespace kiosk::ui {

void draw_home(const app::HomeVm& vm, app::Intents& intents, DrawContext& context) {
  const auto& layout = context.layout;
  const auto& palette = context.palette;
  Rect area = layout.content;
  const float bank_height = context.fonts.get(FontRole::body)->FontSize * 1.5F;
  text_block(context, "home.bank_name", vm.bank_name, area.take_top(bank_height),
             {.role = FontRole::body, .colour = palette.text_muted, .align = Align::left});
  area = area.below(bank_height, 0.0F);
  const float title_height =
      layout.compact ? context.fonts.get(FontRole::title)->FontSize * 1.4F : layout.button_height * 1.3F;
  text_block(context, "home.title", vm.title, area.take_top(title_height),
             {.role = FontRole::title,
              .smallest = FontRole::button,
              .colour = palette.text,
              .align = Align::left,
              .centre_vertically = true});
  area = area.below(title_height, layout.gap);

  if (vm.entries.empty()) {
    const Rect panel = area.take_top(std::min(area.h, layout.button_height * 2.5F));
    fill_rect(panel, palette.secondary, 18.0F * layout.scale);
    text_block(context, "home.empty", vm.empty_text, panel.inset(layout.gap * (layout.compact ? 0.5F : 1.5F)),
               {.role = FontRole::button,
                .smallest = FontRole::small,
                .colour = palette.secondary_text,
                .align = Align::center,
                .centre_vertically = true});
    return;
  }
  const int columns = layout.portrait ? 1 : 2;
  const int count = static_cast<int>(vm.entries.size());
  const int rows = (count + columns - 1) / columns;
  const float cell_width =
      (area.w - static_cast<float>(columns - 1) * layout.gap) / static_cast<float>(columns);
  const float cell_height = (area.h - static_cast<float>(rows - 1) * layout.gap) / static_cast<float>(rows);
  for (int index = 0; index < count; ++index) {
    const auto& entry = vm.entries[static_cast<std::size_t>(index)];
    const Rect cell{area.x + static_cast<float>(index % columns) * (cell_width + layout.gap),
                    area.y + static_cast<float>(index / columns) * (cell_height + layout.gap), cell_width,
                    cell_height};
    // ATM-size panels show the entry alone: four described buttons do not fit there legibly.
    const std::string_view detail = layout.compact ? std::string_view{} : std::string_view{entry.description};
    if (button(context, "home.entry." + entry.id, entry.label, cell, ButtonKind::primary, FontRole::button,
               detail)) {
      intents.emit(app::Intent::Kind::open_flow, entry.id);
    }
  }
}

}  // namespace kiosk::ui

// The idle screen. The whole screen is one target, the greeting cycles through the offered languages,
// and every language is listed by its own name so a visitor sees theirs is spoken here.
#include <string>

#include "ui/screens.hpp"

namespace kiosk::ui {
namespace {

std::string joined(const std::vector<std::string>& names) {
  std::string text;
  for (const auto& name : names) {
    text += (text.empty() ? "" : "   ·   ") + name;
  }
  return text;
}

}  // namespace

void draw_attract(const app::AttractVm& vm, app::Intents& intents, DrawContext& context) {
  const auto& layout = context.layout;
  const auto& palette = context.palette;
  fill_rect(layout.screen, palette.hero);
  const Rect content = layout.content;
  const float unit = content.h / 12.0F;

  text_block(context, "attract.bank_name", vm.bank_name, {content.x, content.y + unit, content.w, 2 * unit},
             {.role = FontRole::title,
              .smallest = FontRole::body,
              .colour = palette.hero_text,
              .align = Align::center});
  text_block(context, "attract.welcome", vm.welcome,
             {content.x, content.y + 3.5F * unit, content.w, 3 * unit},
             {.role = FontRole::hero,
              .smallest = FontRole::title,
              .colour = palette.hero_text,
              .align = Align::center,
              .centre_vertically = true});
  text_block(context, "attract.touch", vm.touch_to_start,
             {content.x, content.y + 7 * unit, content.w, 2 * unit},
             {.role = FontRole::title,
              .smallest = FontRole::button,
              .colour = palette.hero_text,
              .align = Align::center,
              .centre_vertically = true});
  text_block(context, "attract.languages", joined(vm.autonyms),
             {content.x, content.y + 10 * unit, content.w, 2 * unit},
             {.role = FontRole::body,
              .smallest = FontRole::small,
              .colour = palette.hero_text,
              .align = Align::center,
              .centre_vertically = true});
  if (tap_area(context, "attract.start", layout.screen, vm.touch_to_start)) {
    intents.emit(app::Intent::Kind::start_session);
  }
}

}  // namespace kiosk::ui

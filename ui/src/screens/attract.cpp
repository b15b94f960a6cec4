// The idle screen. The whole screen is one target, the greeting cycles through the offered languages,
// and every language is listed by its own name so a visitor sees theirs is spoken here. When head office
// has "You said, we did" messages for the branch, one is shown in a panel between the call to touch and
// the languages; the rest of the screen moves up to make room for it (and stays as it was without one).
#include <algorithm>
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

// The panel: heading, the customers' words, what the bank did. Fixed shares of the panel, so the three
// blocks never overlap whatever the language; each shrinks its font before it would clip.
void draw_announcement(const app::AnnouncementVm& announcement, Rect panel, DrawContext& context) {
  const auto& palette = context.palette;
  fill_rect(panel, palette.background, context.layout.gap);
  const Rect inner = panel.inset(context.layout.gap);
  const float heading_h = inner.h * 0.2F;
  const float title_h = inner.h * 0.34F;
  text_block(context, "attract.announcement.heading", announcement.heading, inner.take_top(heading_h),
             {.role = FontRole::body, .smallest = FontRole::small, .colour = palette.text_muted});
  text_block(context, "attract.announcement.title", announcement.title,
             {inner.x, inner.y + heading_h, inner.w, title_h},
             {.role = FontRole::title, .smallest = FontRole::small, .colour = palette.text});
  text_block(context, "attract.announcement.body", announcement.body,
             {inner.x, inner.y + heading_h + title_h, inner.w, inner.h - heading_h - title_h},
             {.role = FontRole::body, .smallest = FontRole::small, .colour = palette.text});
}

}  // namespace

void draw_attract(const app::AttractVm& vm, app::Intents& intents, DrawContext& context) {
  const auto& layout = context.layout;
  const auto& palette = context.palette;
  fill_rect(layout.screen, palette.hero);
  const Rect content = layout.content;
  const float unit = content.h / 12.0F;
  // Rows in units of a twelfth of the content height: [top, height] of each block.
  struct Rows {
    float bank_name[2];
    float welcome[2];
    float touch[2];
    float languages[2];
  };
  const bool with_panel = vm.announcement.has_value();
  const Rows rows = with_panel ? Rows{{0.2F, 1.4F}, {1.7F, 2.2F}, {4.0F, 1.4F}, {10.5F, 1.5F}}
                               : Rows{{1.0F, 2.0F}, {3.5F, 3.0F}, {7.0F, 2.0F}, {10.0F, 2.0F}};
  const auto row = [&](const float(&at)[2]) {
    return Rect{content.x, content.y + at[0] * unit, content.w, at[1] * unit};
  };

  text_block(context, "attract.bank_name", vm.bank_name, row(rows.bank_name),
             {.role = FontRole::title,
              .smallest = FontRole::body,
              .colour = palette.hero_text,
              .align = Align::center});
  text_block(context, "attract.welcome", vm.welcome, row(rows.welcome),
             {.role = FontRole::hero,
              .smallest = FontRole::title,
              .colour = palette.hero_text,
              .align = Align::center,
              .centre_vertically = true});
  text_block(context, "attract.touch", vm.touch_to_start, row(rows.touch),
             {.role = FontRole::title,
              .smallest = FontRole::button,
              .colour = palette.hero_text,
              .align = Align::center,
              .centre_vertically = true});
  if (with_panel) {
    // Not wider than a comfortable line on a landscape screen; centred.
    // Not wider than a comfortable line on a landscape screen, not taller than its text needs on a
    // portrait one; centred in its rows.
    const float width = std::min(content.w, content.h * 1.5F);
    const float height = std::min(4.5F * unit, width * 0.45F);
    draw_announcement(*vm.announcement,
                      {content.x + (content.w - width) / 2.0F,
                       content.y + 5.7F * unit + (4.5F * unit - height) / 2.0F, width, height},
                      context);
  }
  text_block(context, "attract.languages", joined(vm.autonyms), row(rows.languages),
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

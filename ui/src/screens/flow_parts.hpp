#pragma once
// Parts every customer-flow screen shares: the header with Back and the step, the action row, text
// fields, the on-screen keyboard, toggles, label/value lines and big choice grids. Each part takes its
// view-model and emits intents; none keeps state.

#include <string>
#include <string_view>
#include <vector>

#include "app/flow_view_models.hpp"
#include "app/intents.hpp"
#include "ui/widgets.hpp"

namespace kiosk::ui {

struct FlowArea {
  Rect body;      // between the header and the action row (or the keyboard)
  Rect actions;   // the row for the screen's main buttons; on a small panel with the keyboard up it is
                  // the right part of the header row
  Rect keyboard;  // the keyboard's place at the bottom; zero height when no keyboard is shown
};

// The height of a one-line text field (label above, room for an error line), and of the action row.
float text_field_height(const DrawContext& context);
float action_row_height(const Layout& layout);

// Draws the header (Back, title, step, subtitle) and splits the rest of the content area. `body_needed` is
// the least body height the screen needs with the keyboard up (0: one text field); on a small panel the
// frame moves the actions into the header and drops the subtitle until the body gets it.
FlowArea draw_flow_frame(DrawContext& context, std::string_view screen_key, const app::FlowHeaderVm& header,
                         const app::KeyboardVm* keyboard, app::Intents& intents, float body_needed = 0.0F);

// A main button. "finish" ends the session; any other id is an action intent.
void draw_action(DrawContext& context, std::string_view screen_key, const app::ActionVm& action, Rect rect,
                 app::Intents& intents);

// The on-screen keyboard for the focused field; its keys become typing intents.
void draw_flow_keyboard(DrawContext& context, std::string_view screen_key, const app::KeyboardVm& keyboard,
                        Rect rect, app::Intents& intents);

// A text field; tapping it focuses it. Returns the height used.
float draw_flow_field(DrawContext& context, const app::TextFieldVm& field, Rect rect, app::Intents& intents);

// A yes/no toggle said in words. Tapping emits a toggle intent with the toggle's key.
void draw_flow_toggle(DrawContext& context, std::string_view screen_key, const app::ToggleVm& toggle,
                      Rect rect, app::Intents& intents);

// Label/value lines ("Your reference: ABC-0001-X"). Returns the height used.
// `on_hero` draws them on the hero band's colour (light text on the dark band).
float draw_lines(DrawContext& context, std::string_view id, const std::vector<app::NoticeLineVm>& lines,
                 Rect rect, FontRole value_role = FontRole::button, bool on_hero = false);

// Big choice buttons in a grid; a tap emits choose(key). `columns` 0 picks by orientation.
void draw_choice_grid(DrawContext& context, std::string_view id, const std::vector<app::ChoiceVm>& choices,
                      Rect rect, app::Intents& intents, int columns = 0);

// The privacy notice over the whole screen (drawn last, like the idle warning).
void draw_privacy(const app::PrivacyVm& vm, app::Intents& intents, DrawContext& context);

// A small text button that opens the privacy notice.
void draw_privacy_link(DrawContext& context, std::string_view screen_key, const std::string& label, Rect rect,
                       app::Intents& intents);

}  // namespace kiosk::ui

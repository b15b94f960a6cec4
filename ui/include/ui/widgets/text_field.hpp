#pragma once
// A touch text field: a label above a big outlined box. It keeps no state; the caller passes what to
// show and which field has focus. Typing goes to the focused field through the on-screen keyboard or
// TypedInput (ui_input.hpp), never through ImGui's own text editing, so there is no hidden buffer to
// wipe between customers.

#include <string>
#include <string_view>

#include "ui/widgets.hpp"

namespace kiosk::ui {

struct TextFieldVm {
  std::string label{};
  std::string value{};        // already masked by the caller when `masked` (e.g. "•••• 1234")
  std::string placeholder{};  // shown, muted, when value is empty
  std::string error{};        // translated; shown under the box in words, with a thicker outline
  std::string counter{};      // "120/4000"; empty: none
  bool masked = false;        // the value is a masked form: it is never wrapped into view as typed text
  bool focused = false;       // thick outline and a caret after the text
  bool multiline = false;     // wraps; when too long shows the last lines that fit
};

// The height of a field with its label above the box and room for the error/counter line.
float text_field_stacked_height(const DrawContext& context, float box_height);

// Draws the field in `rect` (label, box, error/counter line). The box is at least the touch minimum
// high. A rectangle lower than the label plus that minimum (a small panel with the keyboard up) puts
// the label, and the error under it, to the left of the box instead of above it. Records "<id>" (the box,
// tappable), "<id>.label", "<id>.error", "<id>.counter". Returns true when the box was tapped (the caller
// focuses it).
bool draw_text_field(DrawContext& context, std::string_view id, const TextFieldVm& vm, Rect rect);

}  // namespace kiosk::ui

#pragma once
// The on-screen keyboard. It keeps no state: the caller (the session) owns KeyboardState and applies
// the KeyAction a tap returns, with apply_key() or its own rules. Every key is at least
// layout.min_target wide and high; keys are recorded in the WidgetRegistry as
// "<id_prefix>.key.<name>" with stable names ("q", "shift", "backspace", "space", "done", "u0451" for
// ё: letters by lower-case code point in hex when not ASCII), never the translated label.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "ui/widgets.hpp"

namespace kiosk::ui {

enum class KeyboardLayout {
  en,      // QWERTY
  nb,      // QWERTY with å, ø, æ
  ru,      // ЙЦУКЕН with ё
  digits,  // phone, ticket and lookup codes: 0-9 and +
  email,   // letters, digits, @ . - _ and ".no" / ".com"
};

// Owned by the caller; a new session starts from `KeyboardState{}`. There is no symbols page: the
// letter layouts carry a number row (when the area is tall enough) and the punctuation customers use.
struct KeyboardState {
  KeyboardLayout layout = KeyboardLayout::en;
  bool shifted = false;  // the next letter is upper case; released after one letter
};

// Translated labels for the special keys. An empty next_layout hides that key.
struct KeyboardLabels {
  std::string space{};
  std::string done{};
  std::string shift{};
  std::string backspace{};
  std::string next_layout{};  // names the layout the key switches to: "ABC", "АБВ"
};

struct KeyAction {
  enum class Kind { insert, backspace, toggle_shift, next_layout, done, space };
  Kind kind = Kind::insert;
  std::string text{};  // UTF-8, for insert only
  bool operator==(const KeyAction&) const = default;
};

// Draws the keyboard inside `area` and returns the key tapped this frame. Keys never shrink below the
// touch minimum: when `area` is shorter than keyboard_min_height(), the number row is dropped first,
// and if that is not enough the keyboard keeps its minimum height, anchored to the bottom of `area`.
std::optional<KeyAction> draw_keyboard(DrawContext& context, std::string_view id_prefix,
                                       const KeyboardState& state, Rect area, const KeyboardLabels& labels);

// Smallest height that shows `layout` with touch-sized keys (without the optional number row).
float keyboard_min_height(const Layout& layout, KeyboardLayout keyboard);

// Every character any layout can show, shifted or not (for the font atlas request).
std::string keyboard_glyphs();

// Applies one action to `text`: insert and space append unless the text would pass
// `max_code_points`; backspace removes the last whole code point (never half of a UTF-8 sequence);
// toggle_shift flips `state.shifted`; a letter inserted while shifted releases shift. next_layout and
// done do not change the text (the session picks the next layout and closes the keyboard).
// Returns false when nothing changed (text full, nothing to delete).
bool apply_key(std::string& text, KeyboardState& state, const KeyAction& action, std::size_t max_code_points);

// Number of code points in UTF-8 text (a stray byte counts as one).
std::size_t count_code_points(std::string_view text);

}  // namespace kiosk::ui

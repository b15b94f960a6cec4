#pragma once
// Touch widgets drawn at absolute rectangles. Each records itself in the WidgetRegistry under a
// stable id. Text wraps (between words, and between characters for Chinese) and shrinks to a smaller
// font role when it does not fit; text that still does not fit is flagged as clipped, and tests fail.

#include <string>
#include <string_view>
#include <vector>

#include "ui/fonts.hpp"
#include "ui/layout.hpp"
#include "ui/theme.hpp"
#include "ui/widget_registry.hpp"

namespace kiosk::ui {

struct DrawContext {
  const Layout& layout;
  const Palette& palette;
  const FontSet& fonts;
  WidgetRegistry& widgets;
};

enum class Align { left, center };
enum class ButtonKind { primary, secondary, bar };

struct WrappedText {
  ImFont* font = nullptr;
  float size = 0.0F;
  std::vector<std::string_view> lines;
  float width = 0.0F;   // widest line
  float height = 0.0F;  // all lines
  bool fits = true;
};

// Breaks `text` into lines no wider than `max_width` with the given font and size. `fits` is false
// when one word alone is wider than the line.
WrappedText wrap_text(ImFont* font, float size, std::string_view text, float max_width);

// Wraps with `preferred`, then smaller roles down to `smallest`, until the text fits the box.
WrappedText fit_text(const FontSet& fonts, std::string_view text, float max_width, float max_height,
                     FontRole preferred, FontRole smallest);

struct TextStyle {
  FontRole role = FontRole::body;
  FontRole smallest = FontRole::small;
  Rgb colour;
  Align align = Align::left;
  bool centre_vertically = false;
};

// Draws wrapped text inside `rect`. Returns the height it used.
float text_block(DrawContext& context, std::string_view id, std::string_view text, Rect rect,
                 const TextStyle& style);

// A rounded, outlined button with a centred label and an optional second line. Returns true when tapped.
bool button(DrawContext& context, std::string_view id, std::string_view label, Rect rect, ButtonKind kind,
            FontRole role, std::string_view detail = {});

// An invisible target over `rect` (the attract screen's "touch anywhere"). Returns true when tapped.
bool tap_area(DrawContext& context, std::string_view id, Rect rect, std::string_view description);

void fill_rect(Rect rect, Rgb colour, float rounding = 0.0F);

}  // namespace kiosk::ui

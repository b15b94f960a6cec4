#pragma once
// Screen geometry for one display size: scale, margins, the content area and the bottom bar. Screens
// place their widgets inside these rectangles, so the same screen works at 1920x1080, 1080x1920 and
// the ATM's 800x480.

namespace kiosk::ui {

struct Rect {
  float x = 0.0F;
  float y = 0.0F;
  float w = 0.0F;
  float h = 0.0F;

  float right() const { return x + w; }
  float bottom() const { return y + h; }
  bool contains(float px, float py) const { return px >= x && px < right() && py >= y && py < bottom(); }
  Rect inset(float by) const { return {x + by, y + by, w - 2 * by, h - 2 * by}; }
  // The top `height` of this rectangle, and what is left below it after `gap`.
  Rect take_top(float height) const { return {x, y, w, height}; }
  Rect below(float height, float gap) const { return {x, y + height + gap, w, h - height - gap}; }
};

struct Layout {
  float width = 0.0F;
  float height = 0.0F;
  float scale = 1.0F;  // 1.0 at 1080 px on the short side
  bool portrait = false;
  bool compact = false;  // ATM-size panels
  float margin = 0.0F;
  float gap = 0.0F;
  float button_height = 0.0F;
  float bar_height = 0.0F;
  float min_target = 0.0F;
  Rect screen;
  Rect content;  // inside the margins, above the bar when the bar is shown
  Rect bar;      // empty when the bar is hidden
};

// `large_text` (accessibility mode) makes buttons and the bar taller so the larger text fits in them.
Layout make_layout(float width, float height, bool bar_visible, bool large_text = false);

}  // namespace kiosk::ui

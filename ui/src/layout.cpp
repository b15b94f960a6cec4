#include "ui/layout.hpp"

#include <algorithm>

#include "ui/touch.hpp"

namespace kiosk::ui {

namespace {

constexpr float k_large_text_growth = 1.3F;

}  // namespace

Layout make_layout(float width, float height, bool bar_visible, bool large_text) {
  Layout layout;
  layout.width = width;
  layout.height = height;
  const float short_side = std::min(width, height);
  layout.scale = std::clamp(short_side / 1080.0F, touch::k_min_scale, 2.0F);
  layout.portrait = height > width;
  layout.compact = short_side < 700.0F;
  layout.margin = touch::k_margin * layout.scale * (layout.compact ? 0.6F : 1.0F);
  layout.gap = touch::k_gap * layout.scale;
  const float growth = large_text ? k_large_text_growth : 1.0F;
  layout.button_height = touch::k_button_height * layout.scale * growth;
  layout.min_target = touch::k_min_target * layout.scale;
  layout.bar_height = bar_visible ? touch::k_bar_height * layout.scale * growth : 0.0F;
  layout.screen = {0.0F, 0.0F, width, height};
  layout.bar = bar_visible ? Rect{0.0F, height - layout.bar_height, width, layout.bar_height} : Rect{};
  layout.content = {layout.margin, layout.margin, width - 2 * layout.margin,
                    height - 2 * layout.margin - layout.bar_height};
  return layout;
}

}  // namespace kiosk::ui

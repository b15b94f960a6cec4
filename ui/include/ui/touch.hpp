#pragma once
// Touch thresholds, in pixels at 1080 px of screen height (the short side). Layout multiplies them by
// the display's scale, so a target keeps the same physical size on every panel we ship.

namespace kiosk::ui::touch {

inline constexpr float k_min_target = 72.0F;      // smallest tappable height or width (WCAG 2.5.5 and more)
inline constexpr float k_button_height = 132.0F;  // a primary button
inline constexpr float k_bar_height = 124.0F;     // the bottom bar with language, larger text, start over
inline constexpr float k_margin = 56.0F;          // space along the screen edge
inline constexpr float k_gap = 28.0F;             // space between targets, so a fingertip hits one
inline constexpr float k_rounding = 18.0F;

// The smallest scale used, so compact ATM panels (800x480) still get finger-sized targets.
inline constexpr float k_min_scale = 0.7F;

}  // namespace kiosk::ui::touch

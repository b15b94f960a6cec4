#pragma once
// Colours of the kiosk. Two palettes, standard and high contrast; every text/background pair meets
// WCAG AA (4.5:1) and the high-contrast one AAA (7:1). A unit test computes the ratios.

namespace kiosk::ui {

struct Rgb {
  float r = 0.0F;
  float g = 0.0F;
  float b = 0.0F;
};

// WCAG 2.1 relative luminance and contrast ratio (1..21).
double relative_luminance(Rgb colour);
double contrast_ratio(Rgb a, Rgb b);

struct Palette {
  Rgb background;
  Rgb text;
  Rgb text_muted;
  Rgb primary;  // main action button
  Rgb primary_text;
  Rgb primary_pressed;
  Rgb secondary;  // other buttons
  Rgb secondary_text;
  Rgb secondary_pressed;
  Rgb outline;  // borders: shape cue besides colour
  Rgb bar;      // bottom bar background
  Rgb bar_text;
  Rgb overlay;  // dialog background (idle warning)
  Rgb overlay_text;
  Rgb hero;  // attract background band
  Rgb hero_text;
};

const Palette& standard_palette();
const Palette& high_contrast_palette();

// Sets ImGui's style (colours, rounding, padding) for the palette at the given layout scale.
void apply_style(const Palette& palette, float scale);

}  // namespace kiosk::ui

#include "ui/theme.hpp"

#include <gtest/gtest.h>

namespace kiosk::ui {
namespace {

TEST(Contrast, MatchesWcagReferenceValues) {
  EXPECT_NEAR(contrast_ratio({0, 0, 0}, {1, 1, 1}), 21.0, 1e-9);
  EXPECT_NEAR(contrast_ratio({1, 1, 1}, {1, 1, 1}), 1.0, 1e-9);
  // #767676 on white is the well-known AA threshold grey: 4.54:1.
  const float grey = 118.0F / 255.0F;
  EXPECT_NEAR(contrast_ratio({grey, grey, grey}, {1, 1, 1}), 4.54, 0.01);
}

void expect_text_pairs_reach(const Palette& palette, double minimum) {
  struct Pair {
    const char* name;
    Rgb text;
    Rgb background;
  };
  const Pair pairs[] = {
      {"text", palette.text, palette.background},
      {"muted text", palette.text_muted, palette.background},
      {"primary button", palette.primary_text, palette.primary},
      {"primary button pressed", palette.primary_text, palette.primary_pressed},
      {"secondary button", palette.secondary_text, palette.secondary},
      {"secondary button pressed", palette.secondary_text, palette.secondary_pressed},
      {"bar", palette.bar_text, palette.bar},
      {"bar button pressed", palette.secondary_text, palette.secondary_pressed},
      {"dialog", palette.overlay_text, palette.overlay},
      {"attract", palette.hero_text, palette.hero},
  };
  for (const auto& pair : pairs) {
    EXPECT_GE(contrast_ratio(pair.text, pair.background), minimum) << pair.name;
  }
}

TEST(Contrast, StandardPaletteMeetsWcagAA) {
  expect_text_pairs_reach(standard_palette(), 4.5);
}

TEST(Contrast, HighContrastPaletteMeetsWcagAAA) {
  expect_text_pairs_reach(high_contrast_palette(), 7.0);
}

TEST(Contrast, ButtonOutlinesAreVisibleAgainstTheBackground) {
  // Non-text contrast (WCAG 1.4.11): a button's outline is its shape cue, 3:1 at least.
  EXPECT_GE(contrast_ratio(standard_palette().outline, standard_palette().background), 3.0);
  EXPECT_GE(contrast_ratio(high_contrast_palette().outline, high_contrast_palette().background), 3.0);
}

}  // namespace
}  // namespace kiosk::ui

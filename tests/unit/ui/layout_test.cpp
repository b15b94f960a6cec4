#include "ui/layout.hpp"

#include <gtest/gtest.h>

#include "ui/touch.hpp"

namespace kiosk::ui {
namespace {

TEST(Layout, TouchTargetsAreAtLeast72PixelsAt1080p) {
  const auto landscape = make_layout(1920, 1080, true);
  EXPECT_FLOAT_EQ(landscape.scale, 1.0F);
  EXPECT_GE(landscape.min_target, 72.0F);
  EXPECT_GE(landscape.button_height, landscape.min_target);
  EXPECT_GE(landscape.bar_height, landscape.min_target + landscape.gap);
}

TEST(Layout, PortraitUsesTheShortSideForScale) {
  const auto portrait = make_layout(1080, 1920, true);
  EXPECT_TRUE(portrait.portrait);
  EXPECT_FLOAT_EQ(portrait.scale, 1.0F);
}

TEST(Layout, CompactAtmPanelKeepsFingerSizedTargets) {
  const auto atm = make_layout(800, 480, true);
  EXPECT_TRUE(atm.compact);
  EXPECT_FLOAT_EQ(atm.scale, touch::k_min_scale);
  EXPECT_GE(atm.min_target, 48.0F);
  EXPECT_GT(atm.content.h, 0.0F);
  EXPECT_FLOAT_EQ(atm.bar.bottom(), 480.0F);
}

TEST(Layout, ContentStaysAboveTheBar) {
  const auto layout = make_layout(1920, 1080, true);
  EXPECT_LE(layout.content.bottom(), layout.bar.y);
  const auto no_bar = make_layout(1920, 1080, false);
  EXPECT_FLOAT_EQ(no_bar.bar.h, 0.0F);
  EXPECT_GT(no_bar.content.h, layout.content.h);
}

}  // namespace
}  // namespace kiosk::ui

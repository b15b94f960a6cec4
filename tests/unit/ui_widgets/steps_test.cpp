// The step indicator says the step in words and draws its marks.
#include <gtest/gtest.h>

#include "ui/widgets/steps.hpp"
#include "widget_harness.hpp"

namespace kiosk::test {
namespace {

TEST(StepIndicator, RecordsTheWordsAtEverySize) {
  for (const auto& size : k_screen_sizes) {
    WidgetHarness harness(size.width, size.height);
    harness.frame([&](ui::DrawContext& context) {
      const ui::Rect rect{context.layout.content.right() - 300.0F * context.layout.scale,
                          context.layout.content.y, 300.0F * context.layout.scale,
                          context.layout.button_height};
      ui::draw_step_indicator(context, "complaint.step", 2, 4, "Steg 2 av 4", rect);
    });
    EXPECT_EQ(layout_problems(harness), std::vector<std::string>{}) << size.name;
    const auto* step = harness.widgets().find("complaint.step");
    ASSERT_NE(step, nullptr);
    EXPECT_EQ(step->text, "Steg 2 av 4");
    EXPECT_FALSE(step->tappable);
    harness.write_png(std::string("steps_") + size.name);
  }
}

TEST(StepIndicator, OutOfRangeStepsAndNoTotalDoNotBreak) {
  WidgetHarness harness(800, 480);
  harness.frame([&](ui::DrawContext& context) {
    ui::draw_step_indicator(context, "a", 9, 3, "Шаг 3 из 3", {10, 10, 300, 80});
    ui::draw_step_indicator(context, "b", -1, 3, "Step 1 of 3", {10, 100, 300, 80});
    ui::draw_step_indicator(context, "c", 1, 0, "第1步", {10, 200, 300, 80});
  });
  EXPECT_EQ(layout_problems(harness), std::vector<std::string>{});
  EXPECT_EQ(harness.widgets().widgets().size(), 3U);
}

}  // namespace
}  // namespace kiosk::test

// Rating scales: NPS rows, faces with words, selection and taps at every size.
#include <gtest/gtest.h>

#include "ui/widgets/rating.hpp"
#include "widget_harness.hpp"

namespace kiosk::test {
namespace {

ui::RatingScaleVm nps() {
  return {.min = 0, .max = 10, .low_label = "Svært lite sannsynlig", .high_label = "Svært sannsynlig"};
}

ui::RatingScaleVm csat() {
  return {.min = 1,
          .max = 5,
          .kind = ui::RatingScaleVm::Kind::faces,
          .option_labels = {"Svært misfornøyd", "Misfornøyd", "Nøytral", "Fornøyd", "Svært fornøyd"}};
}

ui::Rect scale_rect(const ui::Layout& layout) {
  return {layout.content.x, layout.content.y + layout.button_height, layout.content.w,
          layout.compact ? layout.content.h * 0.6F : layout.button_height * 2.2F};
}

struct RatingScene {
  ui::RatingScaleVm vm;
  std::optional<int> last;
  WidgetHarness::Draw draw(const ui::Layout& layout) {
    return [this, &layout](ui::DrawContext& context) {
      if (auto value = ui::draw_rating_scale(context, "q.rating", vm, scale_rect(layout)))
        last = value;
    };
  }
};

TEST(RatingScale, NpsHasElevenTouchTargetsInOneOrTwoRows) {
  for (const auto& size : k_screen_sizes) {
    WidgetHarness harness(size.width, size.height);
    RatingScene scene{nps(), {}};
    scene.vm.selected = 9;
    harness.frame(scene.draw(harness.layout()));
    EXPECT_EQ(layout_problems(harness), std::vector<std::string>{}) << size.name;
    const auto* zero = harness.widgets().find("q.rating.option.0");
    const auto* ten = harness.widgets().find("q.rating.option.10");
    ASSERT_NE(zero, nullptr);
    ASSERT_NE(ten, nullptr);
    const float one_row_width = (scale_rect(harness.layout()).w - 10 * harness.layout().gap * 0.5F) / 11.0F;
    if (one_row_width < harness.layout().min_target) {
      EXPECT_GT(ten->rect.y, zero->rect.y) << size.name << ": two rows expected";
    } else {
      EXPECT_EQ(ten->rect.y, zero->rect.y) << size.name << ": one row expected";
    }
    harness.write_png(std::string("rating_nps_selected9_") + size.name);
  }
}

TEST(RatingScale, TapReturnsTheValue) {
  for (const auto& size : k_screen_sizes) {
    WidgetHarness harness(size.width, size.height);
    RatingScene scene{nps(), {}};
    harness.frame(scene.draw(harness.layout()));
    ASSERT_TRUE(harness.tap("q.rating.option.7", scene.draw(harness.layout())));
    EXPECT_EQ(scene.last, 7) << size.name;
    ASSERT_TRUE(harness.tap("q.rating.option.0", scene.draw(harness.layout())));
    EXPECT_EQ(scene.last, 0) << size.name;
  }
}

TEST(RatingScale, FacesCarryTheirWordsAndTapBack) {
  for (const auto& size : k_screen_sizes) {
    WidgetHarness harness(size.width, size.height);
    RatingScene scene{csat(), {}};
    scene.vm.selected = 4;
    harness.frame(scene.draw(harness.layout()));
    EXPECT_EQ(layout_problems(harness), std::vector<std::string>{}) << size.name;
    EXPECT_EQ(harness.widgets().find("q.rating.option.1")->text, "Svært misfornøyd");
    ASSERT_NE(harness.widgets().find("q.rating.option.5.label"), nullptr);
    ASSERT_TRUE(harness.tap("q.rating.option.2", scene.draw(harness.layout())));
    EXPECT_EQ(scene.last, 2);
    harness.write_png(std::string("rating_faces_selected4_") + size.name);
  }
}

TEST(RatingScale, QuickFourFacesAndCesSeven) {
  WidgetHarness harness(800, 480);
  RatingScene faces{{.min = 1,
                     .max = 4,
                     .kind = ui::RatingScaleVm::Kind::faces,
                     .option_labels = {"Dårlig", "Greit", "Bra", "Veldig bra"}},
                    {}};
  harness.frame(faces.draw(harness.layout()));
  EXPECT_EQ(layout_problems(harness), std::vector<std::string>{});
  EXPECT_NE(harness.widgets().find("q.rating.option.4"), nullptr);
  EXPECT_EQ(harness.widgets().find("q.rating.option.5"), nullptr);
  harness.write_png("rating_faces4_800x480");

  RatingScene ces{
      {.min = 1, .max = 7, .selected = 1, .low_label = "Svært vanskelig", .high_label = "Svært lett"}, {}};
  harness.frame(ces.draw(harness.layout()));
  EXPECT_EQ(layout_problems(harness), std::vector<std::string>{});
  ASSERT_TRUE(harness.tap("q.rating.option.6", ces.draw(harness.layout())));
  EXPECT_EQ(ces.last, 6);
  harness.write_png("rating_ces_800x480");
}

TEST(RatingScale, InvalidScalesDrawNothingTappable) {
  WidgetHarness harness(1920, 1080);
  for (auto vm : {ui::RatingScaleVm{.min = 5, .max = 1}, ui::RatingScaleVm{.min = 0, .max = 20}}) {
    RatingScene scene{vm, {}};
    harness.frame(scene.draw(harness.layout()));
    ASSERT_NE(harness.widgets().find("q.rating.invalid"), nullptr);
    for (const auto& widget : harness.widgets().widgets())
      EXPECT_FALSE(widget.tappable) << widget.id;
  }
}

}  // namespace
}  // namespace kiosk::test

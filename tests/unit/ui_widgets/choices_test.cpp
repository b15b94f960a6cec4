// Choice lists and the consent box.
#include <gtest/gtest.h>

#include "ui/widgets/choices.hpp"
#include "widget_harness.hpp"

namespace kiosk::test {
namespace {

ui::ChoiceListVm branch_reasons(bool multiple, int columns) {
  return {.items = {{"waiting", "Ventetid", false},
                    {"staff", "Betjening", true},
                    {"fees", "Gebyrer og priser som ikke var forklart på forhånd", false},
                    {"digital", "Nettbank og app", multiple}},
          .multiple = multiple,
          .columns = columns};
}

TEST(ChoiceList, RowsAreTouchSizedAndTapReturnsTheKey) {
  for (const auto& size : k_screen_sizes) {
    for (bool multiple : {false, true}) {
      WidgetHarness harness(size.width, size.height);
      const auto vm = branch_reasons(multiple, harness.layout().portrait ? 1 : 2);
      std::optional<std::string> tapped;
      const auto draw = [&](ui::DrawContext& context) {
        const ui::Rect rect{context.layout.content.x, context.layout.content.y, context.layout.content.w,
                            context.layout.content.h * 0.7F};
        if (auto key = ui::draw_choice_list(context, "q.choices", vm, rect))
          tapped = key;
      };
      harness.frame(draw);
      const auto where = std::string(size.name) + (multiple ? " multiple" : " single");
      EXPECT_EQ(layout_problems(harness), std::vector<std::string>{}) << where;
      ASSERT_TRUE(harness.tap("q.choices.item.fees", draw)) << where;
      EXPECT_EQ(tapped, "fees") << where;
      ASSERT_TRUE(harness.tap("q.choices.item.waiting", draw)) << where;
      EXPECT_EQ(tapped, "waiting") << where;
      harness.write_png(std::string("choices_") + (multiple ? "multiple_" : "single_") + size.name);
    }
  }
}

TEST(ChoiceList, ColumnsPlaceRowsSideBySide) {
  WidgetHarness harness(1920, 1080);
  const auto vm = branch_reasons(false, 2);
  harness.frame([&](ui::DrawContext& context) {
    ui::draw_choice_list(context, "q.choices", vm, context.layout.content);
  });
  const auto* first = harness.widgets().find("q.choices.item.waiting");
  const auto* second = harness.widgets().find("q.choices.item.staff");
  ASSERT_NE(first, nullptr);
  ASSERT_NE(second, nullptr);
  EXPECT_EQ(first->rect.y, second->rect.y);
  EXPECT_LT(first->rect.right(), second->rect.x);
}

TEST(ChoiceList, EmptyListDrawsNothing) {
  WidgetHarness harness(800, 480);
  harness.frame([&](ui::DrawContext& context) {
    EXPECT_FALSE(ui::draw_choice_list(context, "q.none", {}, context.layout.content).has_value());
  });
  EXPECT_TRUE(harness.widgets().widgets().empty());
}

TEST(ConsentBox, WholeRowIsOneTargetAndTapToggles) {
  for (const auto& size : k_screen_sizes) {
    WidgetHarness harness(size.width, size.height);
    bool ticked = false;
    const std::string text =
        "Ja, banken kan kontakte meg om denne saken på telefon eller e-post. Jeg kan trekke samtykket "
        "tilbake.";
    const auto draw = [&](ui::DrawContext& context) {
      const ui::Rect rect{context.layout.content.x, context.layout.content.y, context.layout.content.w,
                          std::max(context.layout.min_target, context.layout.button_height * 1.2F)};
      if (ui::draw_consent_box(context, "contact.toggle.consent", text, ticked ? "Ja" : "Nei", ticked,
                               rect)) {
        ticked = !ticked;
      }
    };
    harness.frame(draw);
    EXPECT_EQ(layout_problems(harness), std::vector<std::string>{}) << size.name;
    EXPECT_EQ(harness.widgets().find("contact.toggle.consent")->text, text + " | Nei");
    ASSERT_TRUE(harness.tap("contact.toggle.consent", draw));
    EXPECT_TRUE(ticked);
    harness.frame(draw);
    EXPECT_EQ(harness.widgets().find("contact.toggle.consent")->text, text + " | Ja");
    harness.write_png(std::string("consent_ticked_") + size.name);
    // A tap near the row's right end (on the words, not the box) toggles too.
    const auto* row = harness.widgets().find("contact.toggle.consent");
    harness.tap_at(row->rect.right() - 10.0F, row->rect.y + row->rect.h / 2.0F, draw);
    EXPECT_FALSE(ticked);
  }
}

}  // namespace
}  // namespace kiosk::test

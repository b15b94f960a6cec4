// Text fields: focus by tap, long text, error and counter lines, sizes.
#include <gtest/gtest.h>

#include "ui/widgets/text_field.hpp"
#include "widget_harness.hpp"

namespace kiosk::test {
namespace {

ui::Rect field_rect(const ui::Layout& layout, float height_factor) {
  return {layout.content.x, layout.content.y, layout.content.w,
          layout.compact ? layout.min_target * 1.1F * height_factor
                         : layout.button_height * 1.25F * height_factor};
}

TEST(TextField, TappingTheBoxReportsIt) {
  for (const auto& size : k_screen_sizes) {
    WidgetHarness harness(size.width, size.height);
    ui::TextFieldVm vm{.label = "Navn", .placeholder = "Skriv navnet ditt"};
    int taps = 0;
    const auto draw = [&](ui::DrawContext& context) {
      if (ui::draw_text_field(context, "field.name", vm, field_rect(harness.layout(), 1.0F)))
        ++taps;
    };
    harness.frame(draw);
    EXPECT_EQ(layout_problems(harness), std::vector<std::string>{}) << size.name;
    EXPECT_EQ(taps, 0);
    ASSERT_TRUE(harness.tap("field.name", draw)) << size.name;
    EXPECT_EQ(taps, 1) << size.name;
    EXPECT_EQ(harness.widgets().find("field.name")->text, "Skriv navnet ditt");
    harness.write_png(std::string("text_field_empty_") + size.name);
  }
}

TEST(TextField, LongSingleLineValueKeepsItsEndInView) {
  for (const auto& size : k_screen_sizes) {
    WidgetHarness harness(size.width, size.height);
    std::string value;
    for (int i = 0; i < 12; ++i)
      value += "ola.nordmann";
    value += "@eksempel.no";
    ui::TextFieldVm vm{.label = "E-post", .value = value, .focused = true};
    harness.frame([&](ui::DrawContext& context) {
      ui::draw_text_field(context, "field.email", vm, field_rect(harness.layout(), 1.0F));
    });
    EXPECT_EQ(layout_problems(harness), std::vector<std::string>{}) << size.name;
    EXPECT_EQ(harness.widgets().find("field.email")->text, value);
    harness.write_png(std::string("text_field_long_focused_") + size.name);
  }
}

TEST(TextField, MultilineShowsTheLastLinesWithErrorAndCounter) {
  for (const auto& size : k_screen_sizes) {
    WidgetHarness harness(size.width, size.height);
    std::string value;
    for (int i = 1; i <= 40; ++i)
      value += "Ord nummer " + std::to_string(i) + " i klagen. ";
    value += "SLUTT";
    ui::TextFieldVm vm{.label = "Beskriv saken",
                       .value = value,
                       .error = "Teksten er for lang",
                       .counter = std::to_string(value.size()) + "/4000",
                       .focused = true,
                       .multiline = true};
    harness.frame([&](ui::DrawContext& context) {
      ui::draw_text_field(context, "field.details", vm, field_rect(harness.layout(), 2.5F));
    });
    EXPECT_EQ(layout_problems(harness), std::vector<std::string>{}) << size.name;
    ASSERT_NE(harness.widgets().find("field.details.error"), nullptr);
    ASSERT_NE(harness.widgets().find("field.details.counter"), nullptr);
    EXPECT_EQ(harness.widgets().find("field.details.counter")->text, vm.counter);
    const auto* box = harness.widgets().find("field.details");
    const auto* error = harness.widgets().find("field.details.error");
    EXPECT_GE(error->rect.y, box->rect.bottom()) << "the error is said under the box";
    harness.write_png(std::string("text_field_multiline_error_") + size.name);
  }
}

TEST(TextField, MaskedAndCyrillicAndChineseValues) {
  WidgetHarness harness(1080, 1920);
  const ui::TextFieldVm fields[] = {
      {.label = "Телефон", .value = "•••• •• 34", .masked = true},
      {.label = "Имя", .value = "Ёжиков Пётр", .focused = true},
      {.label = "意见", .value = "你好请输入您的意见谢谢", .multiline = true},
  };
  harness.frame([&](ui::DrawContext& context) {
    float y = context.layout.content.y;
    int index = 0;
    for (const auto& vm : fields) {
      const ui::Rect rect{context.layout.content.x, y, context.layout.content.w,
                          context.layout.button_height * 1.4F};
      ui::draw_text_field(context, "field." + std::to_string(index++), vm, rect);
      y += rect.h + context.layout.gap;
    }
  });
  EXPECT_EQ(layout_problems(harness), std::vector<std::string>{});
  harness.write_png("text_field_scripts_1080x1920");
}

TEST(TextField, BoxKeepsTouchSizeInATinyRect) {
  WidgetHarness harness(800, 480);
  ui::TextFieldVm vm{.label = "Navn", .error = "Mangler", .counter = "0/80"};
  harness.frame([&](ui::DrawContext& context) {
    ui::draw_text_field(context, "field.tiny", vm, {20.0F, 20.0F, 300.0F, 10.0F});
  });
  const auto* box = harness.widgets().find("field.tiny");
  ASSERT_NE(box, nullptr);
  EXPECT_GE(box->rect.h + 0.01F, harness.layout().min_target);
}

}  // namespace
}  // namespace kiosk::test

// The on-screen keyboard drawn with the real renderer at every panel size: key sizes, ids, taps.
#include <gtest/gtest.h>

#include <optional>

#include "ui/widgets/keyboard.hpp"
#include "widget_harness.hpp"

namespace kiosk::test {
namespace {

using ui::KeyAction;
using ui::KeyboardLayout;

ui::KeyboardLabels norwegian_labels() {
  return {
      .space = "Mellomrom", .done = "Ferdig", .shift = "Store", .backspace = "Slett", .next_layout = "АБВ"};
}

// Where the flow screens put the keyboard (bottom share of the content under the header).
ui::Rect flow_keyboard_area(const ui::Layout& layout) {
  const float header =
      layout.compact ? std::max(layout.min_target, layout.button_height * 0.8F) : layout.button_height;
  const ui::Rect rest = layout.content.below(header, layout.gap * 0.5F);
  const float share = layout.portrait ? 0.38F : (layout.compact ? 0.55F : 0.45F);
  const float height = rest.h * share;
  return {rest.x, rest.bottom() - height, rest.w, height};
}

const char* layout_name(KeyboardLayout layout) {
  switch (layout) {
    case KeyboardLayout::en:
      return "en";
    case KeyboardLayout::nb:
      return "nb";
    case KeyboardLayout::ru:
      return "ru";
    case KeyboardLayout::digits:
      return "digits";
    case KeyboardLayout::email:
      return "email";
  }
  return "?";
}

struct KeyboardScene {
  ui::KeyboardState state;
  ui::KeyboardLabels labels = norwegian_labels();
  ui::Rect area;
  std::optional<KeyAction> last;

  WidgetHarness::Draw draw() {
    return [this](ui::DrawContext& context) {
      if (auto action = ui::draw_keyboard(context, "kb", state, area, labels))
        last = action;
    };
  }
};

// A keyboard area tall enough for every row, as a screen that gives the keyboard its own half.
ui::Rect roomy_area(const ui::Layout& layout) {
  const float height =
      std::max(layout.content.h * 0.55F, ui::keyboard_min_height(layout, KeyboardLayout::en) * 1.3F);
  return {layout.content.x, layout.content.bottom() - height, layout.content.w, height};
}

TEST(Keyboard, EveryLayoutHasTouchSizedUniqueKeysAtEverySize) {
  for (const auto& size : k_screen_sizes) {
    WidgetHarness harness(size.width, size.height);
    for (auto layout : {KeyboardLayout::en, KeyboardLayout::nb, KeyboardLayout::ru, KeyboardLayout::digits,
                        KeyboardLayout::email}) {
      for (bool shifted : {false, true}) {
        KeyboardScene scene;
        scene.state = {layout, shifted};
        scene.area = roomy_area(harness.layout());
        harness.frame(scene.draw());
        const auto where = std::string(size.name) + " " + layout_name(layout) + (shifted ? " shifted" : "");
        EXPECT_EQ(layout_problems(harness), std::vector<std::string>{}) << where;
        ASSERT_NE(harness.widgets().find("kb.key.done"), nullptr) << where;
        for (const auto& widget : harness.widgets().widgets()) {
          EXPECT_GE(widget.rect.y + 0.5F, scene.area.y) << where << " " << widget.id << " above its area";
          EXPECT_LE(widget.rect.bottom(), scene.area.bottom() + 0.5F) << where << " " << widget.id;
          EXPECT_GE(widget.rect.x + 0.5F, scene.area.x) << where << " " << widget.id;
          EXPECT_LE(widget.rect.right(), scene.area.right() + 0.5F) << where << " " << widget.id;
        }
        if (!shifted)
          harness.write_png(std::string("keyboard_") + layout_name(layout) + "_" + size.name);
      }
    }
  }
}

// The flow screens' keyboard area is the lead's; at 800x480 it is shorter than keyboard_min_height
// (reported), so this checks only that keys stay touch-sized and writes the pictures to look at.
TEST(Keyboard, KeysStayTouchSizedInTheFlowScreensArea) {
  for (const auto& size : k_screen_sizes) {
    WidgetHarness harness(size.width, size.height);
    for (auto layout : {KeyboardLayout::en, KeyboardLayout::ru, KeyboardLayout::digits}) {
      KeyboardScene scene;
      scene.state = {layout, false};
      scene.area = flow_keyboard_area(harness.layout());
      harness.frame(scene.draw());
      const auto where = std::string(size.name) + " " + layout_name(layout);
      EXPECT_EQ(layout_problems(harness), std::vector<std::string>{}) << where;
      const auto* done = harness.widgets().find("kb.key.done");
      ASSERT_NE(done, nullptr) << where;
      EXPECT_NEAR(done->rect.bottom(), scene.area.bottom(), 0.5F) << where;
      harness.write_png(std::string("keyboard_flow_") + layout_name(layout) + "_" + size.name);
    }
  }
}

TEST(Keyboard, DropsTheNumberRowBeforeKeysGetTooSmall) {
  WidgetHarness harness(800, 480);
  KeyboardScene scene;
  scene.area = {harness.layout().content.x, 200.0F, harness.layout().content.w,
                ui::keyboard_min_height(harness.layout(), KeyboardLayout::en)};
  harness.frame(scene.draw());
  EXPECT_EQ(harness.widgets().find("kb.key.1"), nullptr);
  EXPECT_NE(harness.widgets().find("kb.key.q"), nullptr);
  EXPECT_EQ(layout_problems(harness), std::vector<std::string>{});

  scene.area.h = ui::keyboard_min_height(harness.layout(), KeyboardLayout::en) * 1.4F;
  harness.frame(scene.draw());
  EXPECT_NE(harness.widgets().find("kb.key.1"), nullptr);
}

TEST(Keyboard, TooShortAnAreaKeepsKeysTouchSized) {
  WidgetHarness harness(800, 480);
  KeyboardScene scene;
  scene.area = {harness.layout().content.x, 300.0F, harness.layout().content.w, 60.0F};
  harness.frame(scene.draw());
  EXPECT_EQ(layout_problems(harness), std::vector<std::string>{});
  const auto* done = harness.widgets().find("kb.key.done");
  ASSERT_NE(done, nullptr);
  EXPECT_NEAR(done->rect.bottom(), scene.area.bottom(), 0.5F);  // anchored to the bottom
}

struct TapCase {
  KeyboardLayout layout;
  bool shifted;
  const char* id;
  KeyAction expected;
};

TEST(Keyboard, TappingAKeyReturnsItsAction) {
  using Kind = KeyAction::Kind;
  const TapCase cases[] = {
      {KeyboardLayout::en, false, "kb.key.q", {Kind::insert, "q"}},
      {KeyboardLayout::en, true, "kb.key.q", {Kind::insert, "Q"}},
      {KeyboardLayout::en, false, "kb.key.7", {Kind::insert, "7"}},
      {KeyboardLayout::nb, false, "kb.key.u00e5", {Kind::insert, "å"}},
      {KeyboardLayout::nb, true, "kb.key.u00f8", {Kind::insert, "Ø"}},
      {KeyboardLayout::nb, true, "kb.key.u00e6", {Kind::insert, "Æ"}},
      {KeyboardLayout::ru, false, "kb.key.u0439", {Kind::insert, "й"}},
      {KeyboardLayout::ru, true, "kb.key.u0451", {Kind::insert, "Ё"}},
      {KeyboardLayout::ru, false, "kb.key.shift", {Kind::toggle_shift, ""}},
      {KeyboardLayout::en, false, "kb.key.backspace", {Kind::backspace, ""}},
      {KeyboardLayout::en, false, "kb.key.space", {Kind::space, ""}},
      {KeyboardLayout::en, false, "kb.key.done", {Kind::done, ""}},
      {KeyboardLayout::en, false, "kb.key.next_layout", {Kind::next_layout, ""}},
      {KeyboardLayout::email, false, "kb.key.u0040", {Kind::insert, "@"}},
      {KeyboardLayout::email, false, "kb.key.dot_com", {Kind::insert, ".com"}},
      {KeyboardLayout::email, false, "kb.key.dot_no", {Kind::insert, ".no"}},
      {KeyboardLayout::email, false, "kb.key.u005f", {Kind::insert, "_"}},
      {KeyboardLayout::digits, false, "kb.key.u002b", {Kind::insert, "+"}},
      {KeyboardLayout::digits, false, "kb.key.0", {Kind::insert, "0"}},
      {KeyboardLayout::digits, false, "kb.key.backspace", {Kind::backspace, ""}},
  };
  for (const auto& size : k_screen_sizes) {
    WidgetHarness harness(size.width, size.height);
    for (const auto& test : cases) {
      KeyboardScene scene;
      scene.state = {test.layout, test.shifted};
      scene.area = roomy_area(harness.layout());
      harness.frame(scene.draw());
      ASSERT_TRUE(harness.tap(test.id, scene.draw())) << size.name << " no key " << test.id;
      ASSERT_TRUE(scene.last.has_value()) << size.name << " " << test.id;
      EXPECT_EQ(*scene.last, test.expected)
          << size.name << " " << test.id << " gave '" << scene.last->text << "'";
    }
  }
}

TEST(Keyboard, NoActionWithoutATapAndNoneForATapOutside) {
  WidgetHarness harness(1920, 1080);
  KeyboardScene scene;
  scene.area = roomy_area(harness.layout());
  harness.frame(scene.draw());
  harness.frame(scene.draw());
  EXPECT_FALSE(scene.last.has_value());
  harness.tap_at(harness.layout().width / 2.0F, scene.area.y - 20.0F, scene.draw());
  EXPECT_FALSE(scene.last.has_value());
}

TEST(Keyboard, SpecialKeysCarryTheirTranslatedLabels) {
  WidgetHarness harness(1920, 1080);
  KeyboardScene scene;
  scene.area = roomy_area(harness.layout());
  harness.frame(scene.draw());
  EXPECT_EQ(harness.widgets().find("kb.key.space")->text, "Mellomrom");
  EXPECT_EQ(harness.widgets().find("kb.key.done")->text, "Ferdig");
  EXPECT_EQ(harness.widgets().find("kb.key.backspace")->text, "Slett");
  EXPECT_EQ(harness.widgets().find("kb.key.next_layout")->text, "АБВ");
  scene.labels.next_layout.clear();
  harness.frame(scene.draw());
  EXPECT_EQ(harness.widgets().find("kb.key.next_layout"), nullptr);
}

TEST(Keyboard, IdsDoNotDependOnLabelsOrShift) {
  WidgetHarness harness(1080, 1920);
  KeyboardScene scene;
  scene.area = roomy_area(harness.layout());
  scene.state = {KeyboardLayout::ru, false};
  harness.frame(scene.draw());
  std::vector<std::string> plain;
  for (const auto& widget : harness.widgets().widgets())
    plain.push_back(widget.id);
  scene.state.shifted = true;
  scene.labels = {
      .space = "Пробел", .done = "Готово", .shift = "Шифт", .backspace = "Стереть", .next_layout = "ABC"};
  harness.frame(scene.draw());
  std::vector<std::string> shifted;
  for (const auto& widget : harness.widgets().widgets())
    shifted.push_back(widget.id);
  EXPECT_EQ(plain, shifted);
  harness.write_png("keyboard_ru_shifted_1080x1920");
}

TEST(Keyboard, GlyphsCoverEveryLayout) {
  const auto glyphs = ui::keyboard_glyphs();
  for (const char* expected :
       {"q", "Q", "å", "Å", "ø", "Ø", "æ", "Æ", "й", "Й", "ё", "Ё", "ъ", "Ъ", "@", "+", "_", "9"}) {
    EXPECT_NE(glyphs.find(expected), std::string::npos) << expected;
  }
}

TEST(Keyboard, HighContrastPaletteDrawsTheSameKeys) {
  WidgetHarness harness(800, 480, true);
  KeyboardScene scene;
  scene.state = {KeyboardLayout::nb, true};
  scene.area = roomy_area(harness.layout());
  harness.frame(scene.draw());
  EXPECT_EQ(layout_problems(harness), std::vector<std::string>{});
  harness.write_png("keyboard_nb_shifted_high_contrast_800x480");
}

}  // namespace
}  // namespace kiosk::test

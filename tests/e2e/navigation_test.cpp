// A customer's path through the real UI, headless, with taps injected as SDL finger events.
#include <gtest/gtest.h>

#include "ui_harness.hpp"

namespace kiosk::test {
namespace {

using namespace std::chrono_literals;

std::string nb(std::string_view msgid) {
  static const auto catalogs = shipped_catalogs({"nb"});
  return std::string(catalogs.for_language("nb").tr(msgid));
}

TEST(Navigation, AttractToNorwegianHomeThenIdleTimeoutBackToAttractInTheDefaultLanguage) {
  UiHarness ui;
  ASSERT_EQ(ui.vm().screen, app::ScreenId::attract);
  ASSERT_TRUE(ui.tap("attract.start"));
  EXPECT_EQ(ui.vm().screen, app::ScreenId::home);
  EXPECT_EQ(ui.vm().language_tag, "en");

  ASSERT_TRUE(ui.tap("bar.language"));
  ASSERT_EQ(ui.vm().screen, app::ScreenId::language);
  ASSERT_NE(ui.widgets().find("language.choice.nb"), nullptr);
  EXPECT_EQ(ui.widgets().find("language.choice.nb")->text, "Norsk bokmål");
  ASSERT_TRUE(ui.tap("language.choice.nb"));

  ASSERT_EQ(ui.vm().screen, app::ScreenId::home);
  EXPECT_EQ(ui.vm().language_tag, "nb");
  const auto* title = ui.widgets().find("home.title");
  ASSERT_NE(title, nullptr);
  EXPECT_EQ(title->text, nb("How can we help you today?"));
  EXPECT_NE(title->text, "How can we help you today?") << "the Norwegian catalog lacks this message";

  // Idle: the warning shows the countdown in Norwegian, then the session is wiped.
  ui.wait(35s);
  ASSERT_NE(ui.widgets().find("idle.more_time"), nullptr);
  EXPECT_EQ(ui.widgets().find("idle.more_time")->text, nb("I need more time"));
  ui.wait(10s);
  EXPECT_EQ(ui.vm().screen, app::ScreenId::attract);
  EXPECT_EQ(ui.app().session().language, "");
  EXPECT_EQ(ui.vm().language_tag, "en");
  EXPECT_EQ(ui.widgets().find("idle.more_time"), nullptr);
  EXPECT_NE(ui.widgets().find("attract.start"), nullptr);
}

TEST(Navigation, INeedMoreTimeKeepsTheCustomerWhereTheyWere) {
  UiHarness ui;
  ASSERT_TRUE(ui.tap("attract.start"));
  ui.wait(36s);
  ASSERT_TRUE(ui.tap("idle.more_time"));
  EXPECT_EQ(ui.widgets().find("idle.more_time"), nullptr);
  ui.wait(30s);
  EXPECT_EQ(ui.vm().screen, app::ScreenId::home);
}

TEST(Navigation, AccessibilityToggleSaysItsStateInWordsAndStartOverResetsIt) {
  UiHarness ui;
  ASSERT_TRUE(ui.tap("attract.start"));
  const auto off_text = ui.widgets().find("bar.accessibility")->text;
  ASSERT_TRUE(ui.tap("bar.accessibility"));
  EXPECT_TRUE(ui.vm().high_contrast);
  EXPECT_TRUE(ui.vm().large_text);
  EXPECT_NE(ui.widgets().find("bar.accessibility")->text, off_text);
  ASSERT_TRUE(ui.tap("bar.start_over"));
  EXPECT_EQ(ui.vm().screen, app::ScreenId::attract);
  EXPECT_FALSE(ui.vm().high_contrast);
}

TEST(Navigation, BackOnTheLanguagePickerKeepsTheLanguage) {
  UiHarness ui;
  ASSERT_TRUE(ui.tap("attract.start"));
  ASSERT_TRUE(ui.tap("bar.language"));
  ASSERT_TRUE(ui.tap("language.back"));
  EXPECT_EQ(ui.vm().screen, app::ScreenId::home);
  EXPECT_EQ(ui.vm().language_tag, "en");
}

TEST(Navigation, AnIdleKioskDrawsNoFrames) {
  UiHarness ui;
  ASSERT_TRUE(ui.tap("attract.start"));
  const auto frames = ui.kiosk().runner().frames_drawn();
  // Nothing changes on the home screen for 20 s (the warning starts at 35 s): no frame is drawn.
  for (int second = 0; second < 20; ++second) {
    ui.clock().advance(1s);
    ui.kiosk().runner().pump(std::chrono::milliseconds{0});
  }
  EXPECT_EQ(ui.kiosk().runner().frames_drawn(), frames);
}

}  // namespace
}  // namespace kiosk::test

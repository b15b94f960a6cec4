#include "app/kiosk_app.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>

namespace kiosk::app {
namespace {

using namespace std::chrono_literals;
using TimePoint = KioskApp::TimePoint;

const char* k_nb_catalog = R"(msgid ""
msgstr ""
"Language: nb\n"
"Content-Type: text/plain; charset=UTF-8\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\n"

msgid "How can we help you today?"
msgstr "Hva kan vi hjelpe deg med i dag?"

msgid "Your session ends in {count} second"
msgid_plural "Your session ends in {count} seconds"
msgstr[0] "Økten din avsluttes om {count} sekund"
msgstr[1] "Økten din avsluttes om {count} sekunder"
)";

LanguageCatalogs test_catalogs() {
  const auto dir = std::filesystem::temp_directory_path() / ("kiosk_app_test_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  { std::ofstream(dir / "nb.po") << k_nb_catalog; }
  std::vector<std::string> problems;
  auto catalogs = LanguageCatalogs::load(dir, {"en", "nb"}, problems);
  std::filesystem::remove_all(dir);
  return catalogs;
}

class KioskAppTest : public ::testing::Test {
 protected:
  TimePoint start{};
  KioskApp app{default_config(), test_catalogs(), start};

  void send(Intent::Kind kind, std::string argument = {}, TimePoint at = {}) {
    Intents intents;
    intents.emit(kind, std::move(argument));
    app.apply(intents, at == TimePoint{} ? start : at);
  }
};

TEST_F(KioskAppTest, StartsOnAttractAndATapOpensHomeInTheDefaultLanguage) {
  EXPECT_EQ(app.view_model(start).screen, ScreenId::attract);
  send(Intent::Kind::start_session);
  const auto vm = app.view_model(start);
  EXPECT_EQ(vm.screen, ScreenId::home);
  EXPECT_EQ(vm.language_tag, "en");
  EXPECT_TRUE(vm.chrome.visible);
  EXPECT_EQ(vm.home.title, "How can we help you today?");
}

TEST_F(KioskAppTest, ChoosingALanguageSwitchesTextImmediately) {
  send(Intent::Kind::start_session);
  send(Intent::Kind::open_language_picker);
  EXPECT_EQ(app.view_model(start).screen, ScreenId::language);
  send(Intent::Kind::choose_language, "nb");
  const auto vm = app.view_model(start);
  EXPECT_EQ(vm.screen, ScreenId::home);
  EXPECT_EQ(vm.home.title, "Hva kan vi hjelpe deg med i dag?");
}

TEST_F(KioskAppTest, IgnoresALanguageThatIsNotOffered) {
  send(Intent::Kind::start_session);
  send(Intent::Kind::open_language_picker);
  send(Intent::Kind::choose_language, "de");
  EXPECT_EQ(app.view_model(start).screen, ScreenId::language);
  EXPECT_EQ(app.session().language, "en");
}

TEST_F(KioskAppTest, IdleWarningCountsDownInTheCustomersLanguageThenWipes) {
  send(Intent::Kind::start_session);
  send(Intent::Kind::open_language_picker);
  send(Intent::Kind::choose_language, "nb");
  send(Intent::Kind::toggle_accessibility);
  EXPECT_TRUE(app.view_model(start).high_contrast);
  // Accessibility doubles the limits: 90 s with a 20 s warning.
  EXPECT_FALSE(app.tick(start + 69s));
  EXPECT_TRUE(app.tick(start + 70s));
  auto vm = app.view_model(start + 70s);
  ASSERT_TRUE(vm.idle_warning.visible);
  EXPECT_EQ(vm.idle_warning.countdown, "Økten din avsluttes om 20 sekunder");
  vm = app.view_model(start + 89s);
  EXPECT_EQ(vm.idle_warning.countdown, "Økten din avsluttes om 1 sekund");
  EXPECT_TRUE(app.tick(start + 90s));
  vm = app.view_model(start + 90s);
  EXPECT_EQ(vm.screen, ScreenId::attract);
  EXPECT_FALSE(vm.high_contrast);
  EXPECT_EQ(app.session().language, "");
  EXPECT_FALSE(app.session().accessibility);
}

TEST_F(KioskAppTest, NeedMoreTimeRestartsTheCountdown) {
  send(Intent::Kind::start_session);
  EXPECT_TRUE(app.view_model(start + 36s).idle_warning.visible);
  send(Intent::Kind::need_more_time, {}, start + 36s);
  EXPECT_FALSE(app.view_model(start + 36s).idle_warning.visible);
  app.tick(start + 60s);
  EXPECT_EQ(app.view_model(start + 60s).screen, ScreenId::home);
}

TEST_F(KioskAppTest, StartOverWipesTheSession) {
  send(Intent::Kind::start_session);
  send(Intent::Kind::open_language_picker);
  send(Intent::Kind::choose_language, "nb");
  send(Intent::Kind::start_over);
  EXPECT_EQ(app.view_model(start).screen, ScreenId::attract);
  EXPECT_EQ(app.session().language, "");
}

TEST_F(KioskAppTest, AttractCyclesThroughTheOfferedLanguages) {
  const auto first = app.view_model(start).attract.shown_language_tag;
  EXPECT_EQ(first, "en");
  EXPECT_EQ(app.next_wake(start), start + 4s);
  EXPECT_TRUE(app.tick(start + 4s));
  EXPECT_EQ(app.view_model(start + 4s).attract.shown_language_tag, "ru");
  EXPECT_FALSE(app.tick(start + 5s));
}

TEST_F(KioskAppTest, OutOfServiceIgnoresCustomerTapsAndShowsTheReasonToStaff) {
  app.enter_out_of_service("store unavailable: disk full");
  send(Intent::Kind::start_session);
  const auto vm = app.view_model(start);
  EXPECT_EQ(vm.screen, ScreenId::out_of_service);
  EXPECT_EQ(vm.out_of_service.staff_reason, "store unavailable: disk full");
  EXPECT_FALSE(vm.chrome.visible);
}

TEST_F(KioskAppTest, ALateTapAfterTheSessionEndedDoesNothing) {
  send(Intent::Kind::open_language_picker);
  send(Intent::Kind::choose_language, "nb");
  EXPECT_EQ(app.view_model(start).screen, ScreenId::attract);
}

}  // namespace
}  // namespace kiosk::app

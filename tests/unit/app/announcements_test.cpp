// "You said, we did" from head office to the attract screen, and content that expires while the kiosk
// runs: real store, real desk, real KioskApp, a ManualClock for both the wall clock and the app tick.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <fstream>
#include <set>
#include <sstream>

#include "app/content_updates.hpp"
#include "app/kiosk_app.hpp"
#include "desk_test.hpp"
#include "domain/event.hpp"

namespace kiosk::app {
namespace {

using namespace std::chrono_literals;
using nlohmann::json;
using test_support::DeskTest;
using test_support::k_tuesday_10_oslo;

json asset_json(const std::string& relative) {
  std::ifstream in(std::filesystem::path(KIOSK_ASSETS_DIR) / relative);
  std::stringstream text;
  text << in.rdbuf();
  return json::parse(text.str());
}

std::string rfc3339(std::chrono::sys_seconds at) {
  return domain::format_rfc3339_utc(domain::EventTime{at});
}

json message(const std::string& id, const std::string& english) {
  return {{"id", id}, {"title", {{"en", english}}}, {"body", {{"en", english + " (body)"}}}};
}

ContentUpdate announcements_update(const std::vector<json>& messages, const std::string& scope,
                                   std::optional<std::chrono::sys_seconds> expires = std::nullopt) {
  const json document{{"format", 1}, {"announcements", json(messages)}};
  return {"announcements", document.dump(), 1, "announcements/" + scope + " v1", scope, expires};
}

// A catalog whose first service is renamed: which bundle is in use shows in the service's name.
ContentUpdate services_named(const std::string& name, const std::string& scope,
                             std::optional<std::chrono::sys_seconds> expires) {
  auto catalog = asset_json("services/services.json");
  catalog["services"][0]["name"]["en"] = name;
  return {"services", catalog.dump(), 1, "services/" + scope + " v1", scope, expires};
}

class AnnouncementsTest : public DeskTest {
 protected:
  using TimePoint = KioskApp::TimePoint;
  PendingContent pending;
  std::unique_ptr<KioskApp> app;

  void SetUp() override {
    DeskTest::SetUp();
    std::vector<std::string> problems;
    app = std::make_unique<KioskApp>(
        config, LanguageCatalogs::load(KIOSK_ASSETS_DIR "/i18n", config.languages.enabled, problems),
        clock.steady_now());
    ASSERT_TRUE(problems.empty()) << problems.front();
    app->attach(desk.get(), nullptr);
    app->attach_content_updates(&pending);
  }

  // Wall clock and app tick move together, as on the kiosk.
  bool advance(std::chrono::seconds by) {
    clock.advance(by);
    return app->tick(clock.steady_now());
  }

  std::optional<AnnouncementVm> shown() const {
    return app->view_model(clock.steady_now()).attract.announcement;
  }

  std::string first_service_name() const { return desk->services("en").at(0).name; }
};

TEST_F(AnnouncementsTest, TheKindIsCheckedWithTheDomainParser) {
  EXPECT_EQ(
      check_content_update({"announcements", asset_json("announcements/announcements.json").dump(), 1, "t"}),
      "");
  EXPECT_NE(check_content_update({"announcements", R"({"format":1})", 1, "t"}).find("announcements: "),
            std::string::npos);
  EXPECT_NE(check_content_update({"announcements", "[", 1, "t"}).find("not valid JSON"), std::string::npos);
}

TEST_F(AnnouncementsTest, TheShippedMessagesShowOnTheAttractScreenAndTheirGlyphsAreBaked) {
  ASSERT_EQ(desk->content().announcements.items.size(), 3U);
  const auto vm = shown();
  ASSERT_TRUE(vm.has_value());
  EXPECT_EQ(vm->heading, "You said, we did");
  EXPECT_EQ(vm->title, "You said the queue was hard to follow");
  EXPECT_NE(app->content_glyph_text().find("您说排队进度难以掌握"), std::string::npos);
}

TEST_F(AnnouncementsTest, MessagesRotateWithTheAttractCycleInTheShownLanguage) {
  ASSERT_EQ(
      desk->update_content({announcements_update({message("a", "Alpha"), message("b", "Beta")}, "all")}), 1U);
  app->tick(clock.steady_now());  // the swap itself is a change; the rotation starts from here
  const auto cycle = config.session.attract_cycle;
  std::set<std::pair<std::string, std::string>> seen;  // (language, message id)
  for (int step = 0; step < 8; ++step) {
    const auto frame = app->view_model(clock.steady_now());
    ASSERT_TRUE(frame.attract.announcement.has_value());
    const auto& vm = *frame.attract.announcement;
    seen.emplace(frame.attract.shown_language_tag, vm.id);
    if (frame.attract.shown_language_tag == "ru") {
      EXPECT_EQ(vm.heading, "Вы сказали — мы сделали");
      EXPECT_EQ(vm.title, vm.id == "a" ? "Alpha" : "Beta") << "no Russian text: the default language (en)";
    }
    EXPECT_FALSE(advance(cycle - 1s)) << "nothing changes within a cycle (step " << step << ")";
    EXPECT_TRUE(advance(1s)) << "the next message is a new frame (step " << step << ")";
  }
  EXPECT_EQ(seen.size(), 8U) << "over two rounds of the four languages, each message shows in each language";
}

TEST_F(AnnouncementsTest, OnlyMessagesWhoseWindowIncludesNowAreShownAndAnEndedOneIsDropped) {
  const auto now = std::chrono::floor<std::chrono::seconds>(clock.utc_now());
  auto later = message("later", "Later");
  later["start"] = rfc3339(now + 1h);
  auto ending = message("ending", "Ending");
  ending["end"] = rfc3339(now + 10min);
  auto weekend = message("weekend", "Weekend");
  weekend["weekdays"] = {"sat", "sun"};  // the clock is on a Tuesday
  ASSERT_EQ(desk->update_content({announcements_update({later, ending, weekend}, "all")}), 1U);

  for (int cycle = 0; cycle < 6; ++cycle) {
    ASSERT_TRUE(shown().has_value());
    EXPECT_EQ(shown()->id, "ending");
    advance(config.session.attract_cycle);
  }
  const auto generation = app->content_generation();
  advance(10min);
  EXPECT_FALSE(shown().has_value()) << "ended, and the other two are not due";
  EXPECT_GT(app->content_generation(), generation) << "the ended message was dropped from the content";
  ASSERT_EQ(desk->content().announcements.items.size(), 2U);
  EXPECT_EQ(desk->content().announcements.items[0].id, "later");
  advance(1h);
  ASSERT_TRUE(shown().has_value());
  EXPECT_EQ(shown()->id, "later");
}

TEST_F(AnnouncementsTest, AnExpiredBranchBundleGivesWayToTheBankWideOneThenToTheAssets) {
  const auto now = std::chrono::floor<std::chrono::seconds>(clock.utc_now());
  const auto shipped = first_service_name();
  pending.offer(services_named("Bank-wide cash", "all", now + 2h));
  pending.offer(services_named("Branch cash", "br-001", now + 1h));
  advance(1s);
  EXPECT_EQ(first_service_name(), "Branch cash") << "offered last: the branch's wins";

  const auto generation = app->content_generation();
  advance(1h);
  EXPECT_EQ(first_service_name(), "Bank-wide cash");
  EXPECT_EQ(app->content_generation(), generation + 1) << "a drop re-bakes glyphs like a swap";
  advance(1h);
  EXPECT_EQ(first_service_name(), shipped) << "nothing valid is left: the assets come back";
  const auto settled = app->content_generation();
  advance(1h);
  EXPECT_EQ(app->content_generation(), settled) << "dropped once, not at every check";
}

TEST_F(AnnouncementsTest, AnExpiredAnnouncementsBundleBringsTheShippedMessagesBack) {
  const auto now = std::chrono::floor<std::chrono::seconds>(clock.utc_now());
  pending.offer(announcements_update({message("campaign", "Campaign")}, "br-001", now + 30min));
  advance(1s);
  ASSERT_TRUE(shown().has_value());
  EXPECT_EQ(shown()->id, "campaign");
  advance(30min);
  ASSERT_TRUE(shown().has_value());
  EXPECT_NE(shown()->id, "campaign");
  EXPECT_EQ(desk->content().announcements.items.size(), 3U);
}

TEST_F(AnnouncementsTest, ExpiredContentIsNeverDroppedUnderACustomer) {
  const auto now = std::chrono::floor<std::chrono::seconds>(clock.utc_now());
  ASSERT_EQ(desk->update_content({services_named("Branch cash", "br-001", now + 1min)}), 1U);
  Intents intents;
  intents.emit(Intent::Kind::start_session);
  app->apply(intents, clock.steady_now());
  ASSERT_EQ(app->session().screen, ScreenId::home);
  clock.advance(90s);
  intents = {};
  intents.emit(Intent::Kind::activity);
  app->apply(intents, clock.steady_now());
  app->tick(clock.steady_now());
  EXPECT_EQ(first_service_name(), "Branch cash") << "the customer's session keeps what it showed";
  intents = {};
  intents.emit(Intent::Kind::start_over);
  app->apply(intents, clock.steady_now());
  app->tick(clock.steady_now());
  EXPECT_NE(first_service_name(), "Branch cash");
}

TEST_F(AnnouncementsTest, TheAttractScreenWakesForTheNextMessageAndChecksContentAtLeastEveryMinute) {
  const auto now = clock.steady_now();
  EXPECT_LE(app->next_wake(now), now + config.session.attract_cycle);
  config.languages.enabled = {"en"};
  std::vector<std::string> problems;
  KioskApp one_language(config, LanguageCatalogs::load(KIOSK_ASSETS_DIR "/i18n", {"en"}, problems), now);
  one_language.attach(desk.get(), nullptr);
  EXPECT_LE(one_language.next_wake(now), now + config.session.attract_cycle)
      << "messages rotate even with one language";
  ASSERT_EQ(desk->update_content({announcements_update({}, "all")}), 1U);
  EXPECT_GT(one_language.next_wake(now), now + config.session.attract_cycle);
  EXPECT_LE(one_language.next_wake(now), now + 1min);
}

TEST(PendingContentScopes, KeepsEachScopeOfAKindInOfferOrder) {
  PendingContent pending;
  pending.offer({"services", "{}", 1, "services/all v1", "all"});
  pending.offer({"announcements", "{}", 1, "announcements/all v1", "all"});
  pending.offer({"services", "{}", 2, "services/br-001 v2", "br-001"});
  pending.offer({"services", "{}", 3, "services/all v3", "all"});
  const auto taken = pending.take();
  ASSERT_EQ(taken.size(), 3U);
  EXPECT_EQ(taken[0].origin, "services/br-001 v2");
  EXPECT_EQ(taken[1].origin, "services/all v3") << "the newer bank-wide offer came later";
  EXPECT_EQ(taken[2].kind, "announcements") << "announcements after the customer-flow kinds";
}

}  // namespace
}  // namespace kiosk::app

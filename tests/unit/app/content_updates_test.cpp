// Content from head office: checked with the desk's parsers, handed over through PendingContent, and
// swapped into the desk by the app only between customers. Real store, real desk, real KioskApp.
#include "app/content_updates.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>
#include <thread>

#include "app/kiosk_app.hpp"
#include "desk_test.hpp"

namespace kiosk::app {
namespace {

using namespace std::chrono_literals;
using test_support::DeskTest;

nlohmann::json asset_json(const std::string& relative) {
  std::ifstream in(std::filesystem::path(KIOSK_ASSETS_DIR) / relative);
  std::stringstream text;
  text << in.rdbuf();
  return nlohmann::json::parse(text.str());
}

// The shipped "visit" survey, retitled: what head office would send as version `version`.
ContentUpdate visit_survey_update(const std::string& title, std::uint64_t version) {
  auto survey = asset_json("surveys/visit.json");
  survey["title"]["default"] = title;
  survey["version"] = version;
  return {"surveys", nlohmann::json{{"visit", survey}}.dump(), version,
          "surveys/all v" + std::to_string(version)};
}

// A catalog with one service only.
ContentUpdate one_service_update() {
  auto catalog = asset_json("services/services.json");
  auto first = catalog["services"][0];
  first["id"] = "mortgages";
  first["name"]["en"] = "Mortgages";
  catalog["services"] = nlohmann::json::array({first});
  return {"services", catalog.dump(), 4, "services/br-001 v4"};
}

std::string visit_title(const CustomerDesk& desk) {
  return desk.content().surveys.at("visit").title.in("en");
}

TEST(ContentCheck, AcceptsTheShippedDocumentsOfEveryKind) {
  EXPECT_EQ(check_content_update({"services", asset_json("services/services.json").dump(), 1, "t"}), "");
  EXPECT_EQ(check_content_update({"bookings", asset_json("services/bookings.sample.json").dump(), 1, "t"}),
            "");
  EXPECT_EQ(check_content_update(visit_survey_update("Rate us", 2)), "");
  const nlohmann::json both{{"visit", asset_json("surveys/visit.json")},
                            {"atm_quick", asset_json("surveys/atm_quick.json")}};
  EXPECT_EQ(check_content_update({"surveys", both.dump(), 1, "t"}), "");
}

TEST(ContentCheck, RefusesWhatTheDeskCouldNotUseAndSaysWhy) {
  EXPECT_NE(check_content_update({"services", "not json", 1, "t"}).find("services:"), std::string::npos);
  EXPECT_NE(check_content_update({"services", R"({"version":1,"services":[{"id":""}]})", 1, "t"}), "");
  EXPECT_NE(check_content_update({"bookings", R"({"bookings":[{"code":"??","service":"cash"}]})", 1, "t"}),
            "");
  EXPECT_NE(check_content_update({"surveys", R"(["visit"])", 1, "t"}).find("keyed by trigger"),
            std::string::npos);
  EXPECT_NE(check_content_update({"surveys", R"({})", 1, "t"}).find("names no trigger"), std::string::npos);
  EXPECT_NE(check_content_update({"surveys", R"({"lobby":{}})", 1, "t"}).find("unknown trigger \"lobby\""),
            std::string::npos);
  EXPECT_NE(check_content_update({"surveys", R"({"visit":{"pages":"none"}})", 1, "t"}).find("surveys.visit:"),
            std::string::npos);
  EXPECT_NE(check_content_update({"config", "{}", 1, "t"}).find("not content this kiosk applies"),
            std::string::npos);
}

TEST(ContentCheck, AVeryLongListOfProblemsIsCutToAReadableReason) {
  nlohmann::json services{{"version", 1}, {"services", nlohmann::json::array()}};
  for (int i = 0; i < 500; ++i)
    services["services"].push_back({{"id", ""}});
  const auto reason = check_content_update({"services", services.dump(), 1, "t"});
  EXPECT_FALSE(reason.empty());
  EXPECT_LE(reason.size(), 1100U);
}

TEST(PendingContentSlot, KeepsTheNewestOfEachKindAndHandsServicesOverBeforeBookings) {
  PendingContent pending;
  EXPECT_FALSE(pending.has_updates());
  pending.offer({"surveys", "{}", 1, "a"});
  pending.offer({"bookings", "{}", 1, "b"});
  pending.offer({"surveys", "{}", 2, "c"});
  pending.offer({"services", "{}", 1, "d"});
  EXPECT_TRUE(pending.has_updates());
  const auto taken = pending.take();
  ASSERT_EQ(taken.size(), 3U);
  EXPECT_EQ(taken[0].kind, "services");
  EXPECT_EQ(taken[1].kind, "bookings");
  EXPECT_EQ(taken[2].kind, "surveys");
  EXPECT_EQ(taken[2].version, 2U) << "the older survey update was superseded";
  EXPECT_FALSE(pending.has_updates());
  EXPECT_TRUE(pending.take().empty());
}

TEST(PendingContentSlot, TakesOffersFromAnotherThreadWithoutLosingTheLast) {
  PendingContent pending;
  std::thread sync_thread([&pending] {
    for (std::uint64_t version = 1; version <= 200; ++version)
      pending.offer({"surveys", "{}", version, "s"});
  });
  std::uint64_t last = 0;
  for (int round = 0; round < 100000 && last != 200; ++round) {
    for (const auto& update : pending.take()) {
      EXPECT_GT(update.version, last) << "never an older update after a newer one";
      last = update.version;
    }
    if (round % 100 == 0)
      std::this_thread::yield();
  }
  sync_thread.join();
  for (const auto& update : pending.take())
    last = update.version;
  EXPECT_EQ(last, 200U);
}

class ContentSwapTest : public DeskTest {
 protected:
  using TimePoint = KioskApp::TimePoint;
  TimePoint start{};
  PendingContent pending;
  std::unique_ptr<KioskApp> app;

  void SetUp() override {
    DeskTest::SetUp();
    std::vector<std::string> problems;
    app = std::make_unique<KioskApp>(
        config, LanguageCatalogs::load(KIOSK_ASSETS_DIR "/i18n", {"en"}, problems), start);
    app->attach(desk.get(), nullptr);
    app->attach_content_updates(&pending);
  }

  void send(Intent::Kind kind, std::string argument = {}) {
    Intents intents;
    intents.emit(kind, std::move(argument));
    app->apply(intents, start);
  }
};

TEST_F(ContentSwapTest, ANewSurveyDefinitionAppearsOnlyAfterTheSessionEnds) {
  const auto shipped_title = visit_title(*desk);
  send(Intent::Kind::start_session);
  send(Intent::Kind::open_flow, "survey");
  ASSERT_NE(app->session().screen, ScreenId::attract);

  pending.offer(visit_survey_update("Tell us about today", 2));
  for (int second = 1; second <= 5; ++second)
    app->tick(start + std::chrono::seconds{second});
  EXPECT_EQ(visit_title(*desk), shipped_title) << "never swapped under a customer";
  EXPECT_EQ(app->content_generation(), 0U);
  EXPECT_TRUE(pending.has_updates());

  send(Intent::Kind::start_over);
  ASSERT_EQ(app->session().screen, ScreenId::attract);
  EXPECT_TRUE(app->tick(start + 6s)) << "a swap asks for a frame (the atlas may need new glyphs)";
  EXPECT_EQ(visit_title(*desk), "Tell us about today");
  EXPECT_EQ(desk->content().surveys.at("visit").version, 2);
  EXPECT_EQ(app->content_generation(), 1U);
  EXPECT_FALSE(pending.has_updates());
  EXPECT_NE(app->content_glyph_text().find("Tell us about today"), std::string::npos);
  EXPECT_TRUE(desk->content().surveys.contains("atm_quick")) << "a trigger the bundle does not name stays";
}

TEST_F(ContentSwapTest, ACustomerWhoStartsRightAwayGetsTheNewContent) {
  pending.offer(one_service_update());
  send(Intent::Kind::start_session);  // before any tick: the tap itself adopts what waits
  const auto services = desk->services("en");
  ASSERT_EQ(services.size(), 1U);
  EXPECT_EQ(services[0].id, "mortgages");
  EXPECT_EQ(app->content_generation(), 1U);
}

TEST_F(ContentSwapTest, ABadPayloadIsRefusedAndTheOldContentStays) {
  const auto shipped_title = visit_title(*desk);
  const auto shipped_services = desk->services("en").size();
  EXPECT_EQ(desk->update_content({{"surveys", R"({"visit":{"pages":[]}})", 3, "surveys/all v3"},
                                  {"services", "{", 3, "services/all v3"}}),
            0U);
  EXPECT_EQ(visit_title(*desk), shipped_title);
  EXPECT_EQ(desk->services("en").size(), shipped_services);

  pending.offer({"surveys", "not json", 4, "surveys/all v4"});
  EXPECT_FALSE(app->tick(start + 1s));
  EXPECT_EQ(app->content_generation(), 0U) << "nothing was swapped, so the atlas stays";
  EXPECT_EQ(visit_title(*desk), shipped_title);
  EXPECT_FALSE(pending.has_updates()) << "a refused update is dropped, not retried every frame";
}

TEST_F(ContentSwapTest, BookingsFromHeadOfficeCheckInAgainstTheNewCatalog) {
  ASSERT_EQ(desk->update_content({one_service_update()}), 1U);
  const nlohmann::json bookings{
      {"bookings", {{{"code", "7KQ2M0"}, {"service", "mortgages"}, {"at", "2026-11-24T09:10:00Z"}}}}};
  ASSERT_EQ(desk->update_content({{"bookings", bookings.dump(), 9, "bookings/br-001 v9"}}), 1U);
  const auto ticket = desk->check_in_booking("7kq-2m0", "en");
  ASSERT_TRUE(ticket.ok()) << static_cast<int>(ticket.problem);
  EXPECT_EQ(ticket.value->service_id, "mortgages");
}

}  // namespace
}  // namespace kiosk::app

// The now-serving display as `run --role display` runs it: the real app, UI and loop headless, fed by a
// fetch callback that plays a script of documents (good ones, a failure, a malformed one, a throw, the
// appliance starting over), with SDL audio unavailable as on CI. Checks what is drawn and what chimes.
#include <gtest/gtest.h>

#include <cstdlib>
#include <stdexcept>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "app/now_serving.hpp"
#include "platform/chime.hpp"
#include "ui/now_serving_display.hpp"
#include "ui_harness.hpp"

namespace kiosk {
namespace {

using namespace std::chrono_literals;

std::string call(std::int64_t seq, std::string_view number, int counter, bool recall = false) {
  return fmt::format(R"({{"seq":{},"number":"{}","counter":{},"service_id":"cash",)"
                     R"("at":"2026-11-24T09:00:00Z","recall":{}}})",
                     seq, number, counter, recall ? "true" : "false");
}

std::string doc(std::vector<std::string> calls, std::int64_t latest) {
  std::string list;
  for (const auto& c : calls)
    list += (list.empty() ? "" : ",") + c;
  return fmt::format(R"({{"calls":[{}],"latest_seq":{}}})", list, latest);
}

// One step of the script: what the appliance answers to the next fetch.
struct Answer {
  enum class Kind { document, failure, exception } kind = Kind::document;
  std::string text;
};

class NowServingDisplayTest : public ::testing::Test {
 protected:
  void SetUp() override { setenv("SDL_AUDIODRIVER", "no-such-driver", 1); }  // as on CI: no sound card
  void TearDown() override { unsetenv("SDL_AUDIODRIVER"); }
};

class Display {
 public:
  Display(std::vector<Answer> script, int width = 1920, int height = 1080)
      : m_sdl(platform::SdlRuntime::Video::none),
        m_clock(test::k_test_start),
        m_script(std::move(script)),
        m_feed([this](std::int64_t after) { return answer(after); }, m_clock) {
    app::KioskConfig config = app::default_config();
    auto catalogs = test::shipped_catalogs(config.languages.enabled);
    auto fonts = test::test_font_request(catalogs, config);
    fonts.numerals = true;
    m_app = std::make_unique<app::KioskApp>(config, std::move(catalogs), m_clock.steady_now());
    m_app->attach_now_serving(&m_feed);
    m_kiosk = std::make_unique<ui::HeadlessKiosk>(*m_app, m_clock, std::move(fonts), width, height);
  }

  // One turn of the loop once the next fetch is due.
  void next_turn(std::chrono::seconds later = 6s) {
    m_clock.advance(later);
    ui::pump_now_serving(m_kiosk->runner(), m_feed, m_chime, 0ms);
  }

  app::NowServingView view() const { return m_app->view_model(m_clock.steady_now()).now_serving; }
  const ui::WidgetRecord* widget(std::string_view id) const { return m_kiosk->widgets().find(id); }
  const std::vector<std::int64_t>& asked_after() const { return m_asked_after; }
  const platform::ChimePlayer& chime() const { return m_chime; }
  const app::NowServingFeed& feed() const { return m_feed; }
  ui::HeadlessKiosk& kiosk() { return *m_kiosk; }
  app::KioskApp& app() { return *m_app; }

 private:
  app::FetchResult answer(std::int64_t after) {
    m_asked_after.push_back(after);
    if (m_next >= m_script.size()) {
      return app::FetchResult::failed("script ended");
    }
    const auto& step = m_script[m_next++];
    switch (step.kind) {
      case Answer::Kind::failure:
        return app::FetchResult::failed(step.text);
      case Answer::Kind::exception:
        throw std::runtime_error(step.text);
      case Answer::Kind::document:
        break;
    }
    return app::FetchResult::ok(step.text);
  }

  platform::SdlRuntime m_sdl;
  platform::ManualClock m_clock;
  std::vector<Answer> m_script;
  std::size_t m_next = 0;
  std::vector<std::int64_t> m_asked_after;
  app::NowServingFeed m_feed;
  platform::ChimePlayer m_chime;
  std::unique_ptr<app::KioskApp> m_app;
  std::unique_ptr<ui::HeadlessKiosk> m_kiosk;
};

using Kind = Answer::Kind;

TEST_F(NowServingDisplayTest, ShowsCallsChimesForNewOnesAndSurvivesBadAnswers) {
  Display display({
      {Kind::document, doc({call(1, "A001", 1), call(2, "A002", 2)}, 2)},  // switched on: adopt silently
      {Kind::failure, "connection refused"},
      {Kind::document, R"({"calls":[{"seq":"three"}],"latest_seq":3})"},  // malformed
      {Kind::document, doc({call(3, "B001", 4)}, 3)},                     // a new call
      {Kind::exception, "client bug"},
      {Kind::document, doc({call(4, "A001", 1, true)}, 4)},  // a recall
      {Kind::document, doc({}, 1)},                          // the appliance started over...
      {Kind::document, doc({call(1, "C001", 7)}, 1)},        // ...and this is its first call
  });
  EXPECT_FALSE(display.chime().available());
  EXPECT_EQ(display.chime().problem().rfind("no audio device: chime off", 0), 0U);

  display.next_turn();
  auto view = display.view();
  ASSERT_TRUE(view.current);
  EXPECT_EQ(view.current->number, "A002");
  EXPECT_EQ(view.current->counter, "Counter 2");
  EXPECT_FALSE(view.highlight);
  EXPECT_TRUE(view.connected);
  EXPECT_EQ(view.connection, "Connected");
  ASSERT_EQ(view.previous.size(), 1U);
  EXPECT_EQ(view.previous[0].number, "A001");
  ASSERT_NE(display.widget("now_serving.number"), nullptr);
  EXPECT_EQ(display.widget("now_serving.number")->text, "A002");
  EXPECT_EQ(display.widget("now_serving.highlight"), nullptr);
  EXPECT_EQ(display.chime().requested(), 0);  // nothing chimes for what was called before switch-on

  display.next_turn();  // failure
  view = display.view();
  EXPECT_FALSE(view.connected);
  EXPECT_EQ(view.connection, "Reconnecting - last update 10:00");  // Oslo time of the good update
  EXPECT_EQ(display.widget("now_serving.connection")->text, view.connection);
  EXPECT_EQ(view.current->number, "A002");  // the last good calls stay on screen
  EXPECT_EQ(display.feed().last_problem(), "connection refused");

  display.next_turn();  // malformed
  view = display.view();
  EXPECT_FALSE(view.connected);
  EXPECT_EQ(view.current->number, "A002");
  EXPECT_NE(display.feed().last_problem().find("calls[0].seq"), std::string::npos)
      << display.feed().last_problem();

  display.next_turn();  // B001 at counter 4
  view = display.view();
  EXPECT_TRUE(view.connected);
  EXPECT_EQ(view.current->number, "B001");
  EXPECT_EQ(view.current->counter, "Counter 4");
  EXPECT_TRUE(view.highlight);
  EXPECT_EQ(display.widget("now_serving.number")->text, "B001");
  ASSERT_NE(display.widget("now_serving.highlight"), nullptr);
  EXPECT_EQ(display.widget("now_serving.highlight")->text, "New call");
  EXPECT_EQ(display.chime().requested(), 1);

  display.next_turn(9s);  // the callback throws: the loop carries on
  view = display.view();
  EXPECT_FALSE(view.connected);
  EXPECT_EQ(view.current->number, "B001");
  EXPECT_EQ(display.feed().last_problem(), "fetch threw: client bug");
  EXPECT_FALSE(view.highlight);  // the highlight lasts 8 s
  EXPECT_EQ(display.widget("now_serving.highlight"), nullptr);

  display.next_turn();  // recall of A001
  view = display.view();
  EXPECT_EQ(view.current->number, "A001");
  EXPECT_EQ(view.current->note, "Called again");
  EXPECT_EQ(display.chime().requested(), 2);
  ASSERT_EQ(view.previous.size(), 2U);  // moved to the top, not listed twice
  EXPECT_EQ(view.previous[0].number, "B001");
  EXPECT_EQ(view.previous[1].number, "A002");

  display.next_turn();  // seq back to 1: start over, and fetch again at once from 0
  view = display.view();
  EXPECT_EQ(view.current->number, "C001");
  EXPECT_TRUE(view.previous.empty());
  EXPECT_EQ(display.chime().requested(), 3);

  EXPECT_EQ(display.asked_after(), (std::vector<std::int64_t>{0, 2, 2, 2, 3, 3, 4, 0}));
  for (const auto* clipped : display.kiosk().widgets().clipped()) {
    ADD_FAILURE() << "clipped: " << clipped->id;
  }
}

TEST_F(NowServingDisplayTest, WaitsBetweenFetchesAndLongerAfterAFailure) {
  Display display({
      {Kind::document, doc({}, 0)},
      {Kind::document, doc({}, 0)},
      {Kind::failure, "timeout"},
      {Kind::document, doc({}, 0)},
  });
  display.next_turn(0s);  // the first fetch is due at once
  EXPECT_EQ(display.asked_after().size(), 1U);
  display.next_turn(0s);  // same instant: no second fetch
  EXPECT_EQ(display.asked_after().size(), 1U);
  display.next_turn(1s);
  EXPECT_EQ(display.asked_after().size(), 2U);
  display.next_turn(1s);  // the failure
  EXPECT_EQ(display.asked_after().size(), 3U);
  display.next_turn(1s);  // retry waits 5 s
  display.next_turn(1s);
  EXPECT_EQ(display.asked_after().size(), 3U);
  display.next_turn(3s);
  EXPECT_EQ(display.asked_after().size(), 4U);
  EXPECT_TRUE(display.view().connected);
  EXPECT_EQ(display.view().empty_text, "Please wait until your number is called");
}

TEST_F(NowServingDisplayTest, ABurstOfCallsChimesAtMostTwice) {
  std::vector<std::string> burst;
  for (int seq = 1; seq <= 10; ++seq)
    burst.push_back(call(seq, fmt::format("A{:03}", seq), 1));
  Display display({{Kind::document, doc({}, 0)}, {Kind::document, doc(burst, 10)}});
  display.next_turn();
  display.next_turn();
  EXPECT_EQ(display.view().current->number, "A010");
  EXPECT_EQ(display.view().previous.size(), 6U);
  EXPECT_EQ(display.chime().requested(), 2);
}

TEST_F(NowServingDisplayTest, WithoutALinkItSaysSoAndIgnoresTouches) {
  platform::SdlRuntime sdl(platform::SdlRuntime::Video::none);
  platform::ManualClock clock(test::k_test_start);
  app::NowServingFeed feed({}, clock);
  app::KioskConfig config = app::default_config();
  app::KioskApp kiosk_app(config, test::shipped_catalogs(config.languages.enabled), clock.steady_now());
  kiosk_app.attach_now_serving(&feed);
  EXPECT_FALSE(feed.poll());
  const auto vm = kiosk_app.view_model(clock.steady_now());
  EXPECT_EQ(vm.screen, app::ScreenId::now_serving);
  EXPECT_FALSE(vm.chrome.visible);
  EXPECT_FALSE(vm.now_serving.current);
  EXPECT_EQ(vm.now_serving.empty_text, "Waiting for the counter link");
  EXPECT_EQ(vm.now_serving.connection, "Not connected");
  EXPECT_EQ(feed.state(), app::LinkState::no_link);
  app::Intents intents;
  intents.emit(app::Intent::Kind::start_session);
  EXPECT_FALSE(kiosk_app.apply(intents, clock.steady_now()));
  EXPECT_EQ(kiosk_app.view_model(clock.steady_now()).screen, app::ScreenId::now_serving);
}

TEST_F(NowServingDisplayTest, LabelsInALocalLanguageCarryEnglishBeside) {
  Display display({{Kind::document, doc({call(1, "A001", 3)}, 1)}});
  // Without a feed the screen shows its sample calls; the labels are what matters here.
  display.app().attach_now_serving(nullptr);
  display.app().preview(app::ScreenId::now_serving, "nb", false, false,
                        std::chrono::steady_clock::time_point{});
  const auto vm = display.app().view_model(std::chrono::steady_clock::time_point{}).now_serving;
  EXPECT_EQ(vm.title, "Nå betjenes");
  EXPECT_EQ(vm.title_secondary, "Now serving");
  ASSERT_TRUE(vm.current);
  EXPECT_EQ(vm.current->counter.rfind("Skranke ", 0), 0U);
  EXPECT_EQ(vm.current->counter_secondary.rfind("Counter ", 0), 0U);
}

}  // namespace
}  // namespace kiosk

// The staff desk's dashboard roll-ups (issue 6) on a real store: the first refresh saves the closed days of
// the trend, later refreshes use them and give the same dashboard as reading every fact; a time zone change
// or a point saved by a clock that ran ahead is never reused; without the table the refresh still works.

#include <gtest/gtest.h>

#include <fmt/format.h>

#include "app/staff_desk.hpp"
#include "desk_test.hpp"

namespace kiosk::app {
namespace {

using namespace std::chrono_literals;
using date::November;

// Now (the fixture's clock): Tuesday 24 November 2026 10:00 in Oslo. The 30-day trend ends today, so
// Monday the 23rd is trend[28] and Saturday the 21st trend[26]; Sunday the 22nd has no data.
constexpr std::size_t k_saturday = 26;
constexpr std::size_t k_monday = 28;
constexpr std::size_t k_today = 29;

class StaffDashboardTest : public test_support::DeskTest {
 protected:
  void SetUp() override {
    DeskTest::SetUp();
    const auto at = [](unsigned d, int hh, int mm) {
      return test_support::oslo(date::year{2026} / November / date::day{d},
                                std::chrono::hours{hh} + std::chrono::minutes{mm});
    };
    ticket("t1", 21, 1, at(21, 10, 0), at(21, 10, 12), at(21, 10, 20), "served");
    ticket("t2", 23, 1, at(23, 12, 0), at(23, 12, 5), at(23, 12, 15), "no_show");
    // Checked in on Monday, called and served on Tuesday: Monday's check-in, today's wait.
    ticket("t3", 23, 2, at(23, 23, 50), at(24, 0, 10), at(24, 0, 20), "served");
    ticket("t4", 24, 1, at(24, 9, 30), std::nullopt, std::nullopt, "waiting");
    store->database().exec(fmt::format(
        "INSERT INTO survey_responses (id, survey_id, survey_version, triggered_by, service_id, language, "
        "answers_json, submitted_at, probable_repeat) VALUES ('s1', 'visit', 1, 'visit', 'cash', 'en', "
        "'{{\"nps\":10,\"csat\":5}}', {}, 0)",
        ms(at(23, 13, 0))));
    make_staff();
  }

  static std::int64_t ms(std::chrono::sys_seconds at) { return at.time_since_epoch().count() * 1000; }

  void ticket(const char* id, unsigned day, int number, std::chrono::sys_seconds issued,
              std::optional<std::chrono::sys_seconds> called, std::optional<std::chrono::sys_seconds> done,
              const char* status) {
    const auto optional = [](const std::optional<std::chrono::sys_seconds>& at) {
      return at ? std::to_string(ms(*at)) : std::string("NULL");
    };
    store->database().exec(fmt::format(
        "INSERT INTO tickets (id, service_id, local_day, number, display, language, issued_at, people_ahead, "
        "quote_kind, status, called_at, done_at) VALUES ('{}', 'cash', '2026-11-{:02}', {}, 'A{:03}', 'en', "
        "{}, 0, 'no_wait', '{}', {}, {})",
        id, day, number, number, ms(issued), status, optional(called), optional(done)));
  }

  void make_staff() {
    staff.reset();
    staff = std::make_unique<StaffDesk>(*store, config, desk->content(), clock, key_file(), dir / "exports");
  }

  domain::dashboard::Dashboard refreshed() {
    staff->refresh_dashboard();
    EXPECT_NE(staff->dashboard(), nullptr);
    return staff->dashboard() ? *staff->dashboard() : domain::dashboard::Dashboard{};
  }

  std::unique_ptr<StaffDesk> staff;
};

TEST_F(StaffDashboardTest, TheFirstRefreshSavesTheClosedDaysAndTheNextUsesThem) {
  const auto full = refreshed();  // nothing saved yet: every fact of the 30 days was read
  ASSERT_EQ(full.trend.size(), 30U);
  EXPECT_EQ(full.trend[k_saturday].check_ins, 1U);
  EXPECT_FALSE(full.trend[k_saturday + 1].has_data);
  EXPECT_EQ(full.trend[k_monday].check_ins, 2U);
  ASSERT_TRUE(full.trend[k_monday].nps);
  EXPECT_DOUBLE_EQ(*full.trend[k_monday].nps, 100.0);
  EXPECT_EQ(full.trend[k_today].check_ins, 1U);
  EXPECT_EQ(full.today_figures.wait.count, 1U);  // t3's 20 minutes
  EXPECT_EQ(full.queue.waiting, 1U);
  EXPECT_EQ(count("SELECT count(*) FROM dashboard_days"), 29);  // every closed day, gaps included
  EXPECT_EQ(count("SELECT count(*) FROM dashboard_days WHERE local_day = '2026-11-24'"), 0);  // not today

  EXPECT_TRUE(refreshed() == full);
  // The saved point is what the trend shows: Monday's tickets are no longer read.
  store->database().exec("UPDATE dashboard_days SET check_ins = 999 WHERE local_day = '2026-11-23'");
  EXPECT_EQ(refreshed().trend[k_monday].check_ins, 999U);
}

TEST_F(StaffDashboardTest, TheNextDaySavesYesterdayAndStillEqualsTheFullRead) {
  refreshed();
  set_clock(test_support::oslo(date::year{2026} / November / date::day{25}, 9h));
  const auto rolled = refreshed();
  EXPECT_EQ(count("SELECT count(*) FROM dashboard_days WHERE local_day = '2026-11-24'"), 1);
  EXPECT_EQ(count("SELECT count(*) FROM dashboard_days WHERE local_day < '2026-10-27'"), 0);  // pruned
  EXPECT_EQ(count("SELECT count(*) FROM dashboard_days"), 29);
  store->database().exec("DELETE FROM dashboard_days");
  const auto full = refreshed();
  EXPECT_EQ(full.trend[k_today - 1].check_ins, 1U);  // the 24th, now closed
  EXPECT_TRUE(rolled == full);
}

// Between customers the desk rolls the closed days up once a day, without staff and without keeping any
// figure, so the first refresh of a day reads only today's facts.
TEST_F(StaffDashboardTest, ClosedDaysAreRolledUpBetweenCustomersOncePerDay) {
  EXPECT_TRUE(staff->roll_up_closed_days());
  EXPECT_EQ(staff->dashboard(), nullptr);  // nothing of the figures stays in memory
  EXPECT_EQ(count("SELECT count(*) FROM dashboard_days"), 29);
  EXPECT_FALSE(staff->roll_up_closed_days());  // done for today
  set_clock(test_support::oslo(date::year{2026} / November / date::day{24}, 23h + 59min));
  EXPECT_FALSE(staff->roll_up_closed_days());
  // After midnight the 24th is a closed day: it is saved before anyone opens the dashboard.
  set_clock(test_support::oslo(date::year{2026} / November / date::day{25}, 0h + 1min));
  EXPECT_TRUE(staff->roll_up_closed_days());
  EXPECT_EQ(count("SELECT count(*) FROM dashboard_days WHERE local_day = '2026-11-24'"), 1);
  // The point is the one the staff refresh uses (and equal to reading every fact).
  store->database().exec("UPDATE dashboard_days SET check_ins = 777 WHERE local_day = '2026-11-24'");
  EXPECT_EQ(refreshed().trend[k_today - 1].check_ins, 777U);  // the 24th, now the day before today
}

TEST_F(StaffDashboardTest, AnotherTimeZoneNeverReusesThePoints) {
  refreshed();
  store->database().exec("UPDATE dashboard_days SET check_ins = 999 WHERE local_day = '2026-11-23'");
  config.kiosk.time_zone = "Europe/London";
  make_staff();
  const auto board = refreshed();
  EXPECT_EQ(board.trend[k_monday].check_ins, 2U);
  EXPECT_EQ(count("SELECT count(DISTINCT figures_key) FROM dashboard_days"), 1);
  EXPECT_EQ(count("SELECT count(*) FROM dashboard_days WHERE figures_key LIKE '%Europe/London%'"), 29);
}

TEST_F(StaffDashboardTest, APointSavedByAClockThatRanAheadIsRecomputed) {
  refreshed();
  store->database().exec(fmt::format(
      "UPDATE dashboard_days SET check_ins = 999, computed_at = {} WHERE local_day = '2026-11-23'",
      ms(std::chrono::floor<std::chrono::seconds>(clock.utc_now()) + 24h)));
  EXPECT_EQ(refreshed().trend[k_monday].check_ins, 2U);
  EXPECT_EQ(count("SELECT check_ins FROM dashboard_days WHERE local_day = '2026-11-23'"), 2);  // replaced
}

TEST_F(StaffDashboardTest, WithoutTheRollupTableTheRefreshReadsEveryFact) {
  const auto full = refreshed();
  store->database().exec("DROP TABLE dashboard_days");
  EXPECT_TRUE(refreshed() == full);
}

}  // namespace
}  // namespace kiosk::app

#include <gtest/gtest.h>

#include <ostream>
#include <string>

#include "domain/queue/services.hpp"
#include "queue_test_support.hpp"

namespace kiosk::domain::queue {

// Readable failures: "closed_today next=2026-03-30 00:10:00 closes=-".
void PrintTo(const Availability& a, std::ostream* out) {
  constexpr const char* k_states[] = {"open", "closed_now", "closed_today", "disabled"};
  *out << k_states[static_cast<int>(a.state)] << " next=";
  *out << (a.next_opening ? date::format("%F %T", *a.next_opening) : std::string("-"));
  *out << " closes=" << (a.closes_at ? date::format("%F %T", *a.closes_at) : std::string("-"));
}

namespace {

using namespace std::chrono_literals;
using test::day;
using test::oslo;
using test::oslo_time;
using test::utc;

// Weekdays 10:00-15:00, Thursday to 17:00, closed at weekends and on 24-25 December.
Service branch_service() {
  Service service;
  service.id = "cash";
  service.prefix = "A";
  for (const date::weekday d : {date::Monday, date::Tuesday, date::Wednesday, date::Friday}) {
    service.hours.weekly[d.iso_encoding() - 1] = {{10h, 15h}};
  }
  service.hours.weekly[date::Thursday.iso_encoding() - 1] = {{10h, 17h}};
  service.hours.closed_dates = {day(2026, 12, 24), day(2026, 12, 25)};
  service.counters = {1};
  return service;
}

Service every_day(std::vector<LocalInterval> intervals) {
  Service service = branch_service();
  service.hours.weekly.fill(intervals);
  service.hours.closed_dates.clear();
  return service;
}

Availability open_until(std::chrono::sys_seconds closes) {
  return Availability{AvailabilityState::open, std::nullopt, closes};
}
Availability closed_now(std::chrono::sys_seconds opens) {
  return Availability{AvailabilityState::closed_now, opens, std::nullopt};
}
Availability closed_today(std::optional<std::chrono::sys_seconds> opens) {
  return Availability{AvailabilityState::closed_today, opens, std::nullopt};
}

// Monday 23 November 2026, CET (UTC+1).
TEST(Availability, OpenDuringHours) {
  const Service service = branch_service();
  EXPECT_EQ(availability(service, oslo_time(2026, 11, 23, 10, 30), oslo()),
            open_until(utc(2026, 11, 23, 14, 0)));
  EXPECT_EQ(availability(service, oslo_time(2026, 11, 26, 16, 0), oslo()),
            open_until(utc(2026, 11, 26, 16, 0)));
}

TEST(Availability, EdgesOfAnInterval) {
  const Service service = branch_service();
  EXPECT_EQ(availability(service, oslo_time(2026, 11, 23, 10, 0), oslo()),
            open_until(utc(2026, 11, 23, 14, 0)));
  EXPECT_EQ(availability(service, oslo_time(2026, 11, 23, 9, 59, 59), oslo()),
            closed_now(utc(2026, 11, 23, 9, 0)));
  EXPECT_EQ(availability(service, oslo_time(2026, 11, 23, 14, 59, 59), oslo()),
            open_until(utc(2026, 11, 23, 14, 0)));
  EXPECT_EQ(availability(service, oslo_time(2026, 11, 23, 15, 0), oslo()),
            closed_today(utc(2026, 11, 24, 9, 0)));
}

TEST(Availability, LunchBreakIsClosedNow) {
  Service service = branch_service();
  service.hours.weekly[0] = {{9h, 11h + 30min}, {12h, 15h + 30min}};
  EXPECT_EQ(availability(service, oslo_time(2026, 11, 23, 11, 45), oslo()),
            closed_now(utc(2026, 11, 23, 11, 0)));
  EXPECT_EQ(availability(service, oslo_time(2026, 11, 23, 11, 0), oslo()),
            open_until(utc(2026, 11, 23, 10, 30)));
}

TEST(Availability, TouchingIntervalsAreOneOpening) {
  Service service = branch_service();
  service.hours.weekly[0] = {{9h, 12h}, {12h, 15h}};
  EXPECT_EQ(availability(service, oslo_time(2026, 11, 23, 11, 0), oslo()),
            open_until(utc(2026, 11, 23, 14, 0)));
}

TEST(Availability, AfterHoursPointsToTheNextWorkingDay) {
  const Service service = branch_service();
  // Friday evening -> Monday 10:00.
  EXPECT_EQ(availability(service, oslo_time(2026, 11, 27, 18, 0), oslo()),
            closed_today(utc(2026, 11, 30, 9, 0)));
  // Saturday morning: nothing today.
  EXPECT_EQ(availability(service, oslo_time(2026, 11, 28, 9, 0), oslo()),
            closed_today(utc(2026, 11, 30, 9, 0)));
}

TEST(Availability, HolidaysAreSkipped) {
  const Service service = branch_service();
  // Thursday 24 and Friday 25 December are closed, then the weekend: next opening Monday 28th.
  EXPECT_EQ(availability(service, oslo_time(2026, 12, 24, 11, 0), oslo()),
            closed_today(utc(2026, 12, 28, 9, 0)));
  EXPECT_EQ(availability(service, oslo_time(2026, 12, 23, 16, 0), oslo()),
            closed_today(utc(2026, 12, 28, 9, 0)));
  EXPECT_EQ(availability(service, oslo_time(2026, 12, 23, 9, 0), oslo()),
            closed_now(utc(2026, 12, 23, 9, 0)));
}

TEST(Availability, LooksFourteenDaysAhead) {
  Service mondays = branch_service();
  mondays.hours.weekly.fill({});
  mondays.hours.weekly[0] = {{10h, 15h}};
  mondays.hours.closed_dates = {day(2026, 11, 30)};
  // Monday 23rd after closing: the 30th is closed; the 7th of December is exactly 14 days ahead.
  EXPECT_EQ(availability(mondays, oslo_time(2026, 11, 23, 16, 0), oslo()),
            closed_today(utc(2026, 12, 7, 9, 0)));
  mondays.hours.closed_dates.push_back(day(2026, 12, 7));
  EXPECT_EQ(availability(mondays, oslo_time(2026, 11, 23, 16, 0), oslo()), closed_today(std::nullopt));

  Service never = branch_service();
  never.hours.weekly.fill({});
  EXPECT_EQ(availability(never, oslo_time(2026, 11, 23, 12, 0), oslo()), closed_today(std::nullopt));
}

TEST(Availability, DisabledGivesNoTimes) {
  Service service = branch_service();
  service.enabled = false;
  EXPECT_EQ(availability(service, oslo_time(2026, 11, 23, 12, 0), oslo()),
            (Availability{AvailabilityState::disabled, std::nullopt, std::nullopt}));
}

TEST(Availability, TodayIsTheBranchLocalDay) {
  Service service = branch_service();
  service.hours.weekly.fill({});
  service.hours.weekly[1] = {{0h, 1h}};  // Tuesday 00:00-01:00 only
  // 23:30 UTC on Monday is already 00:30 on Tuesday in Oslo.
  EXPECT_EQ(availability(service, utc(2026, 11, 23, 23, 30), oslo()), open_until(utc(2026, 11, 24, 0, 0)));
  // 22:59 UTC Monday is 23:59 Monday in Oslo: the opening is tomorrow, not "later today".
  EXPECT_EQ(availability(service, utc(2026, 11, 23, 22, 59), oslo()), closed_today(utc(2026, 11, 23, 23, 0)));
}

TEST(Availability, MidnightEndAndOpeningsAcrossMidnight) {
  Service service = branch_service();
  service.hours.weekly.fill({});
  service.hours.weekly[0] = {{20h, 24h}};  // Monday evening to midnight
  service.hours.weekly[1] = {{0h, 6h}};    // and on into Tuesday morning
  EXPECT_EQ(availability(service, oslo_time(2026, 11, 23, 19, 0), oslo()),
            closed_now(utc(2026, 11, 23, 19, 0)));
  // One opening from Monday 20:00 to Tuesday 06:00, even though it is written as two days.
  EXPECT_EQ(availability(service, oslo_time(2026, 11, 23, 23, 59, 59), oslo()),
            open_until(utc(2026, 11, 24, 5, 0)));
  EXPECT_EQ(availability(service, oslo_time(2026, 11, 24, 0, 0), oslo()),
            open_until(utc(2026, 11, 24, 5, 0)));
  service.hours.weekly[1].clear();
  EXPECT_EQ(availability(service, oslo_time(2026, 11, 23, 23, 59, 59), oslo()),
            open_until(utc(2026, 11, 23, 23, 0)));
  EXPECT_EQ(availability(service, oslo_time(2026, 11, 24, 0, 0), oslo()),
            closed_today(utc(2026, 11, 30, 19, 0)));
}

// Spring forward, Sunday 29 March 2026: 02:00 CET becomes 03:00 CEST at 01:00 UTC.
TEST(Availability, SpringForwardShortensTheNight) {
  const Service night = every_day({{1h, 4h}});
  // 01:30 CET = 00:30 UTC; 04:00 CEST = 02:00 UTC, so this three-hour wall-clock interval lasts two hours.
  EXPECT_EQ(availability(night, utc(2026, 3, 29, 0, 30), oslo()), open_until(utc(2026, 3, 29, 2, 0)));
  // A day later the same hours are 01:00-04:00 CEST = 23:00-02:00 UTC.
  EXPECT_EQ(availability(night, utc(2026, 3, 29, 23, 30), oslo()), open_until(utc(2026, 3, 30, 2, 0)));
}

TEST(Availability, SpringForwardSkippedOpeningMeansTheJump) {
  // 02:30 does not exist on the 29th: the service opens when the clock jumps, 03:00 CEST = 01:00 UTC.
  const Service skipped = every_day({{2h + 30min, 5h}});
  EXPECT_EQ(availability(skipped, utc(2026, 3, 29, 0, 59, 59), oslo()), closed_now(utc(2026, 3, 29, 1, 0)));
  EXPECT_EQ(availability(skipped, utc(2026, 3, 29, 1, 0), oslo()), open_until(utc(2026, 3, 29, 3, 0)));
  // An interval wholly inside the gap never happens that day; the next is Monday 02:10 CEST = 00:10 UTC.
  const Service in_gap = every_day({{2h + 10min, 2h + 50min}});
  EXPECT_EQ(availability(in_gap, utc(2026, 3, 28, 23, 30), oslo()), closed_today(utc(2026, 3, 30, 0, 10)));
}

TEST(Availability, DaytimeHoursFollowTheClockChange) {
  const Service service = every_day({{9h, 15h}});
  // Saturday 28 March 16:00 CET -> Sunday 09:00 CEST = 07:00 UTC (not 08:00).
  EXPECT_EQ(availability(service, oslo_time(2026, 3, 28, 16, 0), oslo()),
            closed_today(utc(2026, 3, 29, 7, 0)));
  // Saturday 24 October 16:00 CEST -> Sunday 09:00 CET = 08:00 UTC.
  EXPECT_EQ(availability(service, oslo_time(2026, 10, 24, 16, 0), oslo()),
            closed_today(utc(2026, 10, 25, 8, 0)));
  EXPECT_EQ(availability(service, oslo_time(2026, 10, 25, 14, 0), oslo()),
            open_until(utc(2026, 10, 25, 14, 0)));
}

// Fall back, Sunday 25 October 2026: 03:00 CEST becomes 02:00 CET at 01:00 UTC; 02:00-02:59 happens twice.
TEST(Availability, FallBackLengthensTheNight) {
  const Service night = every_day({{1h, 4h}});
  // 01:00 CEST = 23:00 UTC on the 24th; 04:00 CET = 03:00 UTC: a three-hour interval lasting four hours.
  EXPECT_EQ(availability(night, utc(2026, 10, 24, 23, 0), oslo()), open_until(utc(2026, 10, 25, 3, 0)));
  // 02:30 for the second time (CET, 01:30 UTC) is still inside it.
  EXPECT_EQ(availability(night, utc(2026, 10, 25, 1, 30), oslo()), open_until(utc(2026, 10, 25, 3, 0)));
}

TEST(Availability, FallBackRepeatedTimeMeansItsFirstOccurrence) {
  const Service service = every_day({{2h + 30min, 5h}});
  // 02:30 first occurs in CEST, at 00:30 UTC.
  EXPECT_EQ(availability(service, utc(2026, 10, 25, 0, 0), oslo()), closed_now(utc(2026, 10, 25, 0, 30)));
  EXPECT_EQ(availability(service, utc(2026, 10, 25, 0, 30), oslo()), open_until(utc(2026, 10, 25, 4, 0)));
}

}  // namespace
}  // namespace kiosk::domain::queue

#include <gtest/gtest.h>

#include <vector>

#include "dashboard_test_support.hpp"
#include "domain/dashboard/day_figures.hpp"

namespace kiosk::domain::dashboard {
namespace {

using namespace test;
using std::chrono::milliseconds;
using S = TicketStatus;

constexpr ServiceIndex k_cash = 0;
constexpr ServiceIndex k_loans = 1;

TicketFact no_wait_quoted(TicketFact fact) {
  fact.quote_kind = queue::WaitKind::no_wait;
  return fact;
}

// Monday 23 November 2026 in Oslo (CET, UTC+1), target wait 15 minutes. Local times.
//  T1  09:00 wait  4m     range [3,5]    served 09:10      inside, error 0, within target
//  T2  09:05 wait 12m30s  range [5,10]   served 09:30      longer (12 > 10), error 2, within target
//  T3  09:10 wait 20m     range [25,30]  no-show 09:35     shorter (20 < 25), error 5
//  T4  09:20 wait  8m     people ahead   transferred 09:40 counted apart, within target
//  T5  09:20 (transferred in, loans) called 10:00, served 10:10: no check-in, no wait, one served
//  T6  10:00 wait  1m     no wait        served 10:15      accurate (< 2 min grace), within target
//  T7  10:30 wait  3m     no wait        cancelled 10:40   not accurate, within target
//  T8  11:00 still waiting
//  T9  22 Nov 23:50 wait 20m (called 00:10 on the 23rd), range [15,20], served 00:20: yesterday's check-in,
//      today's wait (inside, error 0) and today's served
//  T10 23:55 wait 10m (called 00:05 on the 24th), still called: today's check-in, tomorrow's wait
//  T11 12:00 called 11:59 (a clock step: negative wait), served 12:05: left out of waits, one served
// Today: check-ins T1-4, T6-8, T10, T11 = 9; served T1, T2, T5, T6, T9, T11 = 6; no-shows 1; transfers 1;
// cancelled 1. Waits: 1m, 3m, 4m, 8m, 12m30s, 20m, 20m (n = 7): median rank ceil(3.5) = 4 -> 8m; p80 rank
// ceil(5.6) = 6 -> 20m; within 15m: 5 of 7. Range quotes T1, T2, T3, T9: 2 inside, 1 shorter, 1 longer,
// share 0.5, mean error (0 + 2 + 5 + 0) / 4 = 1.75 min. No-wait quotes 2 (1 accurate); people-ahead 1.
std::vector<TicketFact> monday() {
  const auto at = [](int hh, int mm) { return oslo_time(2026, 11, 23, hh, mm); };
  TicketFact t5 = ticket(k_loans, S::served, at(9, 20), 40min, at(10, 10));
  t5.transferred_in = true;
  TicketFact t11 = ticket(k_cash, S::served, at(12, 0), std::nullopt, at(12, 5));
  t11.called_at = at(11, 59);
  return {
      range_quoted(ticket(k_cash, S::served, at(9, 0), 4min, at(9, 10)), 3, 5),
      range_quoted(ticket(k_cash, S::served, at(9, 5), 12min + 30s, at(9, 30)), 5, 10),
      range_quoted(ticket(k_cash, S::no_show, at(9, 10), 20min, at(9, 35)), 25, 30),
      ticket(k_cash, S::transferred, at(9, 20), 8min, at(9, 40)),
      t5,
      no_wait_quoted(ticket(k_loans, S::served, at(10, 0), 1min, at(10, 15))),
      no_wait_quoted(ticket(k_loans, S::cancelled, at(10, 30), 3min, at(10, 40))),
      ticket(k_cash, S::waiting, at(11, 0)),
      range_quoted(ticket(k_cash, S::served, oslo_time(2026, 11, 22, 23, 50), 20min, at(0, 20)), 15, 20),
      ticket(k_cash, S::called, at(23, 55), 10min),
      t11,
  };
}

TEST(DayFigures, CountsEachEventOnTheDayItHappened) {
  const DayFigures f =
      day_figures(monday(), local_day_window(day(2026, 11, 23), oslo()), DashboardSettings{});
  EXPECT_TRUE(f.has_ticket_activity);
  EXPECT_EQ(f.check_ins, 9U);
  EXPECT_EQ(f.served, 6U);
  EXPECT_EQ(f.no_shows, 1U);
  EXPECT_EQ(f.transfers, 1U);
  EXPECT_EQ(f.cancelled, 1U);
}

TEST(DayFigures, WaitPercentilesAndTargetShare) {
  const DayFigures f =
      day_figures(monday(), local_day_window(day(2026, 11, 23), oslo()), DashboardSettings{});
  EXPECT_EQ(f.wait.count, 7U);
  EXPECT_EQ(f.wait.left_out, 1U);
  EXPECT_EQ(f.wait.median, milliseconds{8min});
  EXPECT_EQ(f.wait.p80, milliseconds{20min});
  EXPECT_EQ(f.wait.within_target, 5U);
  ASSERT_TRUE(f.wait.within_target_share);
  EXPECT_DOUBLE_EQ(*f.wait.within_target_share, 5.0 / 7.0);
}

TEST(DayFigures, TargetIsInclusiveAndConfigurable) {
  DashboardSettings settings;
  settings.target_wait = 4min;  // 1m, 3m and exactly 4m are within
  const DayFigures f = day_figures(monday(), local_day_window(day(2026, 11, 23), oslo()), settings);
  EXPECT_EQ(f.wait.within_target, 3U);
}

TEST(DayFigures, EstimateAccuracy) {
  const DayFigures f =
      day_figures(monday(), local_day_window(day(2026, 11, 23), oslo()), DashboardSettings{});
  const AccuracyFigures& a = f.accuracy;
  EXPECT_EQ(a.range_quotes, 4U);
  EXPECT_EQ(a.range_inside, 2U);
  EXPECT_EQ(a.range_shorter, 1U);
  EXPECT_EQ(a.range_longer, 1U);
  EXPECT_EQ(a.inside_share, 0.5);
  EXPECT_EQ(a.mean_abs_error_min, 1.75);
  EXPECT_EQ(a.no_wait_quotes, 2U);
  EXPECT_EQ(a.no_wait_accurate, 1U);
  EXPECT_EQ(a.people_ahead_only, 1U);
}

TEST(DayFigures, TicketsAcrossMidnightSplitBetweenDays) {
  const auto days = local_day_windows(day(2026, 11, 24), 3, oslo());  // 22nd, 23rd, 24th
  const std::vector<DayFigures> f = day_figures(monday(), days, DashboardSettings{});
  ASSERT_EQ(f.size(), 3U);
  // 22nd: only T9's check-in; its wait belongs to the 23rd.
  EXPECT_EQ(f[0].window.day, day(2026, 11, 22));
  EXPECT_TRUE(f[0].has_ticket_activity);
  EXPECT_EQ(f[0].check_ins, 1U);
  EXPECT_EQ(f[0].wait.count, 0U);
  EXPECT_EQ(f[0].wait.median, std::nullopt);
  EXPECT_EQ(f[0].accuracy.inside_share, std::nullopt);
  // The 23rd is the same as computed alone.
  EXPECT_EQ(f[1].check_ins, 9U);
  EXPECT_EQ(f[1].wait.median, milliseconds{8min});
  // 24th: T10's 10-minute wait, no check-in.
  EXPECT_EQ(f[2].check_ins, 0U);
  EXPECT_EQ(f[2].wait.count, 1U);
  EXPECT_EQ(f[2].wait.median, milliseconds{10min});
  EXPECT_EQ(f[2].wait.p80, milliseconds{10min});
}

TEST(DayFigures, ADayWithoutTicketsHasNoActivity) {
  const DayFigures f =
      day_figures(monday(), local_day_window(day(2026, 11, 20), oslo()), DashboardSettings{});
  EXPECT_FALSE(f.has_ticket_activity);
  EXPECT_EQ(f.check_ins, 0U);
  EXPECT_EQ(f.wait.median, std::nullopt);
  EXPECT_EQ(f.wait.within_target_share, std::nullopt);
}

TEST(DayFigures, ImplausiblyLongWaitsAreLeftOut) {
  const EventTime nine = oslo_time(2026, 11, 23, 9, 0);
  DashboardSettings settings;
  settings.max_plausible_wait = std::chrono::hours{2};
  const std::vector<TicketFact> tickets{
      ticket(k_cash, S::called, nine, 2h),                       // exactly the limit: counted
      ticket(k_cash, S::called, nine, 2h + 1s),                  // over it: left out
      range_quoted(ticket(k_cash, S::called, nine, 3h), 5, 10),  // left out, and its quote is not judged
  };
  const DayFigures f = day_figures(tickets, local_day_window(day(2026, 11, 23), oslo()), settings);
  EXPECT_EQ(f.wait.count, 1U);
  EXPECT_EQ(f.wait.left_out, 2U);
  EXPECT_EQ(f.accuracy.range_quotes, 0U);
  EXPECT_EQ(f.check_ins, 3U);
}

TEST(DayFigures, RangeWithHighBelowLowIsReadAsOnePoint) {
  const EventTime nine = oslo_time(2026, 11, 23, 9, 0);
  const std::vector<TicketFact> tickets{
      range_quoted(ticket(k_cash, S::called, nine, 7min + 59s), 7, 3),  // [7, 7]: 7 whole minutes, inside
      range_quoted(ticket(k_cash, S::called, nine, 9min), 7, 3),        // 2 past it
  };
  const DayFigures f = day_figures(tickets, local_day_window(day(2026, 11, 23), oslo()), DashboardSettings{});
  EXPECT_EQ(f.accuracy.range_inside, 1U);
  EXPECT_EQ(f.accuracy.range_longer, 1U);
  EXPECT_EQ(f.accuracy.mean_abs_error_min, 1.0);
}

// Sunday 29 March 2026: 23 hours, 02:00 CET jumps to 03:00 CEST at 01:00Z.
//  A issued 01:30 CET (00:30Z), called 03:10 CEST (01:10Z): the wall clock says 1h40, the wait is 40 min.
//  B issued 00:05 CET (23:05Z on the 28th): the day's first minutes; wait 5 min.
//  C issued 23:30 CEST (21:30Z): the day's last half hour; never called.
//  D issued 00:30 CEST on the 30th (22:30Z on the 29th): the next day.
// Check-ins on the 29th: A, B, C = 3; waits 5m and 40m: median (lower middle) 5m, p80 40m.
TEST(DayFigures, SpringForwardDay) {
  const std::vector<TicketFact> tickets{
      range_quoted(ticket(k_cash, S::served, utc(2026, 3, 29, 0, 30), 40min, utc(2026, 3, 29, 1, 20)), 35,
                   45),
      ticket(k_cash, S::served, utc(2026, 3, 28, 23, 5), 5min, utc(2026, 3, 28, 23, 15)),
      ticket(k_cash, S::waiting, utc(2026, 3, 29, 21, 30)),
      ticket(k_cash, S::waiting, utc(2026, 3, 29, 22, 30)),
  };
  const DayFigures f = day_figures(tickets, local_day_window(day(2026, 3, 29), oslo()), DashboardSettings{});
  EXPECT_EQ(f.check_ins, 3U);
  EXPECT_EQ(f.served, 2U);
  EXPECT_EQ(f.wait.median, milliseconds{5min});
  EXPECT_EQ(f.wait.p80, milliseconds{40min});
  EXPECT_EQ(f.accuracy.range_inside, 1U);
}

// Sunday 25 October 2026: 25 hours, 03:00 CEST falls back to 02:00 CET at 01:00Z.
//  A issued 02:30 CEST (00:30Z), called 02:10 CET (01:10Z): the wall clock goes back, the wait is 40 min.
//  B issued 00:10 CEST (22:10Z on the 24th), called 00:40: 30 min.
//  C issued 23:30 CET (22:30Z): inside the day, which ends at 23:00Z; called 23:50 CET: 20 min.
//  D issued 00:00 CET on the 26th (23:00Z): the next day.
// Check-ins 3; waits 20m, 30m, 40m: median rank 2 -> 30m, p80 rank ceil(2.4) = 3 -> 40m.
TEST(DayFigures, FallBackDay) {
  const std::vector<TicketFact> tickets{
      ticket(k_cash, S::served, utc(2026, 10, 25, 0, 30), 40min, utc(2026, 10, 25, 1, 30)),
      ticket(k_cash, S::served, utc(2026, 10, 24, 22, 10), 30min, utc(2026, 10, 24, 22, 50)),
      ticket(k_cash, S::called, utc(2026, 10, 25, 22, 30), 20min),
      ticket(k_cash, S::waiting, utc(2026, 10, 25, 23, 0)),
  };
  const DayFigures f = day_figures(tickets, local_day_window(day(2026, 10, 25), oslo()), DashboardSettings{});
  EXPECT_EQ(f.check_ins, 3U);
  EXPECT_EQ(f.served, 2U);
  EXPECT_EQ(f.wait.count, 3U);
  EXPECT_EQ(f.wait.median, milliseconds{30min});
  EXPECT_EQ(f.wait.p80, milliseconds{40min});
}

TEST(DayFigures, OutcomeWithoutDoneTimeIsNotCounted) {
  const std::vector<TicketFact> tickets{ticket(k_cash, S::served, oslo_time(2026, 11, 23, 9, 0), 1min)};
  const DayFigures f = day_figures(tickets, local_day_window(day(2026, 11, 23), oslo()), DashboardSettings{});
  EXPECT_EQ(f.served, 0U);
  EXPECT_EQ(f.wait.count, 1U);
}

TEST(DayFigures, NoWindowsGiveNoFigures) {
  EXPECT_TRUE(day_figures(monday(), std::span<const LocalDayWindow>{}, DashboardSettings{}).empty());
}

}  // namespace
}  // namespace kiosk::domain::dashboard

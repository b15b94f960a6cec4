// Roll-ups of closed days (issue 6): the dashboard computed from every fact equals the one computed from
// today's facts (plus the open tickets) and the trend points of the closed days, each computed on its own
// when that day had just ended. The fixture has a DST day, a day without data and a ticket whose check-in
// and wait fall on different days.

#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

#include "dashboard_test_support.hpp"
#include "domain/dashboard/dashboard.hpp"

namespace kiosk::domain::dashboard {
namespace {

using namespace test;
using surveys::RatingKind;
using S = TicketStatus;

// Now: Tuesday 27 October 2026 12:00 in Oslo; a 5-day trend, 23 to 27 October.
//  23 Oct: two served tickets, NPS 10, 10, 0, and a ticket left "waiting" (stale by now).
//  24 Oct: nothing (a gap).
//  25 Oct: the 25-hour day: a ticket in the repeated hour, a CSAT answer, a no-show, and a ticket issued at
//          23:30 and called at 00:10 on the 26th.
//  26 Oct: a complaint; a ticket issued at 23:30 and called at 00:15 on the 27th.
//  27 Oct: a served ticket, one waiting, a repeat NPS 9, an NPS 8 with a comment.
//   1 Oct: an old ticket, outside the trend.
const EventTime k_now = oslo_time(2026, 10, 27, 12, 0);

struct Facts {
  std::vector<TicketFact> tickets;
  std::vector<SurveyFact> answers;
  std::vector<ComplaintFact> complaints;
  std::vector<CounterFact> counters;
  std::vector<TrendPoint> closed_days;

  DashboardInput input() const { return DashboardInput{tickets, answers, complaints, counters, 2}; }
  Dashboard at(EventTime now, const DashboardSettings& settings) const {
    return compute_dashboard(input(), closed_days, now, oslo(), settings);
  }
};

Facts every_fact() {
  const auto at = [](unsigned d, int hh, int mm) { return oslo_time(2026, 10, d, hh, mm); };
  Facts f;
  f.tickets = {
      ticket(0, S::served, at(23, 9, 0), 5min, at(23, 9, 15)),
      ticket(1, S::served, at(23, 9, 10), 7min, at(23, 9, 25)),
      ticket(0, S::waiting, at(23, 15, 0)),
      range_quoted(ticket(0, S::served, utc(2026, 10, 25, 0, 50), 30min, utc(2026, 10, 25, 1, 40)), 20, 40),
      ticket(1, S::no_show, at(25, 11, 0), 20min, at(25, 11, 30)),
      ticket(0, S::served, at(25, 23, 30), 40min, at(26, 0, 20)),
      ticket(0, S::served, at(26, 23, 30), 45min, at(27, 0, 25)),
      range_quoted(ticket(1, S::served, at(27, 9, 45), 15min, at(27, 10, 10)), 10, 20),
      ticket(0, S::waiting, at(27, 11, 30)),
      ticket(0, S::served, at(1, 10, 0), 5min, at(1, 10, 10)),
  };
  for (const int score : {10, 10, 0}) {
    f.answers.push_back(SurveyFact{0, RatingKind::nps, score, {}, false, at(23, 10, 0)});
  }
  f.answers.push_back(SurveyFact{0, RatingKind::csat, 5, {}, false, utc(2026, 10, 25, 1, 30)});
  f.answers.push_back(SurveyFact{0, RatingKind::nps, 9, {}, true, at(27, 10, 0)});
  f.answers.push_back(SurveyFact{1, RatingKind::nps, 8, {}, false, at(27, 10, 5)});
  f.answers.push_back(SurveyFact{1, RatingKind::other, 0, "Quick service", false, at(27, 10, 5)});
  f.complaints.push_back(ComplaintFact{"cards", "fees", complaints::ComplaintStatus::received, at(26, 9, 0),
                                       oslo_time(2026, 10, 27, 23, 59, 59),
                                       oslo_time(2026, 11, 16, 23, 59, 59), std::nullopt, "", ""});
  f.counters.push_back(CounterFact{1, true, {0, 1}});
  return f;
}

DashboardSettings five_days() {
  DashboardSettings settings;
  settings.trend_days = 5;
  return settings;
}

// The point of `day` as a refresh in its last millisecond computed it (a one-day trend: that day is today).
TrendPoint point_when_closed(const Facts& facts, date::local_days day) {
  DashboardSettings settings = five_days();
  settings.trend_days = 1;
  const EventTime last_instant = local_day_window(day, oslo()).end - std::chrono::milliseconds{1};
  return facts.at(last_instant, settings).trend.front();
}

// What the store hands over when the closed days from `first_missing` on have no roll-up: tickets with any
// fact from that day's start, every open ticket, answers from then, and every complaint.
Facts facts_from(const Facts& all, date::local_days first_missing) {
  const EventTime since = local_day_window(first_missing, oslo()).start;
  Facts f;
  const auto after = [&](const std::optional<EventTime>& at) { return at && *at >= since; };
  std::copy_if(all.tickets.begin(), all.tickets.end(), std::back_inserter(f.tickets),
               [&](const TicketFact& t) {
                 return t.issued_at >= since || after(t.called_at) || after(t.done_at) ||
                        t.status == S::waiting || t.status == S::called;
               });
  std::copy_if(all.answers.begin(), all.answers.end(), std::back_inserter(f.answers),
               [&](const SurveyFact& a) { return a.answered_at >= since; });
  f.complaints = all.complaints;
  f.counters = all.counters;
  return f;
}

TEST(DashboardRollup, TodaysFactsAndClosedDayRollupsGiveTheFullDashboard) {
  const Facts all = every_fact();
  const Dashboard full = all.at(k_now, five_days());
  ASSERT_EQ(full.trend.size(), 5U);
  ASSERT_FALSE(full.trend[1].has_data);  // the gap
  ASSERT_TRUE(full.trend[2].has_data);   // the DST day

  Facts today_only = facts_from(all, day(2026, 10, 27));
  for (int d = 23; d <= 26; ++d) {
    today_only.closed_days.push_back(point_when_closed(all, day(2026, 10, static_cast<unsigned>(d))));
  }
  std::reverse(today_only.closed_days.begin(), today_only.closed_days.end());  // any order
  ASSERT_LT(today_only.tickets.size(), all.tickets.size());
  ASSERT_LT(today_only.answers.size(), all.answers.size());

  const Dashboard rolled = today_only.at(k_now, five_days());
  for (std::size_t i = 0; i < full.trend.size(); ++i) {
    EXPECT_TRUE(rolled.trend[i] == full.trend[i]) << "trend day " << i;
  }
  EXPECT_TRUE(rolled.today_figures == full.today_figures);
  EXPECT_TRUE(rolled.queue == full.queue);
  EXPECT_EQ(rolled.queue.stale_waiting, 1U);
  EXPECT_TRUE(rolled.satisfaction == full.satisfaction);
  EXPECT_TRUE(rolled.complaints == full.complaints);
  EXPECT_TRUE(rolled == full);
}

TEST(DashboardRollup, WithoutTheRollupsTodaysFactsAloneGiveADifferentTrend) {
  // The check above would pass vacuously if the closed days came out right from today's facts anyway.
  const Facts all = every_fact();
  const Dashboard full = all.at(k_now, five_days());
  const Dashboard bare = facts_from(all, day(2026, 10, 27)).at(k_now, five_days());
  EXPECT_FALSE(bare.trend[0] == full.trend[0]);
  EXPECT_FALSE(bare.trend[2] == full.trend[2]);
  EXPECT_TRUE(bare.today_figures == full.today_figures);
}

TEST(DashboardRollup, MissingClosedDaysComeFromTheirFacts) {
  // Roll-ups for the 23rd and 24th only (the last refresh was on the 25th): the DST day and the 26th are
  // computed from the facts read from the 25th on.
  const Facts all = every_fact();
  const Dashboard full = all.at(k_now, five_days());
  Facts partial = facts_from(all, day(2026, 10, 25));
  partial.closed_days = {point_when_closed(all, day(2026, 10, 23)),
                         point_when_closed(all, day(2026, 10, 24))};
  EXPECT_TRUE(partial.at(k_now, five_days()) == full);
}

TEST(DashboardRollup, RollupsForTodayOrOutsideTheTrendAreIgnored) {
  const Facts all = every_fact();
  const Dashboard full = all.at(k_now, five_days());
  Facts with_bogus = all;
  for (const auto bogus_day : {day(2026, 10, 22), day(2026, 10, 27), day(2026, 10, 28)}) {
    TrendPoint bogus;
    bogus.day = bogus_day;
    bogus.has_data = true;
    bogus.check_ins = 999;
    with_bogus.closed_days.push_back(bogus);
  }
  EXPECT_TRUE(with_bogus.at(k_now, five_days()) == full);
}

TEST(DashboardRollup, TrendWindowsEndTodayAndAreClamped) {
  const auto windows = trend_windows(k_now, oslo(), five_days());
  ASSERT_EQ(windows.size(), 5U);
  EXPECT_EQ(windows.front().day, day(2026, 10, 23));
  EXPECT_EQ(windows.back(), local_day_window_at(k_now, oslo()));
  DashboardSettings none;
  none.trend_days = 0;
  EXPECT_EQ(trend_windows(k_now, oslo(), none).size(), 1U);
}

}  // namespace
}  // namespace kiosk::domain::dashboard

#include <gtest/gtest.h>

#include <vector>

#include "dashboard_test_support.hpp"
#include "domain/dashboard/dashboard.hpp"

namespace kiosk::domain::dashboard {
namespace {

using namespace test;
using std::chrono::milliseconds;
using surveys::RatingKind;
using S = TicketStatus;

// Now: Tuesday 27 October 2026 12:00 in Oslo (CET, 11:00Z); a 5-day trend: 23 to 27 October, the 25th
// being the 25-hour fall-back day.
//  23 Oct: tickets 09:00 (wait 5m) and 09:10 (7m), NPS 10, 10, 0.
//          -> check-ins 2, median 5m (lower middle), NPS (2 - 1) / 3 = 33.3, complaints 0.
//  24 Oct: nothing -> no data: every value absent.
//  25 Oct: one CSAT answer at 02:30 CET (01:30Z, the repeated hour) -> data: check-ins 0, complaints 0,
//          no median, no NPS.
//  26 Oct: a complaint at 09:00; a ticket at 23:30 called 00:15 on the 27th (45m)
//          -> check-ins 1, complaints 1, no median (its wait is the 27th's).
//  27 Oct: a ticket at 09:45 (wait 15m, served 10:10), one waiting since 11:30, a repeat NPS 9
//          -> check-ins 2, waits {45m, 15m}: median 15m; served 2 (the 26th's ticket done 00:25 and 10:10);
//             NPS absent (the only answer is a repeat), complaints 0.
//  1 Oct: an old ticket, outside the trend.
const EventTime k_now = oslo_time(2026, 10, 27, 12, 0);

struct Facts {
  std::vector<TicketFact> tickets;
  std::vector<SurveyFact> answers;
  std::vector<ComplaintFact> complaints;
  std::vector<CounterFact> counters;

  DashboardInput input() const { return DashboardInput{tickets, answers, complaints, counters, 1}; }
};

Facts week() {
  const auto at = [](unsigned d, int hh, int mm) { return oslo_time(2026, 10, d, hh, mm); };
  Facts f;
  f.tickets = {
      ticket(0, S::served, at(23, 9, 0), 5min, at(23, 9, 15)),
      ticket(0, S::served, at(23, 9, 10), 7min, at(23, 9, 25)),
      ticket(0, S::served, at(26, 23, 30), 45min, at(27, 0, 25)),
      ticket(0, S::served, at(27, 9, 45), 15min, at(27, 10, 10)),
      ticket(0, S::waiting, at(27, 11, 30)),
      ticket(0, S::served, at(1, 10, 0), 5min, at(1, 10, 10)),
  };
  for (const int score : {10, 10, 0}) {
    f.answers.push_back(SurveyFact{0, RatingKind::nps, score, {}, false, at(23, 10, 0)});
  }
  f.answers.push_back(SurveyFact{0, RatingKind::csat, 5, {}, false, utc(2026, 10, 25, 1, 30)});
  f.answers.push_back(SurveyFact{0, RatingKind::nps, 9, {}, true, at(27, 10, 0)});
  f.complaints.push_back(ComplaintFact{"cards", "fees", complaints::ComplaintStatus::received, at(26, 9, 0),
                                       oslo_time(2026, 10, 27, 23, 59, 59),
                                       oslo_time(2026, 11, 16, 23, 59, 59), std::nullopt, "", ""});
  f.counters.push_back(CounterFact{1, true, {0}});
  return f;
}

DashboardSettings five_days() {
  DashboardSettings settings;
  settings.trend_days = 5;
  return settings;
}

TEST(Dashboard, TrendShowsGapsForDaysWithoutData) {
  const Facts facts = week();
  const Dashboard d = compute_dashboard(facts.input(), k_now, oslo(), five_days());
  ASSERT_EQ(d.trend.size(), 5U);
  const TrendPoint& fri = d.trend[0];
  EXPECT_EQ(fri.day, day(2026, 10, 23));
  EXPECT_TRUE(fri.has_data);
  EXPECT_EQ(fri.check_ins, 2U);
  EXPECT_EQ(fri.median_wait, milliseconds{5min});
  ASSERT_TRUE(fri.nps);
  EXPECT_DOUBLE_EQ(*fri.nps, 100.0 / 3.0);
  EXPECT_EQ(fri.nps_answers, 3U);
  EXPECT_EQ(fri.complaints, 0U);

  const TrendPoint& sat = d.trend[1];
  EXPECT_FALSE(sat.has_data);
  EXPECT_EQ(sat.check_ins, std::nullopt);
  EXPECT_EQ(sat.median_wait, std::nullopt);
  EXPECT_EQ(sat.nps, std::nullopt);
  EXPECT_EQ(sat.complaints, std::nullopt);

  const TrendPoint& sun = d.trend[2];
  EXPECT_EQ(sun.day, day(2026, 10, 25));
  EXPECT_TRUE(sun.has_data);
  EXPECT_EQ(sun.check_ins, 0U);
  EXPECT_EQ(sun.complaints, 0U);
  EXPECT_EQ(sun.median_wait, std::nullopt);
  EXPECT_EQ(sun.nps, std::nullopt);

  const TrendPoint& mon = d.trend[3];
  EXPECT_EQ(mon.check_ins, 1U);
  EXPECT_EQ(mon.complaints, 1U);
  EXPECT_EQ(mon.median_wait, std::nullopt);

  const TrendPoint& tue = d.trend[4];
  EXPECT_EQ(tue.day, day(2026, 10, 27));
  EXPECT_EQ(tue.check_ins, 2U);
  EXPECT_EQ(tue.median_wait, milliseconds{15min});
  EXPECT_EQ(tue.nps, std::nullopt);
  EXPECT_EQ(tue.nps_answers, 0U);
  EXPECT_EQ(tue.complaints, 0U);
}

TEST(Dashboard, TodayFiguresQueueSatisfactionAndComplaints) {
  const Facts facts = week();
  const Dashboard d = compute_dashboard(facts.input(), k_now, oslo(), five_days());
  EXPECT_EQ(d.today, local_day_window(day(2026, 10, 27), oslo()));
  EXPECT_EQ(d.today_figures.window.day, day(2026, 10, 27));
  EXPECT_EQ(d.today_figures.check_ins, 2U);
  EXPECT_EQ(d.today_figures.served, 2U);
  EXPECT_EQ(d.today_figures.wait.count, 2U);
  EXPECT_EQ(d.today_figures.wait.p80, milliseconds{45min});
  EXPECT_EQ(d.queue.waiting, 1U);
  EXPECT_EQ(d.queue.longest_wait, milliseconds{30min});
  EXPECT_EQ(d.queue.counters_open, 1);
  EXPECT_EQ(d.satisfaction.overall.answers, 1U);
  EXPECT_EQ(d.satisfaction.overall.repeat_share, 1.0);
  EXPECT_EQ(d.satisfaction.overall.nps.score, std::nullopt);
  EXPECT_EQ(d.complaints.open, 1U);
  EXPECT_EQ(d.complaints.new_today, 0U);
  EXPECT_EQ(d.complaints.due_within_day, 0U);
}

TEST(Dashboard, DefaultTrendIsThirtyDaysEndingToday) {
  const Facts facts = week();
  const Dashboard d = compute_dashboard(facts.input(), k_now, oslo());
  ASSERT_EQ(d.trend.size(), 30U);
  EXPECT_EQ(d.trend.front().day, day(2026, 9, 28));
  EXPECT_EQ(d.trend.back().day, day(2026, 10, 27));
  // 1 October has the old ticket; the trend holds it now.
  EXPECT_EQ(d.trend[3].day, day(2026, 10, 1));
  EXPECT_EQ(d.trend[3].check_ins, 1U);
  EXPECT_FALSE(d.trend[0].has_data);
}

TEST(Dashboard, TrendLengthIsClamped) {
  const Facts facts = week();
  DashboardSettings settings;
  settings.trend_days = 0;
  EXPECT_EQ(compute_dashboard(facts.input(), k_now, oslo(), settings).trend.size(), 1U);
  settings.trend_days = 100000;
  EXPECT_EQ(compute_dashboard(facts.input(), k_now, oslo(), settings).trend.size(),
            static_cast<std::size_t>(k_max_trend_days));
}

TEST(Dashboard, EmptyInput) {
  const Dashboard d = compute_dashboard(DashboardInput{}, k_now, oslo(), five_days());
  ASSERT_EQ(d.trend.size(), 5U);
  for (const TrendPoint& point : d.trend) {
    EXPECT_FALSE(point.has_data);
    EXPECT_EQ(point.check_ins, std::nullopt);
  }
  EXPECT_EQ(d.queue.waiting, 0U);
  EXPECT_TRUE(d.queue.services.empty());
  EXPECT_TRUE(d.satisfaction.services.empty());
  EXPECT_EQ(d.today_figures.check_ins, 0U);
}

}  // namespace
}  // namespace kiosk::domain::dashboard

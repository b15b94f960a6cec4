#include <gtest/gtest.h>

#include <vector>

#include "dashboard_test_support.hpp"
#include "domain/dashboard/complaint_figures.hpp"

namespace kiosk::domain::dashboard {
namespace {

using namespace test;
using complaints::ComplaintStatus;

ComplaintFact complaint(std::string product, std::string issue, ComplaintStatus status, EventTime received,
                        EventTime ack_due, EventTime final_due,
                        std::optional<EventTime> resolved = std::nullopt) {
  return ComplaintFact{std::move(product), std::move(issue), status, received, ack_due,
                       final_due,          resolved,         "",     ""};
}

// The last second of a local day in Oslo, as complaints::Deadline::due gives it.
EventTime end_of(int y, unsigned m, unsigned d) {
  return oslo_time(y, m, d, 23, 59, 59);
}

// Now: Monday 23 November 2026 12:00 in Oslo (11:00Z).
//  C0 cards/fees     received today 09:00, received, ack due end of 24th, final 14 Dec: open, new.
//  C1 cards/fees     10 Nov, acknowledged, final due end of today (22:59:59Z): 11h59m59s left -> due within a
//  day. C2 loans/rates    1 Nov, still received: ack due 2 Nov, final due end of 22 Nov -> overdue and ack
//  overdue. C3 loans/other    20 Nov, resolved today 10:00: closed, resolved today, not counted by category.
//  C4 atm/card_retained  today 08:00, closed 08:30: new today and resolved today, not open.
//  C5 cards/lost     15 Nov, in progress, final due now + 23:59:59 -> due within a day.
//  C6 cards/lost     15 Nov, in progress, final due now + 24h exactly -> not "within a day".
// new 2, resolved 2, open 5 (C0, C1, C2, C5, C6), overdue 1, ack overdue 1, due within a day 2.
// By product (open, new): cards (4, 1), loans (1, 0), atm (0, 1).
// By issue: cards/fees (2, 1), cards/lost (2, 0), loans/rates (1, 0), atm/card_retained (0, 1).
// Open by final deadline: C2, C1, C5, C6, C0.
const EventTime k_now = oslo_time(2026, 11, 23, 12, 0);

std::vector<ComplaintFact> complaints_now() {
  const auto at = [](unsigned d, int hh, int mm) { return oslo_time(2026, 11, d, hh, mm); };
  return {
      complaint("cards", "fees", ComplaintStatus::received, at(23, 9, 0), end_of(2026, 11, 24),
                end_of(2026, 12, 14)),
      complaint("cards", "fees", ComplaintStatus::acknowledged, at(10, 10, 0), end_of(2026, 11, 11),
                end_of(2026, 11, 23)),
      complaint("loans", "rates", ComplaintStatus::received, at(1, 10, 0), end_of(2026, 11, 2),
                end_of(2026, 11, 22)),
      complaint("loans", "other", ComplaintStatus::resolved, at(20, 10, 0), end_of(2026, 11, 21),
                end_of(2026, 12, 11), at(23, 10, 0)),
      complaint("atm", "card_retained", ComplaintStatus::closed, at(23, 8, 0), end_of(2026, 11, 24),
                end_of(2026, 12, 14), at(23, 8, 30)),
      complaint("cards", "lost", ComplaintStatus::in_progress, at(15, 10, 0), end_of(2026, 11, 16),
                k_now + 24h - 1s),
      complaint("cards", "lost", ComplaintStatus::in_progress, at(15, 10, 0), end_of(2026, 11, 16),
                k_now + 24h),
  };
}

ComplaintFigures figures_now() {
  return complaint_figures(complaints_now(), local_day_window(day(2026, 11, 23), oslo()), k_now);
}

TEST(ComplaintFigures, Counts) {
  const ComplaintFigures f = figures_now();
  EXPECT_EQ(f.new_today, 2U);
  EXPECT_EQ(f.resolved_today, 2U);
  EXPECT_EQ(f.open, 5U);
  EXPECT_EQ(f.overdue, 1U);
  EXPECT_EQ(f.ack_overdue, 1U);
  EXPECT_EQ(f.due_within_day, 2U);
}

TEST(ComplaintFigures, ByProductAndIssue) {
  const ComplaintFigures f = figures_now();
  EXPECT_EQ(f.by_product,
            (std::vector<ComplaintCount>{{"cards", "", 4, 1}, {"loans", "", 1, 0}, {"atm", "", 0, 1}}));
  EXPECT_EQ(f.by_issue, (std::vector<ComplaintCount>{{"cards", "fees", 2, 1},
                                                     {"cards", "lost", 2, 0},
                                                     {"loans", "rates", 1, 0},
                                                     {"atm", "card_retained", 0, 1}}));
}

TEST(ComplaintFigures, OpenComplaintsByDeadline) {
  EXPECT_EQ(figures_now().open_by_deadline, (std::vector<std::size_t>{2, 1, 5, 6, 0}));
}

TEST(ComplaintFigures, ADeadlineIsMetUntilItsLastSecondEnds) {
  const EventTime due = end_of(2026, 11, 23);  // 23:59:59 local
  EXPECT_FALSE(deadline_passed(due, due));
  EXPECT_FALSE(deadline_passed(due, due + 999ms));
  EXPECT_TRUE(deadline_passed(due, due + 1s));  // local midnight
}

TEST(ComplaintFigures, DeadlineStateOfEachOpenComplaint) {
  const auto facts = complaints_now();
  EXPECT_EQ(deadline_state(facts[0], k_now), DeadlineState::on_time);
  EXPECT_EQ(deadline_state(facts[1], k_now), DeadlineState::due_within_day);
  EXPECT_EQ(deadline_state(facts[2], k_now), DeadlineState::overdue);  // overdue outranks ack overdue
  EXPECT_EQ(deadline_state(facts[5], k_now), DeadlineState::due_within_day);
  EXPECT_EQ(deadline_state(facts[6], k_now), DeadlineState::on_time);  // exactly 24 h left
  // Never acknowledged, the acknowledgement's last second gone, the final answer weeks away.
  auto late_ack = facts[0];
  EXPECT_EQ(deadline_state(late_ack, end_of(2026, 11, 24)), DeadlineState::on_time);
  EXPECT_EQ(deadline_state(late_ack, end_of(2026, 11, 24) + 1s), DeadlineState::ack_overdue);
  late_ack.status = ComplaintStatus::acknowledged;
  EXPECT_EQ(deadline_state(late_ack, end_of(2026, 11, 24) + 1s), DeadlineState::on_time);
}

TEST(ComplaintFigures, AckOverdueOnlyWhileNeverAcknowledged) {
  const EventTime long_ago = oslo_time(2026, 10, 1, 10, 0);
  const std::vector<ComplaintFact> facts{
      complaint("cards", "fees", ComplaintStatus::received, long_ago, end_of(2026, 10, 2),
                end_of(2026, 12, 1)),
      complaint("cards", "fees", ComplaintStatus::in_progress, long_ago, end_of(2026, 10, 2),
                end_of(2026, 12, 1)),
      complaint("cards", "fees", ComplaintStatus::rejected, long_ago, end_of(2026, 10, 2),
                end_of(2026, 10, 20)),
  };
  const ComplaintFigures f = complaint_figures(facts, local_day_window(day(2026, 11, 23), oslo()), k_now);
  EXPECT_EQ(f.ack_overdue, 1U);
  EXPECT_EQ(f.overdue, 0U);  // the rejected one is no longer open
  EXPECT_EQ(f.open, 2U);
  EXPECT_EQ(f.new_today, 0U);
}

TEST(ComplaintFigures, NewTodayFollowsTheLocalDayAcrossMidnight) {
  // 23:59 on the 22nd is yesterday; 00:00 on the 23rd is today (Oslo).
  const std::vector<ComplaintFact> facts{
      complaint("atm", "other", ComplaintStatus::received, oslo_time(2026, 11, 22, 23, 59),
                end_of(2026, 11, 23), end_of(2026, 12, 14)),
      complaint("atm", "other", ComplaintStatus::received, oslo_time(2026, 11, 23, 0, 0),
                end_of(2026, 11, 24), end_of(2026, 12, 14)),
  };
  const ComplaintFigures f = complaint_figures(facts, local_day_window(day(2026, 11, 23), oslo()), k_now);
  EXPECT_EQ(f.new_today, 1U);
  EXPECT_EQ(f.open, 2U);
}

TEST(ComplaintFigures, NoComplaints) {
  const ComplaintFigures f = complaint_figures({}, local_day_window(day(2026, 11, 23), oslo()), k_now);
  EXPECT_EQ(f.open, 0U);
  EXPECT_TRUE(f.by_product.empty());
  EXPECT_TRUE(f.open_by_deadline.empty());
}

}  // namespace
}  // namespace kiosk::domain::dashboard

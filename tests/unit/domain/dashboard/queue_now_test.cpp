#include <gtest/gtest.h>

#include <vector>

#include "dashboard_test_support.hpp"
#include "domain/dashboard/queue_now.hpp"

namespace kiosk::domain::dashboard {
namespace {

using namespace test;
using std::chrono::milliseconds;
using S = TicketStatus;

constexpr milliseconds k_stale{12h};

// Now: Monday 23 November 2026 11:00 in Oslo. Waiting:
//   cash  10:40 (20m), cash 10:55 (5m), loans 10:30 (30m), service 7 (unknown) 10:50 (10m),
//   loans 11:01 (stamped after now: 0m), cash 22:00 on the 22nd (13h: stale, left out).
// Not waiting: a called cash ticket from 09:00 and a served one.
// Counters: 1 open {cash}, 2 open {cash, loans, loans}, 3 closed {loans}, 4 open {}.
// So: waiting 5 (cash 2, loans 2), longest 30m (cash 20m, loans 30m), stale 1;
//     counters open 3 (cash 2, loans 1).
TEST(QueueNow, WaitingPerServiceLongestWaitAndCounters) {
  const auto at = [](int hh, int mm) { return oslo_time(2026, 11, 23, hh, mm); };
  const std::vector<TicketFact> tickets{
      ticket(0, S::waiting, at(10, 40)),    ticket(0, S::waiting, at(10, 55)),
      ticket(1, S::waiting, at(10, 30)),    ticket(7, S::waiting, at(10, 50)),
      ticket(1, S::waiting, at(11, 1)),     ticket(0, S::waiting, oslo_time(2026, 11, 22, 22, 0)),
      ticket(0, S::called, at(9, 0), 3min), ticket(0, S::served, at(8, 0), 3min, at(8, 10)),
  };
  const std::vector<CounterFact> counters{
      {1, true, {0}}, {2, true, {0, 1, 1}}, {3, false, {1}}, {4, true, {}}};
  const QueueNow q = queue_now(tickets, counters, 2, at(11, 0), k_stale);
  EXPECT_EQ(q.waiting, 5U);
  EXPECT_EQ(q.longest_wait, milliseconds{30min});
  EXPECT_EQ(q.stale_waiting, 1U);
  EXPECT_EQ(q.counters_open, 3);
  ASSERT_EQ(q.services.size(), 2U);
  EXPECT_EQ(q.services[0].waiting, 2U);
  EXPECT_EQ(q.services[0].longest_wait, milliseconds{20min});
  EXPECT_EQ(q.services[0].counters_open, 2);
  EXPECT_EQ(q.services[1].waiting, 2U);
  EXPECT_EQ(q.services[1].longest_wait, milliseconds{30min});
  EXPECT_EQ(q.services[1].counters_open, 1);
}

TEST(QueueNow, StaleBoundaryIsExactlyTheLimit) {
  const EventTime now = oslo_time(2026, 11, 23, 20, 0);
  const std::vector<TicketFact> tickets{
      ticket(0, S::waiting, now - k_stale),        // exactly 12 h: still waiting
      ticket(0, S::waiting, now - k_stale - 1ms),  // a millisecond more: stale
  };
  const QueueNow q = queue_now(tickets, {}, 1, now, k_stale);
  EXPECT_EQ(q.waiting, 1U);
  EXPECT_EQ(q.stale_waiting, 1U);
  EXPECT_EQ(q.longest_wait, k_stale);
}

TEST(QueueNow, WaitAcrossMidnightKeepsCounting) {
  // Issued 23:50 on the 22nd, still waiting at 00:15 on the 23rd: 25 minutes, not reset at midnight.
  const std::vector<TicketFact> tickets{ticket(0, S::waiting, oslo_time(2026, 11, 22, 23, 50))};
  const QueueNow q = queue_now(tickets, {}, 1, oslo_time(2026, 11, 23, 0, 15), k_stale);
  EXPECT_EQ(q.services[0].waiting, 1U);
  EXPECT_EQ(q.services[0].longest_wait, milliseconds{25min});
}

TEST(QueueNow, EmptyQueue) {
  const QueueNow q = queue_now({}, {}, 3, oslo_time(2026, 11, 23, 9, 0), k_stale);
  EXPECT_EQ(q.waiting, 0U);
  EXPECT_EQ(q.longest_wait, std::nullopt);
  EXPECT_EQ(q.counters_open, 0);
  ASSERT_EQ(q.services.size(), 3U);
  EXPECT_EQ(q.services[2].longest_wait, std::nullopt);
}

}  // namespace
}  // namespace kiosk::domain::dashboard

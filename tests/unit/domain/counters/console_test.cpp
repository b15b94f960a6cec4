#include "domain/counters/console.hpp"

#include <gtest/gtest.h>

#include "counters_test_support.hpp"

namespace kiosk::domain::counters {
namespace {

using namespace test;

TEST(CounterConsole, OpensForKnownServices) {
  const auto opened = open_counter(CounterState{3, false, {}}, {"cash", "cards"}, k_services);
  ASSERT_TRUE(opened.ok());
  EXPECT_EQ(*opened.value, (CounterState{3, true, {"cash", "cards"}}));
}

TEST(CounterConsole, ChangesTheServicesOfAnOpenCounter) {
  const auto changed = open_counter(open_for(3, {"cash"}), {"loans"}, k_services);
  ASSERT_TRUE(changed.ok());
  EXPECT_EQ(changed.value->services, std::vector<std::string>{"loans"});
}

TEST(CounterConsole, RefusesBadServiceLists) {
  const CounterState counter{3, false, {}};
  const auto none = open_counter(counter, {}, k_services);
  EXPECT_EQ(none.problem->error, CounterError::no_services);
  EXPECT_EQ(none.problem->message, "counter 3 needs at least one service to open");
  const auto unknown = open_counter(counter, {"cash", "mortgages"}, k_services);
  EXPECT_EQ(unknown.problem->error, CounterError::unknown_service);
  EXPECT_EQ(unknown.problem->message, "counter 3: there is no service \"mortgages\"");
  const auto twice = open_counter(counter, {"cash", "loans", "cash"}, k_services);
  EXPECT_EQ(twice.problem->error, CounterError::duplicate_service);
  EXPECT_EQ(twice.problem->message, "counter 3: service \"cash\" is listed twice");
}

TEST(CounterConsole, ClosingWaitsForTheCalledTicket) {
  const CounterState counter = open_for(2, {"cash"});
  std::vector<TicketQueueEntry> tickets{called_by(waiting("t1", "cash", "A001", 0), 2, 1),
                                        called_by(waiting("t2", "cash", "A002", 0), 1, 1)};
  const auto refused = close_counter(counter, tickets);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.problem->error, CounterError::counter_busy);
  EXPECT_EQ(refused.problem->message,
            "counter 2 is still serving ticket A001: finish, put back or transfer it before closing");
  tickets[0].status = TicketStatus::served;
  const auto closed = close_counter(counter, tickets);  // counter 1's called ticket does not matter
  ASSERT_TRUE(closed.ok());
  EXPECT_FALSE(closed.value->open);
  EXPECT_EQ(closed.value->services, std::vector<std::string>{"cash"});
  EXPECT_TRUE(close_counter(*closed.value, tickets).ok());
}

TEST(CounterConsole, CurrentTicketIsTheCountersCalledOne) {
  const std::vector<TicketQueueEntry> tickets{
      waiting("t1", "cash", "A001", 0), called_by(waiting("t2", "cash", "A002", 0), 1, 9),
      called_by(waiting("t3", "cash", "A003", 0), 2, 4),
      called_by(waiting("t4", "cash", "A004", 0), 1, 6),  // a second called ticket: a damaged state
  };
  EXPECT_EQ(current_ticket(1, tickets), 3U);  // the earlier call
  EXPECT_EQ(current_ticket(2, tickets), 2U);
  EXPECT_EQ(current_ticket(5, tickets), std::nullopt);
}

TEST(CounterConsole, OpenCountersServingAService) {
  const std::vector<CounterState> counters{open_for(1, {"cash", "loans"}), open_for(2, {"cash"}),
                                           CounterState{3, false, {"cash"}}, open_for(4, {"cards"})};
  EXPECT_EQ(open_counters_serving("cash", counters), 2);
  EXPECT_EQ(open_counters_serving("loans", counters), 1);
  EXPECT_EQ(open_counters_serving("appointments", counters), 0);
}

}  // namespace
}  // namespace kiosk::domain::counters

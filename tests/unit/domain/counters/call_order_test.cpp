#include "domain/counters/call_order.hpp"

#include <algorithm>

#include <gtest/gtest.h>

#include "counters_test_support.hpp"

namespace kiosk::domain::counters {
namespace {

using namespace test;

// The ticket id chosen for `counter`, or the error.
std::string next_id(const CounterState& counter, const std::vector<TicketQueueEntry>& tickets) {
  const auto chosen = choose_next(counter, tickets);
  return chosen.ok() ? tickets[*chosen.value].ticket_id : std::string(to_string(chosen.problem->error));
}

TEST(ChooseNext, OldestAcrossTheCountersServices) {
  const std::vector<TicketQueueEntry> tickets{
      waiting("t3", "cash", "A002", 10),
      waiting("t1", "loans", "B001", 4),
      waiting("t2", "cash", "A001", 7),
  };
  // Counter 1 serves both: loans' B001 came first (minute 4), even though cash is listed first.
  EXPECT_EQ(next_id(open_for(1, {"cash", "loans"}), tickets), "t1");
  EXPECT_EQ(next_id(open_for(2, {"cash"}), tickets), "t2");
}

TEST(ChooseNext, AppointmentsFirstOldestCheckInFirst) {
  const std::vector<TicketQueueEntry> tickets{
      waiting("t1", "cash", "A001", 0),
      waiting("t5", "cash", "A004", 20, /*appointment=*/true),
      waiting("t4", "loans", "B002", 15, /*appointment=*/true),
      waiting("t2", "cash", "A002", 5),
  };
  const CounterState counter = open_for(1, {"cash", "loans"});
  EXPECT_EQ(next_id(counter, tickets), "t4");  // the earlier booking check-in, though walk-ins waited longer
  std::vector<TicketQueueEntry> later = tickets;
  later[2].status = TicketStatus::served;
  EXPECT_EQ(next_id(counter, later), "t5");
  later[1].status = TicketStatus::served;
  EXPECT_EQ(next_id(counter, later), "t1");  // then walk-ins, oldest first
}

TEST(ChooseNext, AnAppointmentForAServiceNotServedHereWaits) {
  const std::vector<TicketQueueEntry> tickets{
      waiting("t1", "cash", "A001", 0),
      waiting("t2", "appointments", "P001", 1, true),
  };
  EXPECT_EQ(next_id(open_for(1, {"cash"}), tickets), "t1");
}

TEST(ChooseNext, EqualTimesGoToTheLowerTicketIdWhateverTheInputOrder) {
  std::vector<TicketQueueEntry> tickets{
      waiting("0190-b", "cash", "A002", 3),
      waiting("0190-a", "loans", "B001", 3),
      waiting("0190-c", "cash", "A003", 3),
  };
  const CounterState counter = open_for(1, {"cash", "loans"});
  EXPECT_EQ(next_id(counter, tickets), "0190-a");
  std::reverse(tickets.begin(), tickets.end());
  EXPECT_EQ(next_id(counter, tickets), "0190-a");
}

TEST(ChooseNext, SkipsTicketsThatAreNotWaiting) {
  const std::vector<TicketQueueEntry> tickets{
      called_by(waiting("t1", "cash", "A001", 0), 2, 3),
      [] {
        auto t = waiting("t2", "cash", "A002", 1);
        t.status = TicketStatus::served;
        return t;
      }(),
      [] {
        auto t = waiting("t3", "cash", "A003", 2);
        t.status = TicketStatus::cancelled;
        return t;
      }(),
      [] {
        auto t = waiting("t4", "cash", "A004", 3);
        t.status = TicketStatus::transferred;
        return t;
      }(),
      waiting("t5", "cash", "A005", 4),
  };
  // t1 is counter 2's; counter 1 is not busy and gets the first waiting one.
  EXPECT_EQ(next_id(open_for(1, {"cash"}), tickets), "t5");
}

TEST(ChooseNext, ClosedCountersCallNobody) {
  const std::vector<TicketQueueEntry> tickets{waiting("t1", "cash", "A001", 0)};
  const CounterState closed{1, false, {"cash"}};
  const auto chosen = choose_next(closed, tickets);
  ASSERT_FALSE(chosen.ok());
  EXPECT_EQ(chosen.problem->error, CounterError::counter_closed);
  EXPECT_EQ(chosen.problem->message, "counter 1 is closed");
}

TEST(ChooseNext, ACounterWithoutServicesCallsNobody) {
  const std::vector<TicketQueueEntry> tickets{waiting("t1", "cash", "A001", 0)};
  EXPECT_EQ(next_id(open_for(4, {}), tickets), "no_services");
}

TEST(ChooseNext, ServicesNotServedLeaveTheQueueEmpty) {
  const std::vector<TicketQueueEntry> tickets{waiting("t1", "loans", "B001", 0)};
  const auto chosen = choose_next(open_for(3, {"cash", "cards"}), tickets);
  ASSERT_FALSE(chosen.ok());
  EXPECT_EQ(chosen.problem->error, CounterError::queue_empty);
  EXPECT_EQ(chosen.problem->message, "no ticket is waiting for cash, cards at counter 3");
  EXPECT_EQ(next_id(open_for(3, {"cash"}), {}), "queue_empty");
}

TEST(ChooseNext, ABusyCounterFinishesItsTicketFirst) {
  const std::vector<TicketQueueEntry> tickets{
      called_by(waiting("t1", "cash", "A001", 0), 1, 2),
      waiting("t2", "cash", "A002", 1),
  };
  const auto chosen = choose_next(open_for(1, {"cash"}), tickets);
  ASSERT_FALSE(chosen.ok());
  EXPECT_EQ(chosen.problem->error, CounterError::counter_busy);
  EXPECT_EQ(chosen.problem->message,
            "counter 1 is still serving ticket A001: mark it done, no-show or transfer it first");
  EXPECT_EQ(next_id(open_for(2, {"cash"}), tickets), "t2");
}

TEST(ChooseNext, TwoCountersInTurnNeverGetTheSameTicket) {
  // Simulates the store applying each call before the next counter chooses.
  std::vector<TicketQueueEntry> tickets{
      waiting("t1", "cash", "A001", 0),
      waiting("t2", "cash", "A002", 1),
      waiting("t3", "loans", "B001", 2),
  };
  const CounterState one = open_for(1, {"cash", "loans"});
  const CounterState two = open_for(2, {"cash", "loans"});
  std::vector<std::string> calls;
  for (const CounterState* counter : {&one, &two}) {
    const auto chosen = choose_next(*counter, tickets);
    ASSERT_TRUE(chosen.ok());
    tickets[*chosen.value] = called_by(tickets[*chosen.value], counter->id, 5);
    calls.push_back(tickets[*chosen.value].ticket_id);
  }
  EXPECT_EQ(calls, (std::vector<std::string>{"t1", "t2"}));
}

}  // namespace
}  // namespace kiosk::domain::counters

#include "domain/counters/ticket_flow.hpp"

#include <gtest/gtest.h>

#include "counters_test_support.hpp"

namespace kiosk::domain::counters {
namespace {

using namespace test;

TEST(TicketFlow, CallingStampsTheCounterAndTime) {
  const auto ticket = waiting("t1", "cash", "A001", 0);
  const auto called = call_ticket(open_for(2, {"cash"}), ticket, at_minute(7));
  ASSERT_TRUE(called.ok());
  EXPECT_EQ(called.value->status, TicketStatus::called);
  EXPECT_EQ(called.value->counter, 2);
  EXPECT_EQ(called.value->called_at, at_minute(7));
  EXPECT_EQ(called.value->issued_at, ticket.issued_at);
}

TEST(TicketFlow, ATicketCalledByAnotherCounterCannotBeCalledAgain) {
  const auto ticket = called_by(waiting("t1", "cash", "A001", 0), 2, 3);
  const auto problem = check_call(open_for(1, {"cash"}), ticket);
  ASSERT_TRUE(problem);
  EXPECT_EQ(problem->error, CounterError::not_waiting);
  EXPECT_EQ(problem->message, "ticket A001 is already called by counter 2");
  EXPECT_FALSE(call_ticket(open_for(1, {"cash"}), ticket, at_minute(4)).ok());
}

TEST(TicketFlow, CallingYourOwnCalledTicketPointsToRecall) {
  const auto ticket = called_by(waiting("t1", "cash", "A001", 0), 1, 3);
  EXPECT_EQ(check_call(open_for(1, {"cash"}), ticket)->message,
            "ticket A001 is already called by this counter (1); recall shows it again");
}

TEST(TicketFlow, FinishedTicketsCannotBeCalled) {
  auto ticket = waiting("t1", "cash", "A001", 0);
  const std::pair<TicketStatus, std::string> cases[] = {
      {TicketStatus::served, "ticket A001 was already served"},
      {TicketStatus::no_show, "ticket A001 was marked as a no-show"},
      {TicketStatus::transferred, "ticket A001 was transferred to another service"},
      {TicketStatus::cancelled, "ticket A001 was cancelled"},
  };
  for (const auto& [status, message] : cases) {
    ticket.status = status;
    const auto problem = check_call(open_for(1, {"cash"}), ticket);
    ASSERT_TRUE(problem) << to_string(status);
    EXPECT_EQ(problem->error, CounterError::not_waiting);
    EXPECT_EQ(problem->message, message);
  }
}

TEST(TicketFlow, ClosedCountersAndOtherServicesCannotCall) {
  const auto ticket = waiting("t1", "loans", "B001", 0);
  EXPECT_EQ(check_call(CounterState{1, false, {"loans"}}, ticket)->error, CounterError::counter_closed);
  const auto other = check_call(open_for(1, {"cash"}), ticket);
  EXPECT_EQ(other->error, CounterError::not_served_here);
  EXPECT_EQ(other->message, "counter 1 does not serve \"loans\", the service of ticket B001");
}

TEST(TicketFlow, CallNextCallsTheChosenTicket) {
  const std::vector<TicketQueueEntry> tickets{waiting("t2", "cash", "A002", 5),
                                              waiting("t1", "cash", "A001", 1)};
  const auto next = call_next(open_for(3, {"cash"}), tickets, at_minute(9));
  ASSERT_TRUE(next.ok());
  EXPECT_EQ(next.value->index, 1U);
  EXPECT_EQ(next.value->called.ticket_id, "t1");
  EXPECT_EQ(next.value->called.counter, 3);
  EXPECT_EQ(call_next(open_for(3, {"loans"}), tickets, at_minute(9)).problem->error,
            CounterError::queue_empty);
}

TEST(TicketFlow, RecallKeepsTheTicketCalledWithItsFirstCallTime) {
  const auto ticket = called_by(waiting("t1", "cash", "A001", 0), 1, 3);
  const auto recalled = recall_ticket(1, ticket);
  ASSERT_TRUE(recalled.ok());
  EXPECT_EQ(*recalled.value, ticket);
  const auto elsewhere = recall_ticket(2, ticket);
  ASSERT_FALSE(elsewhere.ok());
  EXPECT_EQ(elsewhere.problem->error, CounterError::not_called_here);
  EXPECT_EQ(elsewhere.problem->message, "ticket A001 is called by counter 1, not by counter 2");
  EXPECT_EQ(recall_ticket(1, waiting("t2", "cash", "A002", 0)).problem->message,
            "ticket A002 is still waiting; counter 1 has not called it");
}

TEST(TicketFlow, RequeueReturnsTheTicketToItsPlace) {
  const auto ticket = called_by(waiting("t1", "cash", "A001", 0), 1, 3);
  const auto back = requeue_ticket(1, ticket);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back.value->status, TicketStatus::waiting);
  EXPECT_EQ(back.value->counter, std::nullopt);
  EXPECT_EQ(back.value->called_at, std::nullopt);
  EXPECT_EQ(back.value->issued_at, ticket.issued_at);
  EXPECT_FALSE(requeue_ticket(2, ticket).ok());
}

TEST(TicketFlow, DoneAndNoShowFinishTheTicket) {
  const auto ticket = called_by(waiting("t1", "cash", "A001", 0), 1, 3);
  const auto served = finish_ticket(1, ticket, Outcome::served);
  ASSERT_TRUE(served.ok());
  EXPECT_EQ(served.value->status, TicketStatus::served);
  EXPECT_EQ(served.value->counter, 1);  // kept for the wait figures
  EXPECT_EQ(served.value->called_at, at_minute(3));
  const auto missing = finish_ticket(1, ticket, Outcome::no_show);
  ASSERT_TRUE(missing.ok());
  EXPECT_EQ(missing.value->status, TicketStatus::no_show);
  // Finishing twice, or at the wrong counter, is refused.
  EXPECT_EQ(finish_ticket(1, *served.value, Outcome::served).problem->message,
            "ticket A001 was already served");
  EXPECT_EQ(finish_ticket(2, ticket, Outcome::served).problem->error, CounterError::not_called_here);
}

TEST(TicketFlow, TransferKeepsThePlaceButNotTheAppointment) {
  auto ticket = called_by(waiting("t1", "cash", "A001", 2, /*appointment=*/true), 1, 3);
  const auto moved = transfer_ticket(1, ticket, {"loans", "t9"}, k_services);
  ASSERT_TRUE(moved.ok());
  EXPECT_EQ(moved.value->closed.status, TicketStatus::transferred);
  EXPECT_EQ(moved.value->closed.ticket_id, "t1");
  EXPECT_EQ(moved.value->closed.counter, 1);
  const TicketQueueEntry& created = moved.value->created;
  EXPECT_EQ(created.ticket_id, "t9");
  EXPECT_EQ(created.service_id, "loans");
  EXPECT_EQ(created.number, "A001");
  EXPECT_EQ(created.issued_at, at_minute(2));
  EXPECT_EQ(created.status, TicketStatus::waiting);
  EXPECT_FALSE(created.is_appointment);
  EXPECT_EQ(created.counter, std::nullopt);
  EXPECT_EQ(created.called_at, std::nullopt);
  EXPECT_EQ(created.transferred_from, "t1");
}

TEST(TicketFlow, TransferRefusals) {
  const auto ticket = called_by(waiting("t1", "cash", "A001", 0), 1, 3);
  EXPECT_EQ(transfer_ticket(1, ticket, {"mortgages", "t9"}, k_services).problem->message,
            "cannot transfer ticket A001: there is no service \"mortgages\"");
  EXPECT_EQ(transfer_ticket(1, ticket, {"cash", "t9"}, k_services).problem->error,
            CounterError::same_service);
  EXPECT_EQ(transfer_ticket(1, ticket, {"loans", ""}, k_services).problem->error,
            CounterError::missing_ticket_id);
  EXPECT_EQ(transfer_ticket(1, ticket, {"loans", "t1"}, k_services).problem->error,
            CounterError::missing_ticket_id);
  EXPECT_EQ(transfer_ticket(2, ticket, {"loans", "t9"}, k_services).problem->error,
            CounterError::not_called_here);
  EXPECT_EQ(transfer_ticket(1, waiting("t2", "cash", "A002", 0), {"loans", "t9"}, k_services).problem->error,
            CounterError::not_called_here);
}

TEST(TicketFlow, ATransferredTicketWaitsAheadOfLaterArrivals) {
  // A001 (issued minute 0) moves to loans, where B001 arrived at minute 1: A001 is called first there.
  const auto ticket = called_by(waiting("t1", "cash", "A001", 0), 1, 3);
  const auto moved = transfer_ticket(1, ticket, {"loans", "t9"}, k_services);
  ASSERT_TRUE(moved.ok());
  const std::vector<TicketQueueEntry> tickets{waiting("t2", "loans", "B001", 1), moved.value->closed,
                                              moved.value->created};
  const auto next = call_next(open_for(4, {"loans"}), tickets, at_minute(5));
  ASSERT_TRUE(next.ok());
  EXPECT_EQ(next.value->called.ticket_id, "t9");
  EXPECT_EQ(next.value->called.number, "A001");
}

TEST(TicketFlow, ATicketWithoutANumberIsNamedByItsId) {
  auto ticket = waiting("0190abc", "cash", "", 0);
  ticket.status = TicketStatus::served;
  EXPECT_EQ(check_call(open_for(1, {"cash"}), ticket)->message, "ticket 0190abc was already served");
}

TEST(TicketStatusNames, MatchTheStoreSpelling) {
  for (const TicketStatus status :
       {TicketStatus::waiting, TicketStatus::called, TicketStatus::served, TicketStatus::no_show,
        TicketStatus::transferred, TicketStatus::cancelled}) {
    EXPECT_EQ(parse_ticket_status(to_string(status)), status);
  }
  EXPECT_EQ(to_string(TicketStatus::no_show), "no_show");
  EXPECT_EQ(parse_ticket_status("noshow"), std::nullopt);
  EXPECT_EQ(to_string(CounterError::counter_busy), "counter_busy");
}

}  // namespace
}  // namespace kiosk::domain::counters

#include "domain/counters/events.hpp"

#include <gtest/gtest.h>

#include "counters_test_support.hpp"
#include "domain/event.hpp"

namespace kiosk::domain::counters {
namespace {

using namespace test;
using Json = nlohmann::json;

TEST(CounterEvents, Called) {
  const auto ticket = waiting("t1", "cash", "A001", 0, /*appointment=*/true);
  const CounterEvent event = ticket_called_event(ticket, 2, at_minute(7) + std::chrono::milliseconds{999}, 3);
  EXPECT_EQ(event.type, "ticket.called");
  EXPECT_TRUE(is_valid_event_type(event.type));
  EXPECT_EQ(event.data, (Json{{"ticket_id", "t1"},
                              {"service_id", "cash"},
                              {"number", "A001"},
                              {"counter", 2},
                              {"appointment", true},
                              {"wait_seconds", 420},
                              {"open_counters", 3}}));
}

TEST(CounterEvents, Served) {
  const auto ticket = called_by(waiting("t1", "cash", "A001", 0), 2, 7);
  const CounterEvent event =
      ticket_served_event(ticket, 2, at_minute(7), at_minute(11) + std::chrono::seconds{5});
  EXPECT_EQ(event.type, "ticket.served");
  EXPECT_EQ(event.data, (Json{{"ticket_id", "t1"},
                              {"service_id", "cash"},
                              {"number", "A001"},
                              {"counter", 2},
                              {"service_seconds", 245}}));
}

TEST(CounterEvents, NoShow) {
  const auto ticket = called_by(waiting("t1", "cash", "A001", 0), 2, 7);
  const CounterEvent event = ticket_no_show_event(ticket, 2, at_minute(7), at_minute(9));
  EXPECT_EQ(event.type, "ticket.no_show");
  EXPECT_TRUE(is_valid_event_type(event.type));
  EXPECT_EQ(event.data["seconds_after_call"], 120);
  EXPECT_EQ(event.data.size(), 5U);
}

TEST(CounterEvents, Transferred) {
  const auto ticket = called_by(waiting("t1", "cash", "A001", 0), 2, 7);
  const auto moved = transfer_ticket(2, ticket, {"loans", "t9"}, k_services);
  ASSERT_TRUE(moved.ok());
  const CounterEvent event = ticket_transferred_event(*moved.value, 2, at_minute(7), at_minute(8));
  EXPECT_EQ(event.type, "ticket.transferred");
  EXPECT_EQ(event.data, (Json{{"ticket_id", "t1"},
                              {"service_id", "cash"},
                              {"number", "A001"},
                              {"counter", 2},
                              {"to_service_id", "loans"},
                              {"new_ticket_id", "t9"},
                              {"service_seconds", 60}}));
}

TEST(CounterEvents, AClockSteppedBackGivesZeroNotANegativeDuration) {
  const auto ticket = waiting("t1", "cash", "A001", 10);
  EXPECT_EQ(ticket_called_event(ticket, 1, at_minute(9), 1).data["wait_seconds"], 0);
  EXPECT_EQ(ticket_called_event(ticket, 1, at_minute(9), -2).data["open_counters"], 0);
}

TEST(CounterEvents, CarryNoCustomerIdentifiers) {
  const auto ticket = waiting("t1", "cash", "A001", 0, true);
  for (const auto& key : {"booking_code", "language", "name", "phone", "email"}) {
    EXPECT_FALSE(ticket_called_event(ticket, 1, at_minute(1), 1).data.contains(key)) << key;
  }
}

}  // namespace
}  // namespace kiosk::domain::counters

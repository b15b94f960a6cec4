#pragma once
// The counter console's model: counters that staff open for some services, and the day's queue tickets as
// the console sees them. Plain data: the store fills it from its tables, the rules in console.hpp,
// call_order.hpp and ticket_flow.hpp decide, and the store writes the result back.

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "domain/event.hpp"
#include "domain/queue/ticket_status.hpp"

namespace kiosk::domain::counters {

struct CounterState {
  int id = 0;  // the counter number shown to customers (1-999, as in the catalog)
  bool open = false;
  std::vector<std::string> services;  // service ids it calls from while open; unique, in staff's order

  friend bool operator==(const CounterState&, const CounterState&) = default;
};

using queue::parse_ticket_status;
using queue::TicketStatus;
using queue::to_string;

struct TicketQueueEntry {
  std::string ticket_id;        // UUIDv7 text; later ids were issued later
  std::string service_id;       // the service it waits for
  std::string number;           // as printed and shown on the call display: "A007"
  EventTime issued_at{};        // when it was printed (for a booking: when the customer checked in)
  bool is_appointment = false;  // checked in with a booking code
  TicketStatus status = TicketStatus::waiting;
  std::optional<int> counter;                   // while called: the counter that called it
  std::optional<EventTime> called_at;           // while called: when it was (first) called
  std::optional<std::string> transferred_from;  // set on the waiting entry a transfer created

  friend bool operator==(const TicketQueueEntry&, const TicketQueueEntry&) = default;
};

enum class CounterError {
  counter_closed,     // the counter is not open
  no_services,        // opening a counter with no service, or calling at a counter that serves none
  unknown_service,    // a service id that is not in the catalog
  duplicate_service,  // a service listed twice for one counter
  not_served_here,    // the ticket's service is not one of the counter's
  counter_busy,       // the counter still has a called ticket and is asked to call another
  queue_empty,        // nothing is waiting for the counter's services
  not_waiting,        // a ticket that is not waiting cannot be called (called elsewhere, done, ...)
  not_called_here,    // the action needs the ticket called by this counter
  same_service,       // a transfer to the service the ticket already waits for
  missing_ticket_id,  // a transfer needs the id of the new waiting entry
};

std::string_view to_string(CounterError error);

struct CounterProblem {
  CounterError error = CounterError::counter_closed;
  // For staff, naming the counter, ticket and service: "ticket A007 is already called by counter 2".
  std::string message;

  friend bool operator==(const CounterProblem&, const CounterProblem&) = default;
};

// Either a value or the problem that prevented it; never both.
template <class T>
struct CounterResult {
  std::optional<T> value;
  std::optional<CounterProblem> problem;

  bool ok() const { return value.has_value(); }
  static CounterResult success(T v) { return CounterResult{std::move(v), std::nullopt}; }
  static CounterResult failure(CounterError error, std::string message) {
    return CounterResult{std::nullopt, CounterProblem{error, std::move(message)}};
  }
  static CounterResult failure(CounterProblem problem) {
    return CounterResult{std::nullopt, std::move(problem)};
  }
};

}  // namespace kiosk::domain::counters

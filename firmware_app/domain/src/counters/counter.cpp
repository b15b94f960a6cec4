#include "domain/counters/counter.hpp"

#include <array>

#include <fmt/format.h>

#include "messages.hpp"

namespace kiosk::domain::counters {
std::string_view to_string(CounterError error) {
  switch (error) {
    case CounterError::counter_closed:
      return "counter_closed";
    case CounterError::no_services:
      return "no_services";
    case CounterError::unknown_service:
      return "unknown_service";
    case CounterError::duplicate_service:
      return "duplicate_service";
    case CounterError::not_served_here:
      return "not_served_here";
    case CounterError::counter_busy:
      return "counter_busy";
    case CounterError::queue_empty:
      return "queue_empty";
    case CounterError::not_waiting:
      return "not_waiting";
    case CounterError::not_called_here:
      return "not_called_here";
    case CounterError::same_service:
      return "same_service";
    case CounterError::missing_ticket_id:
      return "missing_ticket_id";
  }
  return "unknown";
}

namespace detail {

std::string ticket_name(const TicketQueueEntry& ticket) {
  return "ticket " + (ticket.number.empty() ? ticket.ticket_id : ticket.number);
}

std::string why_not_waiting(const TicketQueueEntry& ticket, int asking_counter) {
  const std::string name = ticket_name(ticket);
  switch (ticket.status) {
    case TicketStatus::waiting:
      return name + " is waiting";
    case TicketStatus::called:
      if (ticket.counter == asking_counter) {
        return fmt::format("{} is already called by this counter ({}); recall shows it again", name,
                           asking_counter);
      }
      if (ticket.counter) {
        return fmt::format("{} is already called by counter {}", name, *ticket.counter);
      }
      return name + " is already called by another counter";
    case TicketStatus::served:
      return name + " was already served";
    case TicketStatus::no_show:
      return name + " was marked as a no-show";
    case TicketStatus::transferred:
      return name + " was transferred to another service";
    case TicketStatus::cancelled:
      return name + " was cancelled";
  }
  return name + " is not waiting";
}

}  // namespace detail
}  // namespace kiosk::domain::counters

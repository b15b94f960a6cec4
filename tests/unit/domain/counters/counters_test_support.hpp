#pragma once
// Small builders for counter tests: tickets and counters in one line each.

#include <chrono>
#include <string>
#include <vector>

#include "domain/counters/counter.hpp"

namespace kiosk::domain::counters::test {

inline const EventTime k_t0{std::chrono::milliseconds{1'795'000'000'000}};  // November 2026

inline EventTime at_minute(int minute) {
  return k_t0 + std::chrono::minutes{minute};
}

inline TicketQueueEntry waiting(std::string id, std::string service, std::string number, int issued_minute,
                                bool appointment = false) {
  TicketQueueEntry ticket;
  ticket.ticket_id = std::move(id);
  ticket.service_id = std::move(service);
  ticket.number = std::move(number);
  ticket.issued_at = at_minute(issued_minute);
  ticket.is_appointment = appointment;
  return ticket;
}

inline TicketQueueEntry called_by(TicketQueueEntry ticket, int counter, int called_minute) {
  ticket.status = TicketStatus::called;
  ticket.counter = counter;
  ticket.called_at = at_minute(called_minute);
  return ticket;
}

inline CounterState open_for(int id, std::vector<std::string> services) {
  return CounterState{id, true, std::move(services)};
}

inline const std::vector<std::string> k_services{"cash", "loans", "cards", "appointments"};

}  // namespace kiosk::domain::counters::test

#include "domain/counters/events.hpp"

#include <algorithm>

namespace kiosk::domain::counters {
namespace {

using Json = nlohmann::json;

// Whole seconds from `from` to `to`, rounded down; 0 when the wall clock stepped back in between.
long long seconds_between(EventTime from, EventTime to) {
  const auto elapsed = std::chrono::floor<std::chrono::seconds>(to - from);
  return std::max<long long>(elapsed.count(), 0);
}

// The fields every counter event starts with.
Json ticket_fields(const TicketQueueEntry& ticket, int counter_id) {
  return Json{{"ticket_id", ticket.ticket_id},
              {"service_id", ticket.service_id},
              {"number", ticket.number},
              {"counter", counter_id}};
}

}  // namespace

CounterEvent ticket_called_event(const TicketQueueEntry& ticket, int counter_id, EventTime called_at,
                                 int open_counters) {
  Json data = ticket_fields(ticket, counter_id);
  data["appointment"] = ticket.is_appointment;
  data["wait_seconds"] = seconds_between(ticket.issued_at, called_at);
  data["open_counters"] = std::max(open_counters, 0);
  return {std::string(k_ticket_called_event), std::move(data)};
}

CounterEvent ticket_served_event(const TicketQueueEntry& ticket, int counter_id, EventTime called_at,
                                 EventTime done_at) {
  Json data = ticket_fields(ticket, counter_id);
  data["service_seconds"] = seconds_between(called_at, done_at);
  return {std::string(k_ticket_served_event), std::move(data)};
}

CounterEvent ticket_no_show_event(const TicketQueueEntry& ticket, int counter_id, EventTime called_at,
                                  EventTime at) {
  Json data = ticket_fields(ticket, counter_id);
  data["seconds_after_call"] = seconds_between(called_at, at);
  return {std::string(k_ticket_no_show_event), std::move(data)};
}

CounterEvent ticket_transferred_event(const Transfer& transfer, int counter_id, EventTime called_at,
                                      EventTime at) {
  Json data = ticket_fields(transfer.closed, counter_id);
  data["to_service_id"] = transfer.created.service_id;
  data["new_ticket_id"] = transfer.created.ticket_id;
  data["service_seconds"] = seconds_between(called_at, at);
  return {std::string(k_ticket_transferred_event), std::move(data)};
}

}  // namespace kiosk::domain::counters

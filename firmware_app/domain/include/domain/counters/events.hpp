#pragma once
// The outbox events of the counter console, for head office and for wait estimates. Same style as
// "ticket.issued" (app/desk_tickets.cpp): a type name and a JSON object body that the app stamps into an
// EventRecord (id, at) and writes in the same transaction as the ticket change.
//
// Field names are stable (readers ignore unknown ones; a change of meaning needs a new schema version).
// No customer identifiers: no booking code, language or contact data, only the ticket id, its printed
// number, the service and the counter. Durations are whole seconds, rounded down; a negative duration
// (the wall clock stepped back between two stamps) is written as 0.
//
//   ticket.called      {ticket_id, service_id, number, counter, appointment, wait_seconds, open_counters}
//                      wait_seconds: issued to called; open_counters: open counters serving the service
//   ticket.served      {ticket_id, service_id, number, counter, service_seconds}   called to done
//   ticket.no_show     {ticket_id, service_id, number, counter, seconds_after_call}
//   ticket.transferred {ticket_id, service_id, number, counter, to_service_id, new_ticket_id,
//                       service_seconds}
//
// A recall is not an event: it changes nothing head office counts (the staff audit log records it).

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "domain/counters/counter.hpp"
#include "domain/counters/ticket_flow.hpp"

namespace kiosk::domain::counters {

inline constexpr std::string_view k_ticket_called_event = "ticket.called";
inline constexpr std::string_view k_ticket_served_event = "ticket.served";
inline constexpr std::string_view k_ticket_no_show_event = "ticket.no_show";
inline constexpr std::string_view k_ticket_transferred_event = "ticket.transferred";

struct CounterEvent {
  std::string type;     // one of the names above
  nlohmann::json data;  // the body: always a JSON object
};

CounterEvent ticket_called_event(const TicketQueueEntry& ticket, int counter_id, EventTime called_at,
                                 int open_counters);
CounterEvent ticket_served_event(const TicketQueueEntry& ticket, int counter_id, EventTime called_at,
                                 EventTime done_at);
CounterEvent ticket_no_show_event(const TicketQueueEntry& ticket, int counter_id, EventTime called_at,
                                  EventTime at);
CounterEvent ticket_transferred_event(const Transfer& transfer, int counter_id, EventTime called_at,
                                      EventTime at);

}  // namespace kiosk::domain::counters

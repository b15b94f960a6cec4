#pragma once
// What a counter may do with a ticket, as a pure state machine with explicit errors:
//
//   waiting   --call (counter C)---> called by C
//   called(C) --recall (C)---------> called by C, unchanged: the call display shows it again
//   called(C) --requeue (C)--------> waiting, its place kept (issued_at kept; counter, called_at cleared)
//   called(C) --serve (C), "done"--> served
//   called(C) --no_show (C)--------> no_show
//   called(C) --transfer (C) to S--> transferred, plus a new waiting entry for service S
//
// Finished tickets (served, no_show, transferred, cancelled) keep their counter and called_at, as the store
// keeps them for wait figures. Everything else is refused with a CounterProblem naming the ticket and
// counter, e.g. "ticket A007 is already called by counter 2".
//
// Transfer keeps the customer's place: the new entry keeps the original issued_at and number (the customer
// holds the printed ticket "A007" and is called by it), so they wait behind those who came before them,
// not behind everyone. It does not keep appointment priority: the booking was for the first service.
//
// Never two counters calling one ticket: these functions are the precondition check, the store makes it
// atomic. It reads the ticket inside its write transaction, runs call_ticket, and writes with a
// conditional update (UPDATE tickets SET status='called', counter=? ... WHERE id=? AND status='waiting');
// when no row changed, another counter won the race, and re-reading the ticket and running call_ticket
// again yields the message for staff. The other transitions do the same with
// "WHERE id=? AND status='called' AND counter=?".

#include <span>
#include <string>

#include "domain/counters/counter.hpp"

namespace kiosk::domain::counters {

// Whether `counter` may call `ticket` now: counter_closed, not_served_here or not_waiting. (Whether the
// counter is still busy with another ticket is choose_next's check; it needs the other tickets.)
std::optional<CounterProblem> check_call(const CounterState& counter, const TicketQueueEntry& ticket);
// Whether `ticket` is called by `counter_id`, as recall, requeue, serve, no_show and transfer need:
// not_called_here otherwise.
std::optional<CounterProblem> check_called_here(int counter_id, const TicketQueueEntry& ticket);

// The ticket after `counter` called it at `now`.
CounterResult<TicketQueueEntry> call_ticket(const CounterState& counter, const TicketQueueEntry& ticket,
                                            EventTime now);

struct NextCall {
  std::size_t index = 0;    // of the chosen ticket in the input
  TicketQueueEntry called;  // that ticket after the call

  friend bool operator==(const NextCall&, const NextCall&) = default;
};

// choose_next then call_ticket: "call next" in one step.
CounterResult<NextCall> call_next(const CounterState& counter, std::span<const TicketQueueEntry> tickets,
                                  EventTime now);

// The ticket shown again; it stays called, with its first called_at.
CounterResult<TicketQueueEntry> recall_ticket(int counter_id, const TicketQueueEntry& ticket);
CounterResult<TicketQueueEntry> requeue_ticket(int counter_id, const TicketQueueEntry& ticket);

enum class Outcome { served, no_show };
CounterResult<TicketQueueEntry> finish_ticket(int counter_id, const TicketQueueEntry& ticket,
                                              Outcome outcome);

struct TransferRequest {
  std::string to_service_id;
  std::string new_ticket_id;  // a fresh UUIDv7 for the new waiting entry (the caller generates it)
};

struct Transfer {
  TicketQueueEntry closed;   // the original ticket, now transferred
  TicketQueueEntry created;  // waiting for the new service

  friend bool operator==(const Transfer&, const Transfer&) = default;
};

// Errors: not_called_here, unknown_service (not in `known_service_ids`), same_service, missing_ticket_id
// (empty, or equal to the original id).
CounterResult<Transfer> transfer_ticket(int counter_id, const TicketQueueEntry& ticket,
                                        const TransferRequest& request,
                                        std::span<const std::string> known_service_ids);

}  // namespace kiosk::domain::counters

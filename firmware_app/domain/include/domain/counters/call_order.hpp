#pragma once
// "Call next": which waiting ticket a counter calls.
//
// Order: among waiting tickets of the services the counter is open for, appointments (booking check-ins)
// first, oldest check-in first; then everyone else, oldest issued first, across all of the counter's
// services (not service by service). Equal times go to the lower ticket id: ids are UUIDv7, so this is
// still issue order when two tickets share a millisecond, and the choice never depends on input order.

#include <cstddef>
#include <span>

#include "domain/counters/counter.hpp"

namespace kiosk::domain::counters {

// True when `a` is called before `b` by the order above (status and service are not looked at).
bool called_before(const TicketQueueEntry& a, const TicketQueueEntry& b);

// The index in `tickets` of the ticket `counter` should call next. Errors, checked in this order:
// counter_closed, no_services, counter_busy (the counter has a called ticket in `tickets`; finish it
// first), queue_empty (nothing waiting for its services). Called, finished and other counters' tickets are
// never chosen. `tickets` holds today's tickets; their order does not matter.
CounterResult<std::size_t> choose_next(const CounterState& counter,
                                       std::span<const TicketQueueEntry> tickets);

}  // namespace kiosk::domain::counters

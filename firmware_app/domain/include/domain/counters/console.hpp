#pragma once
// Opening and closing counters. Several counters work at once; each one calls only from the services staff
// opened it for. Whether those services are also listed for the counter in the catalog does not matter:
// staff may cover a service at any counter.

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "domain/counters/counter.hpp"

namespace kiosk::domain::counters {

// Opens `counter` for `services`, or changes the services of an open counter. Errors: no_services (empty
// list), unknown_service (not in `known_service_ids`, the catalog's ids), duplicate_service. A ticket the
// counter has called stays its own to finish even if its service is dropped here.
CounterResult<CounterState> open_counter(const CounterState& counter, std::vector<std::string> services,
                                         std::span<const std::string> known_service_ids);

// Closes `counter`. Refused (counter_busy) while it has a called ticket in `tickets`: finish, put back or
// transfer it first, so no customer is left standing at a closed counter. Closing a closed counter is
// allowed and changes nothing. The services list is kept, so the console can offer it again on reopening.
CounterResult<CounterState> close_counter(const CounterState& counter,
                                          std::span<const TicketQueueEntry> tickets);

// The ticket `counter_id` has called and not finished, if any (index into `tickets`). At most one exists
// when every call went through choose_next/call_ticket; if several do, the earliest called is returned.
std::optional<std::size_t> current_ticket(int counter_id, std::span<const TicketQueueEntry> tickets);

// Open counters serving `service_id`: the figure wait estimates divide by.
int open_counters_serving(std::string_view service_id, std::span<const CounterState> counters);

}  // namespace kiosk::domain::counters

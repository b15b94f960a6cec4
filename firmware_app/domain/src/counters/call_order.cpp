#include "domain/counters/call_order.hpp"

#include <algorithm>
#include <tuple>

#include <fmt/ranges.h>

#include "domain/counters/console.hpp"
#include "messages.hpp"

namespace kiosk::domain::counters {
namespace {

bool serves(const CounterState& counter, const std::string& service_id) {
  return std::find(counter.services.begin(), counter.services.end(), service_id) != counter.services.end();
}

std::string service_list(const CounterState& counter) {
  return fmt::format("{}", fmt::join(counter.services, ", "));
}

}  // namespace

bool called_before(const TicketQueueEntry& a, const TicketQueueEntry& b) {
  // Appointments (true) come before walk-ins (false), hence the negation.
  return std::forward_as_tuple(!a.is_appointment, a.issued_at, a.ticket_id) <
         std::forward_as_tuple(!b.is_appointment, b.issued_at, b.ticket_id);
}

CounterResult<std::size_t> choose_next(const CounterState& counter,
                                       std::span<const TicketQueueEntry> tickets) {
  using Result = CounterResult<std::size_t>;
  if (!counter.open) {
    return Result::failure(CounterError::counter_closed, fmt::format("counter {} is closed", counter.id));
  }
  if (counter.services.empty()) {
    return Result::failure(CounterError::no_services,
                           fmt::format("counter {} serves no service", counter.id));
  }
  if (const auto current = current_ticket(counter.id, tickets)) {
    return Result::failure(
        CounterError::counter_busy,
        fmt::format("counter {} is still serving {}: mark it done, no-show or transfer it first", counter.id,
                    detail::ticket_name(tickets[*current])));
  }
  std::optional<std::size_t> best;
  for (std::size_t i = 0; i < tickets.size(); ++i) {
    const TicketQueueEntry& ticket = tickets[i];
    if (ticket.status != TicketStatus::waiting || !serves(counter, ticket.service_id)) {
      continue;
    }
    if (!best || called_before(ticket, tickets[*best])) {
      best = i;
    }
  }
  if (!best) {
    return Result::failure(CounterError::queue_empty, fmt::format("no ticket is waiting for {} at counter {}",
                                                                  service_list(counter), counter.id));
  }
  return Result::success(*best);
}

}  // namespace kiosk::domain::counters

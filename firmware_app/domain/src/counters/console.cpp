#include "domain/counters/console.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "messages.hpp"

namespace kiosk::domain::counters {

CounterResult<CounterState> open_counter(const CounterState& counter, std::vector<std::string> services,
                                         std::span<const std::string> known_service_ids) {
  using Result = CounterResult<CounterState>;
  if (services.empty()) {
    return Result::failure(CounterError::no_services,
                           fmt::format("counter {} needs at least one service to open", counter.id));
  }
  for (std::size_t i = 0; i < services.size(); ++i) {
    const std::string& service = services[i];
    if (std::find(known_service_ids.begin(), known_service_ids.end(), service) == known_service_ids.end()) {
      return Result::failure(CounterError::unknown_service,
                             fmt::format("counter {}: there is no service \"{}\"", counter.id, service));
    }
    if (std::find(services.begin(), services.begin() + static_cast<std::ptrdiff_t>(i), service) !=
        services.begin() + static_cast<std::ptrdiff_t>(i)) {
      return Result::failure(CounterError::duplicate_service,
                             fmt::format("counter {}: service \"{}\" is listed twice", counter.id, service));
    }
  }
  CounterState opened = counter;
  opened.open = true;
  opened.services = std::move(services);
  return Result::success(std::move(opened));
}

CounterResult<CounterState> close_counter(const CounterState& counter,
                                          std::span<const TicketQueueEntry> tickets) {
  using Result = CounterResult<CounterState>;
  if (const auto current = current_ticket(counter.id, tickets)) {
    return Result::failure(
        CounterError::counter_busy,
        fmt::format("counter {} is still serving {}: finish, put back or transfer it before closing",
                    counter.id, detail::ticket_name(tickets[*current])));
  }
  CounterState closed = counter;
  closed.open = false;
  return Result::success(std::move(closed));
}

std::optional<std::size_t> current_ticket(int counter_id, std::span<const TicketQueueEntry> tickets) {
  std::optional<std::size_t> found;
  for (std::size_t i = 0; i < tickets.size(); ++i) {
    const TicketQueueEntry& ticket = tickets[i];
    if (ticket.status != TicketStatus::called || ticket.counter != counter_id) {
      continue;
    }
    // Earliest call first; tickets without a call time (a damaged row) sort last.
    if (!found || (ticket.called_at &&
                   (!tickets[*found].called_at || *ticket.called_at < *tickets[*found].called_at))) {
      found = i;
    }
  }
  return found;
}

int open_counters_serving(std::string_view service_id, std::span<const CounterState> counters) {
  return static_cast<int>(std::count_if(counters.begin(), counters.end(), [&](const CounterState& counter) {
    return counter.open &&
           std::find(counter.services.begin(), counter.services.end(), service_id) != counter.services.end();
  }));
}

}  // namespace kiosk::domain::counters

#include "domain/dashboard/queue_now.hpp"

#include <algorithm>

namespace kiosk::domain::dashboard {
namespace {

void note_wait(std::optional<std::chrono::milliseconds>& longest, std::chrono::milliseconds wait) {
  if (!longest || wait > *longest) {
    longest = wait;
  }
}

}  // namespace

QueueNow queue_now(std::span<const TicketFact> tickets, std::span<const CounterFact> counters,
                   std::size_t service_count, EventTime now, std::chrono::milliseconds stale_after) {
  QueueNow queue;
  queue.services.resize(service_count);
  const EventTime stale_before = now - stale_after;
  for (const TicketFact& ticket : tickets) {
    if (ticket.status != TicketStatus::waiting) {
      continue;
    }
    if (ticket.issued_at < stale_before) {
      ++queue.stale_waiting;
      continue;
    }
    // A ticket stamped after now (the clock was stepped back since) has waited no time we can measure.
    const auto wait = std::max(now - ticket.issued_at, std::chrono::milliseconds{0});
    ++queue.waiting;
    note_wait(queue.longest_wait, wait);
    if (ticket.service < service_count) {
      ServiceQueueNow& service = queue.services[ticket.service];
      ++service.waiting;
      note_wait(service.longest_wait, wait);
    }
  }
  std::vector<bool> counted(service_count);
  for (const CounterFact& counter : counters) {
    if (!counter.open) {
      continue;
    }
    ++queue.counters_open;
    // A counter that lists a service twice still is one counter for it.
    std::fill(counted.begin(), counted.end(), false);
    for (const ServiceIndex service : counter.services) {
      if (service < service_count && !counted[service]) {
        counted[service] = true;
        ++queue.services[service].counters_open;
      }
    }
  }
  return queue;
}

}  // namespace kiosk::domain::dashboard

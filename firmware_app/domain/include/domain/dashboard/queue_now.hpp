#pragma once
// The queue as it stands at one instant: who is waiting for which service, the longest current wait and
// the counters that are open.

#include <chrono>
#include <cstddef>
#include <optional>
#include <span>
#include <vector>

#include "domain/dashboard/facts.hpp"
#include "domain/event.hpp"

namespace kiosk::domain::dashboard {

struct ServiceQueueNow {
  std::size_t waiting = 0;
  std::optional<std::chrono::milliseconds> longest_wait;  // nullopt when nobody waits
  int counters_open = 0;                                  // open counters that serve this service

  friend bool operator==(const ServiceQueueNow&, const ServiceQueueNow&) = default;
};

struct QueueNow {
  std::vector<ServiceQueueNow> services;  // indexed by ServiceIndex, service_count entries
  std::size_t waiting = 0;                // every service, unknown indices included
  std::optional<std::chrono::milliseconds> longest_wait;
  int counters_open = 0;
  std::size_t stale_waiting = 0;  // "waiting" tickets older than stale_after, left out of the figures above

  friend bool operator==(const QueueNow&, const QueueNow&) = default;
};

// Waiting = status waiting and issued no more than `stale_after` before `now`. A ticket's current wait is
// now - issued_at (0 for a ticket stamped after now by a stepped clock). Counters: each open CounterFact
// counts once in the total and once for every distinct known service it lists.
QueueNow queue_now(std::span<const TicketFact> tickets, std::span<const CounterFact> counters,
                   std::size_t service_count, EventTime now, std::chrono::milliseconds stale_after);

}  // namespace kiosk::domain::dashboard

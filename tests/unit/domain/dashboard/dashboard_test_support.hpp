#pragma once
// Fixed instants and the branch time zone for the dashboard tests. Oslo has DST: in 2026 the clocks go
// forward on Sunday 29 March (02:00 CET -> 03:00 CEST at 01:00 UTC; the day is 23 hours) and back on
// Sunday 25 October (03:00 CEST -> 02:00 CET at 01:00 UTC; the day is 25 hours).

#include <chrono>
#include <optional>

#include <date/date.h>
#include <date/tz.h>

#include "domain/dashboard/facts.hpp"
#include "domain/event.hpp"

namespace kiosk::domain::dashboard::test {

using namespace std::chrono_literals;

inline const date::time_zone& oslo() {
  return *date::locate_zone("Europe/Oslo");
}

inline date::local_days day(int y, unsigned m, unsigned d) {
  return date::local_days{date::year{y} / date::month{m} / date::day{d}};
}

inline EventTime utc(int y, unsigned m, unsigned d, int hh, int mm, int ss = 0) {
  return EventTime{date::sys_days{date::year{y} / date::month{m} / date::day{d}} + std::chrono::hours{hh} +
                   std::chrono::minutes{mm} + std::chrono::seconds{ss}};
}

// A wall-clock time in Oslo that exists exactly once (DST-edge tests use utc() instead).
inline EventTime oslo_time(int y, unsigned m, unsigned d, int hh, int mm, int ss = 0) {
  const date::local_seconds local{day(y, m, d) + std::chrono::hours{hh} + std::chrono::minutes{mm} +
                                  std::chrono::seconds{ss}};
  return EventTime{oslo().to_sys(local)};  // throws for a nonexistent or ambiguous time: a test bug
}

// A ticket of `service` issued at `issued`, called `wait` later (when given) and done at `done`.
inline TicketFact ticket(ServiceIndex service, TicketStatus status, EventTime issued,
                         std::optional<std::chrono::milliseconds> wait = std::nullopt,
                         std::optional<EventTime> done = std::nullopt) {
  TicketFact fact;
  fact.service = service;
  fact.status = status;
  fact.issued_at = issued;
  if (wait) {
    fact.called_at = issued + *wait;
  }
  fact.done_at = done;
  return fact;
}

inline TicketFact range_quoted(TicketFact fact, int low, int high) {
  fact.quote_kind = queue::WaitKind::range;
  fact.quote_low_min = low;
  fact.quote_high_min = high;
  return fact;
}

}  // namespace kiosk::domain::dashboard::test

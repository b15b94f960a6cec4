#include <vector>

#include "domain/queue/services.hpp"

namespace kiosk::domain::queue {
namespace {

using std::chrono::sys_seconds;

struct OpenSpan {
  sys_seconds opens;
  sys_seconds closes;
};

// A branch-local wall-clock time as an instant. A time skipped by a spring-forward change maps to the
// transition itself (date's to_sys does that for nonexistent times, whichever choice is passed); a time
// that occurs twice on a fall-back day maps to its first occurrence, the one the clock shows first.
sys_seconds to_instant(date::local_days day, std::chrono::minutes time_of_day, const date::time_zone& zone) {
  const date::local_seconds local{day + time_of_day};
  return zone.to_sys(local, date::choose::earliest);
}

// Every opening from `first` to `last` (inclusive) as instants, in time order, touching ones merged.
// Interval ends are converted per day rather than adding durations to an instant, which is what keeps a
// 09:00 opening at 09:00 on both sides of a DST change.
std::vector<OpenSpan> open_spans(const OpeningHours& hours, date::local_days first, date::local_days last,
                                 const date::time_zone& zone) {
  std::vector<OpenSpan> spans;
  for (date::local_days day = first; day <= last; day += date::days{1}) {
    if (hours.is_closed_on(day)) {
      continue;
    }
    for (const LocalInterval& interval : hours.on(date::weekday{day})) {
      const OpenSpan span{to_instant(day, interval.opens, zone), to_instant(day, interval.closes, zone)};
      if (span.closes <= span.opens) {
        continue;  // wholly inside a spring-forward gap: it never happens
      }
      if (!spans.empty() && span.opens <= spans.back().closes) {
        spans.back().closes = std::max(spans.back().closes, span.closes);
      } else {
        spans.push_back(span);
      }
    }
  }
  return spans;
}

}  // namespace

Availability availability(const Service& service, sys_seconds now, const date::time_zone& zone) {
  if (!service.enabled) {
    return Availability{AvailabilityState::disabled, std::nullopt, std::nullopt};
  }
  const auto today = date::floor<date::days>(zone.to_local(now));
  for (const OpenSpan& span : open_spans(service.hours, today, today + k_next_opening_horizon, zone)) {
    if (span.closes <= now) {
      continue;
    }
    if (span.opens <= now) {
      return Availability{AvailabilityState::open, std::nullopt, span.closes};
    }
    const bool later_today = date::floor<date::days>(zone.to_local(span.opens)) == today;
    return Availability{later_today ? AvailabilityState::closed_now : AvailabilityState::closed_today,
                        span.opens, std::nullopt};
  }
  return Availability{AvailabilityState::closed_today, std::nullopt, std::nullopt};
}

}  // namespace kiosk::domain::queue

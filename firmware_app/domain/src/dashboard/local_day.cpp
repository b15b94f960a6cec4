#include "domain/dashboard/local_day.hpp"

namespace kiosk::domain::dashboard {
namespace {

// Local midnight as an instant. choose::earliest picks the first of two midnights; for a midnight the
// clock skips, date's to_sys returns the instant of the jump, which is where that day really begins.
EventTime local_midnight(date::local_days day, const date::time_zone& zone) {
  return std::chrono::time_point_cast<EventTime::duration>(zone.to_sys(day, date::choose::earliest));
}

}  // namespace

LocalDayWindow local_day_window(date::local_days day, const date::time_zone& zone) {
  return LocalDayWindow{day, local_midnight(day, zone), local_midnight(day + date::days{1}, zone)};
}

LocalDayWindow local_day_window_at(EventTime at, const date::time_zone& zone) {
  return local_day_window(date::floor<date::days>(zone.to_local(at)), zone);
}

std::vector<LocalDayWindow> local_day_windows(date::local_days last_day, int count,
                                              const date::time_zone& zone) {
  std::vector<LocalDayWindow> days;
  if (count <= 0) {
    return days;
  }
  days.reserve(static_cast<std::size_t>(count));
  const date::local_days first = last_day - date::days{count - 1};
  // Each day's end is computed once and reused as the next start, so the windows touch by construction.
  EventTime start = local_midnight(first, zone);
  for (date::local_days day = first; day <= last_day; day += date::days{1}) {
    const EventTime end = local_midnight(day + date::days{1}, zone);
    days.push_back(LocalDayWindow{day, start, end});
    start = end;
  }
  return days;
}

}  // namespace kiosk::domain::dashboard

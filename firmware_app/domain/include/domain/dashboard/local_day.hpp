#pragma once
// Branch-local days as UTC windows. Every dashboard figure "for today" or "per day" is counted over such a
// window, so a day at a DST change is 23 or 25 hours long (Europe/Oslo: 2026-03-29 and 2026-10-25).

#include <vector>

#include <date/date.h>
#include <date/tz.h>

#include "domain/event.hpp"

namespace kiosk::domain::dashboard {

// The instants of one branch-local day: [start, end), start at the day's local midnight, end at the next
// day's. Where local midnight occurs twice the earlier occurrence is used; where it does not exist (a zone
// that springs forward at 00:00) the day starts when the clock jumps. Consecutive days therefore touch
// exactly: one day's end is the next day's start.
struct LocalDayWindow {
  date::local_days day;
  EventTime start{};
  EventTime end{};

  bool contains(EventTime at) const { return start <= at && at < end; }
  friend bool operator==(const LocalDayWindow&, const LocalDayWindow&) = default;
};

LocalDayWindow local_day_window(date::local_days day, const date::time_zone& zone);
// The window of the local day that holds `at`.
LocalDayWindow local_day_window_at(EventTime at, const date::time_zone& zone);
// `count` consecutive days ending with `last_day`, oldest first (empty for count <= 0).
std::vector<LocalDayWindow> local_day_windows(date::local_days last_day, int count,
                                              const date::time_zone& zone);

}  // namespace kiosk::domain::dashboard

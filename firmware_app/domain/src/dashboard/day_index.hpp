#pragma once
// Finds which of a run of consecutive local-day windows holds an instant. Internal to the dashboard code.

#include <algorithm>
#include <cstddef>
#include <span>
#include <vector>

#include "domain/dashboard/local_day.hpp"

namespace kiosk::domain::dashboard::detail {

class DayIndex {
 public:
  // `days` are consecutive (each end is the next start), oldest first.
  explicit DayIndex(std::span<const LocalDayWindow> days) {
    m_bounds.reserve(days.size() + 1);
    for (const LocalDayWindow& day : days) {
      m_bounds.push_back(day.start);
    }
    if (!days.empty()) {
      m_bounds.push_back(days.back().end);
    }
  }

  // The position of the day holding `at`, or -1 when it lies outside them all. Most facts of a year lie
  // before the first day, so that test comes first; the rest is a binary search over at most a year of
  // bounds.
  std::ptrdiff_t find(EventTime at) const {
    if (m_bounds.size() < 2 || at < m_bounds.front() || at >= m_bounds.back()) {
      return -1;
    }
    const auto after = std::upper_bound(m_bounds.begin(), m_bounds.end(), at);
    return (after - m_bounds.begin()) - 1;
  }

 private:
  std::vector<EventTime> m_bounds;
};

}  // namespace kiosk::domain::dashboard::detail

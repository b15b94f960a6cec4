#pragma once
// The knobs of the dashboard figures. Defaults are what a branch gets without configuration.

#include <chrono>
#include <cstddef>

namespace kiosk::domain::dashboard {

inline constexpr int k_max_trend_days = 366;

struct DashboardSettings {
  // "Called within the target wait" means a wait (issued to called) of at most this long.
  std::chrono::minutes target_wait{15};
  // Local days in the trend, today included (clamped to 1 .. k_max_trend_days).
  int trend_days = 30;
  // Latest comments kept, overall and per service.
  std::size_t comment_limit = 20;
  // A ticket still "waiting" longer than this was abandoned (the branch closed, a tap was forgotten); the
  // queue leaves it out and counts it as stale instead.
  std::chrono::hours stale_waiting_after{12};
  // A wait (issued to called) longer than this, or negative (a clock stepped back), is a data error: it is
  // left out of wait and accuracy figures and counted as such.
  std::chrono::hours max_plausible_wait{12};
};

}  // namespace kiosk::domain::dashboard

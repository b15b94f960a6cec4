#include "domain/dashboard/dashboard.hpp"

#include <algorithm>

namespace kiosk::domain::dashboard {
namespace {

// Puts each usable roll-up in place of the point the facts gave. The trend's days are consecutive, so a
// day's position is its distance from the first.
void use_closed_days(std::vector<TrendPoint>& trend, std::span<const TrendPoint> closed_days) {
  if (trend.empty()) {
    return;
  }
  const date::local_days first = trend.front().day;
  const date::local_days today = trend.back().day;
  for (const TrendPoint& point : closed_days) {
    if (point.day < first || point.day >= today) {
      continue;
    }
    trend[static_cast<std::size_t>((point.day - first).count())] = point;
  }
}

}  // namespace

std::vector<LocalDayWindow> trend_windows(EventTime now, const date::time_zone& zone,
                                          const DashboardSettings& settings) {
  const int days = std::clamp(settings.trend_days, 1, k_max_trend_days);
  return local_day_windows(local_day_window_at(now, zone).day, days, zone);
}

Dashboard compute_dashboard(const DashboardInput& input, EventTime now, const date::time_zone& zone,
                            const DashboardSettings& settings) {
  return compute_dashboard(input, {}, now, zone, settings);
}

Dashboard compute_dashboard(const DashboardInput& input, std::span<const TrendPoint> closed_days,
                            EventTime now, const date::time_zone& zone, const DashboardSettings& settings) {
  Dashboard dashboard;
  const std::vector<LocalDayWindow> windows = trend_windows(now, zone, settings);
  dashboard.today = windows.back();
  // One pass over the tickets gives every day's figures; today is the last of them.
  const std::vector<DayFigures> ticket_days = day_figures(input.tickets, windows, settings);
  dashboard.today_figures = ticket_days.back();
  dashboard.queue = queue_now(input.tickets, input.counters, input.service_count, now,
                              std::chrono::milliseconds{settings.stale_waiting_after});
  dashboard.satisfaction =
      satisfaction(input.answers, dashboard.today, input.service_count, settings.comment_limit);
  dashboard.complaints = complaint_figures(input.complaints, dashboard.today, now);
  dashboard.trend = trend(ticket_days, input.answers, input.complaints);
  use_closed_days(dashboard.trend, closed_days);
  return dashboard;
}

}  // namespace kiosk::domain::dashboard

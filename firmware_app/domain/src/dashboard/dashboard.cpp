#include "domain/dashboard/dashboard.hpp"

#include <algorithm>

namespace kiosk::domain::dashboard {

Dashboard compute_dashboard(const DashboardInput& input, EventTime now, const date::time_zone& zone,
                            const DashboardSettings& settings) {
  Dashboard dashboard;
  dashboard.today = local_day_window_at(now, zone);
  const int days = std::clamp(settings.trend_days, 1, k_max_trend_days);
  const std::vector<LocalDayWindow> windows = local_day_windows(dashboard.today.day, days, zone);
  // One pass over the tickets gives every day's figures; today is the last of them.
  const std::vector<DayFigures> ticket_days = day_figures(input.tickets, windows, settings);
  dashboard.today_figures = ticket_days.back();
  dashboard.queue = queue_now(input.tickets, input.counters, input.service_count, now,
                              std::chrono::milliseconds{settings.stale_waiting_after});
  dashboard.satisfaction =
      satisfaction(input.answers, dashboard.today, input.service_count, settings.comment_limit);
  dashboard.complaints = complaint_figures(input.complaints, dashboard.today, now);
  dashboard.trend = trend(ticket_days, input.answers, input.complaints);
  return dashboard;
}

}  // namespace kiosk::domain::dashboard

#pragma once
// Every figure of the branch manager's dashboard at one instant, for the branch's time zone: the queue now,
// today's queue figures, today's satisfaction, complaints and the trend of the last days. Pure: the caller
// (the store layer) supplies the facts and `now`.
//
// Roll-ups: a finished day's trend point never changes (day_figures.hpp), so a caller may keep the points
// of closed days (before today) and pass them back as `closed_days`. Those days then need no facts: the
// tickets and answers only have to cover the days without a point, today and the open tickets. Today's
// figures, the queue now, today's satisfaction and the complaints never come from a roll-up (complaints
// are still every complaint that may be open).

#include <cstddef>
#include <span>
#include <vector>

#include <date/tz.h>

#include "domain/dashboard/complaint_figures.hpp"
#include "domain/dashboard/day_figures.hpp"
#include "domain/dashboard/facts.hpp"
#include "domain/dashboard/local_day.hpp"
#include "domain/dashboard/queue_now.hpp"
#include "domain/dashboard/satisfaction.hpp"
#include "domain/dashboard/settings.hpp"
#include "domain/dashboard/trend.hpp"

namespace kiosk::domain::dashboard {

struct DashboardInput {
  std::span<const TicketFact> tickets;  // any order; at least the trend period's, more is harmless
  std::span<const SurveyFact> answers;
  std::span<const ComplaintFact> complaints;  // every complaint that may still be open
  std::span<const CounterFact> counters;
  std::size_t service_count = 0;  // per-service figures have this many entries
};

struct Dashboard {
  LocalDayWindow today;
  QueueNow queue;
  DayFigures today_figures;  // the same as trend's last day, with every detail
  Satisfaction satisfaction;
  ComplaintFigures complaints;
  std::vector<TrendPoint> trend;  // settings.trend_days points, oldest first, today last

  friend bool operator==(const Dashboard&, const Dashboard&) = default;
};

// The trend's local days at `now`: settings.trend_days (clamped to 1 .. k_max_trend_days) consecutive
// windows, oldest first, today last. Every day but the last is closed.
std::vector<LocalDayWindow> trend_windows(EventTime now, const date::time_zone& zone,
                                          const DashboardSettings& settings);

// One pass over the tickets serves both today's figures and the trend.
Dashboard compute_dashboard(const DashboardInput& input, EventTime now, const date::time_zone& zone,
                            const DashboardSettings& settings = {});

// The same with the trend points of closed days computed earlier (any order): a point for a day of the
// trend before today replaces what the facts give for that day; one for today, a later day or a day
// outside the trend is ignored.
Dashboard compute_dashboard(const DashboardInput& input, std::span<const TrendPoint> closed_days,
                            EventTime now, const date::time_zone& zone,
                            const DashboardSettings& settings = {});

}  // namespace kiosk::domain::dashboard

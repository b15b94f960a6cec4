#pragma once
// Every figure of the branch manager's dashboard at one instant, for the branch's time zone: the queue now,
// today's queue figures, today's satisfaction, complaints and the trend of the last days. Pure: the caller
// (the store layer) supplies the facts and `now`.

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
};

// One pass over the tickets serves both today's figures and the trend.
Dashboard compute_dashboard(const DashboardInput& input, EventTime now, const date::time_zone& zone,
                            const DashboardSettings& settings = {});

}  // namespace kiosk::domain::dashboard

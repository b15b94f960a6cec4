#pragma once
// A per-day series over the last days (30 by default), for the dashboard's trend charts.
//
// A day "has data" when any ticket was issued, called or done, any survey answered or any complaint
// received in it. A day without data (the branch closed, the kiosk off) has every value nullopt and is
// drawn as a gap, never as zero. On a day with data the counts are numbers (0 allowed), the median wait
// needs at least one counted wait and the NPS at least one valid, non-repeat NPS answer.

#include <chrono>
#include <cstddef>
#include <optional>
#include <span>
#include <vector>

#include "domain/dashboard/day_figures.hpp"
#include "domain/dashboard/facts.hpp"
#include "domain/dashboard/local_day.hpp"

namespace kiosk::domain::dashboard {

struct TrendPoint {
  date::local_days day;
  bool has_data = false;
  std::optional<std::size_t> check_ins;
  std::optional<std::chrono::milliseconds> median_wait;
  std::optional<double> nps;
  std::size_t nps_answers = 0;
  std::optional<std::size_t> complaints;  // received that day

  friend bool operator==(const TrendPoint&, const TrendPoint&) = default;
};

// One point per entry of `ticket_days` (the day_figures of consecutive windows, oldest first, as
// day_figures(tickets, windows, settings) gives them); surveys and complaints are binned into the same
// windows in one pass each.
std::vector<TrendPoint> trend(std::span<const DayFigures> ticket_days, std::span<const SurveyFact> answers,
                              std::span<const ComplaintFact> complaints);

}  // namespace kiosk::domain::dashboard

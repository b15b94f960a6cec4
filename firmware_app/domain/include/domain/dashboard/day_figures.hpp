#pragma once
// What happened in the queue on one branch-local day: check-ins, outcomes, waits and how good the printed
// wait quotes were.
//
// Each fact counts on the day its event happened, so a finished day's figures never change afterwards:
//  - a check-in on the day of issued_at (tickets created by a transfer are not check-ins);
//  - served, no-show, transferred and cancelled on the day of done_at (a ticket with such a status but no
//    done_at is left out);
//  - a wait (issued_at -> called_at) and its quote's accuracy on the day of called_at. So a ticket issued at
//    23:50 and called at 00:10 is yesterday's check-in and today's 20-minute wait. Tickets created by a
//    transfer have no wait of their own. Waits that are negative or longer than max_plausible_wait are
//    left out and counted in waits_left_out.
// Percentiles follow percentile.hpp (nearest rank; the median of an even count is the lower middle value).

#include <chrono>
#include <cstddef>
#include <optional>
#include <span>
#include <vector>

#include "domain/dashboard/facts.hpp"
#include "domain/dashboard/local_day.hpp"
#include "domain/dashboard/settings.hpp"

namespace kiosk::domain::dashboard {

struct WaitFigures {
  std::size_t count = 0;  // waits counted
  std::optional<std::chrono::milliseconds> median;
  std::optional<std::chrono::milliseconds> p80;
  std::size_t within_target = 0;              // waits <= target_wait
  std::optional<double> within_target_share;  // within_target / count, 0..1; nullopt when count == 0
  std::size_t left_out = 0;                   // implausible waits (see above)

  friend bool operator==(const WaitFigures&, const WaitFigures&) = default;
};

// How the printed quotes compared with the waits (see queue::quote_accuracy: a range quote is right when
// the wait in whole minutes, rounded down, lies within [low, high]).
struct AccuracyFigures {
  std::size_t range_quotes = 0;
  std::size_t range_inside = 0;
  std::size_t range_shorter = 0;       // called before the low end
  std::size_t range_longer = 0;        // waited past the high end
  std::optional<double> inside_share;  // range_inside / range_quotes, 0..1
  // Mean distance in minutes from the wait (whole minutes, rounded down) to the quoted range: 0 inside it,
  // low - wait when shorter, wait - high when longer. nullopt without range quotes.
  std::optional<double> mean_abs_error_min;
  std::size_t no_wait_quotes = 0;     // "you are next"
  std::size_t no_wait_accurate = 0;   // called within queue::k_no_wait_grace
  std::size_t people_ahead_only = 0;  // no time was quoted: nothing to judge, counted apart

  friend bool operator==(const AccuracyFigures&, const AccuracyFigures&) = default;
};

struct DayFigures {
  LocalDayWindow window;
  std::size_t check_ins = 0;
  std::size_t served = 0;
  std::size_t no_shows = 0;
  std::size_t transfers = 0;
  std::size_t cancelled = 0;
  WaitFigures wait;
  AccuracyFigures accuracy;
  // True when any ticket was issued, called or done in the window: a day without it has "no data", which
  // the trend shows as a gap, not as zero.
  bool has_ticket_activity = false;

  friend bool operator==(const DayFigures&, const DayFigures&) = default;
};

// The figures of every window in `days` (consecutive, oldest first, as local_day_windows gives them) in one
// pass over `tickets`, which may be in any order. Facts outside all windows are skipped cheaply.
std::vector<DayFigures> day_figures(std::span<const TicketFact> tickets, std::span<const LocalDayWindow> days,
                                    const DashboardSettings& settings);

// The figures of one day.
DayFigures day_figures(std::span<const TicketFact> tickets, const LocalDayWindow& day,
                       const DashboardSettings& settings);

}  // namespace kiosk::domain::dashboard

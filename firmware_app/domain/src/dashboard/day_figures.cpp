#include "domain/dashboard/day_figures.hpp"

#include <algorithm>
#include <cstdint>

#include "day_index.hpp"
#include "domain/dashboard/percentile.hpp"

namespace kiosk::domain::dashboard {
namespace {

using std::chrono::milliseconds;
using std::chrono::minutes;

// A day's figures while the pass runs: waits are kept as plain integers (milliseconds) in one vector per
// day, so the pass allocates per day, never per ticket.
struct DayAccumulator {
  DayFigures figures;
  std::vector<std::int64_t> waits_ms;
  std::int64_t abs_error_min_sum = 0;
};

void count_outcome(DayFigures& figures, TicketStatus status) {
  switch (status) {
    case TicketStatus::served:
      ++figures.served;
      break;
    case TicketStatus::no_show:
      ++figures.no_shows;
      break;
    case TicketStatus::transferred:
      ++figures.transfers;
      break;
    case TicketStatus::cancelled:
      ++figures.cancelled;
      break;
    case TicketStatus::waiting:
    case TicketStatus::called:
      break;  // a done_at without a final status (recalled after a mistaken tap) is no outcome
  }
}

// The distance in whole minutes from the wait to the quoted range; the same rounding (down) as
// queue::quote_accuracy, so a quote judged accurate always has distance 0.
std::int64_t minutes_outside(minutes waited, minutes low, minutes high) {
  if (waited < low) {
    return (low - waited).count();
  }
  return waited > high ? (waited - high).count() : 0;
}

void judge_quote(DayAccumulator& day, const TicketFact& ticket, milliseconds wait) {
  AccuracyFigures& accuracy = day.figures.accuracy;
  const auto actual = std::chrono::floor<std::chrono::seconds>(wait);
  switch (ticket.quote_kind) {
    case queue::WaitKind::people_ahead_only:
      ++accuracy.people_ahead_only;
      return;
    case queue::WaitKind::no_wait: {
      ++accuracy.no_wait_quotes;
      const queue::WaitEstimate quote{queue::WaitKind::no_wait};
      if (queue::quote_was_accurate(quote, actual)) {
        ++accuracy.no_wait_accurate;
      }
      return;
    }
    case queue::WaitKind::range:
      break;
  }
  // A stored range with high below low is read as [low, low] rather than judged against an empty range.
  queue::WaitEstimate quote{queue::WaitKind::range};
  quote.low = minutes{ticket.quote_low_min};
  quote.high = std::max(minutes{ticket.quote_high_min}, quote.low);
  ++accuracy.range_quotes;
  switch (queue::quote_accuracy(quote, actual)) {
    case queue::QuoteAccuracy::accurate:
      ++accuracy.range_inside;
      break;
    case queue::QuoteAccuracy::shorter_than_quoted:
      ++accuracy.range_shorter;
      break;
    case queue::QuoteAccuracy::longer_than_quoted:
      ++accuracy.range_longer;
      break;
    case queue::QuoteAccuracy::no_time_quoted:
      break;  // not for a range
  }
  day.abs_error_min_sum += minutes_outside(std::chrono::floor<minutes>(wait), quote.low, quote.high);
}

void count_wait(DayAccumulator& day, const TicketFact& ticket, milliseconds wait,
                const DashboardSettings& settings) {
  if (wait < milliseconds{0} || wait > settings.max_plausible_wait) {
    ++day.figures.wait.left_out;
    return;
  }
  day.waits_ms.push_back(wait.count());
  if (wait <= settings.target_wait) {
    ++day.figures.wait.within_target;
  }
  judge_quote(day, ticket, wait);
}

double share(std::size_t part, std::size_t whole) {
  return static_cast<double>(part) / static_cast<double>(whole);
}

void finish(DayAccumulator& day) {
  WaitFigures& wait = day.figures.wait;
  wait.count = day.waits_ms.size();
  if (wait.count > 0) {
    wait.within_target_share = share(wait.within_target, wait.count);
    // Each call only reorders the values, so the second finds the same rank as on sorted input.
    wait.p80 = milliseconds{*nearest_rank_percentile(day.waits_ms, 80)};
    wait.median = milliseconds{*nearest_rank_percentile(day.waits_ms, 50)};
  }
  AccuracyFigures& accuracy = day.figures.accuracy;
  if (accuracy.range_quotes > 0) {
    accuracy.inside_share = share(accuracy.range_inside, accuracy.range_quotes);
    accuracy.mean_abs_error_min =
        static_cast<double>(day.abs_error_min_sum) / static_cast<double>(accuracy.range_quotes);
  }
}

}  // namespace

std::vector<DayFigures> day_figures(std::span<const TicketFact> tickets, std::span<const LocalDayWindow> days,
                                    const DashboardSettings& settings) {
  std::vector<DayAccumulator> accumulators(days.size());
  for (std::size_t i = 0; i < days.size(); ++i) {
    accumulators[i].figures.window = days[i];
  }
  const detail::DayIndex index(days);
  const auto at = [&](std::ptrdiff_t position) -> DayAccumulator& {
    DayAccumulator& day = accumulators[static_cast<std::size_t>(position)];
    day.figures.has_ticket_activity = true;
    return day;
  };
  for (const TicketFact& ticket : tickets) {
    if (const auto d = index.find(ticket.issued_at); d >= 0) {
      DayAccumulator& day = at(d);
      if (!ticket.transferred_in) {
        ++day.figures.check_ins;
      }
    }
    if (ticket.called_at) {
      if (const auto d = index.find(*ticket.called_at); d >= 0) {
        DayAccumulator& day = at(d);
        if (!ticket.transferred_in) {
          count_wait(day, ticket, *ticket.called_at - ticket.issued_at, settings);
        }
      }
    }
    if (ticket.done_at) {
      if (const auto d = index.find(*ticket.done_at); d >= 0) {
        count_outcome(at(d).figures, ticket.status);
      }
    }
  }
  std::vector<DayFigures> figures;
  figures.reserve(days.size());
  for (DayAccumulator& day : accumulators) {
    finish(day);
    figures.push_back(std::move(day.figures));
  }
  return figures;
}

DayFigures day_figures(std::span<const TicketFact> tickets, const LocalDayWindow& day,
                       const DashboardSettings& settings) {
  return day_figures(tickets, std::span<const LocalDayWindow>(&day, 1), settings).front();
}

}  // namespace kiosk::domain::dashboard

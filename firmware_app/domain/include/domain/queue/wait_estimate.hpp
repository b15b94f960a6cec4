#pragma once
// The wait printed on a ticket. The rule is deliberately honest: a time is quoted only from enough real
// observations of how long customers took at the counter; otherwise the ticket says how many people are
// ahead and nothing more.
//
// Rule (estimate_wait):
//  - no counter open now                  -> people_ahead_only (nobody can promise a time);
//  - nobody ahead and a counter open      -> no_wait;
//  - otherwise pick the samples: those from the same branch-local weekday and hour as `now`; if fewer than
//    k_min_samples, those from the same local hour on any day; if still fewer, all of them (all_recent);
//  - fewer than k_min_samples usable samples even then -> people_ahead_only (never an invented time);
//  - else low  = people_ahead * weighted median(service_duration) / open_counters_now,
//         high = people_ahead * weighted 80th percentile(service_duration) / open_counters_now,
//    each sample weighted by the counters that were open when it was served: samples from fully staffed
//    (busy) periods, which is when queues form, count more than those from quiet single-counter periods.
//    The weighted q-quantile is the smallest duration whose cumulative weight reaches q of the total.
//  - rounding to friendly steps: low rounds down and high rounds up (so the range widens, never narrows);
//    below 10 minutes to whole minutes, from 10 minutes on to multiples of 5. With people ahead the low end
//    is at least 1 minute.
// A sample is usable when open_counters >= 1 and 0 < service_duration <= k_max_service_duration.

#include <chrono>
#include <span>

#include <date/tz.h>

namespace kiosk::domain::queue {

inline constexpr int k_min_samples = 20;
// Longer "services" are a forgotten done tap, not a service; they are left out rather than skew the figure.
inline constexpr std::chrono::seconds k_max_service_duration{std::chrono::hours{12}};

struct ServiceSample {
  std::chrono::sys_seconds called_at;       // when the customer was called to a counter
  std::chrono::seconds service_duration{};  // from call to done at the counter
  int open_counters = 0;                    // counters serving this service at that moment
};

enum class WaitKind {
  range,              // "about low-high minutes"
  people_ahead_only,  // "N people ahead of you", no time
  no_wait,            // "you are next"
};

enum class EstimateBasis {
  weekday_hour,  // same weekday and local hour as now
  hour,          // same local hour, any day
  all_recent,    // every usable sample given
};

struct WaitEstimate {
  WaitKind kind = WaitKind::people_ahead_only;
  int people_ahead = 0;
  std::chrono::minutes low{0};   // set for range only
  std::chrono::minutes high{0};  // set for range only; >= low
  int sample_count = 0;          // usable samples behind the figure (0 when no samples were consulted)
  EstimateBasis basis = EstimateBasis::all_recent;

  friend bool operator==(const WaitEstimate&, const WaitEstimate&) = default;
};

// See the rule above. Negative people_ahead counts as 0, negative open_counters_now as 0. `now` and `zone`
// decide the weekday and hour (branch-local) used to pick samples.
WaitEstimate estimate_wait(int people_ahead, int open_counters_now, std::span<const ServiceSample> recent,
                           std::chrono::sys_seconds now, const date::time_zone& zone);

enum class QuoteAccuracy {
  accurate,
  longer_than_quoted,   // the customer waited longer than the high end (or more than the no_wait grace)
  shorter_than_quoted,  // called before the low end
  no_time_quoted,       // people_ahead_only: there is nothing to judge; leave it out of accuracy rates
};

// How long a "no wait" customer may wait and the quote still count as right.
inline constexpr std::chrono::seconds k_no_wait_grace{std::chrono::minutes{2}};

// Judges a printed quote against the wait the customer really had (ticket issued to called). A range is
// right when the wait, in whole minutes (rounded down), lies within [low, high]; no_wait is right when the
// wait was under k_no_wait_grace.
QuoteAccuracy quote_accuracy(const WaitEstimate& quote, std::chrono::seconds actual_wait);

// quote_accuracy(...) == QuoteAccuracy::accurate. False for people_ahead_only quotes, so count those apart.
bool quote_was_accurate(const WaitEstimate& quote, std::chrono::seconds actual_wait);

}  // namespace kiosk::domain::queue

#include "domain/queue/wait_estimate.hpp"

#include <algorithm>
#include <cstdint>
#include <vector>

#include <date/date.h>

namespace kiosk::domain::queue {
namespace {

using std::chrono::minutes;
using std::chrono::seconds;

constexpr minutes k_fine_step_limit{10};
constexpr minutes k_coarse_step{5};

struct LocalSlot {
  date::weekday weekday;
  std::chrono::hours hour;
};

LocalSlot local_slot(std::chrono::sys_seconds at, const date::time_zone& zone) {
  const auto local = zone.to_local(at);
  const auto day = date::floor<date::days>(local);
  return LocalSlot{date::weekday{day}, date::floor<std::chrono::hours>(local - day)};
}

bool is_usable(const ServiceSample& sample) {
  return sample.open_counters >= 1 && sample.service_duration > seconds{0} &&
         sample.service_duration <= k_max_service_duration;
}

struct Selection {
  std::vector<ServiceSample> samples;
  EstimateBasis basis = EstimateBasis::all_recent;
};

// The narrowest basis with enough samples; all_recent (perhaps too few) when none has.
Selection select_samples(std::span<const ServiceSample> recent, std::chrono::sys_seconds now,
                         const date::time_zone& zone) {
  const LocalSlot slot_now = local_slot(now, zone);
  Selection same_weekday_hour{{}, EstimateBasis::weekday_hour};
  Selection same_hour{{}, EstimateBasis::hour};
  Selection all{{}, EstimateBasis::all_recent};
  for (const ServiceSample& sample : recent) {
    if (!is_usable(sample)) {
      continue;
    }
    all.samples.push_back(sample);
    const LocalSlot slot = local_slot(sample.called_at, zone);
    if (slot.hour == slot_now.hour) {
      same_hour.samples.push_back(sample);
      if (slot.weekday == slot_now.weekday) {
        same_weekday_hour.samples.push_back(sample);
      }
    }
  }
  for (Selection* candidate : {&same_weekday_hour, &same_hour}) {
    if (std::ssize(candidate->samples) >= k_min_samples) {
      return std::move(*candidate);
    }
  }
  return all;
}

// The smallest duration whose cumulative weight reaches `percent` % of the total weight. `samples` is
// sorted by duration and not empty.
seconds weighted_quantile(const std::vector<ServiceSample>& samples, int percent) {
  std::int64_t total = 0;
  for (const ServiceSample& sample : samples) {
    total += sample.open_counters;
  }
  std::int64_t cumulative = 0;
  for (const ServiceSample& sample : samples) {
    cumulative += sample.open_counters;
    if (cumulative * 100 >= total * percent) {
      return sample.service_duration;
    }
  }
  return samples.back().service_duration;
}

minutes round_down_friendly(seconds wait) {
  const auto whole = std::chrono::floor<minutes>(wait);
  return whole < k_fine_step_limit ? whole : whole - whole % k_coarse_step.count();
}

minutes round_up_friendly(seconds wait) {
  const auto whole = std::chrono::ceil<minutes>(wait);
  if (whole < k_fine_step_limit) {
    return whole;
  }
  const auto remainder = whole % k_coarse_step.count();
  return remainder == minutes{0} ? whole : whole - remainder + k_coarse_step;
}

}  // namespace

WaitEstimate estimate_wait(int people_ahead, int open_counters_now, std::span<const ServiceSample> recent,
                           std::chrono::sys_seconds now, const date::time_zone& zone) {
  WaitEstimate estimate;
  estimate.people_ahead = std::max(people_ahead, 0);
  if (open_counters_now <= 0) {
    return estimate;  // people_ahead_only
  }
  if (estimate.people_ahead == 0) {
    estimate.kind = WaitKind::no_wait;
    return estimate;
  }
  Selection selection = select_samples(recent, now, zone);
  estimate.basis = selection.basis;
  estimate.sample_count = static_cast<int>(selection.samples.size());
  if (estimate.sample_count < k_min_samples) {
    return estimate;  // people_ahead_only: too little evidence to quote a time
  }
  std::sort(
      selection.samples.begin(), selection.samples.end(),
      [](const ServiceSample& a, const ServiceSample& b) { return a.service_duration < b.service_duration; });
  // Durations are capped at k_max_service_duration, so people_ahead * duration fits in 64 bits.
  const auto per_counter = [&](seconds duration) {
    return duration * estimate.people_ahead / open_counters_now;
  };
  estimate.kind = WaitKind::range;
  estimate.low =
      std::max(round_down_friendly(per_counter(weighted_quantile(selection.samples, 50))), minutes{1});
  estimate.high =
      std::max(round_up_friendly(per_counter(weighted_quantile(selection.samples, 80))), estimate.low);
  return estimate;
}

QuoteAccuracy quote_accuracy(const WaitEstimate& quote, seconds actual_wait) {
  switch (quote.kind) {
    case WaitKind::people_ahead_only:
      return QuoteAccuracy::no_time_quoted;
    case WaitKind::no_wait:
      return actual_wait < k_no_wait_grace ? QuoteAccuracy::accurate : QuoteAccuracy::longer_than_quoted;
    case WaitKind::range:
      break;
  }
  const auto waited = std::chrono::floor<minutes>(actual_wait);
  if (waited < quote.low) {
    return QuoteAccuracy::shorter_than_quoted;
  }
  return waited > quote.high ? QuoteAccuracy::longer_than_quoted : QuoteAccuracy::accurate;
}

bool quote_was_accurate(const WaitEstimate& quote, seconds actual_wait) {
  return quote_accuracy(quote, actual_wait) == QuoteAccuracy::accurate;
}

}  // namespace kiosk::domain::queue

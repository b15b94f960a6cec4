#include <gtest/gtest.h>

#include <vector>

#include "domain/queue/wait_estimate.hpp"
#include "queue_test_support.hpp"

namespace kiosk::domain::queue {
namespace {

using namespace std::chrono_literals;
using std::chrono::minutes;
using std::chrono::seconds;
using test::oslo;
using test::oslo_time;

// "Now" is Monday 23 November 2026, 10:20 in Oslo.
const auto k_now = oslo_time(2026, 11, 23, 10, 20);

// `count` samples on Mondays at 10:xx Oslo time in the weeks before, with the given durations in turn.
std::vector<ServiceSample> monday_ten(std::vector<seconds> durations, int open_counters = 1) {
  std::vector<ServiceSample> samples;
  for (std::size_t i = 0; i < durations.size(); ++i) {
    const auto monday = test::day(2026, 11, 16) - date::weeks{static_cast<int>(i % 4)};
    const date::local_seconds local{monday + 10h + minutes{static_cast<int>(i % 60)}};
    samples.push_back(ServiceSample{oslo().to_sys(local), durations[i], open_counters});
  }
  return samples;
}

std::vector<seconds> one_to_twenty_minutes() {
  std::vector<seconds> durations;
  for (int m = 20; m >= 1; --m) {  // deliberately not sorted
    durations.push_back(minutes{m});
  }
  return durations;
}

TEST(EstimateWait, RangeFromMedianAndEightiethPercentile) {
  const auto samples = monday_ten(one_to_twenty_minutes());
  // Lower median of 1..20 min is 10 min, the 80th percentile is the 16th value, 16 min.
  // 3 people, 2 counters: low = 3 * 10 / 2 = 15 min; high = 3 * 16 / 2 = 24 min, rounded up to 25.
  const WaitEstimate estimate = estimate_wait(3, 2, samples, k_now, oslo());
  EXPECT_EQ(estimate, (WaitEstimate{WaitKind::range, 3, 15min, 25min, 20, EstimateBasis::weekday_hour}));
}

TEST(EstimateWait, WeightsSamplesByTheCountersOpenThen) {
  // Ten quick services while one counter was open, ten slow ones while three were open.
  std::vector<ServiceSample> samples = monday_ten(std::vector<seconds>(10, 2min), 1);
  const auto busy = monday_ten(std::vector<seconds>(10, 10min), 3);
  samples.insert(samples.end(), busy.begin(), busy.end());
  // Weights 10 x 1 and 10 x 3 = 40; half (20) is reached only within the 10-minute samples. Unweighted, the
  // lower median would be 2 minutes.
  EXPECT_EQ(estimate_wait(1, 1, samples, k_now, oslo()),
            (WaitEstimate{WaitKind::range, 1, 10min, 10min, 20, EstimateBasis::weekday_hour}));

  // The other way round: quick services under three counters carry 30 of 40, so the median is 2 minutes while
  // the 80th percentile (32 of 40) falls in the slow ones.
  samples = monday_ten(std::vector<seconds>(10, 2min), 3);
  const auto quiet = monday_ten(std::vector<seconds>(10, 10min), 1);
  samples.insert(samples.end(), quiet.begin(), quiet.end());
  EXPECT_EQ(estimate_wait(1, 1, samples, k_now, oslo()),
            (WaitEstimate{WaitKind::range, 1, 2min, 10min, 20, EstimateBasis::weekday_hour}));
}

TEST(EstimateWait, RoundsToFriendlySteps) {
  // All 2.5 min: 1 person, 1 counter -> low 2 (down), high 3 (up).
  EXPECT_EQ(estimate_wait(1, 1, monday_ten(std::vector<seconds>(20, 150s)), k_now, oslo()).low, 2min);
  EXPECT_EQ(estimate_wait(1, 1, monday_ten(std::vector<seconds>(20, 150s)), k_now, oslo()).high, 3min);
  // 9.5 min: low 9, high 10.
  const auto nine_and_a_half = estimate_wait(1, 1, monday_ten(std::vector<seconds>(20, 570s)), k_now, oslo());
  EXPECT_EQ(nine_and_a_half.low, 9min);
  EXPECT_EQ(nine_and_a_half.high, 10min);
  // 10 min 10 s: low 10, high 15 (5-minute steps from 10 on).
  const auto just_over_ten = estimate_wait(1, 1, monday_ten(std::vector<seconds>(20, 610s)), k_now, oslo());
  EXPECT_EQ(just_over_ten.low, 10min);
  EXPECT_EQ(just_over_ten.high, 15min);
  // 7 people x 4 min / 1 counter = 28 min: low 25, high 30.
  const auto long_wait = estimate_wait(7, 1, monday_ten(std::vector<seconds>(20, 4min)), k_now, oslo());
  EXPECT_EQ(long_wait.low, 25min);
  EXPECT_EQ(long_wait.high, 30min);
  // Exactly on a step stays there: 3 x 5 min = 15.
  const auto exact = estimate_wait(3, 1, monday_ten(std::vector<seconds>(20, 5min)), k_now, oslo());
  EXPECT_EQ(exact.low, 15min);
  EXPECT_EQ(exact.high, 15min);
  // Thirty seconds of work ahead still quotes at least a minute.
  const auto tiny = estimate_wait(1, 1, monday_ten(std::vector<seconds>(20, 30s)), k_now, oslo());
  EXPECT_EQ(tiny.low, 1min);
  EXPECT_EQ(tiny.high, 1min);
}

TEST(EstimateWait, FallsBackToTheSameHourOnAnyDay) {
  // 19 Monday samples are not enough; 6 more from Wednesday 10:xx (and one from summer time, 10:05 CEST)
  // make the same-hour basis.
  auto samples = monday_ten(std::vector<seconds>(19, 4min));
  for (int i = 0; i < 5; ++i) {
    samples.push_back(ServiceSample{oslo_time(2026, 11, 18, 10, 10 * i), 4min, 1});
  }
  samples.push_back(ServiceSample{oslo_time(2026, 6, 17, 10, 5), 4min, 1});
  // Samples at other hours never count towards the same-hour basis (11:00 local = 10:00 UTC).
  for (int i = 0; i < 30; ++i) {
    samples.push_back(ServiceSample{oslo_time(2026, 11, 16, 11, i), 30min, 1});
  }
  const WaitEstimate estimate = estimate_wait(2, 1, samples, k_now, oslo());
  EXPECT_EQ(estimate, (WaitEstimate{WaitKind::range, 2, 8min, 8min, 25, EstimateBasis::hour}));
}

TEST(EstimateWait, FallsBackToAllRecentSamples) {
  auto samples = monday_ten(std::vector<seconds>(5, 4min));
  for (int i = 0; i < 15; ++i) {
    samples.push_back(ServiceSample{oslo_time(2026, 11, 20, 14, i), 6min, 1});
  }
  // 20 in all: 5 x 4 min and 15 x 6 min. Median (10th) 6 min, p80 (16th) 6 min.
  EXPECT_EQ(estimate_wait(1, 1, samples, k_now, oslo()),
            (WaitEstimate{WaitKind::range, 1, 6min, 6min, 20, EstimateBasis::all_recent}));
}

TEST(EstimateWait, TooFewSamplesNeverInventsATime) {
  const auto samples = monday_ten(std::vector<seconds>(19, 4min));
  EXPECT_EQ(estimate_wait(4, 2, samples, k_now, oslo()),
            (WaitEstimate{WaitKind::people_ahead_only, 4, 0min, 0min, 19, EstimateBasis::all_recent}));
  EXPECT_EQ(estimate_wait(4, 2, {}, k_now, oslo()),
            (WaitEstimate{WaitKind::people_ahead_only, 4, 0min, 0min, 0, EstimateBasis::all_recent}));
}

TEST(EstimateWait, UnusableSamplesDoNotCount) {
  auto samples = monday_ten(std::vector<seconds>(20, 4min));
  samples[0].open_counters = 0;
  samples[1].service_duration = 0s;
  samples[2].service_duration = -30s;
  samples[3].service_duration = 13h;
  const WaitEstimate estimate = estimate_wait(1, 1, samples, k_now, oslo());
  EXPECT_EQ(estimate.kind, WaitKind::people_ahead_only);
  EXPECT_EQ(estimate.sample_count, 16);
  samples[3].service_duration = k_max_service_duration;  // the limit itself is usable
  EXPECT_EQ(estimate_wait(1, 1, samples, k_now, oslo()).sample_count, 17);
}

TEST(EstimateWait, NoWaitWhenNobodyIsAheadAndACounterIsOpen) {
  EXPECT_EQ(estimate_wait(0, 1, {}, k_now, oslo()),
            (WaitEstimate{WaitKind::no_wait, 0, 0min, 0min, 0, EstimateBasis::all_recent}));
  EXPECT_EQ(estimate_wait(-3, 2, {}, k_now, oslo()).kind, WaitKind::no_wait);
}

TEST(EstimateWait, NoCounterOpenGivesPeopleAheadOnly) {
  const auto samples = monday_ten(std::vector<seconds>(40, 4min));
  EXPECT_EQ(estimate_wait(5, 0, samples, k_now, oslo()),
            (WaitEstimate{WaitKind::people_ahead_only, 5, 0min, 0min, 0, EstimateBasis::all_recent}));
  EXPECT_EQ(estimate_wait(0, 0, samples, k_now, oslo()).kind, WaitKind::people_ahead_only);
  EXPECT_EQ(estimate_wait(5, -1, samples, k_now, oslo()).kind, WaitKind::people_ahead_only);
}

TEST(EstimateWait, LargeQueuesDoNotOverflow) {
  const auto samples = monday_ten(std::vector<seconds>(20, k_max_service_duration));
  const WaitEstimate estimate = estimate_wait(std::numeric_limits<int>::max(), 1, samples, k_now, oslo());
  EXPECT_EQ(estimate.kind, WaitKind::range);
  EXPECT_GT(estimate.low, 0min);
  EXPECT_GE(estimate.high, estimate.low);
}

TEST(QuoteAccuracy, RangeCountsWholeMinutes) {
  const WaitEstimate quote{WaitKind::range, 3, 15min, 25min, 20, EstimateBasis::weekday_hour};
  EXPECT_EQ(quote_accuracy(quote, 14min + 59s), QuoteAccuracy::shorter_than_quoted);
  EXPECT_EQ(quote_accuracy(quote, 15min), QuoteAccuracy::accurate);
  EXPECT_EQ(quote_accuracy(quote, 25min + 59s), QuoteAccuracy::accurate);
  EXPECT_EQ(quote_accuracy(quote, 26min), QuoteAccuracy::longer_than_quoted);
  EXPECT_TRUE(quote_was_accurate(quote, 20min));
  EXPECT_FALSE(quote_was_accurate(quote, 40min));
}

TEST(QuoteAccuracy, NoWaitAndNoTime) {
  const WaitEstimate no_wait{WaitKind::no_wait, 0, 0min, 0min, 0, EstimateBasis::all_recent};
  EXPECT_EQ(quote_accuracy(no_wait, 0s), QuoteAccuracy::accurate);
  EXPECT_EQ(quote_accuracy(no_wait, k_no_wait_grace - 1s), QuoteAccuracy::accurate);
  EXPECT_EQ(quote_accuracy(no_wait, k_no_wait_grace), QuoteAccuracy::longer_than_quoted);
  const WaitEstimate no_time{WaitKind::people_ahead_only, 4, 0min, 0min, 3, EstimateBasis::all_recent};
  EXPECT_EQ(quote_accuracy(no_time, 5min), QuoteAccuracy::no_time_quoted);
  EXPECT_FALSE(quote_was_accurate(no_time, 5min));
}

}  // namespace
}  // namespace kiosk::domain::queue

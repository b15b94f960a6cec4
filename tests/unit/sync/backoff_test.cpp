#include "sync/backoff.hpp"

#include <gtest/gtest.h>

#include <limits>

namespace kiosk::sync {
namespace {

using std::chrono::milliseconds;

class FixedRandom : public domain::RandomSource {
 public:
  explicit FixedRandom(std::uint64_t value) : m_value(value) {}
  std::uint64_t next_u64() override { return m_value; }

 private:
  std::uint64_t m_value;
};

TEST(Backoff, CeilingDoublesFromBaseUpToCap) {
  FixedRandom random(0);
  Backoff backoff(BackoffPolicy{milliseconds{100}, milliseconds{1'000}}, random);
  EXPECT_EQ(backoff.ceiling(), milliseconds{100});
  backoff.next();
  EXPECT_EQ(backoff.ceiling(), milliseconds{200});
  backoff.next();
  EXPECT_EQ(backoff.ceiling(), milliseconds{400});
  backoff.next();
  EXPECT_EQ(backoff.ceiling(), milliseconds{800});
  backoff.next();
  EXPECT_EQ(backoff.ceiling(), milliseconds{1'000});
  for (int i = 0; i < 200; ++i) {
    backoff.next();
  }
  EXPECT_EQ(backoff.ceiling(), milliseconds{1'000});
}

TEST(Backoff, DelayIsDrawnFromZeroToCeilingInclusive) {
  FixedRandom high(std::numeric_limits<std::uint64_t>::max());
  Backoff backoff(BackoffPolicy{milliseconds{100}, milliseconds{1'000}}, high);
  for (int i = 0; i < 20; ++i) {
    const auto ceiling = backoff.ceiling();
    const auto delay = backoff.next();
    EXPECT_GE(delay.count(), 0);
    EXPECT_LE(delay, ceiling);
  }
  FixedRandom exact(100);  // 100 % (100 + 1) == 100: the ceiling itself is reachable
  Backoff at_ceiling(BackoffPolicy{milliseconds{100}, milliseconds{1'000}}, exact);
  EXPECT_EQ(at_ceiling.next(), milliseconds{100});
}

TEST(Backoff, ResetStartsOverAndCountsAttempts) {
  FixedRandom random(7);
  Backoff backoff(BackoffPolicy{milliseconds{10}, milliseconds{10'000}}, random);
  backoff.next();
  backoff.next();
  EXPECT_EQ(backoff.attempts(), 2);
  backoff.reset();
  EXPECT_EQ(backoff.attempts(), 0);
  EXPECT_EQ(backoff.ceiling(), milliseconds{10});
}

TEST(Backoff, NonsensePolicyIsClamped) {
  FixedRandom random(std::numeric_limits<std::uint64_t>::max());
  Backoff backoff(BackoffPolicy{milliseconds{0}, milliseconds{-5}}, random);
  EXPECT_EQ(backoff.ceiling(), milliseconds{1});
  EXPECT_LE(backoff.next(), milliseconds{1});
}

}  // namespace
}  // namespace kiosk::sync

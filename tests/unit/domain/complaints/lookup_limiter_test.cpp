#include <chrono>

#include <gtest/gtest.h>

#include "domain/complaints/lookup_limiter.hpp"

namespace kiosk::domain::complaints {
namespace {

using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;
using std::chrono::sys_seconds;

const sys_seconds k_start{std::chrono::seconds{1'795'000'000}};  // November 2026

bool allowed(LookupLimiterState& state, sys_seconds now) {
  return check_lookup_allowed(state, now).verdict == LookupVerdict::allowed;
}

// Records failures one second apart from `at` and returns the verdict of the last one.
LookupCheck fail_times(LookupLimiterState& state, sys_seconds at, int count) {
  LookupCheck last;
  for (int i = 0; i < count; ++i) {
    last = record_lookup_failure(state, at + seconds{i});
  }
  return last;
}

TEST(LookupLimiter, AllowsUntilTheFifthFailureInTenMinutes) {
  LookupLimiterState state;
  EXPECT_TRUE(allowed(state, k_start));
  EXPECT_EQ(fail_times(state, k_start, 4).verdict, LookupVerdict::allowed);
  EXPECT_TRUE(allowed(state, k_start + seconds{4}));
  const LookupCheck fifth = record_lookup_failure(state, k_start + seconds{5});
  EXPECT_EQ(fifth.verdict, LookupVerdict::locked);
  EXPECT_EQ(fifth.wait, minutes{5});
  EXPECT_EQ(state.lockouts, 1);
  EXPECT_EQ(check_lookup_allowed(state, k_start + seconds{5} + minutes{5} - seconds{1}),
            (LookupCheck{LookupVerdict::locked, seconds{1}}));
  EXPECT_TRUE(allowed(state, k_start + seconds{5} + minutes{5}));
}

TEST(LookupLimiter, FailuresOutsideTheWindowDoNotCount) {
  LookupLimiterState state;
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(record_lookup_failure(state, k_start + minutes{3 * i}).verdict, LookupVerdict::allowed) << i;
  }
  // At minute 12 the failure at minute 0 has left the window: 4 remain.
  EXPECT_EQ(state.recent_failures.size(), 4U);
  EXPECT_EQ(state.lockouts, 0);
}

TEST(LookupLimiter, EachFurtherLockoutDoublesUpToAnHour) {
  LookupLimiterState state;
  sys_seconds now = k_start;
  const minutes expected[] = {minutes{5}, minutes{10}, minutes{20}, minutes{40}, minutes{60}, minutes{60}};
  for (minutes length : expected) {
    const LookupCheck check = fail_times(state, now, 5);
    ASSERT_EQ(check.verdict, LookupVerdict::locked);
    EXPECT_EQ(check.wait, length);
    now = *state.locked_until;  // try again the moment the lock ends
    ASSERT_TRUE(allowed(state, now));
  }
}

TEST(LookupLimiter, AQuietHourStartsTheEscalationOver) {
  LookupLimiterState state;
  fail_times(state, k_start, 5);
  const sys_seconds unlocked = *state.locked_until;
  // 59 minutes after the lock ended is not quiet enough: the next lock is 10 minutes.
  LookupLimiterState impatient = state;
  EXPECT_EQ(fail_times(impatient, unlocked + minutes{59}, 5).wait, minutes{10});
  // A full hour is: back to 5 minutes.
  EXPECT_EQ(fail_times(state, unlocked + hours{1}, 5).wait, minutes{5});
  EXPECT_EQ(state.lockouts, 1);
}

TEST(LookupLimiter, FailuresWhileLockedAreNotCounted) {
  LookupLimiterState state;
  fail_times(state, k_start, 5);
  const LookupLimiterState locked = state;
  const LookupCheck during = record_lookup_failure(state, k_start + minutes{1});
  EXPECT_EQ(during.verdict, LookupVerdict::locked);
  EXPECT_EQ(state, locked);
}

TEST(LookupLimiter, ASuccessForgivesNoFailures) {
  // Someone with one valid pair must not be able to reset the count between guesses.
  LookupLimiterState state;
  fail_times(state, k_start, 4);
  record_lookup_success(state, k_start + seconds{10});
  EXPECT_EQ(record_lookup_failure(state, k_start + seconds{11}).verdict, LookupVerdict::locked);
}

TEST(LookupLimiter, ASuccessDropsExpiredFailures) {
  LookupLimiterState state;
  fail_times(state, k_start, 3);
  record_lookup_success(state, k_start + minutes{11});
  EXPECT_TRUE(state.recent_failures.empty());
  record_lookup_success(state, k_start + minutes{12});
  EXPECT_EQ(state, LookupLimiterState{});
}

TEST(LookupLimiter, ClockGoingBackDoesNotLockForever) {
  LookupLimiterState state;
  fail_times(state, k_start, 5);
  const sys_seconds yesterday = k_start - hours{24};
  const LookupCheck check = check_lookup_allowed(state, yesterday);
  EXPECT_EQ(check.verdict, LookupVerdict::locked);
  EXPECT_LE(check.wait, minutes{5});
  EXPECT_TRUE(allowed(state, yesterday + minutes{5}));
  // Years back, the same.
  LookupLimiterState years;
  fail_times(years, k_start, 5);
  EXPECT_LE(check_lookup_allowed(years, k_start - hours{24 * 365 * 5}).wait, minutes{5});
}

TEST(LookupLimiter, ClockGoingBackDoesNotUnlockEarly) {
  LookupLimiterState state;
  fail_times(state, k_start, 5);
  // One minute into the lock the clock steps back two minutes: still locked, for at most the full length.
  const LookupCheck check = check_lookup_allowed(state, k_start + minutes{1} - minutes{2});
  EXPECT_EQ(check.verdict, LookupVerdict::locked);
  EXPECT_EQ(check.wait, minutes{5});
}

TEST(LookupLimiter, FailuresStampedInTheFutureExpireFromNow) {
  LookupLimiterState state;
  fail_times(state, k_start, 4);
  const sys_seconds last_year = k_start - hours{24 * 365};
  // The four count as just now...
  LookupLimiterState soon = state;
  EXPECT_EQ(record_lookup_failure(soon, last_year).verdict, LookupVerdict::locked);
  // ...and are gone ten minutes later, not only when the clock reaches them again.
  check_lookup_allowed(state, last_year);
  EXPECT_EQ(record_lookup_failure(state, last_year + minutes{10}).verdict, LookupVerdict::allowed);
  EXPECT_EQ(state.recent_failures.size(), 1U);
}

TEST(LookupLimiter, CorruptPersistedStateIsBounded) {
  LookupLimiterState state;
  state.lockouts = -7;
  state.locked_until = k_start + hours{24 * 365};
  const LookupCheck check = check_lookup_allowed(state, k_start);
  EXPECT_EQ(check.verdict, LookupVerdict::locked);
  EXPECT_LE(check.wait, minutes{5});
  state.lockouts = 1'000'000;
  EXPECT_EQ(lockout_length({}, state.lockouts), hours{1});
  EXPECT_EQ(fail_times(state, k_start + hours{2}, 5).wait, minutes{5});  // quiet hour passed: starts over
}

TEST(LookupLimiter, LockoutLength) {
  const LookupLimiterPolicy policy;
  EXPECT_EQ(lockout_length(policy, 0), minutes{5});
  EXPECT_EQ(lockout_length(policy, 1), minutes{5});
  EXPECT_EQ(lockout_length(policy, 2), minutes{10});
  EXPECT_EQ(lockout_length(policy, 4), minutes{40});
  EXPECT_EQ(lockout_length(policy, 5), minutes{60});
  EXPECT_EQ(lockout_length(policy, 64), minutes{60});
}

}  // namespace
}  // namespace kiosk::domain::complaints

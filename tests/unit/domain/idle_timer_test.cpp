#include "domain/idle_timer.hpp"

#include <gtest/gtest.h>

namespace kiosk::domain {
namespace {

using namespace std::chrono_literals;
using TimePoint = IdleTimer::Clock::time_point;

TEST(IdleTimer, WarnsBeforeItWipes) {
  IdleTimer timer(45s, 10s);
  const TimePoint start{};
  timer.restart(start);
  EXPECT_EQ(timer.phase(start + 34s), IdlePhase::active);
  EXPECT_EQ(timer.phase(start + 35s), IdlePhase::warning);
  EXPECT_EQ(timer.seconds_left(start + 35s), 10);
  EXPECT_EQ(timer.seconds_left(start + 35s + 1ms), 10);
  EXPECT_EQ(timer.seconds_left(start + 44s + 1ms), 1);
  EXPECT_EQ(timer.phase(start + 45s), IdlePhase::expired);
  EXPECT_EQ(timer.seconds_left(start + 50s), 0);
}

TEST(IdleTimer, ActivityRestartsTheCountdown) {
  IdleTimer timer(45s, 10s);
  const TimePoint start{};
  timer.restart(start);
  timer.restart(start + 40s);
  EXPECT_EQ(timer.phase(start + 60s), IdlePhase::active);
  EXPECT_EQ(timer.phase(start + 85s), IdlePhase::expired);
}

TEST(IdleTimer, AccessibilityDoublesTheLimits) {
  IdleTimer timer(45s, 10s);
  timer.set_scale(2);
  const TimePoint start{};
  timer.restart(start);
  EXPECT_EQ(timer.phase(start + 69s), IdlePhase::active);
  EXPECT_EQ(timer.phase(start + 70s), IdlePhase::warning);
  EXPECT_EQ(timer.seconds_left(start + 70s), 20);
  EXPECT_EQ(timer.phase(start + 90s), IdlePhase::expired);
}

TEST(IdleTimer, NextChangeIsWhenThePhaseOrCountdownMoves) {
  IdleTimer timer(45s, 10s);
  const TimePoint start{};
  timer.restart(start);
  EXPECT_EQ(timer.next_change(start + 1s), start + 35s);
  EXPECT_EQ(timer.next_change(start + 35s), start + 36s);
  EXPECT_EQ(timer.next_change(start + 35s + 500ms), start + 36s);
  EXPECT_EQ(timer.next_change(start + 44s + 500ms), start + 45s);
  EXPECT_EQ(timer.next_change(start + 46s), start + 46s);
}

TEST(IdleTimer, ClampsAWarningLongerThanTheTimeout) {
  IdleTimer timer(5s, 30s);
  const TimePoint start{};
  timer.restart(start);
  EXPECT_EQ(timer.phase(start), IdlePhase::warning);
  EXPECT_EQ(timer.seconds_left(start), 5);
}

}  // namespace
}  // namespace kiosk::domain

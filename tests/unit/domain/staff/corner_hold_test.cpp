#include "domain/staff/corner_hold.hpp"

#include <cmath>
#include <limits>

#include <gtest/gtest.h>

namespace kiosk::domain::staff {
namespace {

using namespace std::chrono_literals;
using TimePoint = CornerHold::Clock::time_point;

const TimePoint k_t0{std::chrono::hours{100}};
constexpr PointerPosition k_top_left{0.02F, 0.03F};
constexpr PointerPosition k_middle{0.5F, 0.5F};

TEST(CornerHold, RecognisesAHoldOfExactlyThreeSeconds) {
  CornerHold hold;
  EXPECT_EQ(hold.press(k_top_left, k_t0), HoldSignal::none);
  EXPECT_TRUE(hold.holding());
  EXPECT_EQ(hold.next_change(), k_t0 + 3s);
  EXPECT_EQ(hold.update(k_t0 + 2900ms), HoldSignal::none);
  EXPECT_EQ(hold.update(k_t0 + 2999ms), HoldSignal::none);
  EXPECT_EQ(hold.update(k_t0 + 3000ms), HoldSignal::recognized);
}

TEST(CornerHold, ReportsOncePerPress) {
  CornerHold hold;
  hold.press(k_top_left, k_t0);
  EXPECT_EQ(hold.update(k_t0 + 3s), HoldSignal::recognized);
  EXPECT_FALSE(hold.holding());
  EXPECT_EQ(hold.next_change(), std::nullopt);
  EXPECT_EQ(hold.update(k_t0 + 4s), HoldSignal::none);
  EXPECT_EQ(hold.move({0.03F, 0.03F}, k_t0 + 5s), HoldSignal::none);
  EXPECT_EQ(hold.release(k_t0 + 6s), HoldSignal::none);
  // A new press starts a new attempt.
  hold.press(k_top_left, k_t0 + 10s);
  EXPECT_EQ(hold.update(k_t0 + 13s), HoldSignal::recognized);
}

TEST(CornerHold, ReleaseBeforeThreeSecondsIsNothing) {
  CornerHold hold;
  hold.press(k_top_left, k_t0);
  EXPECT_EQ(hold.release(k_t0 + 2900ms), HoldSignal::none);
  EXPECT_FALSE(hold.holding());
  EXPECT_EQ(hold.update(k_t0 + 5s), HoldSignal::none);
}

TEST(CornerHold, ReleaseAtThreeSecondsCountsWhenNoTickCameInBetween) {
  CornerHold hold;
  hold.press(k_top_left, k_t0);
  EXPECT_EQ(hold.release(k_t0 + 3s), HoldSignal::recognized);
}

TEST(CornerHold, LeavingTheCornerEndsTheAttempt) {
  CornerHold hold;
  hold.press(k_top_left, k_t0);
  EXPECT_EQ(hold.move({0.05F, 0.05F}, k_t0 + 1s), HoldSignal::none);  // still inside the 8 % corner
  EXPECT_TRUE(hold.holding());
  EXPECT_EQ(hold.move({0.2F, 0.05F}, k_t0 + 2s), HoldSignal::none);  // out
  EXPECT_FALSE(hold.holding());
  // Coming back does not resume the hold.
  EXPECT_EQ(hold.move(k_top_left, k_t0 + 2500ms), HoldSignal::none);
  EXPECT_EQ(hold.update(k_t0 + 10s), HoldSignal::none);
  EXPECT_EQ(hold.release(k_t0 + 11s), HoldSignal::none);
}

TEST(CornerHold, LeavingAfterThreeSecondsStillCountsTheTimeSpentInside) {
  CornerHold hold;
  hold.press(k_top_left, k_t0);
  EXPECT_EQ(hold.move(k_middle, k_t0 + 3100ms), HoldSignal::recognized);
  EXPECT_FALSE(hold.holding());
}

TEST(CornerHold, PressesOutsideTheCornersAreIgnored) {
  CornerHold hold;
  EXPECT_EQ(hold.press(k_middle, k_t0), HoldSignal::none);
  EXPECT_FALSE(hold.holding());
  // Sliding into the corner after pressing elsewhere is not a corner press.
  hold.move(k_top_left, k_t0 + 1s);
  EXPECT_EQ(hold.update(k_t0 + 5s), HoldSignal::none);
  // Default: only the top-left corner is accepted.
  EXPECT_EQ(hold.press({0.98F, 0.02F}, k_t0), HoldSignal::none);
  EXPECT_FALSE(hold.holding());
}

TEST(CornerHold, MovingToAnotherAcceptedCornerEndsTheAttempt) {
  CornerHold hold(CornerHoldPolicy{3s, 0.1F, {Corner::top_left, Corner::bottom_right}});
  hold.press({0.0F, 0.0F}, k_t0);
  EXPECT_EQ(hold.corner_at({1.0F, 1.0F}), Corner::bottom_right);
  hold.move({1.0F, 1.0F}, k_t0 + 1s);
  EXPECT_EQ(hold.update(k_t0 + 4s), HoldSignal::none);
  hold.press({0.95F, 0.92F}, k_t0 + 5s);
  EXPECT_EQ(hold.update(k_t0 + 8s), HoldSignal::recognized);
}

TEST(CornerHold, CornerRegionEdgesAndBadCoordinates) {
  CornerHold hold;
  EXPECT_EQ(hold.corner_at({0.08F, 0.08F}), Corner::top_left);
  EXPECT_EQ(hold.corner_at({0.081F, 0.0F}), std::nullopt);
  EXPECT_EQ(hold.corner_at({-0.01F, 0.0F}), std::nullopt);
  const float nan = std::numeric_limits<float>::quiet_NaN();
  EXPECT_EQ(hold.corner_at({nan, 0.0F}), std::nullopt);
  EXPECT_EQ(hold.corner_at({0.0F, std::numeric_limits<float>::infinity()}), std::nullopt);
  CornerHold no_corners(CornerHoldPolicy{3s, 0.1F, {}});
  EXPECT_EQ(no_corners.corner_at({0.0F, 0.0F}), std::nullopt);
  CornerHold nan_region(CornerHoldPolicy{3s, nan, {Corner::top_left}});
  EXPECT_EQ(nan_region.corner_at({0.005F, 0.005F}), Corner::top_left);
  EXPECT_EQ(nan_region.corner_at({0.05F, 0.05F}), std::nullopt);
}

TEST(CornerHold, TimeBeforeThePressRestartsTheHold) {
  CornerHold hold;
  hold.press(k_top_left, k_t0);
  EXPECT_EQ(hold.update(k_t0 - 1s), HoldSignal::none);
  EXPECT_EQ(hold.update(k_t0 + 2s), HoldSignal::recognized);  // 3 s after the corrected start
}

TEST(CornerHold, CancelForgetsThePress) {
  CornerHold hold;
  hold.press(k_top_left, k_t0);
  hold.cancel();
  EXPECT_FALSE(hold.holding());
  EXPECT_EQ(hold.update(k_t0 + 4s), HoldSignal::none);
}

}  // namespace
}  // namespace kiosk::domain::staff

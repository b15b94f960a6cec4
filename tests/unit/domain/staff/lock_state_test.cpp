#include "domain/staff/lock_state.hpp"

#include <gtest/gtest.h>

namespace kiosk::domain::staff {
namespace {

const EventTime k_t0{std::chrono::milliseconds{1'795'000'000'123}};

TEST(StaffLockState, RoundTrips) {
  for (const StaffLockState& state :
       {StaffLockState{}, StaffLockState{3, std::nullopt}, StaffLockState{5, k_t0}}) {
    const auto parsed = parse_staff_lock_state(to_json(state));
    ASSERT_TRUE(parsed.ok()) << to_json(state);
    EXPECT_EQ(*parsed.value, state);
  }
}

TEST(StaffLockState, WritesReadableJson) {
  EXPECT_EQ(to_json(StaffLockState{2, std::nullopt}), R"({"locked_until":null,"wrong_pins":2})");
  EXPECT_EQ(to_json(StaffLockState{5, k_t0}),
            R"({"locked_until":"2026-11-18T11:06:40.123Z","wrong_pins":5})");
}

TEST(StaffLockState, AbsentLockedUntilMeansNoLockout) {
  const auto parsed = parse_staff_lock_state(R"({"wrong_pins": 1, "future_field": true})");
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(*parsed.value, (StaffLockState{1, std::nullopt}));
}

TEST(StaffLockState, NamesEveryProblem) {
  EXPECT_EQ(describe(parse_staff_lock_state("{").issues.at(0)), "not valid JSON");
  EXPECT_EQ(describe(parse_staff_lock_state("[1]").issues.at(0)), "expected a JSON object");
  const auto bad = parse_staff_lock_state(R"({"wrong_pins": -1, "locked_until": "yesterday"})");
  ASSERT_FALSE(bad.ok());
  ASSERT_EQ(bad.issues.size(), 2U);
  EXPECT_EQ(bad.issues[0].path, "wrong_pins");
  EXPECT_EQ(bad.issues[1].path, "locked_until");
  EXPECT_EQ(parse_staff_lock_state("{}").issues.at(0), (ParseIssue{"wrong_pins", "missing"}));
  EXPECT_FALSE(parse_staff_lock_state(R"({"wrong_pins": 2.5})").ok());
  EXPECT_FALSE(parse_staff_lock_state(R"({"wrong_pins": "2"})").ok());
  EXPECT_FALSE(parse_staff_lock_state(R"({"wrong_pins": 1001})").ok());
  EXPECT_FALSE(parse_staff_lock_state(R"({"wrong_pins": 18446744073709551615})").ok());
  EXPECT_FALSE(parse_staff_lock_state(R"({"wrong_pins": 1, "locked_until": 5})").ok());
}

TEST(StaffLockState, ABrokenClockDoesNotMakeWritingThrow) {
  const EventTime far{std::chrono::sys_days{std::chrono::year{12000} / 1 / 1}};
  EXPECT_EQ(to_json(StaffLockState{5, far}), R"({"locked_until":"9999-12-31T23:59:59.999Z","wrong_pins":5})");
}

}  // namespace
}  // namespace kiosk::domain::staff

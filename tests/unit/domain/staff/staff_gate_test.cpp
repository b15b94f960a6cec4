#include "domain/staff/staff_gate.hpp"

#include <gtest/gtest.h>

namespace kiosk::domain::staff {
namespace {

using namespace std::chrono_literals;

const EventTime k_t0{std::chrono::milliseconds{1'795'000'000'000}};  // November 2026

// A gate with the PIN pad open at `at`.
StaffGate gate_asking(EventTime at, StaffLockState restored = {}) {
  StaffGate gate({}, restored, at);
  EXPECT_EQ(gate.request_pin(at).event, GateEvent::pin_requested);
  return gate;
}

StaffGate unlocked_gate(EventTime at) {
  StaffGate gate = gate_asking(at);
  EXPECT_EQ(gate.pin_checked(PinResult::verified, "manager", at).event, GateEvent::unlocked);
  return gate;
}

TEST(StaffGate, StartsClosedAndOpensThePinPadOnRequest) {
  StaffGate gate({}, {}, k_t0);
  EXPECT_EQ(gate.mode(), StaffMode::closed);
  EXPECT_EQ(gate.next_change(), std::nullopt);
  const GateStep step = gate.request_pin(k_t0);
  EXPECT_EQ(step.event, GateEvent::pin_requested);
  EXPECT_EQ(step.mode, StaffMode::pin_entry);
  EXPECT_EQ(step.tries_left, 5);
  // Asking again while the pad is open changes nothing.
  EXPECT_EQ(gate.request_pin(k_t0 + 1s).event, GateEvent::none);
}

TEST(StaffGate, VerifiedPinUnlocksAndRemembersTheSlot) {
  StaffGate gate = gate_asking(k_t0);
  const GateStep step = gate.pin_checked(PinResult::verified, "teller-2", k_t0 + 5s);
  EXPECT_EQ(step.event, GateEvent::unlocked);
  EXPECT_EQ(step.mode, StaffMode::unlocked);
  EXPECT_EQ(gate.unlocked_slot(), "teller-2");
  EXPECT_EQ(gate.next_change(), k_t0 + 5s + 2min);
}

TEST(StaffGate, FourWrongPinsWarnTheFifthLocksOut) {
  StaffGate gate = gate_asking(k_t0);
  for (int i = 1; i <= 4; ++i) {
    const GateStep step = gate.pin_checked(PinResult::wrong, "", k_t0 + std::chrono::seconds{i});
    EXPECT_EQ(step.event, GateEvent::pin_wrong) << i;
    EXPECT_EQ(step.mode, StaffMode::pin_entry) << i;
    EXPECT_EQ(step.tries_left, 5 - i) << i;
  }
  EXPECT_EQ(gate.lock_state().wrong_pins, 4);
  const EventTime fifth = k_t0 + 5s;
  const GateStep locked = gate.pin_checked(PinResult::wrong, "", fifth);
  EXPECT_EQ(locked.event, GateEvent::locked_out);
  EXPECT_EQ(locked.mode, StaffMode::locked_out);
  EXPECT_EQ(locked.tries_left, 0);
  EXPECT_EQ(locked.locked_for, 5min);
  EXPECT_EQ(gate.lock_state().locked_until, fifth + 5min);
  EXPECT_EQ(gate.next_change(), fifth + 5min);
}

TEST(StaffGate, ASixthPinDuringTheLockoutIsNotCountedAndNotAccepted) {
  StaffGate gate = gate_asking(k_t0);
  for (int i = 0; i < 5; ++i) {
    gate.pin_checked(PinResult::wrong, "", k_t0);
  }
  const StaffLockState before = gate.lock_state();
  EXPECT_EQ(gate.pin_checked(PinResult::wrong, "", k_t0 + 1min).event, GateEvent::none);
  EXPECT_EQ(gate.pin_checked(PinResult::verified, "manager", k_t0 + 1min).event, GateEvent::none);
  EXPECT_EQ(gate.mode(), StaffMode::locked_out);
  EXPECT_EQ(gate.lock_state(), before);  // the lockout is not extended either
  const GateStep refused = gate.request_pin(k_t0 + 1min);
  EXPECT_EQ(refused.event, GateEvent::pin_refused_locked);
  EXPECT_EQ(refused.locked_for, 4min);
}

TEST(StaffGate, LockoutEndsAtExactlyFiveMinutes) {
  StaffGate gate = gate_asking(k_t0);
  for (int i = 0; i < 5; ++i) {
    gate.pin_checked(PinResult::wrong, "", k_t0);
  }
  const GateStep almost = gate.update(k_t0 + 5min - 1ms);
  EXPECT_EQ(almost.event, GateEvent::none);
  EXPECT_EQ(almost.mode, StaffMode::locked_out);
  EXPECT_EQ(almost.locked_for, 1ms);
  EXPECT_EQ(gate.request_pin(k_t0 + 5min - 1ms).event, GateEvent::pin_refused_locked);

  const GateStep ended = gate.update(k_t0 + 5min);
  EXPECT_EQ(ended.event, GateEvent::lockout_ended);
  EXPECT_EQ(ended.mode, StaffMode::closed);
  EXPECT_EQ(ended.tries_left, 5);  // the count starts again after a lockout
  EXPECT_EQ(gate.lock_state(), StaffLockState{});
  EXPECT_EQ(gate.request_pin(k_t0 + 5min).event, GateEvent::pin_requested);
}

TEST(StaffGate, TheWrongCountSurvivesClosingThePinPad) {
  StaffGate gate = gate_asking(k_t0);
  gate.pin_checked(PinResult::wrong, "", k_t0);
  gate.pin_checked(PinResult::wrong, "", k_t0);
  EXPECT_EQ(gate.cancel_pin(k_t0 + 1s).event, GateEvent::pin_entry_closed);
  EXPECT_EQ(gate.mode(), StaffMode::closed);
  EXPECT_EQ(gate.request_pin(k_t0 + 1h).tries_left, 3);  // no decay with time either
}

TEST(StaffGate, ASuccessResetsTheWrongCount) {
  StaffGate gate = gate_asking(k_t0);
  for (int i = 0; i < 4; ++i) {
    gate.pin_checked(PinResult::wrong, "", k_t0);
  }
  gate.pin_checked(PinResult::verified, "manager", k_t0 + 1s);
  EXPECT_EQ(gate.lock_state().wrong_pins, 0);
  gate.sign_out(k_t0 + 2s);
  EXPECT_EQ(gate.request_pin(k_t0 + 3s).tries_left, 5);
  for (int i = 0; i < 4; ++i) {
    EXPECT_EQ(gate.pin_checked(PinResult::wrong, "", k_t0 + 4s).mode, StaffMode::pin_entry);
  }
}

TEST(StaffGate, AWrongResultAfterThePadClosedStillCounts) {
  StaffGate gate = gate_asking(k_t0);
  gate.cancel_pin(k_t0);
  const GateStep step = gate.pin_checked(PinResult::wrong, "", k_t0 + 1s);
  EXPECT_EQ(step.event, GateEvent::pin_wrong);
  EXPECT_EQ(step.mode, StaffMode::closed);
  EXPECT_EQ(gate.lock_state().wrong_pins, 1);
}

TEST(StaffGate, AVerifiedResultAfterThePadClosedDoesNotUnlock) {
  StaffGate gate = gate_asking(k_t0);
  gate.customer_session_started(k_t0 + 1s);
  EXPECT_EQ(gate.pin_checked(PinResult::verified, "manager", k_t0 + 2s).event, GateEvent::none);
  EXPECT_EQ(gate.mode(), StaffMode::closed);
  EXPECT_TRUE(gate.unlocked_slot().empty());
}

TEST(StaffGate, PinPadClosesAfterThirtySecondsWithoutAResult) {
  StaffGate gate = gate_asking(k_t0);
  EXPECT_EQ(gate.next_change(), k_t0 + 30s);
  EXPECT_EQ(gate.update(k_t0 + 29s).mode, StaffMode::pin_entry);
  // A wrong result gives the next try the full time again.
  gate.pin_checked(PinResult::wrong, "", k_t0 + 29s);
  EXPECT_EQ(gate.update(k_t0 + 58s).mode, StaffMode::pin_entry);
  const GateStep closed = gate.update(k_t0 + 59s);
  EXPECT_EQ(closed.event, GateEvent::pin_entry_closed);
  EXPECT_EQ(closed.mode, StaffMode::closed);
  // Too late now: the result does not unlock.
  EXPECT_EQ(gate.pin_checked(PinResult::verified, "manager", k_t0 + 59s).event, GateEvent::none);
}

TEST(StaffGate, RelocksAfterTwoMinutesWithoutStaffInput) {
  StaffGate gate = unlocked_gate(k_t0);
  EXPECT_TRUE(gate.staff_input(k_t0 + 1min));
  EXPECT_EQ(gate.update(k_t0 + 3min - 1ms).mode, StaffMode::unlocked);
  const GateStep relocked = gate.update(k_t0 + 3min);
  EXPECT_EQ(relocked.event, GateEvent::relocked_idle);
  EXPECT_EQ(relocked.mode, StaffMode::closed);
  EXPECT_TRUE(gate.unlocked_slot().empty());
}

TEST(StaffGate, StaffInputAfterTheIdleLimitIsRefused) {
  StaffGate gate = unlocked_gate(k_t0);
  // No update() call in between: the input itself finds staff mode expired and must not revive it.
  EXPECT_FALSE(gate.staff_input(k_t0 + 2min));
  EXPECT_EQ(gate.mode(), StaffMode::closed);
}

TEST(StaffGate, ACustomerSessionRelocksAtOnce) {
  StaffGate gate = unlocked_gate(k_t0);
  const GateStep step = gate.customer_session_started(k_t0 + 1s);
  EXPECT_EQ(step.event, GateEvent::relocked_customer);
  EXPECT_EQ(step.mode, StaffMode::closed);
  EXPECT_FALSE(gate.staff_input(k_t0 + 2s));
  // A customer session while closed changes nothing.
  EXPECT_EQ(gate.customer_session_started(k_t0 + 3s).event, GateEvent::none);
}

TEST(StaffGate, ACustomerSessionClosesAnOpenPinPad) {
  StaffGate gate = gate_asking(k_t0);
  EXPECT_EQ(gate.customer_session_started(k_t0 + 1s).event, GateEvent::pin_entry_closed);
}

TEST(StaffGate, ACustomerSessionDoesNotEndALockout) {
  StaffGate gate = gate_asking(k_t0);
  for (int i = 0; i < 5; ++i) {
    gate.pin_checked(PinResult::wrong, "", k_t0);
  }
  EXPECT_EQ(gate.customer_session_started(k_t0 + 1s).event, GateEvent::none);
  EXPECT_EQ(gate.mode(), StaffMode::locked_out);
}

TEST(StaffGate, SignOutCloses) {
  StaffGate gate = unlocked_gate(k_t0);
  EXPECT_EQ(gate.sign_out(k_t0 + 1s).event, GateEvent::signed_out);
  EXPECT_EQ(gate.mode(), StaffMode::closed);
  EXPECT_EQ(gate.sign_out(k_t0 + 2s).event, GateEvent::none);
}

TEST(StaffGate, ARestartKeepsTheLockoutButNeverStaffMode) {
  StaffGate before = gate_asking(k_t0);
  for (int i = 0; i < 5; ++i) {
    before.pin_checked(PinResult::wrong, "", k_t0);
  }
  const auto stored = parse_staff_lock_state(to_json(before.lock_state()));
  ASSERT_TRUE(stored.ok());
  StaffGate after({}, *stored.value, k_t0 + 1min);
  EXPECT_EQ(after.mode(), StaffMode::locked_out);
  EXPECT_EQ(after.request_pin(k_t0 + 1min).locked_for, 4min);
  EXPECT_EQ(after.update(k_t0 + 5min).event, GateEvent::lockout_ended);
}

TEST(StaffGate, ARestartKeepsTheWrongCount) {
  StaffGate gate({}, StaffLockState{3, std::nullopt}, k_t0);
  EXPECT_EQ(gate.mode(), StaffMode::closed);
  EXPECT_EQ(gate.request_pin(k_t0).tries_left, 2);
  gate.pin_checked(PinResult::wrong, "", k_t0);
  EXPECT_EQ(gate.pin_checked(PinResult::wrong, "", k_t0).event, GateEvent::locked_out);
}

TEST(StaffGate, ALockoutThatEndedWhileSwitchedOffIsOver) {
  StaffGate gate({}, StaffLockState{5, k_t0 + 5min}, k_t0 + 10min);
  EXPECT_EQ(gate.mode(), StaffMode::closed);
  EXPECT_EQ(gate.lock_state(), StaffLockState{});
}

TEST(StaffGate, ADamagedStateFailsClosed) {
  StaffGate gate({}, StaffLockState{7, std::nullopt}, k_t0);
  EXPECT_EQ(gate.mode(), StaffMode::locked_out);
  EXPECT_EQ(gate.lock_state().locked_until, k_t0 + 5min);
  StaffGate negative({}, StaffLockState{-3, std::nullopt}, k_t0);
  EXPECT_EQ(negative.request_pin(k_t0).tries_left, 5);
}

TEST(StaffGate, AClockSetBackCannotStretchTheLockout) {
  // Locked until far in the future, as if the clock had been set back by a day after the lockout began.
  StaffGate gate({}, StaffLockState{5, k_t0 + 24h}, k_t0);
  EXPECT_EQ(gate.lock_state().locked_until, k_t0 + 5min);
  EXPECT_EQ(gate.update(k_t0 + 5min).event, GateEvent::lockout_ended);
}

TEST(StaffGate, AClockSetBackCannotStretchStaffModeBeyondOneIdlePeriod) {
  StaffGate gate = unlocked_gate(k_t0);
  // The clock steps back an hour: idle time counts from the new "now".
  EXPECT_EQ(gate.update(k_t0 - 1h).mode, StaffMode::unlocked);
  EXPECT_EQ(gate.update(k_t0 - 1h + 2min).event, GateEvent::relocked_idle);
}

TEST(StaffGate, NamesAreStable) {
  EXPECT_EQ(to_string(StaffMode::locked_out), "locked_out");
  EXPECT_EQ(to_string(GateEvent::relocked_customer), "relocked_customer");
}

}  // namespace
}  // namespace kiosk::domain::staff

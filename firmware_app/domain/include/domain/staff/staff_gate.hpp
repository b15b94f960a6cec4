#pragma once
// The policy of staff mode, as a state machine fed with the time by the caller. It never sees a PIN: the
// caller checks the typed PIN against the stored salted hash (PBKDF2, off the UI thread) and reports only
// verified or wrong.
//
//   closed --request_pin--> pin_entry --verified--> unlocked
//     ^                        |  \--5th consecutive wrong--> locked_out --5 min--> closed
//     |                        +--cancel / 30 s without a result--> closed
//     +--2 min without staff input / customer session starts / staff signs out-- unlocked
//
// Rules (StaffGatePolicy defaults):
//  - 5 consecutive wrong PINs lock staff mode for 5 minutes. The count survives closing the PIN pad and a
//    restart (see lock_state.hpp); only a verified PIN or the end of a lockout resets it. The lockout ends
//    at exactly locked_until (a PIN may be tried at 5 min 0 s after the 5th wrong one, not before).
//  - During a lockout the PIN pad does not open (request_pin reports how long remains) and results that
//    still arrive are not counted.
//  - A wrong result counts even if the PIN pad was closed while the hash was being checked; a verified one
//    unlocks only while the PIN pad is open (a late success must not open staff mode behind a customer).
//  - Unlocked staff mode relocks after 2 minutes without staff input (at exactly 2 min), at once when a
//    customer session starts, and when staff sign out. It never survives a restart: a new StaffGate is
//    closed.
//  - Every call first applies the timeouts due at `now`, so a stale unlocked state is never acted on; every
//    change is returned as a GateStep whose event the app writes to the audit log.
//
// Time is wall-clock UTC (EventTime) because a lockout must survive a restart, which a monotonic clock does
// not. Clock steps are contained: if the clock goes backwards, a lockout never lasts longer than its own
// length from now, and idle or PIN-pad times stamped in the future count from now (so staff mode stays
// open at most one idle period longer); a jump forward only ends things early.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "domain/event.hpp"
#include "domain/staff/lock_state.hpp"

namespace kiosk::domain::staff {

struct StaffGatePolicy {
  int max_wrong_pins = 5;  // at least 1
  std::chrono::milliseconds lockout{std::chrono::minutes{5}};
  std::chrono::milliseconds idle_relock{std::chrono::minutes{2}};
  std::chrono::milliseconds pin_entry_timeout{std::chrono::seconds{30}};
};

enum class StaffMode {
  closed,      // customer screens; the corner hold may ask for the PIN
  pin_entry,   // the PIN pad is open
  unlocked,    // staff mode
  locked_out,  // too many wrong PINs; the PIN pad stays shut until locked_until
};

enum class PinResult { verified, wrong };

enum class GateEvent {
  none,                // nothing changed
  pin_requested,       // the PIN pad opened
  pin_refused_locked,  // the PIN pad was asked for during a lockout (GateStep::locked_for says how long)
  pin_entry_closed,    // cancelled, or no result within pin_entry_timeout
  unlocked,            // verified PIN: staff mode open for GateStep's slot
  pin_wrong,           // wrong PIN; GateStep::tries_left before the lockout
  locked_out,          // this wrong PIN started the lockout
  lockout_ended,
  relocked_idle,
  relocked_customer,
  signed_out,
};

struct GateStep {
  GateEvent event = GateEvent::none;
  StaffMode mode = StaffMode::closed;       // after the step
  int tries_left = 0;                       // wrong PINs still allowed before a lockout
  std::chrono::milliseconds locked_for{0};  // while locked_out: time until the PIN pad opens again (> 0)

  friend bool operator==(const GateStep&, const GateStep&) = default;
};

std::string_view to_string(StaffMode mode);
std::string_view to_string(GateEvent event);

class StaffGate {
 public:
  // Starts closed, or locked_out when `restored` holds a lockout still running at `now`. A restored state
  // at or past max_wrong_pins without a lockout (a damaged file) starts a lockout at `now`: fail closed.
  explicit StaffGate(StaffGatePolicy policy = {}, StaffLockState restored = {}, EventTime now = {});

  // Applies what is due at `now`: relocked_idle, pin_entry_closed or lockout_ended (at most one can be due).
  GateStep update(EventTime now);
  // The corner hold was recognised: opens the PIN pad (pin_requested), or pin_refused_locked. While
  // unlocked or already entering a PIN nothing changes.
  GateStep request_pin(EventTime now);
  GateStep cancel_pin(EventTime now);
  // The caller's verdict on a typed PIN. `slot_id` names the PIN slot that matched (kept while unlocked,
  // for the audit log); it is ignored for wrong results.
  GateStep pin_checked(PinResult result, std::string slot_id, EventTime now);
  // Staff touched something in staff mode. True when staff mode is (still) open, and the idle time starts
  // again; false means the action must be refused because staff mode has closed.
  bool staff_input(EventTime now);
  GateStep customer_session_started(EventTime now);
  GateStep sign_out(EventTime now);

  StaffMode mode() const { return m_mode; }  // as of the last call
  // The PIN slot that unlocked staff mode; empty unless unlocked.
  const std::string& unlocked_slot() const { return m_slot; }
  int tries_left() const;
  // Persist after any step that changed it (compare with the previous value).
  const StaffLockState& lock_state() const { return m_lock; }
  // The next instant update() has something to do; nullopt when closed (nothing times out).
  std::optional<EventTime> next_change() const;

 private:
  GateStep step(GateEvent event, EventTime now) const;
  void contain_clock_steps(EventTime now);
  void close();

  StaffGatePolicy m_policy;
  StaffLockState m_lock;
  StaffMode m_mode = StaffMode::closed;
  std::string m_slot;
  EventTime m_since{};  // pin_entry: when the PIN pad opened; unlocked: the last staff input
};

}  // namespace kiosk::domain::staff

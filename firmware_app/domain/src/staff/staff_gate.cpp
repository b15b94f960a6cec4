#include "domain/staff/staff_gate.hpp"

#include <algorithm>
#include <utility>

namespace kiosk::domain::staff {
namespace {

using std::chrono::milliseconds;

StaffGatePolicy sane(StaffGatePolicy policy) {
  policy.max_wrong_pins = std::max(policy.max_wrong_pins, 1);
  policy.lockout = std::max(policy.lockout, milliseconds{0});
  policy.idle_relock = std::max(policy.idle_relock, milliseconds{0});
  policy.pin_entry_timeout = std::max(policy.pin_entry_timeout, milliseconds{0});
  return policy;
}

}  // namespace

std::string_view to_string(StaffMode mode) {
  switch (mode) {
    case StaffMode::closed:
      return "closed";
    case StaffMode::pin_entry:
      return "pin_entry";
    case StaffMode::unlocked:
      return "unlocked";
    case StaffMode::locked_out:
      return "locked_out";
  }
  return "closed";
}

std::string_view to_string(GateEvent event) {
  switch (event) {
    case GateEvent::none:
      return "none";
    case GateEvent::pin_requested:
      return "pin_requested";
    case GateEvent::pin_refused_locked:
      return "pin_refused_locked";
    case GateEvent::pin_entry_closed:
      return "pin_entry_closed";
    case GateEvent::unlocked:
      return "unlocked";
    case GateEvent::pin_wrong:
      return "pin_wrong";
    case GateEvent::locked_out:
      return "locked_out";
    case GateEvent::lockout_ended:
      return "lockout_ended";
    case GateEvent::relocked_idle:
      return "relocked_idle";
    case GateEvent::relocked_customer:
      return "relocked_customer";
    case GateEvent::signed_out:
      return "signed_out";
  }
  return "none";
}

StaffGate::StaffGate(StaffGatePolicy policy, StaffLockState restored, EventTime now)
    : m_policy(sane(policy)), m_lock(restored) {
  m_lock.wrong_pins = std::max(m_lock.wrong_pins, 0);
  if (!m_lock.locked_until && m_lock.wrong_pins >= m_policy.max_wrong_pins) {
    // Only a damaged or hand-edited file gets here; refusing staff mode for one lockout is the safe reading.
    m_lock.locked_until = now + m_policy.lockout;
  }
  if (m_lock.locked_until) {
    m_mode = StaffMode::locked_out;
  }
  update(now);
}

int StaffGate::tries_left() const {
  if (m_mode == StaffMode::locked_out) {
    return 0;
  }
  return std::max(m_policy.max_wrong_pins - m_lock.wrong_pins, 0);
}

GateStep StaffGate::step(GateEvent event, EventTime now) const {
  GateStep result{event, m_mode, tries_left(), milliseconds{0}};
  if (m_mode == StaffMode::locked_out && m_lock.locked_until) {
    result.locked_for = std::chrono::duration_cast<milliseconds>(*m_lock.locked_until - now);
  }
  return result;
}

void StaffGate::contain_clock_steps(EventTime now) {
  if (m_lock.locked_until && *m_lock.locked_until - now > m_policy.lockout) {
    m_lock.locked_until = now + m_policy.lockout;
  }
  if ((m_mode == StaffMode::pin_entry || m_mode == StaffMode::unlocked) && m_since > now) {
    m_since = now;
  }
}

void StaffGate::close() {
  m_mode = StaffMode::closed;
  m_slot.clear();
}

GateStep StaffGate::update(EventTime now) {
  contain_clock_steps(now);
  switch (m_mode) {
    case StaffMode::closed:
      break;
    case StaffMode::pin_entry:
      if (now - m_since >= m_policy.pin_entry_timeout) {
        close();
        return step(GateEvent::pin_entry_closed, now);
      }
      break;
    case StaffMode::unlocked:
      if (now - m_since >= m_policy.idle_relock) {
        close();
        return step(GateEvent::relocked_idle, now);
      }
      break;
    case StaffMode::locked_out:
      if (!m_lock.locked_until || now >= *m_lock.locked_until) {
        m_lock = StaffLockState{};
        close();
        return step(GateEvent::lockout_ended, now);
      }
      break;
  }
  return step(GateEvent::none, now);
}

GateStep StaffGate::request_pin(EventTime now) {
  update(now);
  switch (m_mode) {
    case StaffMode::closed:
      m_mode = StaffMode::pin_entry;
      m_since = now;
      return step(GateEvent::pin_requested, now);
    case StaffMode::locked_out:
      return step(GateEvent::pin_refused_locked, now);
    case StaffMode::pin_entry:
    case StaffMode::unlocked:
      break;
  }
  return step(GateEvent::none, now);
}

GateStep StaffGate::cancel_pin(EventTime now) {
  update(now);
  if (m_mode != StaffMode::pin_entry) {
    return step(GateEvent::none, now);
  }
  close();
  return step(GateEvent::pin_entry_closed, now);
}

GateStep StaffGate::pin_checked(PinResult result, std::string slot_id, EventTime now) {
  update(now);
  if (result == PinResult::verified) {
    if (m_mode != StaffMode::pin_entry) {
      return step(GateEvent::none, now);
    }
    m_lock.wrong_pins = 0;
    m_mode = StaffMode::unlocked;
    m_slot = std::move(slot_id);
    m_since = now;
    return step(GateEvent::unlocked, now);
  }
  // A wrong PIN was typed even if the pad has closed since; only a lockout (nothing may be tried) or open
  // staff mode (a stale result for a PIN pad that is gone) leaves it uncounted.
  if (m_mode != StaffMode::pin_entry && m_mode != StaffMode::closed) {
    return step(GateEvent::none, now);
  }
  m_lock.wrong_pins = std::min(m_lock.wrong_pins + 1, m_policy.max_wrong_pins);
  if (m_lock.wrong_pins < m_policy.max_wrong_pins) {
    if (m_mode == StaffMode::pin_entry) {
      m_since = now;  // the next try gets the full time to type
    }
    return step(GateEvent::pin_wrong, now);
  }
  m_lock.locked_until = now + m_policy.lockout;
  m_mode = StaffMode::locked_out;
  m_slot.clear();
  return step(GateEvent::locked_out, now);
}

bool StaffGate::staff_input(EventTime now) {
  update(now);
  if (m_mode != StaffMode::unlocked) {
    return false;
  }
  m_since = now;
  return true;
}

GateStep StaffGate::customer_session_started(EventTime now) {
  update(now);
  if (m_mode != StaffMode::unlocked && m_mode != StaffMode::pin_entry) {
    return step(GateEvent::none, now);
  }
  const bool was_unlocked = m_mode == StaffMode::unlocked;
  close();
  return step(was_unlocked ? GateEvent::relocked_customer : GateEvent::pin_entry_closed, now);
}

GateStep StaffGate::sign_out(EventTime now) {
  update(now);
  if (m_mode != StaffMode::unlocked) {
    return step(GateEvent::none, now);
  }
  close();
  return step(GateEvent::signed_out, now);
}

std::optional<EventTime> StaffGate::next_change() const {
  switch (m_mode) {
    case StaffMode::closed:
      return std::nullopt;
    case StaffMode::pin_entry:
      return m_since + m_policy.pin_entry_timeout;
    case StaffMode::unlocked:
      return m_since + m_policy.idle_relock;
    case StaffMode::locked_out:
      return m_lock.locked_until;
  }
  return std::nullopt;
}

}  // namespace kiosk::domain::staff

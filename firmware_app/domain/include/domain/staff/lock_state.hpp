#pragma once
// The part of staff mode that outlives a restart: the count of consecutive wrong PINs and a running
// lockout. Staff mode itself never survives a restart (the kiosk starts closed), but pulling the plug must
// not reset the 5-wrong-PINs lockout, so the app persists this small state after every change
// (StaffGate::lock_state()) and hands it back to StaffGate at start.
//
// Stored as a small JSON object: {"wrong_pins": 3, "locked_until": "2026-11-23T09:15:02.123Z"}
// ("locked_until" absent or null when no lockout runs). Unknown keys are ignored, so a later version may
// add fields.

#include <optional>
#include <string>
#include <string_view>

#include "domain/event.hpp"
#include "domain/text/parse_result.hpp"

namespace kiosk::domain::staff {

struct StaffLockState {
  int wrong_pins = 0;                     // consecutive wrong PINs since the last success or lockout end
  std::optional<EventTime> locked_until;  // UTC; set while a lockout runs

  friend bool operator==(const StaffLockState&, const StaffLockState&) = default;
};

// Never throws: a locked_until outside the years 0000-9999 (which only a broken clock produces) is written
// as 9999-12-31T23:59:59.999Z or 0000-01-01T00:00:00.000Z, whichever is nearer.
std::string to_json(const StaffLockState& state);

// Reads what to_json wrote. Never throws; every problem is reported with its key, e.g.
// `wrong_pins: expected a whole number from 0 to 1000` or `locked_until: expected an RFC 3339 UTC time`.
ParseResult<StaffLockState> parse_staff_lock_state(std::string_view json);

}  // namespace kiosk::domain::staff

#pragma once
// Slows down guessing at the status-lookup screen: per kiosk, too many wrong reference/code pairs lock the
// lookup for a while. Pure (the caller passes the time) and persistable (the state is plain data the store
// saves), so a reboot does not reset it.
//
// Rules (LookupLimiterPolicy defaults): 5 failures within 10 minutes lock lookups for 5 minutes; every
// further lockout doubles that, up to 1 hour; after a quiet hour (no failure and no lock for 60 minutes)
// the escalation starts again from 5 minutes. While locked, failures are not counted (nothing can be tried).
//
// A success does not erase recent failures: someone who knows one valid pair (their own) could otherwise
// reset the counter after every 4 guesses.
//
// Clock steps: if the clock goes backwards, a lock is not allowed to last longer than its own length from
// the current time (no "locked until the clock catches up", which could be years), and failures stamped in
// the future are treated as happening now, so they expire 10 minutes later instead of never. If the clock
// jumps forward, a lock ends early; that cannot be repeated without time passing, so it is not a way around
// the limit.

#include <chrono>
#include <optional>
#include <vector>

namespace kiosk::domain::complaints {

struct LookupLimiterPolicy {
  int max_failures = 5;
  std::chrono::seconds failure_window{std::chrono::minutes{10}};
  std::chrono::seconds first_lockout{std::chrono::minutes{5}};
  std::chrono::seconds max_lockout{std::chrono::hours{1}};
  std::chrono::seconds quiet_reset{std::chrono::hours{1}};
};

struct LookupLimiterState {
  std::vector<std::chrono::sys_seconds> recent_failures;  // oldest first, at most max_failures - 1 kept
  std::optional<std::chrono::sys_seconds> locked_until;
  int lockouts = 0;  // lockouts since the last quiet hour; sets the next lock's length

  friend bool operator==(const LookupLimiterState&, const LookupLimiterState&) = default;
};

enum class LookupVerdict { allowed, locked };

struct LookupCheck {
  LookupVerdict verdict = LookupVerdict::allowed;
  std::chrono::seconds wait{0};  // when locked: how long until lookups are allowed again (> 0)

  friend bool operator==(const LookupCheck&, const LookupCheck&) = default;
};

// The length of the n-th lockout (n >= 1): first_lockout * 2^(n-1), at most max_lockout.
std::chrono::seconds lockout_length(const LookupLimiterPolicy& policy, int lockout_number);

// Whether a lookup may be tried now. Takes the state by reference because a clock that went backwards is
// corrected here (see above); persist the state afterwards if it changed.
LookupCheck check_lookup_allowed(LookupLimiterState& state, std::chrono::sys_seconds now,
                                 const LookupLimiterPolicy& policy = {});

// A wrong reference/code pair. Returns the check as it stands afterwards (locked when this failure locked).
LookupCheck record_lookup_failure(LookupLimiterState& state, std::chrono::sys_seconds now,
                                  const LookupLimiterPolicy& policy = {});

// A right pair: drops failures that have left the window and applies the quiet-hour reset, keeping the
// persisted state small. It deliberately forgives nothing else (see above).
void record_lookup_success(LookupLimiterState& state, std::chrono::sys_seconds now,
                           const LookupLimiterPolicy& policy = {});

}  // namespace kiosk::domain::complaints

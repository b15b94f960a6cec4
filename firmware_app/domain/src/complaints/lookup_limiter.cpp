#include "domain/complaints/lookup_limiter.hpp"

#include <algorithm>

namespace kiosk::domain::complaints {
namespace {

using std::chrono::seconds;
using std::chrono::sys_seconds;

// lockouts only grows to pick a length; past this the length is max_lockout anyway, and capping keeps a
// persisted counter from overflowing on a kiosk that is attacked for years.
constexpr int k_max_counted_lockouts = 64;

int failures_to_lock(const LookupLimiterPolicy& policy) {
  return std::max(policy.max_failures, 1);
}

// Undoes what a clock that went backwards would otherwise cause (see the header): future failures count
// as now, and no lock runs longer than its own length from now.
void correct_for_clock_steps(LookupLimiterState& state, sys_seconds now, const LookupLimiterPolicy& policy) {
  for (sys_seconds& failure : state.recent_failures) {
    failure = std::min(failure, now);
  }
  std::sort(state.recent_failures.begin(), state.recent_failures.end());
  if (state.locked_until) {
    const seconds length = lockout_length(policy, state.lockouts);
    if (*state.locked_until - now > length) {
      state.locked_until = now + length;
    }
  }
}

// After a quiet hour (no failure and no lock running), the escalation starts over.
void apply_quiet_reset(LookupLimiterState& state, sys_seconds now, const LookupLimiterPolicy& policy) {
  std::optional<sys_seconds> last_activity = state.locked_until;
  if (!state.recent_failures.empty()) {
    last_activity =
        std::max(last_activity.value_or(state.recent_failures.back()), state.recent_failures.back());
  }
  if (last_activity && now - *last_activity >= policy.quiet_reset) {
    state = LookupLimiterState{};
  }
}

void drop_expired_failures(LookupLimiterState& state, sys_seconds now, const LookupLimiterPolicy& policy) {
  auto& failures = state.recent_failures;
  failures.erase(std::remove_if(failures.begin(), failures.end(),
                                [&](sys_seconds failure) { return now - failure >= policy.failure_window; }),
                 failures.end());
}

LookupCheck check_at(const LookupLimiterState& state, sys_seconds now) {
  if (state.locked_until && now < *state.locked_until) {
    return LookupCheck{LookupVerdict::locked, *state.locked_until - now};
  }
  return LookupCheck{};
}

}  // namespace

seconds lockout_length(const LookupLimiterPolicy& policy, int lockout_number) {
  seconds length = policy.first_lockout;
  for (int n = 1; n < lockout_number && length < policy.max_lockout; ++n) {
    length *= 2;
  }
  return std::min(length, policy.max_lockout);
}

LookupCheck check_lookup_allowed(LookupLimiterState& state, sys_seconds now,
                                 const LookupLimiterPolicy& policy) {
  correct_for_clock_steps(state, now, policy);
  return check_at(state, now);
}

LookupCheck record_lookup_failure(LookupLimiterState& state, sys_seconds now,
                                  const LookupLimiterPolicy& policy) {
  correct_for_clock_steps(state, now, policy);
  if (const LookupCheck current = check_at(state, now); current.verdict == LookupVerdict::locked) {
    return current;  // nothing could be tried while locked, so there is nothing to count
  }
  apply_quiet_reset(state, now, policy);
  drop_expired_failures(state, now, policy);
  state.recent_failures.push_back(now);
  if (static_cast<int>(state.recent_failures.size()) >= failures_to_lock(policy)) {
    state.lockouts = std::min(std::max(state.lockouts, 0) + 1, k_max_counted_lockouts);
    state.locked_until = now + lockout_length(policy, state.lockouts);
    // The lock is the penalty for these failures; after it the customer starts with a clean count.
    state.recent_failures.clear();
  }
  return check_at(state, now);
}

void record_lookup_success(LookupLimiterState& state, sys_seconds now, const LookupLimiterPolicy& policy) {
  correct_for_clock_steps(state, now, policy);
  apply_quiet_reset(state, now, policy);
  drop_expired_failures(state, now, policy);
}

}  // namespace kiosk::domain::complaints

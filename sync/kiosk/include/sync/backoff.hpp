#pragma once
// Full-jitter exponential backoff (the "Full Jitter" scheme: sleep a uniformly random time between zero and
// min(cap, base * 2^attempt)). Randomising the whole interval spreads a fleet of kiosks that lost the same
// broker at the same moment, so they do not reconnect in lock-step. Millisecond resolution, bounded by cap.

#include <chrono>
#include <cstdint>

#include "domain/uuid.hpp"

namespace kiosk::sync {

struct BackoffPolicy {
  std::chrono::milliseconds base{500};
  std::chrono::milliseconds cap{60'000};
};

// Not thread-safe: each retry loop owns its own Backoff.
class Backoff {
 public:
  // `random` must outlive the Backoff. A policy with base <= 0 or cap < base is clamped to base = 1 ms and
  // cap = max(base, cap).
  Backoff(BackoffPolicy policy, domain::RandomSource& random);

  // The delay before the next attempt, in [0, ceiling()], and counts the attempt.
  std::chrono::milliseconds next();
  // The upper bound the next call to next() draws from: min(cap, base * 2^attempts).
  std::chrono::milliseconds ceiling() const;
  // After a success: the next delay starts from base again.
  void reset() { m_attempts = 0; }
  int attempts() const { return m_attempts; }

 private:
  BackoffPolicy m_policy;
  domain::RandomSource& m_random;
  int m_attempts = 0;
};

}  // namespace kiosk::sync

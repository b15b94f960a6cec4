#include "sync/backoff.hpp"

#include <algorithm>

namespace kiosk::sync {

Backoff::Backoff(BackoffPolicy policy, domain::RandomSource& random) : m_policy(policy), m_random(random) {
  m_policy.base = std::max(m_policy.base, std::chrono::milliseconds{1});
  m_policy.cap = std::max(m_policy.cap, m_policy.base);
}

std::chrono::milliseconds Backoff::ceiling() const {
  // Doubling stops as soon as the cap is reached, so the shift never overflows however many attempts failed.
  std::int64_t ceiling_ms = m_policy.base.count();
  for (int i = 0; i < m_attempts && ceiling_ms < m_policy.cap.count(); ++i) {
    ceiling_ms *= 2;
  }
  return std::chrono::milliseconds{std::min(ceiling_ms, m_policy.cap.count())};
}

std::chrono::milliseconds Backoff::next() {
  const auto bound = static_cast<std::uint64_t>(ceiling().count());
  if (m_attempts < 64) {
    ++m_attempts;
  }
  // Modulo bias is at most bound / 2^64: irrelevant for delays.
  return std::chrono::milliseconds{static_cast<std::int64_t>(m_random.next_u64() % (bound + 1))};
}

}  // namespace kiosk::sync

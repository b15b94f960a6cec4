#include "counter_link/auth_throttle.hpp"

#include <algorithm>

namespace kiosk::counter_link {

std::optional<std::chrono::seconds> AuthThrottle::blocked_for(const std::string& peer, Time now) const {
  const auto it = m_peers.find(peer);
  if (it == m_peers.end() || !it->second.blocked_until || *it->second.blocked_until <= now) {
    return std::nullopt;
  }
  const auto left = std::chrono::ceil<std::chrono::seconds>(*it->second.blocked_until - now);
  return std::max(left, std::chrono::seconds{1});
}

void AuthThrottle::record_failure(const std::string& peer, Time now) {
  auto it = m_peers.find(peer);
  if (it == m_peers.end()) {
    if (m_peers.size() >= m_limits.max_peers && !m_peers.empty()) {
      // Forget the peer seen longest ago. O(n) on a full table only; n is small.
      const auto oldest = std::min_element(m_peers.begin(), m_peers.end(), [](const auto& a, const auto& b) {
        return a.second.last_seen < b.second.last_seen;
      });
      m_peers.erase(oldest);
    }
    it = m_peers.emplace(peer, Peer{0, now, now, std::nullopt}).first;
  }
  auto& state = it->second;
  state.last_seen = now;
  if (state.blocked_until && *state.blocked_until <= now) {
    state.blocked_until.reset();
    state.failures = 0;
    state.window_start = now;
  }
  if (now - state.window_start >= m_limits.window) {
    state.failures = 0;
    state.window_start = now;
  }
  ++state.failures;
  if (state.failures >= m_limits.max_failures) {
    state.blocked_until = now + m_limits.block;
  }
}

}  // namespace kiosk::counter_link

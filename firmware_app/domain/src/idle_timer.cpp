#include "domain/idle_timer.hpp"

#include <algorithm>

namespace kiosk::domain {

using std::chrono::milliseconds;

IdleTimer::IdleTimer(milliseconds timeout, milliseconds warning)
    : m_timeout(std::max(timeout, milliseconds{1})),
      m_warning(std::clamp(warning, milliseconds{0}, m_timeout)) {}

void IdleTimer::restart(Clock::time_point now) {
  m_last_activity = now;
}

void IdleTimer::set_scale(int factor) {
  m_scale = std::max(factor, 1);
}

milliseconds IdleTimer::scaled_timeout() const {
  return m_timeout * m_scale;
}
milliseconds IdleTimer::scaled_warning() const {
  return m_warning * m_scale;
}

IdlePhase IdleTimer::phase(Clock::time_point now) const {
  const auto idle = now - m_last_activity;
  if (idle >= scaled_timeout()) {
    return IdlePhase::expired;
  }
  if (idle >= scaled_timeout() - scaled_warning()) {
    return IdlePhase::warning;
  }
  return IdlePhase::active;
}

int IdleTimer::seconds_left(Clock::time_point now) const {
  const auto left = m_last_activity + scaled_timeout() - now;
  if (left <= Clock::duration::zero()) {
    return 0;
  }
  return static_cast<int>(std::chrono::ceil<std::chrono::seconds>(left).count());
}

IdleTimer::Clock::time_point IdleTimer::next_change(Clock::time_point now) const {
  const auto wipe_at = m_last_activity + scaled_timeout();
  const auto warn_at = wipe_at - scaled_warning();
  if (now < warn_at) {
    return warn_at;
  }
  if (now >= wipe_at) {
    return now;
  }
  // During the warning the countdown changes on each whole second before the wipe.
  const auto left = std::chrono::ceil<std::chrono::seconds>(wipe_at - now);
  return wipe_at - (left - std::chrono::seconds{1});
}

}  // namespace kiosk::domain

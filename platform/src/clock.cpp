#include "platform/clock.hpp"

namespace kiosk::platform {

std::chrono::steady_clock::time_point SystemClock::steady_now() const {
  return std::chrono::steady_clock::now();
}

std::chrono::system_clock::time_point SystemClock::utc_now() const {
  return std::chrono::system_clock::now();
}

ManualClock::ManualClock(std::chrono::system_clock::time_point utc_start) : m_utc(utc_start) {}

std::chrono::steady_clock::time_point ManualClock::steady_now() const {
  std::lock_guard lock(m_mutex);
  return m_steady;
}

std::chrono::system_clock::time_point ManualClock::utc_now() const {
  std::lock_guard lock(m_mutex);
  return m_utc;
}

void ManualClock::advance(std::chrono::steady_clock::duration by) {
  std::lock_guard lock(m_mutex);
  m_steady += by;
  m_utc += std::chrono::duration_cast<std::chrono::system_clock::duration>(by);
}

}  // namespace kiosk::platform

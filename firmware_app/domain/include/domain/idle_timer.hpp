#pragma once
// When a customer walks away, the kiosk first warns, then wipes their session. IdleTimer decides which,
// from the last activity and the clock; it holds no clock of its own so tests can move time freely.

#include <chrono>

namespace kiosk::domain {

enum class IdlePhase {
  active,   // the customer is using the kiosk
  warning,  // "are you still there?" with a countdown
  expired,  // wipe the session now
};

class IdleTimer {
 public:
  using Clock = std::chrono::steady_clock;

  // `timeout` is the total idle time before the wipe; the warning shows for the last `warning` of it.
  // A warning longer than the timeout is clamped to it.
  IdleTimer(std::chrono::milliseconds timeout, std::chrono::milliseconds warning);

  void restart(Clock::time_point now);
  // Multiplies both limits; accessibility mode doubles them.
  void set_scale(int factor);

  IdlePhase phase(Clock::time_point now) const;
  // Whole seconds until the wipe, rounded up (a countdown never shows 0 while time is left).
  int seconds_left(Clock::time_point now) const;
  // The next instant at which phase() or seconds_left() changes: the UI sleeps until then.
  Clock::time_point next_change(Clock::time_point now) const;

 private:
  std::chrono::milliseconds scaled_timeout() const;
  std::chrono::milliseconds scaled_warning() const;

  std::chrono::milliseconds m_timeout;
  std::chrono::milliseconds m_warning;
  int m_scale = 1;
  Clock::time_point m_last_activity{};
};

}  // namespace kiosk::domain

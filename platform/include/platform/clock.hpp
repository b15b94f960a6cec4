#pragma once
// Time for the kiosk. Everything that waits, times out or stamps a record asks a Clock, so tests move
// time by hand instead of sleeping.

#include <chrono>
#include <mutex>

namespace kiosk::platform {

class Clock {
 public:
  virtual ~Clock() = default;
  // Monotonic time for timeouts and animation; never jumps when the wall clock is set.
  virtual std::chrono::steady_clock::time_point steady_now() const = 0;
  // Wall-clock UTC for records and receipts.
  virtual std::chrono::system_clock::time_point utc_now() const = 0;
};

class SystemClock final : public Clock {
 public:
  std::chrono::steady_clock::time_point steady_now() const override;
  std::chrono::system_clock::time_point utc_now() const override;
};

// A clock that only moves when told to. Thread-safe.
class ManualClock final : public Clock {
 public:
  explicit ManualClock(std::chrono::system_clock::time_point utc_start = {});
  std::chrono::steady_clock::time_point steady_now() const override;
  std::chrono::system_clock::time_point utc_now() const override;
  void advance(std::chrono::steady_clock::duration by);

 private:
  mutable std::mutex m_mutex;
  std::chrono::steady_clock::time_point m_steady{};
  std::chrono::system_clock::time_point m_utc{};
};

}  // namespace kiosk::platform

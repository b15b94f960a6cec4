#pragma once
#include <chrono>
#include <thread>

namespace kiosk::sync::test_support {

// Polls `done` every 10 ms until it holds or `timeout` passes; returns its last value.
template <typename Predicate>
bool wait_until(Predicate done, std::chrono::milliseconds timeout) {
  const auto give_up = std::chrono::steady_clock::now() + timeout;
  while (!done()) {
    if (std::chrono::steady_clock::now() >= give_up) {
      return done();
    }
    std::this_thread::sleep_for(std::chrono::milliseconds{10});
  }
  return true;
}

}  // namespace kiosk::sync::test_support

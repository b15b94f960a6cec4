#include "domain/staff/pin_policy.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace kiosk::domain::staff {
namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

int digit(char c) {
  return c - '0';
}

// Each digit `step` (+1 or -1) from the previous one, counting modulo 10 so that 0 follows 9: people think
// of "7890" as a run, and keypads put 0 after 9.
bool is_run(std::string_view pin, int step) {
  for (std::size_t i = 1; i < pin.size(); ++i) {
    if ((digit(pin[i - 1]) + step + 10) % 10 != digit(pin[i])) {
      return false;
    }
  }
  return true;
}

PinRejection reject(PinProblem problem, std::string message) {
  return PinRejection{problem, std::move(message)};
}

}  // namespace

std::optional<PinRejection> check_pin_format(std::string_view pin, const PinPolicy& policy) {
  const std::size_t min_digits = std::max<std::size_t>(policy.min_digits, 1);
  const std::size_t max_digits = std::max(policy.max_digits, min_digits);
  if (pin.size() < min_digits || pin.size() > max_digits) {
    return reject(PinProblem::wrong_length,
                  fmt::format("a PIN has {} to {} digits; this one has {} character{}", min_digits,
                              max_digits, pin.size(), pin.size() == 1 ? "" : "s"));
  }
  const auto not_digit = std::find_if(pin.begin(), pin.end(), [](char c) { return !is_digit(c); });
  if (not_digit != pin.end()) {
    // The position, never the character: messages may be logged and must not leak the PIN.
    return reject(PinProblem::not_digits,
                  fmt::format("a PIN has only the digits 0-9; character {} is something else",
                              static_cast<std::size_t>(not_digit - pin.begin()) + 1));
  }
  if (std::all_of(pin.begin(), pin.end(), [&](char c) { return c == pin.front(); })) {
    return reject(PinProblem::all_same, "a PIN must not repeat one digit throughout (like 0000)");
  }
  if (is_run(pin, 1) || is_run(pin, -1)) {
    return reject(PinProblem::straight_run,
                  "a PIN must not be a straight run of digits up or down (like 1234, 7890 or 4321)");
  }
  return std::nullopt;
}

}  // namespace kiosk::domain::staff

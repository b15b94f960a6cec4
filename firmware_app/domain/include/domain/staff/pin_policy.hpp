#pragma once
// What a staff PIN may look like. Checked when a PIN is set (config or bundle tooling), never when one is
// typed at the kiosk: a typed PIN is only ever compared against the stored salted hash.
//
// Rules (PinPolicy defaults): 4 to 8 ASCII digits; not all the same digit ("0000"); not a straight run up
// or down, where 0 follows 9 ("1234", "6543", "7890", "8901" and "2109" are runs). Messages never repeat
// the PIN or any of its digits, so they can be logged.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace kiosk::domain::staff {

struct PinPolicy {
  std::size_t min_digits = 4;
  std::size_t max_digits = 8;  // taken as min_digits when smaller
};

enum class PinProblem {
  wrong_length,  // fewer than min_digits or more than max_digits characters
  not_digits,    // a character other than 0-9
  all_same,      // every digit the same
  straight_run,  // each digit one above (or each one below) the previous, 0 following 9
};

struct PinRejection {
  PinProblem problem = PinProblem::wrong_length;
  std::string message;  // for the person setting the PIN: "a PIN has 4 to 8 digits; this one has 3"

  friend bool operator==(const PinRejection&, const PinRejection&) = default;
};

// nullopt when `pin` is acceptable; otherwise the first rule it breaks, in the order of PinProblem.
std::optional<PinRejection> check_pin_format(std::string_view pin, const PinPolicy& policy = {});

}  // namespace kiosk::domain::staff

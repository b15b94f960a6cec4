// hash-pin: reads a staff PIN from standard input and prints the staff.pin_hashes entry for it. The PIN
// is read from stdin (never from the command line, where `ps` and shell history would show it), checked
// against the PIN rules, and never echoed.
#include <iostream>
#include <string>

#include "app/config.hpp"
#include "cli/commands.hpp"
#include "domain/staff/pin_policy.hpp"
#include "store/pin_hash.hpp"

namespace kiosk::cli {

int hash_pin(const HashPinOptions& options) {
  std::string pin;
  if (!std::getline(std::cin, pin)) {
    std::cerr << "hash-pin: no PIN on standard input\n";
    return k_exit_failure;
  }
  if (!pin.empty() && pin.back() == '\r') {
    pin.pop_back();
  }
  if (auto rejection = domain::staff::check_pin_format(pin)) {
    std::cerr << "hash-pin: " << rejection->message << '\n';
    return k_exit_failure;
  }
  try {
    const std::string entry = options.slot + ":" + options.role + ":" + store::hash_pin(pin);
    if (auto problem = app::staff_pin_slot_problem(entry)) {
      std::cerr << "hash-pin: " << *problem << '\n';
      return k_exit_failure;
    }
    // Quoted, ready to paste into the staff.pin_hashes list.
    std::cout << '"' << entry << "\"\n";
  } catch (const std::exception& error) {
    std::cerr << "hash-pin: " << error.what() << '\n';
    return k_exit_failure;
  }
  return k_exit_ok;
}

}  // namespace kiosk::cli

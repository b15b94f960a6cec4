// counter-token: makes a bearer token for one counter console (or the now-serving display) and prints the
// counters.tokens line that admits it. The kiosk stores only the token's SHA-256, so this is the only
// time the token is seen: it goes to the console's token file, never into the config.
#include <sys/stat.h>

#include <fstream>
#include <iostream>

#include "cli/commands.hpp"
#include "counter_link/token.hpp"

namespace kiosk::cli {

int counter_token(const CounterTokenOptions& options) {
  std::string token;
  try {
    token = counter_link::generate_token();
  } catch (const std::exception& error) {
    std::cerr << "counter-token: " << error.what() << '\n';
    return k_exit_failure;
  }
  const counter_link::Grant grant{options.counter};
  const auto who =
      options.counter ? "counter " + std::to_string(*options.counter) : std::string("the display");
  if (options.out) {
    // Created 0600 before the token is written, so it is never readable by others, even briefly.
    const auto old_mask = ::umask(077);
    std::ofstream file(*options.out, std::ios::trunc);
    file << token << '\n';
    file.close();
    ::umask(old_mask);
    if (!file) {
      std::cerr << "counter-token: cannot write " << options.out->string() << '\n';
      return k_exit_failure;
    }
    std::cout << "Token for " << who << " written to " << options.out->string() << ".\n";
  } else {
    std::cout << "Token for " << who << " (put it in the console's --token-file; it is not shown again):\n"
              << token << "\n";
  }
  std::cout << "Add this line to [counters] tokens in the kiosk's config:\n"
            << '"' << counter_link::token_config_entry(grant, token) << "\"\n";
  return k_exit_ok;
}

}  // namespace kiosk::cli

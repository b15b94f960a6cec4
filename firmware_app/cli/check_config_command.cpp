// check-config: validates a configuration file the way the kiosk would load it, one line per issue.
#include <iostream>

#include "app/config.hpp"
#include "cli/commands.hpp"

namespace kiosk::cli {

int check_config(const std::filesystem::path& file) {
  const auto result = app::load_config_file(file);
  if (!result.ok()) {
    for (const auto& issue : result.issues) {
      std::cerr << app::describe(issue) << '\n';
    }
    std::cerr << file.string() << ": " << result.issues.size()
              << " problem(s); the kiosk would not start with it\n";
    return k_exit_bad_config;
  }
  std::cout << file.string() << ": OK\n";
  return k_exit_ok;
}

}  // namespace kiosk::cli

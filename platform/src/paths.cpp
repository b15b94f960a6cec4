#include "platform/paths.hpp"

#include <unistd.h>

#include <cstdlib>
#include <system_error>
#include <vector>

namespace kiosk::platform {
namespace {

std::filesystem::path env_path(const char* name) {
  const char* value = std::getenv(name);
  return value != nullptr && *value != '\0' ? std::filesystem::path(value) : std::filesystem::path();
}

std::filesystem::path home_dir() {
  auto home = env_path("HOME");
  return home.empty() ? std::filesystem::path("/tmp") : home;
}

std::filesystem::path executable_dir() {
  std::error_code error;
  auto exe = std::filesystem::read_symlink("/proc/self/exe", error);
  return error ? std::filesystem::path() : exe.parent_path();
}

}  // namespace

std::filesystem::path default_data_dir() {
  if (geteuid() == 0) {
    return "/var/lib/branch-kiosk";
  }
  auto xdg = env_path("XDG_DATA_HOME");
  return (xdg.empty() ? home_dir() / ".local/share" : xdg) / "branch-kiosk";
}

std::filesystem::path default_cache_dir() {
  if (geteuid() == 0) {
    return "/var/cache/branch-kiosk";
  }
  auto xdg = env_path("XDG_CACHE_HOME");
  return (xdg.empty() ? home_dir() / ".cache" : xdg) / "branch-kiosk";
}

std::optional<std::filesystem::path> find_assets_dir(std::string* tried) {
  std::vector<std::filesystem::path> candidates;
  if (auto from_env = env_path("KIOSK_ASSETS_DIR"); !from_env.empty()) {
    candidates.push_back(from_env);
  }
  if (auto exe = executable_dir(); !exe.empty()) {
    candidates.push_back(exe.parent_path() / "share/branch-kiosk");
  }
#ifdef KIOSK_SOURCE_ASSETS_DIR
  candidates.emplace_back(KIOSK_SOURCE_ASSETS_DIR);
#endif
  for (const auto& candidate : candidates) {
    std::error_code error;
    if (std::filesystem::is_directory(candidate / "i18n", error)) {
      return candidate;
    }
    if (tried != nullptr) {
      *tried += (tried->empty() ? "" : ", ") + candidate.string();
    }
  }
  return std::nullopt;
}

}  // namespace kiosk::platform

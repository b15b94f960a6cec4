#pragma once
// Everything the kiosk prepares before the first frame: configuration, folders, logging, the store and
// the catalogs. Each step that can fail degrades instead of stopping: a bad config refuses to start
// (never half-configured), an unusable store puts the kiosk out of service, a broken catalog falls back
// to English text.

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/catalogs.hpp"
#include "app/config.hpp"

namespace kiosk::store {
class Store;
}

namespace kiosk::app {

struct StartupOptions {
  std::optional<std::filesystem::path> config_file;  // none: built-in defaults
  std::optional<std::filesystem::path> data_dir;     // overrides the config's
  std::optional<DisplayMode> display_mode;           // overrides the config's
  bool log_to_file = true;
};

struct Startup {
  Startup();
  ~Startup();
  Startup(Startup&&) noexcept;
  Startup& operator=(Startup&&) noexcept;

  KioskConfig config;
  std::filesystem::path data_dir;
  std::filesystem::path cache_dir;
  std::filesystem::path log_dir;
  std::filesystem::path assets_dir;
  LanguageCatalogs catalogs;
  std::unique_ptr<store::Store> store;               // null when the store is unavailable
  std::optional<std::string> out_of_service_reason;  // for staff, when the kiosk cannot serve
};

// Loads and validates configuration. On an invalid file returns nullopt with every issue in `issues`.
std::optional<KioskConfig> load_startup_config(const StartupOptions& options,
                                               std::vector<ConfigIssue>& issues);

// Resolves folders, starts logging, opens the store and loads the catalogs. Never throws.
Startup prepare_startup(KioskConfig config, const StartupOptions& options);

}  // namespace kiosk::app

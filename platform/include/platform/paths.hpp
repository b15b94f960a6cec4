#pragma once
// Where the kiosk keeps its data and finds its assets, chosen once at start.

#include <filesystem>
#include <optional>
#include <string>

namespace kiosk::platform {

// /var/lib/branch-kiosk when running as a system service (root), otherwise
// $XDG_DATA_HOME/branch-kiosk or ~/.local/share/branch-kiosk.
std::filesystem::path default_data_dir();

// $XDG_CACHE_HOME/branch-kiosk or ~/.cache/branch-kiosk (root: /var/cache/branch-kiosk).
std::filesystem::path default_cache_dir();

// The assets folder (catalogs, example config): $KIOSK_ASSETS_DIR if set, else <exe>/../share/branch-kiosk
// when installed, else the source tree's assets/ the binary was built from. nullopt when none exists;
// `tried` lists what was looked at, for the error message.
std::optional<std::filesystem::path> find_assets_dir(std::string* tried = nullptr);

}  // namespace kiosk::platform

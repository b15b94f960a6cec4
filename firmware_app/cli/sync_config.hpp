#pragma once
// [sync] turned into the sync module's own configs: shared by the upstream runner and the downstream
// poller, so both talk to head office with the same files, pins and identity.

#include <filesystem>
#include <string>

#include "app/config.hpp"
#include "sync/https_transport.hpp"
#include "sync/mqtt_transport.hpp"

namespace kiosk::cli {

// A [sync] file path as used: absolute as given, relative ones under the data directory.
std::filesystem::path under(const std::filesystem::path& data_dir, const std::filesystem::path& file);

// Without bundle pointers; the caller adds them when it follows bundles.
sync::MqttConfig mqtt_config(const app::KioskConfig& config, const std::filesystem::path& data_dir);
sync::HttpsConfig https_config(const app::KioskConfig& config, const std::filesystem::path& data_dir);

}  // namespace kiosk::cli

#include "cli/sync_config.hpp"

#include <string_view>

namespace kiosk::cli {
namespace {

// Paho C spells the TLS scheme "ssl://"; "mqtts://" is the name people write.
std::string paho_uri(const std::string& url) {
  constexpr std::string_view k_mqtts = "mqtts://";
  return url.starts_with(k_mqtts) ? "ssl://" + url.substr(k_mqtts.size()) : url;
}

}  // namespace

std::filesystem::path under(const std::filesystem::path& data_dir, const std::filesystem::path& file) {
  return file.is_absolute() ? file : data_dir / file;
}

sync::MqttConfig mqtt_config(const app::KioskConfig& config, const std::filesystem::path& data_dir) {
  sync::MqttConfig mqtt;
  mqtt.server_uri = paho_uri(config.sync.mqtt_url);
  mqtt.kiosk_id = config.kiosk.kiosk_id;
  mqtt.branch_id = config.kiosk.branch_id;
  mqtt.ca_file = under(data_dir, config.sync.ca_file);
  mqtt.cert_file = under(data_dir, config.sync.cert_file);
  mqtt.key_file = under(data_dir, config.sync.key_file);
#ifdef KIOSK_VERSION
  mqtt.software_version = KIOSK_VERSION;
#endif
  return mqtt;
}

sync::HttpsConfig https_config(const app::KioskConfig& config, const std::filesystem::path& data_dir) {
  sync::HttpsConfig https;
  https.base_url = config.sync.https_url;
  https.kiosk_id = config.kiosk.kiosk_id;
  https.ca_file = under(data_dir, config.sync.ca_file);
  https.cert_file = under(data_dir, config.sync.cert_file);
  https.key_file = under(data_dir, config.sync.key_file);
  https.pinned_public_keys = config.sync.pinned_public_keys;
  return https;
}

}  // namespace kiosk::cli

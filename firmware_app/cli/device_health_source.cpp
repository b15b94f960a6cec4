// Reading a PEM file and its notAfter takes well under a millisecond; the provider runs only when staff
// refresh the dashboard, so reading the certificates afresh each time costs nothing and keeps a kiosk
// that runs for months from showing the days left it had at start.

#include "cli/device_health_source.hpp"

#include <spdlog/spdlog.h>

#include "cli/sync_config.hpp"
#include "cli/sync_runner.hpp"

namespace kiosk::cli {
namespace {

std::optional<int> days_left(const std::filesystem::path& pem_file, const char* what) {
  std::string error;
  const auto days = sync::certificate_days_left(pem_file, std::chrono::system_clock::now(), error);
  if (!days) {
    spdlog::warn("device health: {} {} not read: {}", what, pem_file.string(), error);
  }
  return days;
}

}  // namespace

app::SyncHealth to_sync_health(const sync::SyncStatusSnapshot& status) {
  app::SyncHealth health;
  health.transport = status.transport;
  health.connected = status.connected;
  health.last_disconnect_reason = status.last_disconnect_reason;
  health.backlog = status.backlog;
  health.backlog_counted = status.backlog_counted;
  health.oldest_unconfirmed_age = status.oldest_unconfirmed_age;
  health.last_confirmation = status.last_confirmation;
  health.quarantined = status.quarantined;
  health.storage_alarm = status.storage_alarm;
  health.trust_alarm = status.trust_alarm;
  health.trust_detail = status.trust_detail;
  return health;
}

app::DeviceHealthProvider device_health_provider(const app::KioskConfig& config,
                                                 const std::filesystem::path& data_dir,
                                                 const SyncRunner* sync) {
  std::optional<std::filesystem::path> sync_certificate;
  if (config.sync.policy != app::SyncPolicy::off) {
    sync_certificate = under(data_dir, config.sync.cert_file);
  }
  const bool counter_link_on = !config.counters.listen.empty();
  std::optional<std::filesystem::path> counter_certificate;
  if (counter_link_on && !config.counters.tls_cert.empty()) {
    counter_certificate = under(data_dir, config.counters.tls_cert);
  }
  return [sync, sync_certificate, counter_link_on, counter_certificate] {
    app::ExternalHealth health;
    if (sync != nullptr) {
      health.sync = to_sync_health(sync->status());
    }
    if (sync_certificate) {
      health.sync_certificate_days = days_left(*sync_certificate, "sync certificate");
    }
    health.counter_link_on = counter_link_on;
    if (counter_certificate) {
      health.counter_link_certificate_days = days_left(*counter_certificate, "counter link certificate");
    }
    return health;
  };
}

}  // namespace kiosk::cli

#include "cli/sync_runner.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <optional>
#include <system_error>

#include "cli/sync_config.hpp"
#include "store/pii_cipher.hpp"
#include "sync/fallback_transport.hpp"
#include "sync/https_transport.hpp"
#include "sync/mqtt_transport.hpp"
#include "sync/outbox_drainer.hpp"

namespace kiosk::cli {

struct SyncRunner::Parts {
  sync::SyncStatus status;
  std::unique_ptr<Downstream> downstream;  // before the transports: the MQTT one pokes its poller
  std::unique_ptr<store::PiiCipher> cipher;
  std::unique_ptr<sync::MqttTransport> mqtt;
  std::unique_ptr<sync::HttpsTransport> https;
  std::unique_ptr<sync::FallbackTransport> fallback;
  sync::Transport* transport = nullptr;  // the one the drainer talks to
  std::unique_ptr<sync::OutboxDrainer> drainer;

  ~Parts() {
    // The drainer first (it stops handing batches over), then the transports, which stop calling it.
    if (drainer)
      drainer->stop();
    if (transport)
      transport->stop();
    downstream.reset();  // its poller stops last: nothing pokes it any more
  }
};

namespace {

std::optional<std::string> missing_file(const std::filesystem::path& file, std::string_view what) {
  std::error_code error;
  if (std::filesystem::is_regular_file(file, error))
    return std::nullopt;
  return fmt::format("{} {} is missing or not a file", what, file.string());
}

bool uses_mqtt(app::SyncPolicy policy) {
  return policy == app::SyncPolicy::mqtt || policy == app::SyncPolicy::mqtt_with_https_fallback;
}

bool uses_https(app::SyncPolicy policy) {
  return policy == app::SyncPolicy::https || policy == app::SyncPolicy::mqtt_with_https_fallback;
}

// Builds the transports of the policy into `parts`; throws std::runtime_error (libcurl init) only.
void build_transports(SyncRunner::Parts& parts, const app::KioskConfig& config,
                      const std::filesystem::path& data_dir) {
  const auto policy = config.sync.policy;
  if (uses_mqtt(policy)) {
    auto mqtt = mqtt_config(config, data_dir);
    if (parts.downstream && !parts.downstream->followed.empty()) {
      // Retained pointers announce a new bundle at once; the poller's backstop catches anything missed.
      mqtt.bundle_pointers = parts.downstream->followed;
      mqtt.on_bundle_pointer = [poller =
                                    parts.downstream->poller.get()](sync::protocol::BundlePointer pointer) {
        poller->poke(std::move(pointer));
      };
    }
    parts.mqtt = std::make_unique<sync::MqttTransport>(std::move(mqtt), parts.status);
  }
  if (uses_https(policy))
    parts.https = std::make_unique<sync::HttpsTransport>(https_config(config, data_dir), parts.status);
  if (parts.mqtt && parts.https) {
    sync::FallbackConfig fallback;
    fallback.mqtt_down_for = config.sync.fallback_after;
    parts.fallback =
        std::make_unique<sync::FallbackTransport>(*parts.mqtt, *parts.https, parts.status, fallback);
    parts.transport = parts.fallback.get();
  } else if (parts.mqtt) {
    parts.transport = parts.mqtt.get();
  } else {
    parts.transport = parts.https.get();
  }
}

}  // namespace

std::unique_ptr<SyncRunner> SyncRunner::start(const app::KioskConfig& config,
                                              const std::filesystem::path& data_dir,
                                              const std::filesystem::path& database, std::string& problem,
                                              ContentListener on_content) {
  problem.clear();
  if (config.sync.policy == app::SyncPolicy::off) {
    spdlog::info("sync: off ([sync] policy); events wait in the outbox");
    return nullptr;
  }
  for (auto [file, what] : {std::pair{config.sync.ca_file, "CA file"},
                            {config.sync.cert_file, "kiosk certificate"},
                            {config.sync.key_file, "kiosk key"}}) {
    if (auto missing = missing_file(under(data_dir, file), what)) {
      problem = *missing;
      spdlog::error("sync not started: {}; events wait in the outbox", problem);
      return nullptr;
    }
  }
  auto parts = std::make_unique<Parts>();
  std::string key_error;
  parts->cipher = store::PiiCipher::load(data_dir / "keys" / "pii.key", key_error);
  if (!parts->cipher) {
    // Without the key complaint events cannot be opened; sending the rest would quarantine them.
    problem = "PII key unreadable: " + key_error;
    spdlog::error("sync not started: {}; events wait in the outbox", problem);
    return nullptr;
  }
  try {
    parts->downstream = make_downstream(config, data_dir, database, std::move(on_content));
    build_transports(*parts, config, data_dir);
    sync::DrainerConfig drainer;
    drainer.database = database;
    drainer.kiosk_id = config.kiosk.kiosk_id;
    drainer.branch_id = config.kiosk.branch_id;
    drainer.max_batch_events = static_cast<std::size_t>(config.sync.max_batch_events);
    drainer.ack_timeout = config.sync.ack_timeout;
    drainer.cipher = parts->cipher.get();
    parts->drainer =
        std::make_unique<sync::OutboxDrainer>(std::move(drainer), *parts->transport, parts->status);
    parts->transport->start(*parts->drainer);
    parts->drainer->start();
    if (parts->downstream)
      parts->downstream->poller->start();
  } catch (const std::exception& error) {
    problem = error.what();
    spdlog::error("sync not started: {}; events wait in the outbox", problem);
    return nullptr;
  }
  spdlog::info("sync: started ({}) for kiosk {} of branch {}", app::to_string(config.sync.policy),
               config.kiosk.kiosk_id, config.kiosk.branch_id);
  return std::unique_ptr<SyncRunner>(new SyncRunner(std::move(parts)));
}

SyncRunner::SyncRunner(std::unique_ptr<Parts> parts) : m_parts(std::move(parts)) {}

SyncRunner::~SyncRunner() = default;

void SyncRunner::wake() {
  m_parts->drainer->wake();
}

sync::SyncStatusSnapshot SyncRunner::status() const {
  return m_parts->status.snapshot();
}

std::optional<sync::DownstreamStatus> SyncRunner::downstream_status() const {
  if (!m_parts->downstream)
    return std::nullopt;
  return m_parts->downstream->poller->status();
}

std::string describe(const sync::DownstreamStatus& status) {
  std::string text = fmt::format("{} rounds, {} complaint status changes applied, cursor {}", status.rounds,
                                 status.status_changes_applied, status.status_cursor);
  if (!status.last_error.empty())
    text += fmt::format(" (last error: {})", status.last_error);
  return text;
}

std::string describe(const sync::SyncStatusSnapshot& status) {
  std::string text = fmt::format("{}, {}, backlog {}, {} confirmed, {} quarantined",
                                 status.transport.empty() ? "no transport" : status.transport,
                                 status.connected ? "connected" : "not connected", status.backlog,
                                 status.confirmed_total, status.quarantined);
  if (!status.connected && !status.last_disconnect_reason.empty())
    text += fmt::format(" (last: {})", status.last_disconnect_reason);
  if (status.trust_alarm)
    text += fmt::format(", TRUST ALARM: {}", status.trust_detail);
  return text;
}

}  // namespace kiosk::cli

#pragma once
// The transport policy: MQTT only, HTTPS only, or MQTT with HTTPS as the fallback. FallbackTransport
// implements the third: it presents one Transport to the drainer and hands batches to MQTT while MQTT is
// up, and to HTTPS once MQTT has been down for `mqtt_down_for` (or at once when the backlog is at least
// `backlog_threshold` rows while MQTT is down). When MQTT is back, batches go to MQTT again.
//
// Guarantees: the drainer sees on_disconnected / on_connected around every switch, so batches in flight
// on the old path are sent again (head office dedupes them); acks, resend commands and delivery reports
// from either path are passed on, since both lead to the same head office.

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>

#include "sync/sync_status.hpp"
#include "sync/transport.hpp"

namespace kiosk::sync {

enum class TransportPolicy { mqtt, https, mqtt_with_https_fallback };

// "mqtt", "https" or "mqtt_with_https_fallback"; nullopt for anything else.
std::optional<TransportPolicy> parse_transport_policy(std::string_view text);
std::string_view to_string(TransportPolicy policy);

struct FallbackConfig {
  std::chrono::milliseconds mqtt_down_for{180'000};
  std::int64_t backlog_threshold = 5'000;
  std::chrono::milliseconds check_interval{1'000};
};

class FallbackTransport final : public Transport {
 public:
  // `mqtt`, `https` and `status` must outlive this object; it starts and stops both.
  FallbackTransport(Transport& mqtt, Transport& https, SyncStatus& status, FallbackConfig config);
  ~FallbackTransport() override;
  FallbackTransport(const FallbackTransport&) = delete;
  FallbackTransport& operator=(const FallbackTransport&) = delete;

  std::string_view name() const override;
  void start(TransportListener& listener) override;
  void stop() override;
  bool send(const OutgoingBatch& batch) override;
  bool is_connected() const override;

  // Which path batches take now ("mqtt", "https" or "" when neither is ready).
  std::string active() const;

 private:
  class Leg;
  enum class Path { none, mqtt, https };

  void leg_connected(Path path);
  void leg_disconnected(Path path, const std::string& reason);
  // Works out which path should carry batches now and tells the drainer if that changed.
  void reconsider();
  void watch();

  Transport& m_mqtt;
  Transport& m_https;
  SyncStatus& m_status;
  FallbackConfig m_config;
  std::unique_ptr<Leg> m_mqtt_leg;
  std::unique_ptr<Leg> m_https_leg;

  std::mutex m_decide;  // one reconsider() at a time, so the drainer hears switches in order
  mutable std::mutex m_mutex;
  std::condition_variable m_signal;
  TransportListener* m_listener = nullptr;
  bool m_mqtt_up = false;
  bool m_https_up = false;
  std::chrono::steady_clock::time_point m_mqtt_down_since;
  Path m_active = Path::none;
  bool m_stopping = false;
  std::thread m_watcher;
};

}  // namespace kiosk::sync

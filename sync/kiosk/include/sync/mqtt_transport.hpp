#pragma once
// MQTT v5 over mutual TLS (Paho MQTT C++ async client), QoS 1.
//
// Choices that matter (see docs/architecture "MQTT"):
// - No Paho persistence (its file store is not crash-safe; the outbox is the durable copy) and no
//   offline buffering: send() refuses while disconnected, so a batch is never queued where a crash loses
//   it. max_buffered_messages and max_inflight are window + margin; delete_oldest is never enabled (it
//   drops silently on Paho C 1.3.12).
// - Clean start false with a session expiry (default one hour): acks and resend commands published while
//   the link was briefly down are still delivered after reconnecting. Subscriptions are renewed on every
//   connect anyway, so a session the broker lost costs nothing but the acks, and the drainer resends
//   unconfirmed rows after a reconnect (head office reports them as duplicates).
// - The broker's host name is checked (set_verify(true); Paho does not by default) and its chain must
//   lead to the configured CA; the client presents the per-kiosk certificate.
// - Retained birth ({online: true, backlog, version, cert_days_left}) on .../state after each connect, and
//   a retained last will {online: false}.
// - Reconnects are ours, not Paho's: full-jitter exponential backoff at millisecond resolution.
// - A publish the broker refuses (v5 PUBACK reason code >= 128, e.g. 135 not authorized) is logged with
//   its code and reported as on_send_failed.
// - Downstream payloads are checked (size, JSON, addressed to this kiosk) and anything else is logged and
//   ignored; a payload never reaches the drainer unparsed and never throws out of a Paho callback.
// - Retained bundle pointers: each (kind, scope) in bundle_pointers is subscribed on every connect (the
//   broker then re-delivers the retained pointer, so a reconnect always brings the latest). A pointer that
//   parses and names the kind and scope of its topic goes to on_bundle_pointer; anything else is logged
//   and ignored.

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "sync/backoff.hpp"
#include "sync/downstream_subscription.hpp"
#include "sync/protocol/bundle.hpp"
#include "sync/sync_status.hpp"
#include "sync/transport.hpp"

namespace kiosk::sync {

struct MqttConfig {
  std::string server_uri;  // "ssl://broker.bank.example:8883"
  std::string kiosk_id;    // must equal the certificate's CN (the broker's ACL uses it)
  std::string branch_id;
  std::filesystem::path ca_file;
  std::filesystem::path cert_file;
  std::filesystem::path key_file;
  std::size_t window = 16;  // the drainer's in-flight window
  std::size_t buffer_margin = 8;
  std::chrono::seconds keep_alive{30};
  std::chrono::seconds connect_timeout{10};
  std::chrono::seconds session_expiry{3'600};
  BackoffPolicy reconnect{std::chrono::milliseconds{500}, std::chrono::milliseconds{60'000}};
  std::string software_version;
  // Retained bundle pointers to follow (topic protocol::bundle_pointer_topic(scope, kind)). Each valid
  // pointer is passed to on_bundle_pointer on Paho's thread: it must return quickly and not throw
  // (DownstreamPoller::poke does both). Called only between start() and stop(). Empty callback: pointers
  // are not subscribed.
  std::vector<BundleSubscription> bundle_pointers;
  std::function<void(protocol::BundlePointer)> on_bundle_pointer;
};

class MqttTransport final : public Transport {
 public:
  // Never connects here; start() does. `status` must outlive the transport.
  MqttTransport(MqttConfig config, SyncStatus& status);
  ~MqttTransport() override;
  MqttTransport(const MqttTransport&) = delete;
  MqttTransport& operator=(const MqttTransport&) = delete;

  std::string_view name() const override { return "mqtt"; }
  void start(TransportListener& listener) override;
  // Publishes the offline state, disconnects, joins the connection thread. Bounded by connect_timeout.
  void stop() override;
  bool send(const OutgoingBatch& batch) override;
  bool is_connected() const override { return m_connected.load(); }

 private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
  std::atomic<bool> m_connected{false};
};

}  // namespace kiosk::sync

#include "sync/mqtt_transport.hpp"

#include <mqtt/async_client.h>
#include <spdlog/spdlog.h>

#include <optional>

#include "domain/event.hpp"
#include "sync/protocol/state.hpp"
#include "sync/protocol/topics.hpp"
#include "sync/tcp_nodelay.hpp"
#include "wire.hpp"

namespace kiosk::sync {
namespace {

constexpr int k_qos = 1;

// topic -> the (kind, scope) whose retained pointer it carries; empty without a callback to pass them to.
std::map<std::string, BundleSubscription> pointer_topics(const MqttConfig& config) {
  std::map<std::string, BundleSubscription> topics;
  if (config.on_bundle_pointer) {
    for (const auto& subscription : config.bundle_pointers) {
      topics.emplace(protocol::bundle_pointer_topic(subscription.scope, subscription.kind), subscription);
    }
  }
  return topics;
}

std::string describe_failure(const mqtt::token& token) {
  const int reason = static_cast<int>(token.get_reason_code());
  if (reason >= 0x80) {
    return fmt::format("broker refused it: MQTT v5 reason code {}{}", reason,
                       reason == 135 ? " (not authorized: check the ACL and the certificate CN)" : "");
  }
  return fmt::format("Paho error {}", token.get_return_code());
}

}  // namespace

struct MqttTransport::Impl final : public mqtt::iaction_listener {
  Impl(MqttConfig cfg, SyncStatus& sync_status, std::atomic<bool>& connected_flag)
      : config(std::move(cfg)),
        status(sync_status),
        connected(connected_flag),
        events_topic(protocol::events_topic(config.branch_id, config.kiosk_id)),
        state_topic(protocol::state_topic(config.branch_id, config.kiosk_id)),
        ack_topic(protocol::ack_topic(config.branch_id, config.kiosk_id)),
        cmd_topic(protocol::cmd_topic(config.branch_id, config.kiosk_id)),
        bundle_topics(pointer_topics(config)),
        backoff(config.reconnect, random) {
    const int buffered = static_cast<int>(config.window + config.buffer_margin);
    mqtt::create_options create(MQTTVERSION_5);
    create.set_send_while_disconnected(false);
    create.set_max_buffered_messages(buffered);
    create.set_delete_oldest_messages(false);
    // nullptr persistence: Paho keeps nothing on disk (MQTTCLIENT_PERSISTENCE_NONE).
    client = std::make_unique<mqtt::async_client>(config.server_uri, config.kiosk_id, create, nullptr);
    client->set_connection_lost_handler([this](const std::string& cause) { on_connection_lost(cause); });
    client->set_message_callback([this](const mqtt::const_message_ptr& message) { on_message(message); });
  }

  // --- Paho callbacks (Paho's thread). Nothing may throw out of them.

  void on_connection_lost(const std::string& cause) {
    const std::string reason = cause.empty() ? "connection lost" : "connection lost: " + cause;
    spdlog::warn("sync/mqtt: {}", reason);
    connected = false;
    status.set_connected(false, reason);
    notify([&](TransportListener& l) { l.on_disconnected(reason); });
    {
      std::lock_guard lock(mutex);
      need_connect = true;
    }
    signal.notify_all();
  }

  void on_message(const mqtt::const_message_ptr& message) noexcept {
    try {
      const std::string& topic = message->get_topic();
      const std::string& payload = message->get_payload_str();
      if (topic == ack_topic) {
        auto ack = wire::parse_ack(payload, config.kiosk_id);
        if (!ack.value) {
          spdlog::warn("sync/mqtt: ignored an ack ({} bytes): {}", payload.size(), ack.error);
          return;
        }
        notify([&](TransportListener& l) { l.on_ack(std::move(*ack.value)); });
      } else if (topic == cmd_topic) {
        auto cmd = wire::parse_cmd(payload);
        if (!cmd.value) {
          spdlog::warn("sync/mqtt: ignored a command ({} bytes): {}", payload.size(), cmd.error);
          return;
        }
        notify([&](TransportListener& l) { l.on_resend(*cmd.value); });
      } else if (const auto pointer = bundle_topics.find(topic); pointer != bundle_topics.end()) {
        on_bundle_pointer(pointer->second, payload);
      } else {
        spdlog::warn("sync/mqtt: ignored a message on unexpected topic '{}'", topic.substr(0, 200));
      }
    } catch (const std::exception& error) {
      spdlog::error("sync/mqtt: ignored a message that could not be handled: {}", error.what());
    }
  }

  void on_bundle_pointer(const BundleSubscription& subscription, const std::string& payload) {
    if (payload.empty()) {
      return;  // a cleared retained message: nothing announced
    }
    if (payload.size() > wire::k_max_downstream_bytes) {
      spdlog::warn("sync/mqtt: ignored a {} byte bundle pointer for {}/{}", payload.size(), subscription.kind,
                   subscription.scope);
      return;
    }
    auto pointer = protocol::parse_bundle_pointer(payload);
    if (!pointer) {
      spdlog::warn("sync/mqtt: ignored a bundle pointer for {}/{}: {}", subscription.kind, subscription.scope,
                   pointer.error());
      return;
    }
    if (pointer.value().kind != subscription.kind || pointer.value().scope != subscription.scope) {
      spdlog::warn("sync/mqtt: ignored a pointer for {}/{} on the topic of {}/{}",
                   pointer.value().kind.substr(0, 32), pointer.value().scope.substr(0, 64), subscription.kind,
                   subscription.scope);
      return;
    }
    // Under the listener lock, like listener calls: after stop() the callback is never called again.
    std::lock_guard lock(listener_mutex);
    if (listener != nullptr) {
      config.on_bundle_pointer(std::move(pointer).value());
    }
  }

  // Publish outcomes of batches (iaction_listener).
  void on_success(const mqtt::token& token) override {
    if (auto batch_id = take_batch(token)) {
      notify([&](TransportListener& l) { l.on_delivered(std::move(*batch_id)); });
    }
  }

  void on_failure(const mqtt::token& token) override {
    if (auto batch_id = take_batch(token)) {
      const std::string reason = "publish failed: " + describe_failure(token);
      spdlog::error("sync/mqtt: batch {}: {}", *batch_id, reason);
      notify([&](TransportListener& l) { l.on_send_failed(std::move(*batch_id), reason); });
    }
  }

  std::optional<std::string> take_batch(const mqtt::token& token) {
    const auto key = reinterpret_cast<std::uintptr_t>(token.get_user_context());
    std::lock_guard lock(mutex);
    const auto it = publishes.find(key);
    if (it == publishes.end()) {
      return std::nullopt;
    }
    std::string batch_id = std::move(it->second);
    publishes.erase(it);
    return batch_id;
  }

  template <typename Call>
  void notify(Call&& call) {
    std::lock_guard lock(listener_mutex);
    if (listener != nullptr) {
      call(*listener);
    }
  }

  // --- Connection thread.

  std::string state_payload(bool online) const {
    protocol::KioskState state;
    state.kiosk = config.kiosk_id;
    state.online = online;
    if (online) {
      const auto snap = status.snapshot();
      state.at = domain::format_rfc3339_utc(
          std::chrono::time_point_cast<std::chrono::milliseconds>(std::chrono::system_clock::now()));
      state.backlog = snap.backlog;
      if (snap.certificate_days_left) {
        state.cert_days_left = *snap.certificate_days_left;
      }
    }
    if (!config.software_version.empty()) {
      state.version = config.software_version;
    }
    return protocol::serialize_kiosk_state(state);
  }

  mqtt::connect_options connect_options() const {
    mqtt::ssl_options ssl;
    ssl.set_trust_store(config.ca_file.string());
    ssl.set_key_store(config.cert_file.string());
    ssl.set_private_key(config.key_file.string());
    ssl.set_enable_server_cert_auth(true);
    ssl.set_verify(true);  // host name check; Paho skips it unless asked
    ssl.set_error_handler([](const std::string& message) { spdlog::error("sync/mqtt: TLS: {}", message); });

    mqtt::connect_options options;
    options.set_mqtt_version(MQTTVERSION_5);
    // Paho C refuses a v5 connect with the v3 clean-session flag set; clean start is the v5 spelling.
    options.set_clean_session(false);
    options.set_clean_start(false);
    options.set_keep_alive_interval(config.keep_alive);
    options.set_connect_timeout(config.connect_timeout);
    options.set_automatic_reconnect(false);
    options.set_max_inflight(static_cast<int>(config.window + config.buffer_margin));
    options.set_ssl(std::move(ssl));
    options.set_will_message(mqtt::make_message(state_topic, state_payload(false), k_qos, true));
    mqtt::properties props;
    props.add(mqtt::property(mqtt::property::SESSION_EXPIRY_INTERVAL,
                             static_cast<int>(config.session_expiry.count())));
    options.set_properties(props);
    return options;
  }

  // One connection attempt: connect, subscribe, publish the birth. Returns an error message or "".
  std::string try_connect() {
    const auto timeout = std::chrono::duration_cast<std::chrono::milliseconds>(config.connect_timeout) +
                         std::chrono::seconds{2};
    try {
      auto connect = client->connect(connect_options());
      if (!connect->wait_for(timeout)) {
        return "connect timed out";
      }
      std::vector<std::string> topics{ack_topic, cmd_topic};
      for (const auto& [topic, subscription] : bundle_topics) {
        topics.push_back(topic);
      }
      for (const auto& topic : topics) {
        auto subscribe = client->subscribe(topic, k_qos);
        if (!subscribe->wait_for(timeout)) {
          return "subscribe to " + topic + " timed out";
        }
      }
      client->publish(mqtt::make_message(state_topic, state_payload(true), k_qos, true));
      return {};
    } catch (const mqtt::exception& error) {
      return error.what();
    } catch (const std::exception& error) {
      return error.what();
    }
  }

  // Paho leaves Nagle on: the next batch, written while the last one's PUBACK is on its way, would wait
  // for a delayed ACK (sync/tcp_nodelay.hpp).
  void disable_nagle() const {
    const auto port = uri_port(config.server_uri, k_default_mqtts_port);
    if (!port || set_nodelay_on_connections_to(*port) == 0) {
      spdlog::debug("sync/mqtt: no socket to {} needed TCP_NODELAY", config.server_uri);
    }
  }

  void run() {
    std::unique_lock lock(mutex);
    while (!stopping) {
      if (!need_connect) {
        signal.wait(lock, [this] { return stopping || need_connect; });
        continue;
      }
      lock.unlock();
      const std::string error = try_connect();
      lock.lock();
      if (stopping) {
        break;
      }
      if (error.empty()) {
        need_connect = false;
        backoff.reset();
        lock.unlock();
        spdlog::info("sync/mqtt: connected to {}", config.server_uri);
        disable_nagle();
        connected = true;
        status.set_connected(true);
        notify([](TransportListener& l) { l.on_connected(); });
        lock.lock();
        continue;
      }
      const auto delay = backoff.next();
      spdlog::warn("sync/mqtt: cannot connect to {}: {}; next try in {} ms", config.server_uri, error,
                   delay.count());
      status.set_connected(false, error);
      signal.wait_for(lock, delay, [this] { return stopping; });
    }
  }

  MqttConfig config;
  SyncStatus& status;
  std::atomic<bool>& connected;
  const std::string events_topic;
  const std::string state_topic;
  const std::string ack_topic;
  const std::string cmd_topic;
  const std::map<std::string, BundleSubscription> bundle_topics;
  domain::SystemRandomSource random;
  Backoff backoff;  // connection thread only
  std::unique_ptr<mqtt::async_client> client;

  std::mutex listener_mutex;
  TransportListener* listener = nullptr;

  std::mutex mutex;  // guards everything below
  std::condition_variable signal;
  bool need_connect = true;
  bool stopping = false;
  std::uintptr_t next_publish_key = 1;
  std::map<std::uintptr_t, std::string> publishes;  // publish key -> batch id, until Paho reports
  std::thread thread;
};

MqttTransport::MqttTransport(MqttConfig config, SyncStatus& status)
    : m_impl(std::make_unique<Impl>(std::move(config), status, m_connected)) {
  status.set_transport("mqtt");
  record_certificate_days(m_impl->config.cert_file, status);
}

MqttTransport::~MqttTransport() {
  stop();
}

void MqttTransport::start(TransportListener& listener) {
  {
    std::lock_guard lock(m_impl->listener_mutex);
    m_impl->listener = &listener;
  }
  std::lock_guard lock(m_impl->mutex);
  if (!m_impl->thread.joinable() && !m_impl->stopping) {
    m_impl->thread = std::thread([impl = m_impl.get()] { impl->run(); });
  }
}

void MqttTransport::stop() {
  {
    std::lock_guard lock(m_impl->mutex);
    m_impl->stopping = true;
  }
  m_impl->signal.notify_all();
  if (m_impl->thread.joinable()) {
    m_impl->thread.join();
  }
  // From here on the listener hears nothing, even if Paho still reports something.
  {
    std::lock_guard lock(m_impl->listener_mutex);
    m_impl->listener = nullptr;
  }
  const auto timeout = std::chrono::duration_cast<std::chrono::milliseconds>(m_impl->config.connect_timeout);
  try {
    if (m_impl->client->is_connected()) {
      // An orderly disconnect does not fire the will, so say "offline" ourselves.
      m_impl->client
          ->publish(mqtt::make_message(m_impl->state_topic, m_impl->state_payload(false), k_qos, true))
          ->wait_for(timeout);
      m_impl->client->disconnect()->wait_for(timeout);
    }
  } catch (const mqtt::exception& error) {
    spdlog::warn("sync/mqtt: disconnect: {}", error.what());
  }
  m_connected = false;
}

bool MqttTransport::send(const OutgoingBatch& batch) {
  if (!m_connected.load()) {
    return false;
  }
  std::uintptr_t key = 0;
  {
    std::lock_guard lock(m_impl->mutex);
    if (m_impl->stopping) {
      return false;
    }
    key = m_impl->next_publish_key++;
    m_impl->publishes.emplace(key, batch.batch_id);
  }
  try {
    m_impl->client->publish(mqtt::make_message(m_impl->events_topic, batch.payload, k_qos, false),
                            reinterpret_cast<void*>(key), *m_impl);
    return true;
  } catch (const mqtt::exception& error) {
    // Not accepted (disconnected meanwhile, buffer full): no listener call, the drainer retries later.
    spdlog::warn("sync/mqtt: publish of batch {} not accepted: {}", batch.batch_id, error.what());
    std::lock_guard lock(m_impl->mutex);
    m_impl->publishes.erase(key);
    return false;
  }
}

}  // namespace kiosk::sync

#include "headoffice/mqtt_receiver.hpp"

#include <mqtt/async_client.h>
#include <spdlog/spdlog.h>

#include <condition_variable>
#include <deque>
#include <mutex>

#include "headoffice/report.hpp"
#include "store/error.hpp"
#include "sync/protocol/ack.hpp"
#include "sync/protocol/cmd.hpp"
#include "sync/protocol/state.hpp"
#include "sync/protocol/topics.hpp"
#include "sync/tcp_nodelay.hpp"

namespace kiosk::headoffice {

namespace protocol = sync::protocol;

namespace {

// Enough for bursts from many kiosks; Paho refuses (never drops) publishes beyond it.
constexpr int max_buffered_messages = 10'000;
constexpr auto connect_retry = std::chrono::seconds(1);
constexpr auto idle_poll = std::chrono::milliseconds(200);
// At most this many queued messages are taken at once; their batches share one commit (one fsync).
constexpr std::size_t max_group_messages = 64;

mqtt::connect_options connect_options(const TlsFiles& tls) {
  mqtt::ssl_options ssl;
  ssl.set_trust_store(tls.ca.string());
  ssl.set_key_store(tls.cert.string());
  ssl.set_private_key(tls.key.string());
  ssl.set_enable_server_cert_auth(true);
  // Paho does not check the broker's host name unless told to.
  ssl.set_verify(true);
  return mqtt::connect_options_builder()
      .mqtt_version(MQTTVERSION_5)
      .clean_start(true)
      .keep_alive_interval(std::chrono::seconds(20))
      .connect_timeout(std::chrono::seconds(5))
      .automatic_reconnect(std::chrono::seconds(1), std::chrono::seconds(10))
      .ssl(ssl)
      .finalize();
}

}  // namespace

struct MqttReceiver::Impl {
  IngestService& service;
  MqttOptions options;
  mqtt::async_client client;
  std::mutex mutex;
  std::condition_variable wake;
  std::deque<mqtt::const_message_ptr> queue;

  Impl(IngestService& s, MqttOptions o)
      : service(s),
        options(std::move(o)),
        client(options.uri, options.client_id, mqtt::create_options(MQTTVERSION_5, max_buffered_messages),
               nullptr) {}

  void subscribe() {
    // Clean start drops subscriptions with the session, so every (re)connect subscribes again.
    client.subscribe(std::string(protocol::shared_events_subscription), 1);
    client.subscribe(std::string(protocol::all_states_subscription), 1);
  }

  // A publish Paho refuses (client disconnecting, buffer full) is logged, never thrown out of the receive
  // loop: the batch is committed already, and the kiosk sends it again after its ack timeout (a duplicate).
  void publish_or_log(const std::string& topic, const std::string& text, std::string_view what) {
    try {
      client.publish(topic, text.data(), text.size(), 1, false);
    } catch (const mqtt::exception& error) {
      spdlog::warn("mqtt: {} on {} not published: {}", what, topic, error.what());
    }
  }

  struct QueuedBatch {
    protocol::KioskTopic topic;
    std::string payload;
  };

  // Group commit: every batch taken from the queue together is stored in one transaction, and the Acks go
  // out only after that commit.
  void ingest_batches(const std::vector<QueuedBatch>& batches) {
    if (batches.empty()) {
      return;
    }
    std::vector<GroupedBatch> group;
    group.reserve(batches.size());
    for (const auto& batch : batches) {
      group.push_back(GroupedBatch{batch.payload, SenderIdentity{batch.topic.kiosk, batch.topic.branch, {}}});
    }
    const auto outcomes = service.ingest_group(group);
    for (std::size_t i = 0; i < outcomes.size(); ++i) {
      answer(batches[i].topic, outcomes[i]);
    }
  }

  void answer(const protocol::KioskTopic& topic, const GroupOutcome& outcome) {
    if (!outcome.result) {
      // Nothing committed, so no ack: the kiosk resends after its ack timeout.
      spdlog::error("mqtt: batch from {} not stored: {}", topic.kiosk, outcome.store_error);
      return;
    }
    const IngestResult& result = *outcome.result;
    if (result.status == IngestStatus::acked || result.status == IngestStatus::replayed) {
      const std::string ack = protocol::serialize_ack(result.ack);
      publish_or_log(protocol::ack_topic(result.branch, topic.kiosk), ack, "ack");
      return;
    }
    spdlog::warn("mqtt: batch on {}/{} refused: {}", topic.branch, topic.kiosk, result.error);
  }

  void handle_state(const protocol::KioskTopic& topic, const std::string& payload) {
    auto state = protocol::parse_kiosk_state(payload);
    if (!state || state.value().kiosk != topic.kiosk) {
      spdlog::warn("mqtt: unreadable state from {}: {}", topic.kiosk,
                   state ? "kiosk mismatch" : state.error());
      return;
    }
    service.with_db([&](store::Database& db) {
      return record_kiosk_state(db, topic.kiosk, state.value().online, payload,
                                std::chrono::system_clock::now());
    });
  }

  // States are recorded at once; batches are collected for one group commit.
  void handle(const std::vector<mqtt::const_message_ptr>& messages) {
    std::vector<QueuedBatch> batches;
    for (const auto& message : messages) {
      auto topic = protocol::parse_kiosk_topic(message->get_topic());
      if (!topic) {
        spdlog::warn("mqtt: ignoring message on {}", message->get_topic());
        continue;
      }
      if (topic->leaf == "events") {
        batches.push_back(QueuedBatch{std::move(*topic), message->to_string()});
      } else if (topic->leaf == "state") {
        handle_state(*topic, message->to_string());
      }
    }
    ingest_batches(batches);
  }

  void request_resends() {
    std::vector<GapRequest> gaps;
    try {
      gaps = service.take_overdue_gaps(options.reorder_timeout);
    } catch (const store::StoreError& error) {
      spdlog::error("mqtt: gap check failed: {}", error.what());
      return;
    }
    for (const auto& gap : gaps) {
      protocol::Cmd cmd;
      cmd.from = gap.from;
      cmd.to = gap.to;
      const std::string text = protocol::serialize_cmd(cmd);
      spdlog::info("mqtt: asking {} to resend seq {}..{}", gap.kiosk, gap.from, gap.to);
      publish_or_log(protocol::cmd_topic(gap.branch, gap.kiosk), text, "resend command");
    }
  }

  void try_connect() {
    try {
      client.connect(connect_options(options.tls))->wait_for(std::chrono::seconds(10));
    } catch (const mqtt::exception& error) {
      spdlog::warn("mqtt: cannot connect to {}: {}", options.uri, error.what());
    }
  }
};

MqttReceiver::MqttReceiver(IngestService& service, MqttOptions options)
    : m_impl(std::make_unique<Impl>(service, std::move(options))) {}

MqttReceiver::~MqttReceiver() {
  try {
    if (m_impl->client.is_connected()) {
      m_impl->client.disconnect()->wait_for(std::chrono::seconds(2));
    }
  } catch (const mqtt::exception&) {
    // Shutting down anyway.
  }
}

void MqttReceiver::start() {
  Impl* impl = m_impl.get();
  impl->client.set_connected_handler([impl](const std::string&) {
    spdlog::info("mqtt: connected to {}", impl->options.uri);
    // Paho leaves Nagle on: each Ack, written right after the batch's PUBACK, would wait for the
    // broker's delayed ACK (~40 ms; sync/tcp_nodelay.hpp).
    if (const auto port = sync::uri_port(impl->options.uri, sync::k_default_mqtts_port)) {
      sync::set_nodelay_on_connections_to(*port);
    }
    impl->subscribe();
  });
  impl->client.set_connection_lost_handler(
      [](const std::string& cause) { spdlog::warn("mqtt: connection lost: {}", cause); });
  // Paho's callback thread only queues; ingest runs on the worker so a slow commit never blocks the
  // network loop. The broker's PUBACK is not our promise: the kiosk waits for our Ack.
  impl->client.set_message_callback([impl](mqtt::const_message_ptr message) {
    {
      std::lock_guard lock(impl->mutex);
      impl->queue.push_back(std::move(message));
    }
    impl->wake.notify_one();
  });
  impl->try_connect();
}

void MqttReceiver::run(const std::atomic<bool>& stop) {
  Impl& impl = *m_impl;
  auto next_gap_check = std::chrono::steady_clock::now() + impl.options.reorder_timeout;
  auto next_connect = std::chrono::steady_clock::now() + connect_retry;
  while (!stop) {
    std::vector<mqtt::const_message_ptr> messages;
    {
      std::unique_lock lock(impl.mutex);
      impl.wake.wait_for(lock, idle_poll, [&] { return !impl.queue.empty(); });
      while (!impl.queue.empty() && messages.size() < max_group_messages) {
        messages.push_back(std::move(impl.queue.front()));
        impl.queue.pop_front();
      }
    }
    if (!messages.empty()) {
      impl.handle(messages);
    }
    const auto now = std::chrono::steady_clock::now();
    if (now >= next_gap_check) {
      if (impl.client.is_connected()) {
        impl.request_resends();
      }
      next_gap_check = now + impl.options.reorder_timeout;
    }
    // Paho's automatic reconnect only covers connections that were once up; a broker that was down at
    // start is retried here.
    if (!impl.client.is_connected() && now >= next_connect) {
      impl.try_connect();
      next_connect = std::chrono::steady_clock::now() + connect_retry;
    }
  }
}

std::string publish_retained(const MqttOptions& options, const std::string& topic, const std::string& payload,
                             std::chrono::seconds timeout) {
  try {
    mqtt::async_client client(options.uri, options.client_id, mqtt::create_options(MQTTVERSION_5), nullptr);
    auto connect = mqtt::connect_options(connect_options(options.tls));
    connect.set_automatic_reconnect(false);
    if (!client.connect(connect)->wait_for(timeout)) {
      return "timed out connecting to " + options.uri;
    }
    auto token = client.publish(topic, payload.data(), payload.size(), 1, true);
    if (!token->wait_for(timeout)) {
      return "timed out publishing to " + topic;
    }
    if (token->get_reason_code() >= 0x80) {
      return "broker refused the publish to " + topic + " (reason code " +
             std::to_string(static_cast<int>(token->get_reason_code())) + ")";
    }
    client.disconnect()->wait_for(timeout);
    return {};
  } catch (const mqtt::exception& error) {
    return error.what();
  }
}

}  // namespace kiosk::headoffice

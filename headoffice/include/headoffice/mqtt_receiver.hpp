#pragma once
// The MQTT side of the receiver (Paho C++ async client, MQTT v5, mutual TLS, host name checked):
// subscribes $share/ingest/bank/v1/+/+/events at QoS 1 with clean start (re-subscribing on every
// reconnect) and bank/v1/+/+/state; for each batch: ingest (commit) THEN publish the Ack to
// bank/v1/{branch}/{kiosk}/ack at QoS 1. Every `reorder_timeout` it publishes resend Cmds for overdue gaps.
// Paho keeps no persistence: the kiosk resends whatever was not acked.

#include <atomic>
#include <chrono>
#include <memory>
#include <string>

#include "headoffice/service.hpp"

namespace kiosk::headoffice {

struct MqttOptions {
  std::string uri;        // ssl://127.0.0.1:8883
  std::string client_id;  // unique per worker, e.g. "headoffice-ingest-<pid>"
  TlsFiles tls;
  std::chrono::milliseconds reorder_timeout{30'000};
};

class MqttReceiver {
 public:
  MqttReceiver(IngestService& service, MqttOptions options);
  ~MqttReceiver();
  MqttReceiver(const MqttReceiver&) = delete;
  MqttReceiver& operator=(const MqttReceiver&) = delete;

  // Connects (retrying in the background if the broker is down) and starts the worker thread.
  void start();
  // Processes messages until `stop` becomes true; returns then.
  void run(const std::atomic<bool>& stop);

 private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

// Publishes one retained message with the head-office identity (used by `publish`). Returns an error
// message, empty on success.
std::string publish_retained(const MqttOptions& options, const std::string& topic, const std::string& payload,
                             std::chrono::seconds timeout);

}  // namespace kiosk::headoffice

#pragma once
// A minimal kiosk for integration tests: Paho MQTT v5 with a kiosk certificate; publishes batches at QoS 1
// and collects what arrives on its ack/cmd topics. Only what the tests need; the real drainer is sync/kiosk.

#include <mqtt/async_client.h>

#include <chrono>
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <mutex>
#include <optional>
#include <string>

namespace kiosk::test {

class TestKioskClient {
 public:
  // cert_name: the PKI file stem ("kiosk-01", "kiosk-other", ...); empty for no client certificate.
  TestKioskClient(const std::string& uri, const std::filesystem::path& pki_dir, const std::string& cert_name,
                  const std::string& client_id)
      : m_client(uri, client_id, mqtt::create_options(MQTTVERSION_5), nullptr) {
    mqtt::ssl_options ssl;
    ssl.set_trust_store((pki_dir / "ca.crt").string());
    if (!cert_name.empty()) {
      ssl.set_key_store((pki_dir / (cert_name + ".crt")).string());
      ssl.set_private_key((pki_dir / (cert_name + ".key")).string());
    }
    ssl.set_enable_server_cert_auth(true);
    ssl.set_verify(true);
    m_options = mqtt::connect_options_builder()
                    .mqtt_version(MQTTVERSION_5)
                    .clean_start(true)
                    .connect_timeout(std::chrono::seconds(5))
                    .ssl(ssl)
                    .finalize();
    m_client.set_message_callback([this](mqtt::const_message_ptr message) {
      std::lock_guard lock(m_mutex);
      m_messages.push_back({message->get_topic(), message->to_string()});
      m_arrived.notify_all();
    });
  }

  ~TestKioskClient() {
    try {
      if (m_client.is_connected()) {
        m_client.disconnect()->wait_for(std::chrono::seconds(2));
      }
    } catch (const mqtt::exception&) {
    }
  }

  // True when the broker accepted the connection within the timeout.
  bool connect(std::chrono::seconds timeout = std::chrono::seconds(8)) {
    try {
      return m_client.connect(m_options)->wait_for(timeout) && m_client.is_connected();
    } catch (const mqtt::exception&) {
      return false;
    }
  }

  bool subscribe(const std::string& filter) {
    try {
      return m_client.subscribe(filter, 1)->wait_for(std::chrono::seconds(5));
    } catch (const mqtt::exception&) {
      return false;
    }
  }

  // Publishes at QoS 1 and returns the PUBACK's v5 reason code (0 = success, 135 = not authorized), or
  // nullopt when no PUBACK came within the timeout.
  std::optional<int> publish(const std::string& topic, const std::string& payload) {
    try {
      auto token = m_client.publish(topic, payload.data(), payload.size(), 1, false);
      if (!token->wait_for(std::chrono::seconds(8))) {
        return std::nullopt;
      }
      return static_cast<int>(token->get_reason_code());
    } catch (const mqtt::exception& error) {
      return error.get_reason_code() != 0 ? error.get_reason_code() : -1;
    }
  }

  struct Message {
    std::string topic;
    std::string payload;
  };

  // The next message received (in order), waiting at most `timeout`.
  std::optional<Message> next_message(std::chrono::milliseconds timeout = std::chrono::seconds(10)) {
    std::unique_lock lock(m_mutex);
    if (!m_arrived.wait_for(lock, timeout, [&] { return !m_messages.empty(); })) {
      return std::nullopt;
    }
    Message message = std::move(m_messages.front());
    m_messages.pop_front();
    return message;
  }

 private:
  mqtt::async_client m_client;
  mqtt::connect_options m_options;
  std::mutex m_mutex;
  std::condition_variable m_arrived;
  std::deque<Message> m_messages;
};

}  // namespace kiosk::test

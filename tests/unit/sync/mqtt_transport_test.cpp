// MqttTransport against a real mosquitto with mutual TLS; a Paho client with the head-office certificate
// plays head office (reads batches, publishes acks and commands).
#include "sync/mqtt_transport.hpp"

#include <gtest/gtest.h>
#include <mqtt/async_client.h>

#include <mutex>
#include <set>

#include "broker_fixture.hpp"
#include "support.hpp"
#include "sync/outbox_drainer.hpp"
#include "sync/protocol/ack.hpp"
#include "sync/protocol/batch.hpp"
#include "sync/protocol/state.hpp"
#include "temp_dir.hpp"
#include "wait.hpp"

namespace kiosk::sync {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;
using test_support::wait_until;

constexpr auto k_wait = milliseconds{30'000};

class HeadOfficeDouble {
 public:
  HeadOfficeDouble(const std::string& uri, const std::filesystem::path& pki)
      : m_client(uri, "headoffice-test", mqtt::create_options(MQTTVERSION_5), nullptr) {
    m_client.set_message_callback([this](mqtt::const_message_ptr message) { on_message(message); });
    mqtt::ssl_options ssl;
    ssl.set_trust_store((pki / "ca.crt").string());
    ssl.set_key_store((pki / "headoffice.crt").string());
    ssl.set_private_key((pki / "headoffice.key").string());
    ssl.set_verify(true);
    mqtt::connect_options options;
    options.set_mqtt_version(MQTTVERSION_5);
    options.set_clean_session(false);
    options.set_clean_start(true);
    options.set_ssl(ssl);
    m_client.connect(options)->wait_for(k_wait);
    m_client.subscribe("bank/v1/+/+/events", 1)->wait_for(k_wait);
    m_client.subscribe("bank/v1/+/+/state", 1)->wait_for(k_wait);
  }

  ~HeadOfficeDouble() {
    try {
      m_client.disconnect()->wait_for(k_wait);
    } catch (const mqtt::exception&) {
    }
  }

  bool connected() const { return m_client.is_connected(); }

  void publish(const std::string& topic, const std::string& payload) {
    m_client.publish(mqtt::make_message(topic, payload, 1, false))->wait_for(k_wait);
  }

  // Acks every batch received so far and not yet acked, with the seqs it carried as ranges.
  void ack_received() {
    std::vector<protocol::Batch> batches;
    {
      std::lock_guard lock(m_mutex);
      for (; m_acked < m_batches.size(); ++m_acked) {
        batches.push_back(m_batches[m_acked]);
      }
    }
    for (const auto& batch : batches) {
      protocol::Ack ack;
      ack.kiosk = batch.kiosk;
      ack.batch_id = batch.batch_id;
      for (const auto& event : batch.events) {
        ack.ranges.push_back(protocol::SeqRange{event.seq, event.seq});
      }
      ack.ranges = protocol::normalize_ranges(ack.ranges);
      publish("bank/v1/" + batch.branch + "/" + batch.kiosk + "/ack", protocol::serialize_ack(ack));
    }
  }

  std::set<std::uint64_t> seqs_seen() const {
    std::lock_guard lock(m_mutex);
    return m_seqs;
  }
  std::size_t batches_seen() const {
    std::lock_guard lock(m_mutex);
    return m_batches.size();
  }
  std::optional<protocol::KioskState> last_state() const {
    std::lock_guard lock(m_mutex);
    return m_state;
  }
  std::size_t max_payload() const {
    std::lock_guard lock(m_mutex);
    return m_max_payload;
  }

 private:
  void on_message(const mqtt::const_message_ptr& message) {
    const std::string& topic = message->get_topic();
    const std::string& payload = message->get_payload_str();
    std::lock_guard lock(m_mutex);
    if (topic.ends_with("/events")) {
      auto parsed = protocol::parse_batch(std::string_view(payload));
      if (parsed) {
        m_max_payload = std::max(m_max_payload, payload.size());
        for (const auto& event : parsed.value().batch.events) {
          m_seqs.insert(event.seq);
        }
        m_batches.push_back(parsed.value().batch);
      }
    } else if (topic.ends_with("/state")) {
      auto parsed = protocol::parse_kiosk_state(payload);
      if (parsed) {
        m_state = parsed.value();
      }
    }
  }

  mqtt::async_client m_client;
  mutable std::mutex m_mutex;
  std::vector<protocol::Batch> m_batches;
  std::size_t m_acked = 0;
  std::set<std::uint64_t> m_seqs;
  std::optional<protocol::KioskState> m_state;
  std::size_t m_max_payload = 0;
};

class MqttTransportTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    s_dir = new test::TempDir("sync-mqtt");
    s_pki_ok = test_support::make_dev_pki(s_dir->path() / "pki");
  }
  static void TearDownTestSuite() {
    delete s_dir;
    s_dir = nullptr;
  }

  void SetUp() override {
    if (!s_pki_ok) {
      GTEST_SKIP() << "scripts/dev-pki.sh could not make a PKI (bash/openssl missing?)";
    }
    m_broker = std::make_unique<test_support::MosquittoBroker>(m_dir.path() / "broker", pki());
    if (!m_broker->ok()) {
      GTEST_SKIP() << "mosquitto did not start (is it installed?)";
    }
  }

  static std::filesystem::path pki() { return s_dir->path() / "pki"; }

  MqttConfig kiosk_config(const std::string& cert = "kiosk-01", const std::string& ca = "ca") const {
    MqttConfig config;
    config.server_uri = m_broker->uri();
    config.kiosk_id = "kiosk-01";
    config.branch_id = "branch-001";
    config.ca_file = pki() / (ca + ".crt");
    config.cert_file = pki() / (cert + ".crt");
    config.key_file = pki() / (cert + ".key");
    config.window = 8;
    config.connect_timeout = seconds{5};
    config.reconnect = BackoffPolicy{milliseconds{50}, milliseconds{500}};
    config.software_version = "test";
    return config;
  }

  DrainerConfig drainer_config() const {
    DrainerConfig config;
    config.database = m_store.path();
    config.kiosk_id = "kiosk-01";
    config.branch_id = "branch-001";
    config.window = 8;
    config.linger = milliseconds{20};
    config.poll_interval = milliseconds{100};
    return config;
  }

  inline static test::TempDir* s_dir = nullptr;
  inline static bool s_pki_ok = false;
  test::TempDir m_dir{"sync-mqtt-case"};
  test_support::StoreFixture m_store{m_dir.path()};
  std::unique_ptr<test_support::MosquittoBroker> m_broker;
  SyncStatus m_status;
};

TEST_F(MqttTransportTest, BatchesReachHeadOfficeAndItsAcksConfirmThem) {
  HeadOfficeDouble head_office(m_broker->uri(), pki());
  ASSERT_TRUE(head_office.connected());
  m_store.append_many("ticket.issued", 130);
  m_store.append_many("complaint.filed", 5);

  MqttTransport transport(kiosk_config(), m_status);
  OutboxDrainer drainer(drainer_config(), transport, m_status);
  transport.start(drainer);
  drainer.start();

  ASSERT_TRUE(wait_until([&] { return head_office.seqs_seen().size() == 135; }, k_wait));
  EXPECT_LE(head_office.max_payload(), 16'000U);
  // Delivered to the broker: sent, not confirmed - the broker's PUBACK is not head office's commit.
  ASSERT_TRUE(wait_until([&] { return m_store.outbox().counts_by_state().sent == 135; }, k_wait));
  EXPECT_EQ(m_store.outbox().counts_by_state().confirmed, 0);

  head_office.ack_received();
  ASSERT_TRUE(wait_until([&] { return m_store.outbox().counts_by_state().confirmed == 135; }, k_wait));
  ASSERT_TRUE(wait_until([&] { return head_office.last_state().has_value(); }, k_wait));
  EXPECT_TRUE(head_office.last_state()->online);
  EXPECT_EQ(head_office.last_state()->kiosk, "kiosk-01");
  EXPECT_TRUE(m_status.snapshot().connected);

  transport.stop();
  drainer.stop();
  ASSERT_TRUE(
      wait_until([&] { return head_office.last_state() && !head_office.last_state()->online; }, k_wait));
}

TEST_F(MqttTransportTest, HostileDownstreamPayloadsAreIgnoredAndResendWorks) {
  HeadOfficeDouble head_office(m_broker->uri(), pki());
  m_store.append_many("ticket.issued", 10);
  MqttTransport transport(kiosk_config(), m_status);
  OutboxDrainer drainer(drainer_config(), transport, m_status);
  transport.start(drainer);
  drainer.start();
  ASSERT_TRUE(wait_until([&] { return head_office.seqs_seen().size() == 10; }, k_wait));

  const std::string ack_topic = "bank/v1/branch-001/kiosk-01/ack";
  const std::string cmd_topic = "bank/v1/branch-001/kiosk-01/cmd";
  head_office.publish(ack_topic, "garbage \xff\xfe");
  head_office.publish(ack_topic, std::string(300'000, '['));
  head_office.publish(ack_topic, R"({"v":1,"kiosk":"kiosk-02","batch_id":"x","high_water":10})");
  head_office.publish(ack_topic, R"({"v":1,"kiosk":"kiosk-01","batch_id":"x","high_water":-4})");
  head_office.publish(cmd_topic, R"({"v":1,"kind":"resend","from":"all","to":5})");
  head_office.publish(cmd_topic, R"({"v":1,"kind":"self-destruct"})");
  head_office.ack_received();
  ASSERT_TRUE(wait_until([&] { return m_store.outbox().counts_by_state().confirmed == 10; }, k_wait));
  const auto batches_before = head_office.batches_seen();

  head_office.publish(cmd_topic, R"({"v":1,"kind":"resend","from":3,"to":4})");
  ASSERT_TRUE(wait_until([&] { return head_office.batches_seen() > batches_before; }, k_wait));
  head_office.ack_received();
  ASSERT_TRUE(wait_until([&] { return m_store.outbox().counts_by_state().confirmed == 10; }, k_wait));
  transport.stop();
  drainer.stop();
}

TEST_F(MqttTransportTest, BrokerFromAnotherCaIsRefused) {
  MqttTransport transport(kiosk_config("kiosk-01", "other-ca"), m_status);
  OutboxDrainer drainer(drainer_config(), transport, m_status);
  transport.start(drainer);
  ASSERT_TRUE(wait_until([&] { return !m_status.snapshot().last_disconnect_reason.empty(); }, k_wait));
  EXPECT_FALSE(transport.is_connected());
  transport.stop();
}

TEST_F(MqttTransportTest, ClientCertificatesTheBrokerDoesNotTrustAreRefused) {
  for (const std::string cert : {"kiosk-other", "kiosk-expired"}) {
    SyncStatus status;
    MqttTransport transport(kiosk_config(cert), status);
    OutboxDrainer drainer(drainer_config(), transport, status);
    transport.start(drainer);
    ASSERT_TRUE(wait_until([&] { return !status.snapshot().last_disconnect_reason.empty(); }, k_wait))
        << cert;
    EXPECT_FALSE(transport.is_connected()) << cert;
    transport.stop();
  }
}

TEST_F(MqttTransportTest, ReconnectsAfterTheBrokerRestartsAndResendsUnconfirmedRows) {
  auto head_office = std::make_unique<HeadOfficeDouble>(m_broker->uri(), pki());
  m_store.append_many("ticket.issued", 20);
  MqttTransport transport(kiosk_config(), m_status);
  // The kiosk may reconnect to the restarted broker before the new head office has subscribed; the broker
  // then PUBACKs batches nobody receives (its acks are not our promise), and only the ack timeout sends
  // them again. A short one keeps that case inside the test's wait.
  auto config = drainer_config();
  config.ack_timeout = milliseconds{3'000};
  OutboxDrainer drainer(config, transport, m_status);
  transport.start(drainer);
  drainer.start();
  ASSERT_TRUE(wait_until([&] { return m_store.outbox().counts_by_state().sent == 20; }, k_wait));
  head_office.reset();  // it never acks: the broker's PUBACKs alone confirm nothing

  const int port = m_broker->port();
  m_broker.reset();
  ASSERT_TRUE(wait_until([&] { return !m_status.snapshot().connected; }, k_wait));
  // Unconfirmed rows go back to pending on the disconnect.
  ASSERT_TRUE(wait_until([&] { return m_store.outbox().counts_by_state().pending == 20; }, k_wait));

  m_broker = std::make_unique<test_support::MosquittoBroker>(m_dir.path() / "broker", pki(), port);
  ASSERT_TRUE(m_broker->ok());
  head_office = std::make_unique<HeadOfficeDouble>(m_broker->uri(), pki());
  ASSERT_TRUE(wait_until([&] { return m_status.snapshot().connected; }, k_wait));
  ASSERT_TRUE(wait_until([&] { return head_office->seqs_seen().size() == 20; }, k_wait));
  head_office->ack_received();
  ASSERT_TRUE(wait_until([&] { return m_store.outbox().counts_by_state().confirmed == 20; }, k_wait));
  transport.stop();
  drainer.stop();
}

}  // namespace
}  // namespace kiosk::sync

// headoffice-ingest as a real process against a real mosquitto (TLS, client certificates, ACL) and real
// HTTPS clients: batches are stored once and acked after commit, resends are duplicates, changed bodies are
// conflicts, foreign topics are denied by the broker, bad certificates never get in, and bundles/complaint
// status flow down. Every wait is bounded.
#include <httplib.h>

#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <thread>

#include "child_process.hpp"
#include "free_port.hpp"
#include "head_office_process.hpp"
#include "headoffice/central_db.hpp"
#include "headoffice/registry.hpp"
#include "mosquitto_broker.hpp"
#include "store/statement.hpp"
#include "sync/protocol/ack.hpp"
#include "sync/protocol/batch.hpp"
#include "sync/protocol/bundle.hpp"
#include "sync/protocol/cmd.hpp"
#include "sync/protocol/complaint_status.hpp"
#include "sync/protocol/topics.hpp"
#include "temp_dir.hpp"
#include "test_kiosk_client.hpp"
#include "test_pki.hpp"

namespace kiosk::test {
namespace {

namespace protocol = sync::protocol;
using namespace std::chrono_literals;

std::string uuid(int kind, int n) {
  std::string digits = std::to_string(n);
  return "01890a5d-ac96-774b-bcce-" + std::to_string(kind) + std::string(11 - digits.size(), '0') + digits;
}

protocol::Envelope event(int n, std::uint64_t seq, nlohmann::json data = nlohmann::json::object()) {
  protocol::Envelope e;
  e.id = uuid(1, n);
  e.seq = seq;
  e.type = "ticket.issued";
  e.at = "2026-11-23T09:15:02.123Z";
  e.data = std::move(data);
  return e;
}

protocol::Batch batch(int id, std::vector<protocol::Envelope> events, const std::string& kiosk = "kiosk-01",
                      const std::string& branch = "br-001") {
  protocol::Batch b;
  b.kiosk = kiosk;
  b.branch = branch;
  b.boot_id = "boot-1";
  b.batch_id = uuid(2, id);
  b.events = std::move(events);
  return b;
}

std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

class HeadofficeIngestTest : public ::testing::Test {
 protected:
  void SetUp() override {
    m_broker.start();
    m_head_office.start(m_broker, m_pki);
    m_https_port = m_head_office.https_port();
  }

  void TearDown() override {
    m_head_office.stop();
    m_broker.stop();
  }

  std::unique_ptr<TestKioskClient> kiosk(const std::string& cert, const std::string& id) {
    auto client = std::make_unique<TestKioskClient>(m_broker.uri(), m_pki.dir(), cert, id);
    return client;
  }

  // Publishes like a kiosk: QoS 1, then waits for head office's ack; resends the same batch if no ack
  // came (the receiver's subscription may still be settling right after start).
  std::optional<protocol::Ack> send_until_acked(TestKioskClient& client, const protocol::Batch& b) {
    const std::string topic = protocol::events_topic(b.branch, b.kiosk);
    for (int attempt = 0; attempt < 5; ++attempt) {
      if (client.publish(topic, protocol::serialize_batch(b)) != 0) {
        return std::nullopt;
      }
      while (auto message = client.next_message(3s)) {
        if (message->topic == protocol::ack_topic(b.branch, b.kiosk)) {
          auto ack = protocol::parse_ack(message->payload);
          if (ack && ack.value().batch_id == b.batch_id) {
            return ack.value();
          }
        }
      }
    }
    return std::nullopt;
  }

  std::int64_t count(const std::string& sql) {
    auto db = headoffice::open_central_db_read_only(m_db);
    store::Statement query(db, sql);
    query.step();
    return query.column_int64(0);
  }

  std::unique_ptr<httplib::SSLClient> https(const std::string& cert) {
    auto client = cert.empty() ? std::make_unique<httplib::SSLClient>("localhost", m_https_port)
                               : std::make_unique<httplib::SSLClient>(
                                     "localhost", m_https_port, (m_pki.dir() / (cert + ".crt")).string(),
                                     (m_pki.dir() / (cert + ".key")).string());
    client->set_ca_cert_path((m_pki.dir() / "ca.crt").string());
    client->enable_server_certificate_verification(true);
    client->set_connection_timeout(5, 0);
    client->set_read_timeout(10, 0);
    return client;
  }

  const TestPki& m_pki = TestPki::instance();
  TempDir m_dir{"ho-integration"};
  MosquittoBroker m_broker{m_pki};
  std::filesystem::path m_db = m_dir / "ho.sqlite";
  HeadOfficeProcess m_head_office{m_db,
                                  m_dir / "receiver.log",
                                  {{"kiosk-01", "br-001"}, {"kiosk-02", "br-002"}},
                                  {"--reorder-timeout-ms", "1500"}};
  int m_https_port = 0;
};

TEST_F(HeadofficeIngestTest, MqttBatchIsStoredOnceAndAckedAfterCommit) {
  auto client = kiosk("kiosk-01", "kiosk-01");
  ASSERT_TRUE(client->connect());
  ASSERT_TRUE(client->subscribe("bank/v1/br-001/kiosk-01/ack"));

  auto ack = send_until_acked(*client, batch(1, {event(1, 1), event(2, 2), event(3, 3)}));
  ASSERT_TRUE(ack) << read_text(m_dir / "receiver.log");
  EXPECT_EQ(ack->high_water, 3U);
  EXPECT_EQ(count("SELECT COUNT(*) FROM events WHERE kiosk = 'kiosk-01'"), 3);

  // Ack lost, kiosk resends in a new batch: duplicates, nothing stored twice.
  auto again = send_until_acked(*client, batch(2, {event(2, 2), event(3, 3), event(4, 4)}));
  ASSERT_TRUE(again);
  EXPECT_EQ(again->duplicates, (std::vector<std::string>{uuid(1, 2), uuid(1, 3)}));
  EXPECT_EQ(again->high_water, 4U);
  EXPECT_EQ(count("SELECT COUNT(*) FROM events"), 4);

  // Same id, other body: a conflict, recorded and reported.
  auto conflict = send_until_acked(*client, batch(3, {event(4, 4, {{"changed", true}})}));
  ASSERT_TRUE(conflict);
  EXPECT_EQ(conflict->conflicts, (std::vector<std::string>{uuid(1, 4)}));
  EXPECT_EQ(count("SELECT COUNT(*) FROM conflicts"), 1);
}

TEST_F(HeadofficeIngestTest, GapLeadsToAResendCommand) {
  auto client = kiosk("kiosk-01", "kiosk-01");
  ASSERT_TRUE(client->connect());
  ASSERT_TRUE(client->subscribe("bank/v1/br-001/kiosk-01/+"));
  auto ack = send_until_acked(*client, batch(1, {event(1, 1), event(4, 4)}));
  ASSERT_TRUE(ack);
  EXPECT_EQ(ack->high_water, 1U);
  std::optional<protocol::Cmd> cmd;
  for (int i = 0; i < 10 && !cmd; ++i) {
    auto message = client->next_message(2s);
    if (message && message->topic == "bank/v1/br-001/kiosk-01/cmd") {
      auto parsed = protocol::parse_cmd(message->payload);
      ASSERT_TRUE(parsed) << parsed.error();
      cmd = parsed.value();
    }
  }
  ASSERT_TRUE(cmd) << "no resend command within the bound";
  EXPECT_EQ(cmd->kind, "resend");
  EXPECT_EQ(cmd->from, 2U);
  EXPECT_EQ(cmd->to, 3U);
}

TEST_F(HeadofficeIngestTest, BrokerDeniesAnotherKiosksTopicWithReasonCode135) {
  auto client = kiosk("kiosk-01", "kiosk-01");
  ASSERT_TRUE(client->connect());
  auto rc = client->publish(protocol::events_topic("br-002", "kiosk-02"),
                            protocol::serialize_batch(batch(1, {event(1, 1)}, "kiosk-02", "br-002")));
  ASSERT_TRUE(rc);
  EXPECT_EQ(*rc, 135);
  std::this_thread::sleep_for(300ms);
  EXPECT_EQ(count("SELECT COUNT(*) FROM events"), 0);
}

TEST_F(HeadofficeIngestTest, PayloadForAnotherKioskIsRejectedByTheRegistry) {
  // kiosk-01 on its own topic, but claiming to be kiosk-02 in the payload.
  auto client = kiosk("kiosk-01", "kiosk-01");
  ASSERT_TRUE(client->connect());
  ASSERT_EQ(client->publish(protocol::events_topic("br-001", "kiosk-01"),
                            protocol::serialize_batch(batch(1, {event(1, 1)}, "kiosk-02", "br-001"))),
            0);
  const auto deadline = std::chrono::steady_clock::now() + 10s;
  while (count("SELECT COUNT(*) FROM rejects") == 0 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(100ms);
  }
  EXPECT_EQ(count("SELECT COUNT(*) FROM rejects WHERE kiosk = 'kiosk-01'"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM events"), 0);
}

TEST_F(HeadofficeIngestTest, BadCertificatesCannotConnect) {
  for (const std::string cert : {"", "kiosk-other", "kiosk-expired", "kiosk-future"}) {
    auto client = kiosk(cert, "bad-" + (cert.empty() ? std::string("none") : cert));
    EXPECT_FALSE(client->connect(4s)) << "MQTT accepted " << (cert.empty() ? "no certificate" : cert);
    auto result = https(cert)->Post("/v1/events", {{"Idempotency-Key", uuid(2, 1)}},
                                    protocol::serialize_batch(batch(1, {event(1, 1)})), "application/json");
    EXPECT_FALSE(result) << "HTTPS accepted " << (cert.empty() ? "no certificate" : cert);
  }
  EXPECT_EQ(count("SELECT COUNT(*) FROM events"), 0);
}

TEST_F(HeadofficeIngestTest, HttpsGzipBatchReplayAndKeyConflict) {
  auto client = https("kiosk-02");
  client->set_compress(true);  // gzip request bodies
  auto b = batch(7, {event(1, 1), event(2, 2)}, "kiosk-02", "br-002");
  auto first = client->Post("/v1/events", {{"Idempotency-Key", b.batch_id}}, protocol::serialize_batch(b),
                            "application/json");
  ASSERT_TRUE(first);
  ASSERT_EQ(first->status, 200) << first->body;
  auto ack = protocol::parse_ack(first->body);
  ASSERT_TRUE(ack) << ack.error();
  EXPECT_EQ(ack.value().high_water, 2U);

  auto replay = client->Post("/v1/events", {{"Idempotency-Key", b.batch_id}}, protocol::serialize_batch(b),
                             "application/json");
  ASSERT_TRUE(replay);
  EXPECT_EQ(replay->status, 200);
  EXPECT_EQ(replay->body, first->body);

  b.events.push_back(event(3, 3));
  auto other = client->Post("/v1/events", {{"Idempotency-Key", b.batch_id}}, protocol::serialize_batch(b),
                            "application/json");
  ASSERT_TRUE(other);
  EXPECT_EQ(other->status, 422);
  EXPECT_EQ(count("SELECT COUNT(*) FROM events"), 2);

  // A valid certificate for one kiosk cannot post another kiosk's batch.
  auto foreign = https("kiosk-01")
                     ->Post("/v1/events", {{"Idempotency-Key", uuid(2, 9)}},
                            protocol::serialize_batch(batch(9, {event(9, 9)}, "kiosk-02", "br-002")),
                            "application/json");
  ASSERT_TRUE(foreign);
  EXPECT_EQ(foreign->status, 403);
}

TEST_F(HeadofficeIngestTest, BundlesAndComplaintStatusFlowDown) {
  // A complaint reaches head office first, so its reference is known.
  auto client = https("kiosk-01");
  auto b = batch(1, {event(1, 1)});
  b.events[0].type = "complaint.submitted";
  b.events[0].data = {{"reference", "CMP-1"}, {"final_response_by", "2026-12-01T00:00:00Z"}};
  auto posted = client->Post("/v1/events", {{"Idempotency-Key", b.batch_id}}, protocol::serialize_batch(b),
                             "application/json");
  ASSERT_TRUE(posted);
  ASSERT_EQ(posted->status, 200) << posted->body;

  {
    std::ofstream payload(m_dir / "surveys.json");
    payload << R"({"surveys":["branch-visit"]})";
  }
  ChildProcess publish;
  publish.start({HEADOFFICE_INGEST_BIN, "publish", "--kind", "surveys", "--file",
                 (m_dir / "surveys.json").string(), "--key", (m_pki.dir() / "bundle-current.key").string(),
                 "--db", m_db.string(), "--mqtt", m_broker.uri(), "--tls-dir", m_pki.dir().string()},
                m_dir / "publish.log");
  ASSERT_TRUE(publish.wait_exit(30s)) << read_text(m_dir / "publish.log");

  // The retained pointer is there for a kiosk that subscribes later.
  auto listener = kiosk("kiosk-01", "kiosk-01-listener");
  ASSERT_TRUE(listener->connect());
  ASSERT_TRUE(listener->subscribe("bank/v1/all/surveys"));
  auto pointer_message = listener->next_message(10s);
  ASSERT_TRUE(pointer_message) << read_text(m_dir / "publish.log");
  auto pointer = protocol::parse_bundle_pointer(pointer_message->payload);
  ASSERT_TRUE(pointer) << pointer.error();

  auto fetched = client->Get(pointer.value().path.c_str());
  ASSERT_TRUE(fetched);
  ASSERT_EQ(fetched->status, 200);
  EXPECT_EQ(fetched->get_header_value("ETag"), pointer.value().etag);
  auto signed_bundle = protocol::parse_signed_bundle(fetched->body);
  ASSERT_TRUE(signed_bundle) << signed_bundle.error();
  const std::vector<std::string> pins{read_text(m_pki.dir() / "bundle-next.pub"),
                                      read_text(m_pki.dir() / "bundle-current.pub")};
  auto bundle = protocol::verify_bundle(signed_bundle.value(), pins);
  ASSERT_TRUE(bundle) << bundle.error();
  EXPECT_EQ(bundle.value().payload["surveys"][0], "branch-visit");
  auto not_modified = client->Get(pointer.value().path.c_str(), {{"If-None-Match", pointer.value().etag}});
  ASSERT_TRUE(not_modified);
  EXPECT_EQ(not_modified->status, 304);

  ChildProcess status;
  status.start({HEADOFFICE_INGEST_BIN, "complaint-status", "--db", m_db.string(), "--ref", "CMP-1",
                "--status", "resolved", "--note", "refund sent"},
               m_dir / "status.log");
  ASSERT_TRUE(status.wait_exit(20s));
  auto page_response = client->Get("/v1/complaint-status?kiosk=kiosk-01&after=0");
  ASSERT_TRUE(page_response);
  ASSERT_EQ(page_response->status, 200) << page_response->body;
  auto page = protocol::parse_complaint_status_page(page_response->body);
  ASSERT_TRUE(page) << page.error();
  ASSERT_EQ(page.value().changes.size(), 1U) << read_text(m_dir / "status.log");
  EXPECT_EQ(page.value().changes[0].status, "resolved");
  EXPECT_EQ(page.value().changes[0].note, std::optional<std::string>("refund sent"));
  auto other_kiosk = https("kiosk-02")->Get("/v1/complaint-status?kiosk=kiosk-01&after=0");
  ASSERT_TRUE(other_kiosk);
  EXPECT_EQ(other_kiosk->status, 403);
}

TEST_F(HeadofficeIngestTest, ReceiverRestartLosesNothing) {
  auto client = kiosk("kiosk-01", "kiosk-01");
  ASSERT_TRUE(client->connect());
  ASSERT_TRUE(client->subscribe("bank/v1/br-001/kiosk-01/ack"));
  ASSERT_TRUE(send_until_acked(*client, batch(1, {event(1, 1), event(2, 2)})));
  m_head_office.kill9();
  m_head_office.start(m_broker, m_pki);
  auto ack = send_until_acked(*client, batch(2, {event(2, 2), event(3, 3)}));
  ASSERT_TRUE(ack) << read_text(m_dir / "receiver.log");
  EXPECT_EQ(ack->high_water, 3U);
  EXPECT_EQ(count("SELECT COUNT(*) FROM events"), 3);
}

}  // namespace
}  // namespace kiosk::test

// Downstream end to end: the real headoffice-ingest (serve, publish, complaint-status) and a real
// mosquitto (TLS, client certificates, ACL) on loopback; on the kiosk side the real MqttTransport (retained
// pointer subscription), DownstreamPoller, BundleStore and kiosk store. A published bundle reaches the
// kiosk through its pointer and through the polling backstop; an unchanged bundle costs a 304; a complaint
// status change recorded at head office lands in the kiosk's status history exactly once, across a restart
// of the poller. Every wait is bounded.
#include <httplib.h>

#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <mutex>
#include <sstream>
#include <thread>

#include "child_process.hpp"
#include "free_port.hpp"
#include "head_office_tools.hpp"
#include "headoffice/central_db.hpp"
#include "headoffice/registry.hpp"
#include "mosquitto_broker.hpp"
#include "store/complaint_repository.hpp"
#include "store/pii_cipher.hpp"
#include "store/store.hpp"
#include "store/transaction.hpp"
#include "sync/bundle_store.hpp"
#include "sync/complaint_status_sink.hpp"
#include "sync/downstream_client.hpp"
#include "sync/downstream_poller.hpp"
#include "sync/mqtt_transport.hpp"
#include "sync/protocol/batch.hpp"
#include "sync/sync_status.hpp"
#include "temp_dir.hpp"
#include "test_kiosk_client.hpp"
#include "test_pki.hpp"

namespace kiosk::test {
namespace {

namespace protocol = sync::protocol;
using namespace std::chrono_literals;

std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

template <typename Predicate>
bool eventually(Predicate done, std::chrono::milliseconds timeout = 20s) {
  const auto give_up = std::chrono::steady_clock::now() + timeout;
  while (!done()) {
    if (std::chrono::steady_clock::now() >= give_up) {
      return done();
    }
    std::this_thread::sleep_for(20ms);
  }
  return true;
}

// The transport's listener; downstream needs none of the upstream news.
class IgnoringListener final : public sync::TransportListener {
 public:
  void on_connected() override {}
  void on_disconnected(std::string) override {}
  void on_delivered(std::string) override {}
  void on_send_failed(std::string, std::string) override {}
  void on_ack(sync::AckSummary) override {}
  void on_resend(sync::ResendRequest) override {}
};

class DownstreamFlowTest : public ::testing::Test {
 protected:
  void SetUp() override {
    m_broker.start();
    {
      auto db = headoffice::open_central_db(m_ho_db);
      headoffice::KioskRegistry(db).register_kiosk("kiosk-01", "br-001");
    }
    m_https_port = free_port();
    m_receiver.start({HEADOFFICE_INGEST_BIN, "serve", "--mqtt", m_broker.uri(), "--https",
                      "127.0.0.1:" + std::to_string(m_https_port), "--db", m_ho_db.string(), "--tls-dir",
                      m_pki.dir().string()},
                     m_dir / "receiver.log");
    ASSERT_TRUE(eventually([&] { return port_accepts(m_https_port) || m_receiver.exited(); }, 15s));
    ASSERT_FALSE(m_receiver.exited()) << read_text(m_dir / "receiver.log");

    store::OpenReport report;
    m_kiosk = store::Store::open(m_dir / "kiosk.db", report);
    ASSERT_TRUE(m_kiosk) << report.message;
    m_bundles = std::make_unique<sync::BundleStore>(
        m_dir / "bundles", std::vector<std::string>{read_text(m_pki.file("bundle-current.pub")),
                                                    read_text(m_pki.file("bundle-next.pub"))});
  }

  void TearDown() override {
    m_receiver.stop();
    m_broker.stop();
  }

  sync::HttpsConfig https() const {
    sync::HttpsConfig config;
    config.base_url = "https://localhost:" + std::to_string(m_https_port);
    config.kiosk_id = "kiosk-01";
    config.ca_file = m_pki.file("ca.crt");
    config.cert_file = m_pki.file("kiosk-01.crt");
    config.key_file = m_pki.file("kiosk-01.key");
    config.connect_timeout = 5s;
    config.total_timeout = 10s;
    return config;
  }

  sync::DownstreamConfig downstream(std::chrono::milliseconds poll_interval) {
    sync::DownstreamConfig config;
    config.bundles = {{"surveys", "all"}, {"config", "br-001"}};
    config.poll_interval = poll_interval;
    config.retry = sync::BackoffPolicy{200ms, 1'000ms};
    config.on_bundle_applied = [this](const sync::BundleReport& report) {
      std::lock_guard lock(m_mutex);
      m_applied.push_back(report);
    };
    return config;
  }

  std::size_t applied_count() {
    std::lock_guard lock(m_mutex);
    return m_applied.size();
  }

  // headoffice-ingest publish; `mqtt` false stores the bundle without announcing it.
  void publish(const std::string& kind, const std::string& payload, const std::optional<std::string>& branch,
               bool mqtt) {
    const auto output =
        publish_bundle(m_pki, m_ho_db, m_dir.path(), kind, payload, branch, mqtt ? m_broker.uri() : "");
    ASSERT_NE(output.find("published " + kind), std::string::npos) << output;
  }

  void complaint_status(const std::string& ref, const std::string& status) {
    const auto output = record_complaint_status(m_ho_db, m_dir.path(), ref, status);
    ASSERT_NE(output.find("complaint " + ref + " -> " + status), std::string::npos) << output;
  }

  // A complaint on the kiosk, and its complaint.submitted event at head office (so head office knows
  // which kiosk the reference belongs to).
  std::string file_complaint(const std::string& reference) {
    store::ComplaintRepository repo(m_kiosk->database());
    store::Transaction tx(m_kiosk->database());
    store::NewComplaint complaint;
    auto& r = complaint.record;
    r.id = m_kiosk->new_event_id(std::chrono::system_clock::now());
    r.seq = repo.allocate_seq(tx);
    r.reference = reference;
    r.product_id = "cards";
    r.issue_id = "card_retained";
    r.taxonomy_version = "2026-11";
    r.priority = "normal";
    r.language = "en";
    r.received_at = domain::EventTime{std::chrono::milliseconds{1'795'000'000'000}};
    r.ack_due_at = r.received_at + 72h;
    r.final_due_at = r.received_at + 360h;
    r.status = "received";
    r.status_updated_at = r.received_at;
    complaint.lookup_code = "4821";
    repo.insert(tx, complaint, m_cipher);
    tx.commit();

    protocol::Envelope event;
    event.id = "01890a5d-ac96-774b-bcce-100000000001";
    event.seq = 1;
    event.type = "complaint.submitted";
    event.at = "2026-11-18T09:15:02.123Z";
    event.data = {{"reference", reference}, {"final_response_by", "2026-12-01T00:00:00Z"}};
    protocol::Batch batch;
    batch.kiosk = "kiosk-01";
    batch.branch = "br-001";
    batch.boot_id = "boot-1";
    batch.batch_id = "01890a5d-ac96-774b-bcce-200000000001";
    batch.events = {event};
    httplib::SSLClient client("localhost", m_https_port, m_pki.file("kiosk-01.crt").string(),
                              m_pki.file("kiosk-01.key").string());
    client.set_ca_cert_path(m_pki.file("ca.crt").string());
    client.enable_server_certificate_verification(true);
    auto posted = client.Post("/v1/events", {{"Idempotency-Key", batch.batch_id}},
                              protocol::serialize_batch(batch), "application/json");
    EXPECT_TRUE(posted && posted->status == 200) << (posted ? posted->body : "no answer");
    return r.id;
  }

  const TestPki& m_pki = TestPki::instance();
  TempDir m_dir{"downstream-flow"};
  MosquittoBroker m_broker{m_pki};
  std::filesystem::path m_ho_db = m_dir / "ho.sqlite";
  int m_https_port = 0;
  ChildProcess m_receiver;
  std::unique_ptr<store::Store> m_kiosk;
  store::PiiCipher m_cipher{store::PiiCipher::Key{}};
  std::unique_ptr<sync::BundleStore> m_bundles;
  std::mutex m_mutex;
  std::vector<sync::BundleReport> m_applied;
};

TEST_F(DownstreamFlowTest, PublishedBundleArrivesThroughItsRetainedPointer) {
  sync::StoreComplaintStatusSink sink(m_kiosk->path());
  // A backstop of an hour: within this test only the pointer can bring the bundle.
  sync::DownstreamPoller poller(downstream(1h), https(), *m_bundles, sink);
  poller.start();
  ASSERT_TRUE(eventually([&] { return poller.status().rounds >= 1; }));
  EXPECT_EQ(poller.status().last_error, "") << "nothing published yet is not an error";

  sync::SyncStatus status;
  sync::MqttConfig mqtt;
  mqtt.server_uri = m_broker.uri();
  mqtt.kiosk_id = "kiosk-01";
  mqtt.branch_id = "br-001";
  mqtt.ca_file = m_pki.file("ca.crt");
  mqtt.cert_file = m_pki.file("kiosk-01.crt");
  mqtt.key_file = m_pki.file("kiosk-01.key");
  mqtt.bundle_pointers = {{"surveys", "all"}, {"config", "br-001"}};
  mqtt.on_bundle_pointer = [&poller](protocol::BundlePointer pointer) { poller.poke(std::move(pointer)); };
  sync::MqttTransport transport(mqtt, status);
  IgnoringListener listener;
  transport.start(listener);
  ASSERT_TRUE(eventually([&] { return transport.is_connected(); })) << read_text(m_broker.log());

  // Garbage on the pointer topics is ignored: not JSON, and a pointer naming another bundle than its topic.
  TestKioskClient head_office(m_broker.uri(), m_pki.dir(), "headoffice", "ho-test");
  ASSERT_TRUE(head_office.connect());
  EXPECT_EQ(head_office.publish("bank/v1/br-001/config", "not a pointer {"), 0);
  EXPECT_EQ(head_office.publish("bank/v1/all/surveys",
                                R"({"v":1,"kind":"config","scope":"br-001","version":99,)"
                                R"("path":"/v1/bundles/config?scope=br-001","etag":"\"x\""})"),
            0);

  publish("surveys", R"({"surveys":["branch-visit"]})", std::nullopt, true);
  // The callback runs after the bundle is in place: waiting for it means both are done.
  ASSERT_TRUE(eventually([&] { return applied_count() == 1; }))
      << poller.status().last_error << read_text(m_dir / "publish.log");
  EXPECT_EQ(m_bundles->current("surveys", "all")->payload["surveys"][0], "branch-visit");
  publish("config", R"({"idle_timeout_s":75})", "br-001", true);
  ASSERT_TRUE(eventually([&] { return applied_count() == 2; })) << poller.status().last_error;
  EXPECT_EQ(m_bundles->current("config", "br-001")->payload["idle_timeout_s"], 75);
  EXPECT_EQ(poller.status().failed_rounds, 0U)
      << "a failed round would have polled everything; the bogus v99 pointer would have failed one: "
      << poller.status().last_error;
  transport.stop();
  poller.stop();
}

TEST_F(DownstreamFlowTest, BackstopPollingFindsABundleWithoutAPointerAndUnchangedOnesCost304) {
  publish("config", R"({"idle_timeout_s":90})", "br-001", false);
  sync::StoreComplaintStatusSink sink(m_kiosk->path());
  sync::DownstreamPoller poller(downstream(300ms), https(), *m_bundles, sink);
  poller.start();
  ASSERT_TRUE(eventually([&] { return applied_count() == 1; })) << poller.status().last_error;
  const auto rounds = poller.status().rounds;
  ASSERT_TRUE(eventually([&] { return poller.status().rounds >= rounds + 3; }));
  EXPECT_EQ(applied_count(), 1U);
  EXPECT_EQ(poller.status().last_error, "");
  publish("config", R"({"idle_timeout_s":91})", "br-001", false);
  ASSERT_TRUE(eventually([&] { return applied_count() == 2; }));
  EXPECT_EQ(m_bundles->current("config", "br-001")->version, 2U);
  EXPECT_EQ(m_bundles->previous("config", "br-001")->version, 1U);
  poller.stop();

  // The same ETag against the real receiver: 304.
  sync::DownstreamClient client(https());
  const auto fetched = client.fetch_bundle("config", "br-001", "");
  ASSERT_EQ(fetched.status, sync::BundleFetch::Status::fetched) << fetched.error.message;
  EXPECT_EQ(client.fetch_bundle("config", "br-001", fetched.etag).status,
            sync::BundleFetch::Status::not_modified);
  // Another branch's scope: head office serves nothing (404).
  EXPECT_EQ(client.fetch_bundle("config", "br-002", "").error.kind, sync::FetchFailure::not_found);
}

TEST_F(DownstreamFlowTest, ComplaintStatusLandsExactlyOnceAcrossAPollerRestart) {
  const std::string id = file_complaint("K7M-00001-Q");
  complaint_status("K7M-00001-Q", "in_progress");
  {
    sync::StoreComplaintStatusSink sink(m_kiosk->path());
    sync::DownstreamPoller poller(downstream(1h), https(), *m_bundles, sink);
    poller.start();
    ASSERT_TRUE(eventually([&] { return poller.status().rounds >= 1; }));
    EXPECT_EQ(poller.status().last_error, "");
    EXPECT_EQ(poller.status().status_changes_applied, 1U);
    poller.stop();
  }
  complaint_status("K7M-00001-Q", "resolved");
  {
    sync::StoreComplaintStatusSink sink(m_kiosk->path());
    sync::DownstreamPoller poller(downstream(1h), https(), *m_bundles, sink);
    poller.start();
    ASSERT_TRUE(eventually([&] { return poller.status().rounds >= 1; }));
    EXPECT_EQ(poller.status().status_changes_applied, 1U) << "only the new change, not the first again";
    poller.poll_now();
    ASSERT_TRUE(eventually([&] { return poller.status().rounds >= 2; }));
    EXPECT_EQ(poller.status().status_changes_applied, 1U);
    poller.stop();
  }
  const auto history = store::ComplaintRepository(m_kiosk->database()).status_history(id);
  ASSERT_EQ(history.size(), 3U);
  EXPECT_EQ(history[0].source, "kiosk");
  EXPECT_EQ(history[1].status, "in_progress");
  EXPECT_EQ(history[1].source, "headoffice");
  EXPECT_EQ(history[2].status, "resolved");
  EXPECT_EQ(store::ComplaintRepository(m_kiosk->database()).find(id)->status, "resolved");
}

}  // namespace
}  // namespace kiosk::test

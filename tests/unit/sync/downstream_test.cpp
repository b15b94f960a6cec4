// Downstream on the kiosk against a scripted head office (cpp-httplib SSLServer, mutual TLS, dev PKI on
// 127.0.0.1): DownstreamClient's classification of answers and hostile bodies, DownstreamPoller with the
// real BundleStore and the real kiosk store (StoreComplaintStatusSink), and bounded stop.
#include <gtest/gtest.h>
#include <httplib.h>

#include <atomic>
#include <fstream>
#include <functional>
#include <mutex>
#include <sstream>

#include "broker_fixture.hpp"
#include "store/complaint_repository.hpp"
#include "store/pii_cipher.hpp"
#include "store/store.hpp"
#include "store/transaction.hpp"
#include "sync/complaint_status_sink.hpp"
#include "sync/downstream_client.hpp"
#include "sync/downstream_poller.hpp"
#include "sync/protocol/bundle.hpp"
#include "sync/protocol/complaint_status.hpp"
#include "temp_dir.hpp"
#include "wait.hpp"

namespace kiosk::sync {
namespace {

using std::chrono::milliseconds;
using test_support::wait_until;

constexpr auto k_wait = milliseconds{20'000};

std::string read_text(const std::filesystem::path& file) {
  std::ifstream in(file);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::string rfc3339(std::chrono::system_clock::duration offset) {
  return domain::format_rfc3339_utc(
      std::chrono::time_point_cast<std::chrono::milliseconds>(std::chrono::system_clock::now() + offset));
}

protocol::Bundle make_bundle(std::uint64_t version, std::string kind = "config",
                             std::string scope = "br-001") {
  protocol::Bundle bundle;
  bundle.kind = std::move(kind);
  bundle.scope = std::move(scope);
  bundle.version = version;
  bundle.not_before = rfc3339(-std::chrono::hours{1});
  bundle.expires = rfc3339(std::chrono::hours{24});
  bundle.payload = {{"idle_timeout_s", 60 + version}};
  return bundle;
}

// Head office's downstream endpoints, scripted per test. By default it serves `bundle_body` with `etag`
// (304 on a matching If-None-Match) and `status_body` for complaint status.
class ScriptedHeadOffice {
 public:
  using Handler = std::function<void(const httplib::Request&, httplib::Response&)>;

  explicit ScriptedHeadOffice(const std::filesystem::path& pki)
      : m_server((pki / "headoffice.crt").c_str(), (pki / "headoffice.key").c_str(),
                 (pki / "ca.crt").c_str()) {
    m_server.Get(
        R"(/v1/bundles/([a-z0-9_]+))", [this](const httplib::Request& request, httplib::Response& response) {
          Handler handler;
          {
            std::lock_guard lock(m_mutex);
            m_bundle_requests.push_back(request.matches[1].str() + "?" + request.get_param_value("scope") +
                                        " " + request.get_header_value("If-None-Match"));
            handler = m_bundle_handler;
          }
          if (handler) {
            handler(request, response);
            return;
          }
          serve_bundle(request, response);
        });
    m_server.Get("/v1/complaint-status",
                 [this](const httplib::Request& request, httplib::Response& response) {
                   Handler handler;
                   {
                     std::lock_guard lock(m_mutex);
                     m_status_requests.push_back(request.get_param_value("after"));
                     handler = m_status_handler;
                   }
                   if (handler) {
                     handler(request, response);
                     return;
                   }
                   serve_status(request, response);
                 });
    m_port = m_server.bind_to_any_port("127.0.0.1");
    m_thread = std::thread([this] { m_server.listen_after_bind(); });
    wait_until([this] { return m_server.is_running(); }, k_wait);
  }

  ~ScriptedHeadOffice() {
    {
      std::lock_guard lock(m_mutex);
      m_released = true;
    }
    m_release.notify_all();
    m_server.stop();
    m_thread.join();
  }

  std::string url() const { return "https://localhost:" + std::to_string(m_port); }

  void set_bundle(std::string body, std::string etag) {
    std::lock_guard lock(m_mutex);
    m_bundle_body = std::move(body);
    m_etag = std::move(etag);
  }
  // Complaint status changes; a request gets those with cursor > after.
  void add_change(protocol::ComplaintStatusChange change) {
    std::lock_guard lock(m_mutex);
    m_changes.push_back(std::move(change));
  }
  void set_bundle_handler(Handler handler) {
    std::lock_guard lock(m_mutex);
    m_bundle_handler = std::move(handler);
  }
  void set_status_handler(Handler handler) {
    std::lock_guard lock(m_mutex);
    m_status_handler = std::move(handler);
  }
  std::vector<std::string> bundle_requests() const {
    std::lock_guard lock(m_mutex);
    return m_bundle_requests;
  }
  std::vector<std::string> status_requests() const {
    std::lock_guard lock(m_mutex);
    return m_status_requests;
  }
  // Blocks the calling handler until the server shuts down (at most 15 s).
  void hang() {
    std::unique_lock lock(m_mutex);
    m_release.wait_for(lock, std::chrono::seconds{15}, [this] { return m_released; });
  }

 private:
  void serve_bundle(const httplib::Request& request, httplib::Response& response) {
    std::lock_guard lock(m_mutex);
    if (m_bundle_body.empty()) {
      response.status = 404;
      return;
    }
    response.set_header("ETag", m_etag);
    if (request.get_header_value("If-None-Match") == m_etag) {
      response.status = 304;
      return;
    }
    response.set_content(m_bundle_body, "application/json");
  }

  void serve_status(const httplib::Request& request, httplib::Response& response) {
    std::lock_guard lock(m_mutex);
    protocol::ComplaintStatusPage page;
    page.kiosk = request.get_param_value("kiosk");
    page.next = std::stoull(request.get_param_value("after"));
    for (const auto& change : m_changes) {
      if (change.cursor > page.next && page.changes.size() < 2) {  // small pages: paging is exercised
        page.changes.push_back(change);
      }
    }
    if (!page.changes.empty()) {
      page.next = page.changes.back().cursor;
    }
    response.set_content(protocol::serialize_complaint_status_page(page), "application/json");
  }

  httplib::SSLServer m_server;
  int m_port = -1;
  std::thread m_thread;
  mutable std::mutex m_mutex;
  std::condition_variable m_release;
  bool m_released = false;
  std::string m_bundle_body;
  std::string m_etag;
  std::vector<protocol::ComplaintStatusChange> m_changes;
  Handler m_bundle_handler;
  Handler m_status_handler;
  std::vector<std::string> m_bundle_requests;
  std::vector<std::string> m_status_requests;
};

// A kiosk store with complaints in it, written the way the app writes them.
class KioskStore {
 public:
  explicit KioskStore(const std::filesystem::path& dir) : m_path(dir / "kiosk.db") {
    store::OpenReport report;
    m_store = store::Store::open(m_path, report);
    if (!m_store) {
      throw std::runtime_error("store did not open: " + report.message);
    }
  }

  // Inserts a complaint with this reference; returns its id.
  std::string add_complaint(const std::string& reference) {
    store::ComplaintRepository repo(m_store->database());
    store::Transaction tx(m_store->database());
    store::NewComplaint complaint;
    auto& r = complaint.record;
    r.id = m_store->new_event_id(std::chrono::system_clock::now());
    r.seq = repo.allocate_seq(tx);
    r.reference = reference;
    r.product_id = "cards";
    r.issue_id = "card_retained";
    r.taxonomy_version = "2026-11";
    r.priority = "normal";
    r.language = "en";
    r.received_at = domain::EventTime{std::chrono::milliseconds{1'795'000'000'000}};
    r.ack_due_at = r.received_at + std::chrono::hours{72};
    r.final_due_at = r.received_at + std::chrono::hours{360};
    r.status = "received";
    r.status_updated_at = r.received_at;
    complaint.lookup_code = "4821";
    repo.insert(tx, complaint, m_cipher);
    tx.commit();
    return r.id;
  }

  std::vector<store::ComplaintStatusRow> history(const std::string& id) {
    return store::ComplaintRepository(m_store->database()).status_history(id);
  }
  std::string status_of(const std::string& id) {
    return store::ComplaintRepository(m_store->database()).find(id)->status;
  }
  const std::filesystem::path& path() const { return m_path; }

 private:
  std::filesystem::path m_path;
  std::unique_ptr<store::Store> m_store;
  store::PiiCipher m_cipher{store::PiiCipher::Key{}};
};

protocol::ComplaintStatusChange change(std::uint64_t cursor, std::string ref, std::string status,
                                       std::optional<std::string> note = std::nullopt) {
  protocol::ComplaintStatusChange c;
  c.cursor = cursor;
  c.ref = std::move(ref);
  c.status = std::move(status);
  c.note = std::move(note);
  c.at = "2026-11-20T10:00:0" + std::to_string(cursor % 10) + "Z";
  return c;
}

class DownstreamTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    s_dir = new test::TempDir("sync-downstream");
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
    m_server = std::make_unique<ScriptedHeadOffice>(pki());
    m_pins = {read_text(pki() / "bundle-current.pub"), read_text(pki() / "bundle-next.pub")};
    m_bundles = std::make_unique<BundleStore>(m_dir.path() / "bundles", m_pins);
  }
  static std::filesystem::path pki() { return s_dir->path() / "pki"; }

  HttpsConfig https() const {
    HttpsConfig config;
    config.base_url = m_server->url();
    config.kiosk_id = "kiosk-01";
    config.ca_file = pki() / "ca.crt";
    config.cert_file = pki() / "kiosk-01.crt";
    config.key_file = pki() / "kiosk-01.key";
    config.connect_timeout = milliseconds{5'000};
    config.total_timeout = milliseconds{10'000};
    return config;
  }

  DownstreamConfig poller_config() {
    DownstreamConfig config;
    config.bundles = {{"config", "br-001"}};
    config.poll_interval = milliseconds{3'600'000};  // rounds come from start(), poke() and poll_now()
    config.retry = BackoffPolicy{milliseconds{3'600'000}, milliseconds{3'600'000}};
    config.on_bundle_applied = [this](const BundleReport& report) {
      std::lock_guard lock(m_mutex);
      m_applied.push_back(report);
    };
    config.on_bundle_rejected = [this](const BundleReport& report) {
      std::lock_guard lock(m_mutex);
      m_rejected.push_back(report);
    };
    return config;
  }

  std::string sign(const protocol::Bundle& bundle, const std::string& key = "bundle-current.key") {
    auto signed_bundle = protocol::sign_bundle(bundle, read_text(pki() / key));
    EXPECT_TRUE(signed_bundle) << signed_bundle.error();
    return protocol::serialize_signed_bundle(signed_bundle.value());
  }

  // Publishes `bundle` on the scripted server and runs one poller round to completion.
  void run_round(DownstreamPoller& poller) {
    const auto before = poller.status().rounds;
    poller.poll_now();
    ASSERT_TRUE(wait_until([&] { return poller.status().rounds > before; }, k_wait));
  }

  std::vector<BundleReport> applied() {
    std::lock_guard lock(m_mutex);
    return m_applied;
  }
  std::vector<BundleReport> rejected() {
    std::lock_guard lock(m_mutex);
    return m_rejected;
  }

  inline static test::TempDir* s_dir = nullptr;
  inline static bool s_pki_ok = false;
  test::TempDir m_dir{"sync-downstream-test"};
  std::unique_ptr<ScriptedHeadOffice> m_server;
  std::vector<std::string> m_pins;
  std::unique_ptr<BundleStore> m_bundles;
  std::mutex m_mutex;
  std::vector<BundleReport> m_applied;
  std::vector<BundleReport> m_rejected;
};

// --- DownstreamClient

TEST_F(DownstreamTest, ClientFetchesABundleWithItsEtagAndGets304WhenUnchanged) {
  const std::string body = sign(make_bundle(1));
  m_server->set_bundle(body, "\"config-br-001-1\"");
  DownstreamClient client(https());
  const auto first = client.fetch_bundle("config", "br-001", "");
  ASSERT_EQ(first.status, BundleFetch::Status::fetched) << first.error.message;
  EXPECT_EQ(first.body, body);
  EXPECT_EQ(first.etag, "\"config-br-001-1\"");
  const auto second = client.fetch_bundle("config", "br-001", first.etag);
  EXPECT_EQ(second.status, BundleFetch::Status::not_modified) << second.error.message;
  EXPECT_EQ(m_server->bundle_requests().back(), "config?br-001 \"config-br-001-1\"");
}

TEST_F(DownstreamTest, ClientClassifiesHttpFailures) {
  DownstreamClient client(https());
  auto missing = client.fetch_bundle("config", "br-001", "");
  EXPECT_EQ(missing.error.kind, FetchFailure::not_found) << missing.error.message;

  m_server->set_bundle_handler([](const httplib::Request&, httplib::Response& response) {
    response.status = 503;
    response.set_header("Retry-After", "7");
  });
  auto busy = client.fetch_bundle("config", "br-001", "");
  EXPECT_EQ(busy.error.kind, FetchFailure::transient);
  EXPECT_EQ(busy.error.retry_after, std::chrono::seconds{7});
  EXPECT_NE(busy.error.message.find("HTTP 503"), std::string::npos) << busy.error.message;

  m_server->set_bundle_handler(
      [](const httplib::Request&, httplib::Response& response) { response.status = 403; });
  EXPECT_EQ(client.fetch_bundle("config", "br-001", "").error.kind, FetchFailure::refused);
  EXPECT_EQ(client.fetch_bundle("Config", "br-001", "").error.kind, FetchFailure::refused);
  EXPECT_EQ(client.fetch_bundle("config", "../etc", "").error.kind, FetchFailure::refused);

  HttpsConfig pinned = https();
  pinned.pinned_public_keys = {"sha256//AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="};
  DownstreamClient wrong_pin(pinned);
  EXPECT_EQ(wrong_pin.fetch_bundle("config", "br-001", "").error.kind, FetchFailure::trust_failure);
}

TEST_F(DownstreamTest, ClientRefusesHostileBundleBodies) {
  DownstreamClient client(https(), 64 * 1024);
  const std::vector<std::pair<std::string, std::string>> cases{
      {std::string(200 * 1024, '{'), "larger than 65536 bytes"},
      {"<html>not json</html>", "not a JSON object"},
      {R"({"v":1,"bundle":"{}","key_id":"x","signature":"AAAA"})", "signature"},
      {sign(make_bundle(1, "config", "br-002")), "asked for config/br-001 but got config/br-002"},
      {sign(make_bundle(1, "surveys", "br-001")), "asked for config/br-001 but got surveys/br-001"},
  };
  for (const auto& [body, expected] : cases) {
    m_server->set_bundle(body, "\"x\"");
    const auto fetch = client.fetch_bundle("config", "br-001", "");
    EXPECT_EQ(fetch.status, BundleFetch::Status::failed);
    EXPECT_EQ(fetch.error.kind, FetchFailure::bad_body) << fetch.error.message;
    EXPECT_NE(fetch.error.message.find(expected), std::string::npos) << fetch.error.message;
  }
}

TEST_F(DownstreamTest, ClientRefusesHostileStatusPages) {
  DownstreamClient client(https());
  const std::vector<std::pair<std::string, std::string>> cases{
      {R"({"v":1,"kiosk":"kiosk-02","changes":[],"next":0})", "for kiosk 'kiosk-02'"},
      {"[1,2,3]", "not a JSON object"},
      {R"({"v":1,"kiosk":"kiosk-01","changes":[{"cursor":5,"ref":"R","status":"resolved","at":"2026-11-20T10:00:00Z"},)"
       R"({"cursor":4,"ref":"R","status":"resolved","at":"2026-11-20T10:00:00Z"}],"next":5})",
       "cursor 4 does not follow 5"},
      {R"({"v":1,"kiosk":"kiosk-01","changes":[{"cursor":3,"ref":"R","status":"resolved","at":"2026-11-20T10:00:00Z"}],"next":1})",
       "cursor 3 does not follow 3"},
      {R"({"v":1,"kiosk":"kiosk-01","changes":[{"cursor":9,"ref":"R","status":"resolved","at":"2026-11-20T10:00:00Z"}],"next":4})",
       "next 4 is behind cursor 9"},
  };
  for (const auto& [body, expected] : cases) {
    m_server->set_status_handler([body = body](const httplib::Request&, httplib::Response& response) {
      response.set_content(body, "application/json");
    });
    const auto fetch = client.fetch_complaint_status(3, 10);
    EXPECT_FALSE(fetch.page);
    EXPECT_EQ(fetch.error.kind, FetchFailure::bad_body) << fetch.error.message;
    EXPECT_NE(fetch.error.message.find(expected), std::string::npos) << fetch.error.message;
  }
  m_server->set_status_handler(nullptr);
  m_server->add_change(change(4, "R", "resolved"));
  const auto good = client.fetch_complaint_status(3, 10);
  ASSERT_TRUE(good.page) << good.error.message;
  EXPECT_EQ(good.page->next, 4U);
  EXPECT_EQ(m_server->status_requests().back(), "3");
}

TEST_F(DownstreamTest, CancelAbortsARequestInProgress) {
  m_server->set_bundle_handler([this](const httplib::Request&, httplib::Response&) { m_server->hang(); });
  DownstreamClient client(https());
  std::atomic<bool> done{false};
  BundleFetch result;
  std::thread fetcher([&] {
    result = client.fetch_bundle("config", "br-001", "");
    done = true;
  });
  ASSERT_TRUE(wait_until([&] { return !m_server->bundle_requests().empty(); }, k_wait));
  client.cancel();
  // Bounded well below the 10 s total timeout (generous for a loaded machine; the promise is ~1 s).
  EXPECT_TRUE(wait_until([&] { return done.load(); }, milliseconds{5'000}));
  fetcher.join();
  EXPECT_EQ(result.error.kind, FetchFailure::cancelled) << result.error.message;
  EXPECT_EQ(client.fetch_bundle("config", "br-001", "").error.kind, FetchFailure::cancelled);
}

// --- DownstreamPoller with BundleStore

TEST_F(DownstreamTest, PollerAppliesAPublishedBundleThenUses304) {
  KioskStore kiosk(m_dir.path());
  StoreComplaintStatusSink sink(kiosk.path());
  m_server->set_bundle(sign(make_bundle(1)), "\"v1\"");
  DownstreamPoller poller(poller_config(), https(), *m_bundles, sink);
  poller.start();
  ASSERT_TRUE(wait_until([&] { return poller.status().rounds >= 1; }, k_wait));
  EXPECT_EQ(poller.status().last_error, "");
  ASSERT_EQ(applied().size(), 1U);
  EXPECT_EQ(applied()[0].version, 1U);
  ASSERT_TRUE(m_bundles->current("config", "br-001"));
  EXPECT_EQ(m_bundles->current("config", "br-001")->payload["idle_timeout_s"], 61);

  run_round(poller);
  EXPECT_EQ(m_server->bundle_requests().back(), "config?br-001 \"v1\"");
  EXPECT_EQ(applied().size(), 1U);
  EXPECT_EQ(poller.status().last_error, "");
  poller.stop();
}

TEST_F(DownstreamTest, PointerAboveTheAppliedVersionFetchesAndOneAtOrBelowDoesNot) {
  KioskStore kiosk(m_dir.path());
  StoreComplaintStatusSink sink(kiosk.path());
  m_server->set_bundle(sign(make_bundle(1)), "\"v1\"");
  DownstreamPoller poller(poller_config(), https(), *m_bundles, sink);
  poller.start();
  ASSERT_TRUE(wait_until([&] { return poller.status().rounds >= 1; }, k_wait));
  const auto requests = m_server->bundle_requests().size();

  protocol::BundlePointer pointer;
  pointer.kind = "config";
  pointer.scope = "br-001";
  pointer.version = 1;  // what we have: a retained pointer re-delivered on reconnect
  poller.poke(pointer);
  pointer.kind = "surveys";  // not followed
  pointer.version = 9;
  poller.poke(pointer);
  ASSERT_TRUE(wait_until([&] { return poller.status().rounds >= 2; }, k_wait));
  EXPECT_EQ(m_server->bundle_requests().size(), requests);

  m_server->set_bundle(sign(make_bundle(2)), "\"v2\"");
  pointer.kind = "config";
  pointer.version = 2;
  poller.poke(pointer);
  ASSERT_TRUE(wait_until([&] { return applied().size() == 2; }, k_wait));
  EXPECT_EQ(m_bundles->current("config", "br-001")->version, 2U);
  EXPECT_EQ(m_bundles->previous("config", "br-001")->version, 1U);
  poller.stop();
}

TEST_F(DownstreamTest, TamperedRolledBackExpiredAndForeignKeyBundlesAreRejectedAndTheCurrentStays) {
  KioskStore kiosk(m_dir.path());
  StoreComplaintStatusSink sink(kiosk.path());
  m_server->set_bundle(sign(make_bundle(2)), "\"v2\"");
  DownstreamPoller poller(poller_config(), https(), *m_bundles, sink);
  poller.start();
  ASSERT_TRUE(wait_until([&] { return poller.status().rounds >= 1; }, k_wait));
  ASSERT_EQ(m_bundles->current("config", "br-001")->version, 2U);

  auto tampered = protocol::parse_signed_bundle(sign(make_bundle(3))).value();
  tampered.bundle_text.replace(tampered.bundle_text.find("\"idle_timeout_s\":63"), 19,
                               "\"idle_timeout_s\":99");
  auto expired = make_bundle(4);
  expired.not_before = rfc3339(-std::chrono::hours{48});
  expired.expires = rfc3339(-std::chrono::hours{1});
  auto future = make_bundle(5);
  future.not_before = rfc3339(std::chrono::hours{24});
  future.expires = rfc3339(std::chrono::hours{48});
  auto stranger = protocol::sign_bundle(make_bundle(6), read_text(pki() / "headoffice.key"));
  ASSERT_FALSE(stranger) << "an EC key must not sign bundles";
  const std::vector<std::pair<std::string, std::string>> cases{
      {protocol::serialize_signed_bundle(tampered), "signature: does not verify"},
      {sign(make_bundle(1)), "rollback"},
      {sign(expired), "expired at"},
      {sign(future), "not valid before"},
  };
  for (const auto& [body, expected] : cases) {
    m_server->set_bundle(body, "\"other\"");
    const auto before = rejected().size();
    run_round(poller);
    ASSERT_EQ(rejected().size(), before + 1) << expected;
    EXPECT_NE(rejected().back().message.find(expected), std::string::npos) << rejected().back().message;
    EXPECT_EQ(m_bundles->current("config", "br-001")->version, 2U);
  }
  EXPECT_EQ(applied().size(), 1U);
  poller.stop();
}

TEST_F(DownstreamTest, ContentTheAppRefusesIsRejectedAndTheCurrentStays) {
  KioskStore kiosk(m_dir.path());
  StoreComplaintStatusSink sink(kiosk.path());
  auto config = poller_config();
  config.check_content = [](const protocol::Bundle& bundle) -> std::string {
    return bundle.payload.value("idle_timeout_s", 0) > 1000 ? "idle_timeout_s: above 1000" : "";
  };
  m_server->set_bundle(sign(make_bundle(1)), "\"v1\"");
  DownstreamPoller poller(config, https(), *m_bundles, sink);
  poller.start();
  ASSERT_TRUE(wait_until([&] { return poller.status().rounds >= 1; }, k_wait));
  auto bad = make_bundle(2);
  bad.payload["idle_timeout_s"] = 5000;
  m_server->set_bundle(sign(bad), "\"v2\"");
  run_round(poller);
  ASSERT_EQ(rejected().size(), 1U);
  EXPECT_EQ(rejected()[0].message, "bundle config/br-001 v2 refused: content: idle_timeout_s: above 1000");
  EXPECT_EQ(m_bundles->current("config", "br-001")->version, 1U);
  poller.stop();
}

TEST_F(DownstreamTest, ComplaintStatusIsAppliedOnceAcrossPollerRestartsAndUnknownReferencesAreSkipped) {
  KioskStore kiosk(m_dir.path());
  const std::string id = kiosk.add_complaint("K7M-00001-Q");
  m_server->add_change(change(1, "K7M-00001-Q", "acknowledged"));
  m_server->add_change(change(2, "NOT-OURS", "resolved"));
  m_server->add_change(change(3, "K7M-00001-Q", "in_progress", "we called the branch"));
  m_server->add_change(change(4, "K7M-00001-Q", "no_such_status"));
  {
    StoreComplaintStatusSink sink(kiosk.path());
    DownstreamPoller poller(poller_config(), https(), *m_bundles, sink);
    poller.start();
    ASSERT_TRUE(wait_until([&] { return poller.status().rounds >= 1; }, k_wait));
    const auto status = poller.status();
    EXPECT_EQ(status.last_error, "");
    EXPECT_EQ(status.status_changes_applied, 2U);
    EXPECT_EQ(status.status_changes_skipped, 2U);
    EXPECT_EQ(status.status_cursor, 4U);
    poller.stop();
  }
  // Pages of two: after=0, after=2, after=4 (empty).
  EXPECT_EQ(m_server->status_requests(), (std::vector<std::string>{"0", "2", "4"}));
  m_server->add_change(change(5, "K7M-00001-Q", "resolved", "refund sent"));
  {
    StoreComplaintStatusSink sink(kiosk.path());
    EXPECT_EQ(sink.cursor(), 4U);
    DownstreamPoller poller(poller_config(), https(), *m_bundles, sink);
    poller.start();
    ASSERT_TRUE(wait_until([&] { return poller.status().rounds >= 1; }, k_wait));
    EXPECT_EQ(poller.status().status_changes_applied, 1U);
    poller.stop();
  }
  const auto history = kiosk.history(id);
  ASSERT_EQ(history.size(), 4U);  // the kiosk's own "received" plus three from head office
  EXPECT_EQ(history[1].status, "acknowledged");
  EXPECT_EQ(history[2].status, "in_progress");
  EXPECT_EQ(history[2].note, "we called the branch");
  EXPECT_EQ(history[2].source, "headoffice");
  EXPECT_EQ(history[3].status, "resolved");
  EXPECT_EQ(kiosk.status_of(id), "resolved");
}

TEST_F(DownstreamTest, SinkSkipsChangesAtOrBelowItsCursor) {
  KioskStore kiosk(m_dir.path());
  const std::string id = kiosk.add_complaint("K7M-00002-Q");
  StoreComplaintStatusSink sink(kiosk.path());
  protocol::ComplaintStatusPage page;
  page.kiosk = "kiosk-01";
  page.changes = {change(1, "K7M-00002-Q", "acknowledged"), change(2, "K7M-00002-Q", "resolved")};
  page.next = 2;
  const auto first = sink.apply(page);
  EXPECT_EQ(first.applied, 2U);
  EXPECT_EQ(first.cursor, 2U);
  const auto again = sink.apply(page);  // e.g. a page fetched twice
  EXPECT_EQ(again.applied, 0U);
  EXPECT_EQ(again.skipped, 2U);
  EXPECT_EQ(kiosk.history(id).size(), 3U);
}

TEST_F(DownstreamTest, FailedStatusReadKeepsTheCursorAndIsReported) {
  KioskStore kiosk(m_dir.path());
  StoreComplaintStatusSink sink(kiosk.path());
  m_server->set_status_handler([](const httplib::Request&, httplib::Response& response) {
    response.set_content(R"({"v":1,"kiosk":"kiosk-99","changes":[],"next":50})", "application/json");
  });
  DownstreamPoller poller(poller_config(), https(), *m_bundles, sink);
  poller.start();
  ASSERT_TRUE(wait_until([&] { return poller.status().rounds >= 1; }, k_wait));
  const auto status = poller.status();
  EXPECT_EQ(status.failed_rounds, 1U);
  EXPECT_NE(status.last_error.find("kiosk-99"), std::string::npos) << status.last_error;
  EXPECT_EQ(sink.cursor(), 0U);
  poller.stop();
}

TEST_F(DownstreamTest, StopIsBoundedWhileHeadOfficeHangs) {
  KioskStore kiosk(m_dir.path());
  StoreComplaintStatusSink sink(kiosk.path());
  m_server->set_bundle_handler([this](const httplib::Request&, httplib::Response&) { m_server->hang(); });
  DownstreamPoller poller(poller_config(), https(), *m_bundles, sink);
  poller.start();
  ASSERT_TRUE(wait_until([&] { return !m_server->bundle_requests().empty(); }, k_wait));
  std::atomic<bool> stopped{false};
  std::thread stopper([&] {
    poller.stop();
    stopped = true;
  });
  // Generous for a loaded machine; the request's own timeout is 10 s.
  EXPECT_TRUE(wait_until([&] { return stopped.load(); }, milliseconds{5'000}));
  stopper.join();
}

TEST_F(DownstreamTest, InvalidSubscriptionsAreRefused) {
  KioskStore kiosk(m_dir.path());
  StoreComplaintStatusSink sink(kiosk.path());
  auto config = poller_config();
  config.bundles = {{"config", "br-001"}, {"config", "br-001"}};
  EXPECT_THROW(DownstreamPoller(config, https(), *m_bundles, sink), std::invalid_argument);
  config.bundles = {{"Config!", "br-001"}};
  EXPECT_THROW(DownstreamPoller(config, https(), *m_bundles, sink), std::invalid_argument);
  EXPECT_EQ(validate_subscriptions({{"surveys", "all"}, {"config", "br-001"}}), "");
}

}  // namespace
}  // namespace kiosk::sync

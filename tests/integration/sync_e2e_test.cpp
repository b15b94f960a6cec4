// Issue 5 end to end: real kiosks (tests/integration/support/sync_kiosk_driver.cpp, the real OutboxDrainer
// and transports in their own process), a real mosquitto (TLS, client certificates, ACL, persistence) and
// the real headoffice-ingest on loopback. Every case ends with the same proof: the set of event ids in head
// office's database equals the set in the kiosk's outbox (every row confirmed), every id the driver
// reported committed is among them, and nothing is stored twice - whatever was killed on the way.
// Every wait is bounded by a deadline.
#include <httplib.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <ctime>
#include <fstream>
#include <functional>
#include <map>
#include <mutex>
#include <set>
#include <sstream>
#include <thread>

#include "child_process.hpp"
#include "domain/event.hpp"
#include "free_port.hpp"
#include "headoffice/central_db.hpp"
#include "headoffice/registry.hpp"
#include "mosquitto_broker.hpp"
#include "store/database.hpp"
#include "store/statement.hpp"
#include "tcp_relay.hpp"
#include "temp_dir.hpp"
#include "test_pki.hpp"

namespace kiosk::test {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

// Generous: CI runs this under ASan on two busy cores.
constexpr auto k_drain_timeout = 240s;
constexpr auto k_step_timeout = 90s;

std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<std::string> lines_with_prefix(const std::filesystem::path& path, std::string_view prefix) {
  std::vector<std::string> found;
  std::istringstream text(read_text(path));
  for (std::string line; std::getline(text, line);) {
    if (line.starts_with(prefix)) {
      found.push_back(line.substr(prefix.size()));
    }
  }
  return found;
}

bool wait_until(const std::function<bool()>& done, std::chrono::milliseconds timeout) {
  const auto deadline = Clock::now() + timeout;
  while (Clock::now() < deadline) {
    if (done()) {
      return true;
    }
    std::this_thread::sleep_for(50ms);
  }
  return done();
}

struct KioskSide {
  std::string kiosk;
  std::string branch;
  std::filesystem::path db;
};

// What head office holds for one kiosk.
struct HeadOfficeView {
  std::set<std::string> ids;
  std::int64_t rows = 0;
  std::int64_t distinct_seqs = 0;
};

// What the kiosk's outbox holds.
struct KioskView {
  std::set<std::string> ids;
  std::int64_t rows = 0;
  std::int64_t unconfirmed = 0;  // anything not confirmed (pending, sent, quarantined)
};

class SyncE2eTest : public ::testing::Test {
 protected:
  void SetUp() override {
    m_broker.start();
    {
      auto db = headoffice::open_central_db(m_ho_db);
      headoffice::KioskRegistry registry(db);
      registry.register_kiosk(m_k1.kiosk, m_k1.branch);
      registry.register_kiosk(m_k2.kiosk, m_k2.branch);
    }
    m_https_port = free_port();
    ASSERT_TRUE(start_receiver(m_receiver, true, "headoffice-ingest-main"));
  }

  void TearDown() override {
    m_receiver.stop();
    m_worker.stop();
    m_broker.stop();
  }

  // Starts `serve` and waits until its MQTT side is connected (and its HTTPS side accepts, with `https`).
  ::testing::AssertionResult start_receiver(ChildProcess& process, bool https, const std::string& client_id,
                                            std::string mqtt_uri = {}) {
    if (mqtt_uri.empty()) {
      mqtt_uri = m_broker.uri();
    }
    const auto log = m_dir / ("receiver-" + std::to_string(++m_logs) + ".log");
    std::vector<std::string> args{HEADOFFICE_INGEST_BIN,
                                  "serve",
                                  "--mqtt",
                                  mqtt_uri,
                                  "--db",
                                  m_ho_db.string(),
                                  "--tls-dir",
                                  m_pki.dir().string(),
                                  "--client-id",
                                  client_id,
                                  "--reorder-timeout-ms",
                                  "2000"};
    if (https) {
      args.insert(args.end(), {"--https", "127.0.0.1:" + std::to_string(m_https_port)});
    }
    process.start(args, log);
    const bool up = wait_until(
        [&] {
          return process.exited() || ((!https || port_accepts(m_https_port)) &&
                                      read_text(log).find("mqtt: connected") != std::string::npos);
        },
        30s);
    if (up && !process.exited()) {
      return ::testing::AssertionSuccess();
    }
    return ::testing::AssertionFailure() << "headoffice-ingest did not come up: " << read_text(log);
  }

  std::string https_url(int port) const { return "https://localhost:" + std::to_string(port); }

  // Starts the driver for `side`; returns its log. `extra` adds or overrides options.
  std::filesystem::path start_driver(ChildProcess& process, const KioskSide& side,
                                     const std::vector<std::string>& extra) {
    const auto log = m_dir / (side.kiosk + "-driver-" + std::to_string(++m_logs) + ".log");
    std::vector<std::string> args{SYNC_KIOSK_DRIVER_BIN,
                                  "--db",
                                  side.db.string(),
                                  "--kiosk",
                                  side.kiosk,
                                  "--branch",
                                  side.branch,
                                  "--pki",
                                  m_pki.dir().string(),
                                  "--mqtt",
                                  m_broker.uri(),
                                  "--https",
                                  https_url(m_https_port),
                                  "--ack-timeout-ms",
                                  "4000",
                                  "--timeout-s",
                                  std::to_string(k_drain_timeout.count())};
    args.insert(args.end(), extra.begin(), extra.end());
    process.start(args, log);
    return log;
  }

  // Waits for the driver to exit and says whether it reported a full drain.
  ::testing::AssertionResult finished_drained(ChildProcess& process, const std::filesystem::path& log) {
    if (!process.wait_exit(k_drain_timeout + 30s)) {
      process.kill9();
      return ::testing::AssertionFailure() << "driver did not exit; log:\n" << tail(log);
    }
    if (lines_with_prefix(log, "drained ").empty()) {
      return ::testing::AssertionFailure() << "driver did not drain; log:\n" << tail(log);
    }
    return ::testing::AssertionSuccess();
  }

  static std::string tail(const std::filesystem::path& log, std::size_t chars = 4'000) {
    const std::string text = read_text(log);
    return text.size() <= chars ? text : text.substr(text.size() - chars);
  }

  HeadOfficeView head_office(const std::string& kiosk) {
    HeadOfficeView view;
    auto db = headoffice::open_central_db_read_only(m_ho_db);
    store::Statement ids(db, "SELECT id FROM events WHERE kiosk = ?");
    ids.bind_text(1, kiosk);
    while (ids.step()) {
      view.ids.insert(ids.column_text(0));
    }
    store::Statement counts(db, "SELECT COUNT(*), COUNT(DISTINCT seq) FROM events WHERE kiosk = ?");
    counts.bind_text(1, kiosk);
    counts.step();
    view.rows = counts.column_int64(0);
    view.distinct_seqs = counts.column_int64(1);
    return view;
  }

  std::int64_t head_office_rows(const std::string& kiosk) { return head_office(kiosk).rows; }

  static KioskView kiosk_outbox(const std::filesystem::path& db_file) {
    KioskView view;
    store::Database db(db_file, store::OpenMode::read_only);
    store::Statement ids(db, "SELECT id, state FROM outbox");
    while (ids.step()) {
      view.ids.insert(ids.column_text(0));
      ++view.rows;
      if (ids.column_text(1) != "confirmed") {
        ++view.unconfirmed;
      }
    }
    return view;
  }

  // The proof every case ends with.
  void expect_exactly_once(const KioskSide& side, const std::vector<std::string>& committed,
                           std::size_t expected_rows) {
    SCOPED_TRACE(side.kiosk);
    const KioskView kiosk = kiosk_outbox(side.db);
    const HeadOfficeView ho = head_office(side.kiosk);
    EXPECT_EQ(kiosk.unconfirmed, 0) << "rows the kiosk still holds unconfirmed";
    EXPECT_EQ(kiosk.rows, static_cast<std::int64_t>(kiosk.ids.size()));
    EXPECT_EQ(kiosk.ids.size(), expected_rows);
    // Every event the kiosk confirmed to a customer reached head office.
    const std::set<std::string> committed_set(committed.begin(), committed.end());
    EXPECT_EQ(committed_set.size(), committed.size()) << "the driver reported an id twice";
    std::vector<std::string> missing;
    std::set_difference(committed_set.begin(), committed_set.end(), ho.ids.begin(), ho.ids.end(),
                        std::back_inserter(missing));
    EXPECT_TRUE(missing.empty()) << missing.size() << " committed events missing at head office, e.g. "
                                 << (missing.empty() ? "" : missing.front());
    // Head office holds exactly the kiosk's events, each once, each seq once.
    EXPECT_EQ(ho.ids, kiosk.ids);
    EXPECT_EQ(ho.rows, static_cast<std::int64_t>(ho.ids.size()));
    EXPECT_EQ(ho.distinct_seqs, ho.rows);
  }

  // A fault proves something only while the kiosk still has events on their way.
  void expect_mid_drain(const std::string& kiosk, std::int64_t total) {
    EXPECT_LT(head_office_rows(kiosk), total) << "the fault came after the drain had finished";
  }

  static std::size_t occurrences(const std::filesystem::path& log, std::string_view text) {
    const std::string all = read_text(log);
    std::size_t count = 0;
    for (auto at = all.find(text); at != std::string::npos; at = all.find(text, at + text.size())) {
      ++count;
    }
    return count;
  }

  const TestPki& m_pki = TestPki::instance();
  TempDir m_dir{"sync-e2e"};
  MosquittoBroker m_broker{m_pki};
  std::filesystem::path m_ho_db = m_dir / "ho.sqlite";
  int m_https_port = 0;
  int m_logs = 0;
  ChildProcess m_receiver;
  ChildProcess m_worker;  // a second shared-subscription worker, where a case needs one
  KioskSide m_k1{"kiosk-01", "br-001", m_dir / "kiosk-01.sqlite"};
  KioskSide m_k2{"kiosk-02", "br-002", m_dir / "kiosk-02.sqlite"};
};

TEST_F(SyncE2eTest, TwoKiosksTenThousandEventsArriveExactlyOnce) {
  constexpr int per_kiosk = 5'000;
  const std::vector<std::string> mix{
      "--append", std::to_string(per_kiosk), "--per-tx", "10", "--sealed-every",
      "13",       "--telemetry-every",       "17"};
  ChildProcess k1;
  ChildProcess k2;
  const auto log1 = start_driver(k1, m_k1, mix);
  const auto log2 = start_driver(k2, m_k2, mix);
  ASSERT_TRUE(finished_drained(k1, log1));
  ASSERT_TRUE(finished_drained(k2, log2));
  const auto committed1 = lines_with_prefix(log1, "committed ");
  const auto committed2 = lines_with_prefix(log2, "committed ");
  EXPECT_EQ(committed1.size(), static_cast<std::size_t>(per_kiosk));
  EXPECT_EQ(committed2.size(), static_cast<std::size_t>(per_kiosk));
  expect_exactly_once(m_k1, committed1, per_kiosk);
  expect_exactly_once(m_k2, committed2, per_kiosk);
  EXPECT_EQ(head_office_rows(m_k1.kiosk) + head_office_rows(m_k2.kiosk), 2 * per_kiosk);
}

TEST_F(SyncE2eTest, BrokerKilledMidDrainLosesNothing) {
  ChildProcess driver;
  const auto log =
      start_driver(driver, m_k1, {"--append", "1500", "--per-tx", "5", "--append-pause-ms", "5"});
  ASSERT_TRUE(wait_until([&] { return head_office_rows(m_k1.kiosk) >= 200; }, k_step_timeout)) << tail(log);
  expect_mid_drain(m_k1.kiosk, 1500);
  m_broker.kill9();
  std::this_thread::sleep_for(1s);
  m_broker.start();
  ASSERT_TRUE(wait_until([&] { return head_office_rows(m_k1.kiosk) >= 900; }, k_step_timeout)) << tail(log);
  expect_mid_drain(m_k1.kiosk, 1500);
  m_broker.kill9();
  std::this_thread::sleep_for(500ms);
  m_broker.start();
  ASSERT_TRUE(finished_drained(driver, log));
  EXPECT_GE(occurrences(log, "sync/mqtt: connected to"), 3U) << "the kiosk did not reconnect twice";
  expect_exactly_once(m_k1, lines_with_prefix(log, "committed "), 1500);
}

TEST_F(SyncE2eTest, BrokerRestartedGracefullyMidDrainLosesNothing) {
  ChildProcess driver;
  const auto log =
      start_driver(driver, m_k1, {"--append", "1000", "--per-tx", "5", "--append-pause-ms", "5"});
  ASSERT_TRUE(wait_until([&] { return head_office_rows(m_k1.kiosk) >= 200; }, k_step_timeout)) << tail(log);
  expect_mid_drain(m_k1.kiosk, 1000);
  m_broker.stop();
  std::this_thread::sleep_for(1s);
  m_broker.start();
  ASSERT_TRUE(finished_drained(driver, log));
  EXPECT_GE(occurrences(log, "sync/mqtt: connected to"), 2U) << "the kiosk did not reconnect";
  expect_exactly_once(m_k1, lines_with_prefix(log, "committed "), 1000);
}

TEST_F(SyncE2eTest, ReceiverKilledMidDrainAndRestartedLosesNothing) {
  ChildProcess driver;
  const auto log =
      start_driver(driver, m_k1, {"--append", "1500", "--per-tx", "5", "--append-pause-ms", "5"});
  // Each kill -9 lands somewhere in ingest: before a commit, between a commit and its ack, or idle.
  for (const std::int64_t threshold : {150, 600, 1100}) {
    ASSERT_TRUE(wait_until([&] { return head_office_rows(m_k1.kiosk) >= threshold; }, k_step_timeout))
        << tail(log);
    expect_mid_drain(m_k1.kiosk, 1500);
    m_receiver.kill9();
    std::this_thread::sleep_for(300ms);
    ASSERT_TRUE(start_receiver(m_receiver, true, "headoffice-ingest-main"));
  }
  ASSERT_TRUE(finished_drained(driver, log));
  // Batches published while no receiver was subscribed were PUBACKed and lost; only resends got them in.
  EXPECT_GE(occurrences(log, "no ack within"), 1U);
  expect_exactly_once(m_k1, lines_with_prefix(log, "committed "), 1500);
}

TEST_F(SyncE2eTest, ReceiverKilledBetweenItsCommitAndItsAckLosesNothing) {
  // The receiver reaches the broker through a relay. Once the relay drops everything the receiver sends,
  // batches still come in and are committed, but no ack (nor PUBACK) gets out; then the receiver dies.
  m_receiver.stop();
  TcpRelay relay(m_broker.port());
  ASSERT_TRUE(start_receiver(m_receiver, true, "headoffice-ingest-main",
                             "ssl://localhost:" + std::to_string(relay.port())));
  ChildProcess driver;
  const auto log = start_driver(driver, m_k1, {"--append", "800", "--per-tx", "5", "--append-pause-ms", "5"});
  ASSERT_TRUE(wait_until([&] { return head_office_rows(m_k1.kiosk) >= 100; }, k_step_timeout)) << tail(log);
  relay.drop_upstream(true);
  const auto rows_before = head_office_rows(m_k1.kiosk);
  ASSERT_TRUE(wait_until([&] { return head_office_rows(m_k1.kiosk) >= rows_before + 20; }, k_step_timeout))
      << "no commits while acks were blocked";
  expect_mid_drain(m_k1.kiosk, 800);
  m_receiver.kill9();
  EXPECT_GT(relay.dropped_bytes(), 0U);
  ASSERT_TRUE(start_receiver(m_receiver, true, "headoffice-ingest-main"));
  ASSERT_TRUE(finished_drained(driver, log));
  expect_exactly_once(m_k1, lines_with_prefix(log, "committed "), 800);
}

TEST_F(SyncE2eTest, ReceiverDownWhileKioskPublishesLosesNothing) {
  // With the receiver gone its shared subscription is gone too: the broker PUBACKs every batch and keeps
  // none of them. Only the kiosk's ack timeout brings them back.
  m_receiver.stop();
  ChildProcess driver;
  const auto log = start_driver(driver, m_k1, {"--append", "1200", "--per-tx", "20"});
  ASSERT_TRUE(wait_until([&] { return !lines_with_prefix(log, "appended ").empty(); }, k_step_timeout))
      << tail(log);
  ASSERT_TRUE(
      wait_until([&] { return kiosk_outbox(m_k1.db).rows == 1200 && head_office_rows(m_k1.kiosk) == 0; },
                 k_step_timeout));
  std::this_thread::sleep_for(3s);  // batches go out to nobody and get PUBACKed
  EXPECT_EQ(head_office_rows(m_k1.kiosk), 0);
  ASSERT_TRUE(start_receiver(m_receiver, true, "headoffice-ingest-main"));
  ASSERT_TRUE(finished_drained(driver, log));
  EXPECT_GE(occurrences(log, "no ack within"), 1U);
  expect_exactly_once(m_k1, lines_with_prefix(log, "committed "), 1200);
}

TEST_F(SyncE2eTest, SharedSubscriptionWorkerKilledLosesNothing) {
  ASSERT_TRUE(start_receiver(m_worker, false, "headoffice-ingest-worker-2"));
  ChildProcess d1;
  ChildProcess d2;
  const auto log1 = start_driver(d1, m_k1, {"--append", "1000", "--per-tx", "5", "--append-pause-ms", "5"});
  const auto log2 = start_driver(d2, m_k2, {"--append", "1000", "--per-tx", "5", "--append-pause-ms", "5"});
  ASSERT_TRUE(wait_until([&] { return head_office_rows(m_k1.kiosk) + head_office_rows(m_k2.kiosk) >= 400; },
                         k_step_timeout));
  EXPECT_LT(head_office_rows(m_k1.kiosk) + head_office_rows(m_k2.kiosk), 2000) << "killed too late";
  m_worker.kill9();  // its in-flight share of the messages is stranded
  ASSERT_TRUE(finished_drained(d1, log1));
  ASSERT_TRUE(finished_drained(d2, log2));
  expect_exactly_once(m_k1, lines_with_prefix(log1, "committed "), 1000);
  expect_exactly_once(m_k2, lines_with_prefix(log2, "committed "), 1000);
}

TEST_F(SyncE2eTest, KioskKilledRightAfterConfirmingAndMidPublishTwentyTimes) {
  constexpr int rounds = 20;
  constexpr int per_round = 40;
  std::vector<std::string> committed;
  for (int round = 0; round < rounds; ++round) {
    SCOPED_TRACE("round " + std::to_string(round));
    ChildProcess driver;
    const auto log = start_driver(driver, m_k1,
                                  {"--append", std::to_string(per_round), "--per-tx", "2",
                                   "--append-pause-ms", "10", "--sealed-every", "5"});
    // Kill right after the k-th customer confirmation, at a different point of the drain each round.
    const std::size_t kill_after = static_cast<std::size_t>(1 + (round * 7) % (per_round - 1));
    ASSERT_TRUE(wait_until(
        [&] { return lines_with_prefix(log, "committed ").size() >= kill_after || driver.exited(); },
        k_step_timeout))
        << tail(log);
    driver.kill9();
    const auto seen = lines_with_prefix(log, "committed ");
    ASSERT_GE(seen.size(), kill_after) << tail(log);
    committed.insert(committed.end(), seen.begin(), seen.end());
  }
  // The last run appends nothing and drains what the killed runs left behind.
  ChildProcess driver;
  const auto log = start_driver(driver, m_k1, {});
  ASSERT_TRUE(finished_drained(driver, log));
  const std::size_t stored = kiosk_outbox(m_k1.db).ids.size();
  EXPECT_GE(stored, committed.size());
  expect_exactly_once(m_k1, committed, stored);
}

TEST_F(SyncE2eTest, FallbackSwitchesMqttToHttpsAndBackLosingNothing) {
  ChildProcess driver;
  const auto log = start_driver(driver, m_k1,
                                {"--policy", "fallback", "--mqtt-down-ms", "1000", "--append", "2000",
                                 "--per-tx", "4", "--append-pause-ms", "15"});
  ASSERT_TRUE(wait_until([&] { return head_office_rows(m_k1.kiosk) >= 100; }, k_step_timeout)) << tail(log);
  ASSERT_FALSE(lines_with_prefix(log, "active mqtt").empty()) << tail(log);
  m_broker.stop();
  ASSERT_TRUE(wait_until([&] { return !lines_with_prefix(log, "active https").empty(); }, k_step_timeout))
      << tail(log);
  const auto rows_at_switch = head_office_rows(m_k1.kiosk);
  ASSERT_TRUE(
      wait_until([&] { return head_office_rows(m_k1.kiosk) >= rows_at_switch + 100; }, k_step_timeout))
      << "nothing arrived over HTTPS: " << tail(log);
  m_broker.start();
  ASSERT_TRUE(finished_drained(driver, log));
  const auto active = lines_with_prefix(log, "active ");
  const auto https_at = std::find(active.begin(), active.end(), "https");
  ASSERT_NE(https_at, active.end());
  EXPECT_NE(std::find(https_at, active.end(), "mqtt"), active.end())
      << "batches never went back to MQTT; paths: " << tail(log);
  expect_exactly_once(m_k1, lines_with_prefix(log, "committed "), 2000);
}

// An HTTPS front for one kiosk: answers the first requests from a script (500, 429 + Retry-After in
// seconds, 429 + Retry-After as an HTTP-date, a hang), then forwards to the real receiver with the
// kiosk's certificate.
class ScriptedFront {
 public:
  enum class Step { server_error, retry_after_seconds, retry_after_date, hang };

  ScriptedFront(const TestPki& pki, int receiver_port, const std::string& kiosk, std::vector<Step> script)
      : m_server((pki.dir() / "headoffice.crt").c_str(), (pki.dir() / "headoffice.key").c_str(),
                 (pki.dir() / "ca.crt").c_str()),
        m_receiver("localhost", receiver_port, (pki.dir() / (kiosk + ".crt")).string(),
                   (pki.dir() / (kiosk + ".key")).string()),
        m_script(std::move(script)) {
    m_receiver.set_ca_cert_path((pki.dir() / "ca.crt").string());
    m_receiver.enable_server_certificate_verification(true);
    m_receiver.set_connection_timeout(5, 0);
    m_receiver.set_read_timeout(20, 0);
    m_server.Post("/v1/events", [this](const httplib::Request& request, httplib::Response& response) {
      answer(request, response);
    });
    m_port = m_server.bind_to_any_port("127.0.0.1");
    m_thread = std::thread([this] { m_server.listen_after_bind(); });
    wait_until([this] { return m_server.is_running(); }, 10s);
  }

  ~ScriptedFront() {
    {
      std::lock_guard lock(m_mutex);
      m_released = true;
    }
    m_release.notify_all();
    m_server.stop();
    m_thread.join();
  }

  int port() const { return m_port; }
  std::vector<Clock::time_point> request_times() const {
    std::lock_guard lock(m_mutex);
    return m_times;
  }

 private:
  static std::string http_date(std::chrono::system_clock::time_point at) {
    const std::time_t t = std::chrono::system_clock::to_time_t(at);
    std::tm utc{};
    ::gmtime_r(&t, &utc);
    char text[64];
    std::strftime(text, sizeof(text), "%a, %d %b %Y %H:%M:%S GMT", &utc);
    return text;
  }

  void answer(const httplib::Request& request, httplib::Response& response) {
    std::optional<Step> step;
    {
      std::lock_guard lock(m_mutex);
      m_times.push_back(Clock::now());
      if (m_next < m_script.size()) {
        step = m_script[m_next++];
      }
    }
    if (!step) {
      forward(request, response);
      return;
    }
    switch (*step) {
      case Step::server_error:
        response.status = 500;
        response.set_content("scripted failure", "text/plain");
        return;
      case Step::retry_after_seconds:
        response.status = 429;
        response.set_header("Retry-After", "2");
        return;
      case Step::retry_after_date:
        response.status = 429;
        response.set_header("Retry-After", http_date(std::chrono::system_clock::now() + 3s));
        return;
      case Step::hang: {
        std::unique_lock lock(m_mutex);
        m_release.wait_for(lock, 15s, [this] { return m_released; });
        response.status = 503;
        return;
      }
    }
  }

  void forward(const httplib::Request& request, httplib::Response& response) {
    std::lock_guard lock(m_forward_mutex);  // one client connection, one request at a time
    auto result =
        m_receiver.Post("/v1/events", {{"Idempotency-Key", request.get_header_value("Idempotency-Key")}},
                        request.body, "application/json");
    if (!result) {
      response.status = 502;
      return;
    }
    response.status = result->status;
    response.set_content(result->body, "application/json");
  }

  httplib::SSLServer m_server;
  httplib::SSLClient m_receiver;
  std::vector<Step> m_script;
  int m_port = -1;
  std::thread m_thread;
  mutable std::mutex m_mutex;
  std::mutex m_forward_mutex;
  std::condition_variable m_release;
  bool m_released = false;
  std::size_t m_next = 0;
  std::vector<Clock::time_point> m_times;
};

TEST_F(SyncE2eTest, HttpsServerErrorsRetryAfterAndAHangLoseNothing) {
  using Step = ScriptedFront::Step;
  ScriptedFront front(m_pki, m_https_port, m_k2.kiosk,
                      {Step::server_error, Step::retry_after_seconds, Step::retry_after_date, Step::hang,
                       Step::server_error});
  ASSERT_GT(front.port(), 0);
  ChildProcess driver;
  const auto log =
      start_driver(driver, m_k2,
                   {"--policy", "https", "--https", https_url(front.port()), "--https-timeout-ms", "3000",
                    "--append", "600", "--per-tx", "5", "--sealed-every", "9"});
  ASSERT_TRUE(finished_drained(driver, log));
  expect_exactly_once(m_k2, lines_with_prefix(log, "committed "), 600);

  const auto times = front.request_times();
  ASSERT_GE(times.size(), 6U);
  // Retry-After is honoured (lower bounds only: a busy machine may always be slower).
  EXPECT_GE(times[2] - times[1], 1500ms) << "Retry-After: 2 (seconds form) not honoured";
  EXPECT_GE(times[3] - times[2], 1000ms) << "Retry-After as an HTTP-date not honoured";
}

TEST_F(SyncE2eTest, WrongKioskClocksStillSyncExactlyOnce) {
  constexpr std::int64_t day = 24 * 3600;
  constexpr std::int64_t year = 365 * day;
  const auto now = std::chrono::system_clock::now();
  // Each kiosk runs twice on the same store, its clock wrong one way and then the other.
  struct Run {
    const KioskSide* side;
    std::int64_t offset;
  };
  std::map<std::string, std::vector<std::string>> committed;
  for (const auto& [first, second] :
       {std::pair{Run{&m_k1, -day}, Run{&m_k2, year}}, std::pair{Run{&m_k1, year}, Run{&m_k2, -year}}}) {
    ChildProcess d1;
    ChildProcess d2;
    const auto log1 =
        start_driver(d1, *first.side,
                     {"--append", "150", "--per-tx", "3", "--clock-offset-s", std::to_string(first.offset)});
    const auto log2 =
        start_driver(d2, *second.side,
                     {"--append", "150", "--per-tx", "3", "--clock-offset-s", std::to_string(second.offset)});
    ASSERT_TRUE(finished_drained(d1, log1));
    ASSERT_TRUE(finished_drained(d2, log2));
    for (const auto& [side, log] : {std::pair{first.side, log1}, std::pair{second.side, log2}}) {
      const auto ids = lines_with_prefix(log, "committed ");
      committed[side->kiosk].insert(committed[side->kiosk].end(), ids.begin(), ids.end());
    }
  }
  expect_exactly_once(m_k1, committed[m_k1.kiosk], 300);
  expect_exactly_once(m_k2, committed[m_k2.kiosk], 300);

  // Head office kept the device times as sent (it orders by seq, never by them).
  auto db = headoffice::open_central_db_read_only(m_ho_db);
  store::Statement times(db, "SELECT kiosk, at FROM events");
  std::map<std::string, int> far_off;
  while (times.step()) {
    const auto at = domain::parse_rfc3339_utc(times.column_text(1));
    ASSERT_TRUE(at) << times.column_text(1);
    if (std::chrono::abs(*at - now) > std::chrono::hours(23)) {
      ++far_off[times.column_text(0)];
    }
  }
  EXPECT_EQ(far_off[m_k1.kiosk], 300);
  EXPECT_EQ(far_off[m_k2.kiosk], 300);
}

}  // namespace
}  // namespace kiosk::test

// The real kiosk binary, configured with [sync], delivering what customers did to the real head office:
// synthetic customers fill the store (`simulate`), then `run --headless --until-synced` drains it through a
// real mosquitto (TLS, client certificates, ACL) or HTTPS into a real headoffice-ingest. Head office must
// hold exactly the kiosk's events - same ids, none twice - with complaint texts readable (sealed on the
// kiosk, opened by its sync thread, carried over mutual TLS). With head office unreachable the kiosk runs
// on and keeps everything. Every wait is bounded.
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <set>
#include <sstream>
#include <thread>

#include "child_process.hpp"
#include "free_port.hpp"
#include "head_office_process.hpp"
#include "mosquitto_broker.hpp"
#include "store/database.hpp"
#include "store/statement.hpp"
#include "temp_dir.hpp"
#include "test_pki.hpp"

namespace kiosk::test {
namespace {

using namespace std::chrono_literals;

std::string read_text(const std::filesystem::path& path) {
  return read_log(path);
}

std::set<std::string> ids(const std::filesystem::path& db_file, const std::string& sql) {
  store::Database db(db_file, store::OpenMode::read_only);
  store::Statement query(db, sql);
  std::set<std::string> result;
  while (query.step()) {
    result.insert(query.column_text(0));
  }
  return result;
}

std::int64_t count(const std::filesystem::path& db_file, const std::string& sql) {
  store::Database db(db_file, store::OpenMode::read_only);
  store::Statement query(db, sql);
  query.step();
  return query.column_int64(0);
}

class KioskSyncTest : public ::testing::Test {
 protected:
  void SetUp() override {
    m_broker.start();
    m_head_office.start(m_broker, m_pki);
  }

  void TearDown() override {
    m_head_office.stop();
    m_broker.stop();
  }

  // A kiosk config for this test's head office; `sync_lines` go under [sync].
  std::filesystem::path write_config(const std::string& name, const std::string& sync_lines) {
    const auto file = m_dir / name;
    std::ofstream out(file);
    out << "[kiosk]\nbranch_id = \"br-001\"\nkiosk_id = \"kiosk-01\"\n"
        << "[languages]\ndefault = \"en\"\nenabled = [\"en\"]\n"
        << "[display]\nmode = \"headless\"\nwidth = 1024\nheight = 768\n"
        << "[sync]\n"
        << sync_lines << "ca_file = \"" << (m_pki.dir() / "ca.crt").string() << "\"\n"
        << "cert_file = \"" << (m_pki.dir() / "kiosk-01.crt").string() << "\"\n"
        << "key_file = \"" << (m_pki.dir() / "kiosk-01.key").string() << "\"\n"
        << "ack_timeout_seconds = 10\n";
    return file;
  }

  // Runs the kiosk binary to its end (bounded); returns its exit code, output in `log`.
  int run_kiosk(const std::vector<std::string>& args, const std::filesystem::path& log,
                std::chrono::seconds limit) {
    ChildProcess kiosk;
    std::vector<std::string> argv{KIOSK_BINARY};
    argv.insert(argv.end(), args.begin(), args.end());
    kiosk.start(argv, log);
    const auto deadline = std::chrono::steady_clock::now() + limit;
    while (std::chrono::steady_clock::now() < deadline) {
      int status = 0;
      const pid_t pid = kiosk.pid();
      if (::waitpid(pid, &status, WNOHANG) == pid) {
        return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
      }
      std::this_thread::sleep_for(50ms);
    }
    kiosk.kill9();
    ADD_FAILURE() << "branch-kiosk did not finish within " << limit.count() << " s: " << read_text(log);
    return -1;
  }

  // Synthetic customers fill the kiosk's store; sync is off during the simulation.
  void simulate_customers(const std::filesystem::path& config) {
    const auto log = m_dir / "simulate.log";
    ASSERT_EQ(run_kiosk({"simulate", "--sessions", "6", "--seed", "4", "--config", config.string(),
                         "--data-dir", m_data.string()},
                        log, 600s),
              0)
        << read_text(log);
    ASSERT_GT(count(m_kiosk_db, "SELECT count(*) FROM outbox"), 0) << read_text(log);
    ASSERT_GT(count(m_kiosk_db, "SELECT count(*) FROM outbox WHERE type = 'complaint.submitted'"), 0)
        << "the seed must produce a complaint: " << read_text(log);
  }

  // The kiosk runs headless with sync until head office has confirmed everything (bounded).
  void drain_until_synced(const std::filesystem::path& config, const std::string& transport) {
    const auto log = m_dir / "run.log";
    ASSERT_EQ(run_kiosk({"run", "--headless", "--until-synced", "--duration", "240", "--config",
                         config.string(), "--data-dir", m_data.string()},
                        log, 300s),
              0)
        << read_text(log);
    EXPECT_NE(read_text(log).find("Sync: " + transport + ", connected, backlog 0"), std::string::npos)
        << read_text(log);
  }

  void expect_head_office_holds_exactly_the_kiosks_events() {
    const auto kiosk_ids = ids(m_kiosk_db, "SELECT id FROM outbox");
    const auto ho_ids = ids(m_ho_db, "SELECT id FROM events WHERE kiosk = 'kiosk-01'");
    EXPECT_EQ(ho_ids, kiosk_ids);
    EXPECT_EQ(count(m_ho_db, "SELECT count(*) FROM events"), static_cast<std::int64_t>(kiosk_ids.size()));
    EXPECT_EQ(count(m_kiosk_db, "SELECT count(*) FROM outbox WHERE state <> 'confirmed'"), 0);
    EXPECT_EQ(count(m_ho_db, "SELECT count(*) FROM events WHERE branch <> 'br-001'"), 0);
    // The complaint reached head office opened: its text is there, not the kiosk's sealed bytes.
    EXPECT_GT(count(m_ho_db,
                    "SELECT count(*) FROM events WHERE type = 'complaint.submitted' "
                    "AND length(json_extract(data, '$.description')) > 0"),
              0);
  }

  const TestPki& m_pki = TestPki::instance();
  TempDir m_dir{"kiosk-sync"};
  std::filesystem::path m_data = m_dir / "data";
  std::filesystem::path m_kiosk_db = m_data / "kiosk.db";
  MosquittoBroker m_broker{m_pki};
  std::filesystem::path m_ho_db = m_dir / "ho.sqlite";
  HeadOfficeProcess m_head_office{m_ho_db, m_dir / "receiver.log", {{"kiosk-01", "br-001"}}};
};

TEST_F(KioskSyncTest, EveryCustomerEventReachesHeadOfficeOnceOverMqtt) {
  const auto config = write_config("mqtt.toml", "policy = \"mqtt\"\nmqtt_url = \"" + m_broker.uri() + "\"\n");
  simulate_customers(config);
  drain_until_synced(config, "mqtt");
  expect_head_office_holds_exactly_the_kiosks_events();
}

TEST_F(KioskSyncTest, EveryCustomerEventReachesHeadOfficeOnceOverHttps) {
  const auto config = write_config("https.toml", "policy = \"https\"\nhttps_url = \"https://localhost:" +
                                                     std::to_string(m_head_office.https_port()) + "\"\n");
  simulate_customers(config);
  drain_until_synced(config, "https");
  expect_head_office_holds_exactly_the_kiosks_events();
}

TEST_F(KioskSyncTest, WithHeadOfficeUnreachableTheKioskRunsAndKeepsEveryEvent) {
  const auto config = write_config(
      "dead.toml", "policy = \"mqtt\"\nmqtt_url = \"ssl://localhost:" + std::to_string(free_port()) + "\"\n");
  simulate_customers(config);
  const auto before = count(m_kiosk_db, "SELECT count(*) FROM outbox WHERE state = 'pending'");
  const auto log = m_dir / "run.log";
  ASSERT_EQ(run_kiosk({"run", "--headless", "--duration", "3", "--config", config.string(), "--data-dir",
                       m_data.string()},
                      log, 300s),
            0)
      << read_text(log);
  EXPECT_NE(read_text(log).find("Sync: mqtt, not connected, backlog " + std::to_string(before)),
            std::string::npos)
      << read_text(log);
  EXPECT_EQ(count(m_kiosk_db, "SELECT count(*) FROM outbox WHERE state = 'pending'"), before);
  EXPECT_EQ(count(m_ho_db, "SELECT count(*) FROM events"), 0);
}

TEST_F(KioskSyncTest, MissingCertificateLeavesSyncOffAndSaysWhy) {
  const auto config = m_dir / "nocert.toml";
  {
    std::ofstream out(config);
    out << "[kiosk]\nbranch_id = \"br-001\"\nkiosk_id = \"kiosk-01\"\n"
        << "[languages]\ndefault = \"en\"\nenabled = [\"en\"]\n"
        << "[display]\nmode = \"headless\"\nwidth = 1024\nheight = 768\n"
        << "[sync]\npolicy = \"mqtt\"\nmqtt_url = \"" << m_broker.uri() << "\"\n"
        << "cert_file = \"no-such.crt\"\n";
  }
  const auto log = m_dir / "run.log";
  ASSERT_EQ(
      run_kiosk({"run", "--headless", "--config", config.string(), "--data-dir", m_data.string()}, log, 300s),
      0)
      << read_text(log);
  const auto output = read_text(log);
  EXPECT_NE(output.find("sync not started: CA file"), std::string::npos) << output;
  EXPECT_NE(output.find("Sync: not running"), std::string::npos) << output;
}

}  // namespace
}  // namespace kiosk::test

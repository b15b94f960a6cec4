// Downstream through the real kiosk binary: `branch-kiosk run --headless` with [sync] bundle keys, against
// the real headoffice-ingest and a real mosquitto (TLS, client certificates, ACL) on loopback. Head office
// publishes a survey bundle (fetched at the kiosk's first round), a services bundle and a "You said, we did"
// announcements bundle for the branch (announced by their retained MQTT pointers while the kiosk runs),
// and records a complaint status change for a complaint the kiosk filed and delivered itself. The running
// kiosk must put the bundles into use on its UI thread, store the status where the desk reads it (a
// customer's lookup shows it on status_result), show the announcement on the attract screen's view-model
// (through the same start path as the binary: cli::stored_content), and, restarted with head office out of
// reach, start with the content head office sent. A config bundle (issue 5) is applied, survives a restart,
// and one carrying a key that is not runtime-safe is refused with the key named. Bounded waits.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <chrono>
#include <fstream>
#include <sstream>
#include <thread>

#include "app/catalogs.hpp"
#include "app/config.hpp"
#include "app/kiosk_app.hpp"
#include "app/kiosk_services.hpp"
#include "app/runtime_config.hpp"
#include "child_process.hpp"
#include "cli/downstream.hpp"
#include "free_port.hpp"
#include "head_office_process.hpp"
#include "head_office_tools.hpp"
#include "mosquitto_broker.hpp"
#include "platform/clock.hpp"
#include "store/database.hpp"
#include "store/pin_hash.hpp"
#include "store/statement.hpp"
#include "store/store.hpp"
#include "temp_dir.hpp"
#include "test_pki.hpp"

namespace kiosk::test {
namespace {

using namespace std::chrono_literals;

template <typename Predicate>
bool eventually(Predicate done, std::chrono::milliseconds timeout) {
  const auto give_up = std::chrono::steady_clock::now() + timeout;
  while (!done()) {
    if (std::chrono::steady_clock::now() >= give_up)
      return done();
    std::this_thread::sleep_for(100ms);
  }
  return true;
}

std::int64_t count(const std::filesystem::path& db_file, const std::string& sql) {
  if (!std::filesystem::exists(db_file))
    return -1;
  store::Database db(db_file, store::OpenMode::read_only);
  store::Statement query(db, sql);
  query.step();
  return query.column_int64(0);
}

nlohmann::json asset_json(const std::string& relative) {
  std::ifstream in(std::filesystem::path(KIOSK_ASSETS_DIR) / relative);
  std::stringstream text;
  text << in.rdbuf();
  return nlohmann::json::parse(text.str());
}

class KioskDownstreamTest : public ::testing::Test {
 protected:
  void SetUp() override {
    m_broker.start();
    m_head_office.start(m_broker, m_pki);
  }

  void TearDown() override {
    m_kiosk.stop();
    m_head_office.stop();
    m_broker.stop();
  }

  // The kiosk's config; `mqtt_url` and `https_url` say where head office is (or is not).
  std::filesystem::path write_config(const std::string& name, const std::string& mqtt_url,
                                     const std::string& https_url) {
    const auto file = m_dir / name;
    std::ofstream out(file);
    out << "[kiosk]\nbranch_id = \"br-001\"\nkiosk_id = \"kiosk-01\"\n"
        << "[languages]\ndefault = \"en\"\nenabled = [\"en\"]\n"
        << "[display]\nmode = \"headless\"\nwidth = 1024\nheight = 768\n"
        << "[sync]\npolicy = \"mqtt\"\nmqtt_url = \"" << mqtt_url << "\"\nhttps_url = \"" << https_url
        << "\"\n"
        << "ca_file = \"" << m_pki.file("ca.crt").string() << "\"\n"
        << "cert_file = \"" << m_pki.file("kiosk-01.crt").string() << "\"\n"
        << "key_file = \"" << m_pki.file("kiosk-01.key").string() << "\"\n"
        << "bundle_public_keys = [\"" << m_pki.file("bundle-current.pub").string() << "\", \""
        << m_pki.file("bundle-next.pub").string() << "\"]\n"
        << "bundle_poll_seconds = 10\nack_timeout_seconds = 10\n";
    return file;
  }

  app::KioskConfig load(const std::filesystem::path& file) {
    auto result = app::load_config_file(file);
    EXPECT_TRUE(result.ok());
    return result.config.value_or(app::default_config());
  }

  // A customer files a complaint on this kiosk while it is offline: the desk writes it and its event.
  app::ComplaintReceipt file_complaint(const app::KioskConfig& config) {
    store::OpenReport report;
    auto store = store::Store::open(m_kiosk_db, report);
    EXPECT_NE(store, nullptr) << report.message;
    platform::SystemClock clock;
    std::vector<std::string> problems;
    auto services =
        app::make_kiosk_services(store.get(), config, KIOSK_ASSETS_DIR, m_data, clock,
                                 app::LanguageCatalogs::load(KIOSK_ASSETS_DIR "/i18n", {"en"}, problems));
    app::ComplaintSubmission complaint;
    complaint.product_id = "branch_service";
    complaint.issue_id = "wait_time";
    complaint.description = "Waited 40 minutes with two counters closed.";
    complaint.language = "en";
    auto receipt = services.desk->submit_complaint(complaint);
    EXPECT_TRUE(receipt.ok()) << static_cast<int>(receipt.problem);
    return receipt.value.value_or(app::ComplaintReceipt{});
  }

  // headoffice-ingest publish; with `announce` the retained pointer goes out on MQTT.
  void publish(const std::string& kind, const nlohmann::json& payload,
               const std::optional<std::string>& branch, bool announce) {
    const auto output = publish_bundle(m_pki, m_ho_db, m_dir.path(), kind, payload.dump(), branch,
                                       announce ? m_broker.uri() : "");
    ASSERT_NE(output.find("published " + kind), std::string::npos) << output;
  }

  void complaint_status(const std::string& ref, const std::string& status, const std::string& note) {
    const auto output = record_complaint_status(m_ho_db, m_dir.path(), ref, status, note);
    ASSERT_NE(output.find("complaint " + ref + " -> " + status), std::string::npos) << output;
  }

  // Runs the kiosk to its end (bounded); returns its output.
  std::string run_to_end(const std::filesystem::path& config, const std::string& seconds) {
    const auto log = m_dir / "restart.log";
    ChildProcess kiosk;
    kiosk.start({KIOSK_BINARY, "run", "--headless", "--duration", seconds, "--config", config.string(),
                 "--data-dir", m_data.string()},
                log);
    EXPECT_TRUE(kiosk.wait_exit(300s)) << read_log(log);
    return read_log(log);
  }

  const TestPki& m_pki = TestPki::instance();
  TempDir m_dir{"kiosk-downstream"};
  std::filesystem::path m_data = m_dir / "data";
  std::filesystem::path m_kiosk_db = m_data / "kiosk.db";
  MosquittoBroker m_broker{m_pki};
  std::filesystem::path m_ho_db = m_dir / "ho.sqlite";
  HeadOfficeProcess m_head_office{m_ho_db, m_dir / "receiver.log", {{"kiosk-01", "br-001"}}};
  ChildProcess m_kiosk;
};

TEST_F(KioskDownstreamTest, HeadOfficeContentAndComplaintStatusReachTheRunningKioskAndSurviveARestart) {
  const auto config_file = write_config("online.toml", m_broker.uri(),
                                        "https://localhost:" + std::to_string(m_head_office.https_port()));
  const auto config = load(config_file);
  const auto receipt = file_complaint(config);
  ASSERT_FALSE(receipt.reference.empty());

  // A bank-wide survey, published before the kiosk comes up: its first round fetches it.
  auto survey = asset_json("surveys/visit.json");
  survey["title"]["default"] = "Tell us about your visit today";
  publish("surveys", nlohmann::json{{"visit", survey}}, std::nullopt, false);

  const auto log = m_dir / "kiosk.log";
  m_kiosk.start({KIOSK_BINARY, "run", "--headless", "--duration", "240", "--config", config_file.string(),
                 "--data-dir", m_data.string()},
                log);
  // Head office learns of the complaint from the kiosk's own upstream sync; only then can it send status.
  ASSERT_TRUE(eventually(
      [&] { return count(m_ho_db, "SELECT count(*) FROM events WHERE type = 'complaint.submitted'") == 1; },
      120s))
      << read_log(log);
  complaint_status(receipt.reference, "resolved", "Two more counters open at lunchtime from December.");

  // The branch's service catalog, announced by its retained pointer to the running kiosk.
  auto services = asset_json("services/services.json");
  services["services"][0]["name"]["en"] = "Cash, payments and coins";
  publish("services", services, "br-001", true);
  // And a "You said, we did" message for the branch's attract screen.
  auto message = nlohmann::json::object();
  message["id"] = "thursday-hours";
  message["title"] = {{"en", "You said we closed too early"}};
  message["body"] = {{"en", "We are now open until 18:00 on Thursdays."}};
  publish("announcements", nlohmann::json{{"format", 1}, {"announcements", nlohmann::json::array({message})}},
          "br-001", true);

  // The UI thread swaps them in (the kiosk sits on its attract screen: no customer session).
  ASSERT_TRUE(eventually(
      [&] {
        const auto output = read_log(log);
        return output.find("content surveys/all v1 in use") != std::string::npos &&
               output.find("content services/br-001 v1 in use") != std::string::npos &&
               output.find("content announcements/br-001 v1 in use") != std::string::npos;
      },
      120s))
      << read_log(log);
  // The status change is in the kiosk's own store, from head office.
  ASSERT_TRUE(eventually(
      [&] {
        return count(m_kiosk_db,
                     "SELECT count(*) FROM complaint_status_history WHERE status = 'resolved' AND source = "
                     "'headoffice'") == 1;
      },
      120s))
      << read_log(log);
  EXPECT_EQ(count(m_kiosk_db, "SELECT count(*) FROM complaints WHERE status = 'resolved'"), 1);
  m_kiosk.stop();
  EXPECT_EQ(read_log(log).find("not used:"), std::string::npos) << read_log(log);

  // The customer looks the complaint up: status_result shows the resolution and asks about it.
  {
    store::OpenReport report;
    auto store = store::Store::open(m_kiosk_db, report);
    ASSERT_NE(store, nullptr) << report.message;
    platform::SystemClock clock;
    std::vector<std::string> problems;
    app::KioskApp kiosk_app(config, app::LanguageCatalogs::load(KIOSK_ASSETS_DIR "/i18n", {"en"}, problems),
                            clock.steady_now());
    auto desk_services =
        app::make_kiosk_services(store.get(), config, KIOSK_ASSETS_DIR, m_data, clock, kiosk_app.catalogs());
    // As the binary does at start: the bundles it applied and stored come back over the assets.
    ASSERT_GT(desk_services.desk->update_content(cli::stored_content(config, m_data)), 0U);
    desk_services.attach_to(kiosk_app);
    const auto now = clock.steady_now();
    const auto attract = kiosk_app.view_model(now).attract;
    ASSERT_TRUE(attract.announcement.has_value()) << "head office's message is on the attract screen";
    EXPECT_EQ(attract.announcement->title, "You said we closed too early");
    EXPECT_EQ(attract.announcement->body, "We are now open until 18:00 on Thursdays.");
    auto send = [&](app::Intent::Kind kind, std::string argument = {}) {
      app::Intents intents;
      intents.emit(kind, std::move(argument));
      kiosk_app.apply(intents, now);
    };
    send(app::Intent::Kind::start_session);
    send(app::Intent::Kind::open_flow, "status");
    send(app::Intent::Kind::focus_field, "status.reference");
    send(app::Intent::Kind::type_text, receipt.reference);
    send(app::Intent::Kind::focus_field, "status.code");
    send(app::Intent::Kind::type_text, receipt.lookup_code);
    send(app::Intent::Kind::action, "look_up");
    const auto vm = kiosk_app.view_model(now);
    ASSERT_EQ(vm.screen, app::ScreenId::status_result);
    EXPECT_TRUE(vm.status_result.ask_resolution)
        << "a resolved complaint asks whether the customer is satisfied";
    bool note_shown = false;
    for (const auto& line : vm.status_result.history)
      note_shown = note_shown || line.value.find("Two more counters open") != std::string::npos;
    EXPECT_TRUE(note_shown) << "head office's note is on the customer's status page";
  }

  // Restarted with head office out of reach, the kiosk starts with what head office sent.
  const auto offline = write_config("offline.toml", "ssl://localhost:" + std::to_string(free_port()),
                                    "https://localhost:" + std::to_string(free_port()));
  const auto output = run_to_end(offline, "1");
  EXPECT_NE(output.find("content surveys/all v1 in use"), std::string::npos) << output;
  EXPECT_NE(output.find("content services/br-001 v1 in use"), std::string::npos) << output;
  EXPECT_NE(output.find("content announcements/br-001 v1 in use"), std::string::npos) << output;
}

TEST_F(KioskDownstreamTest, AConfigBundleIsAppliedSurvivesARestartAndANonWhitelistedOneIsRefused) {
  const auto config_file = write_config("online.toml", m_broker.uri(),
                                        "https://localhost:" + std::to_string(m_head_office.https_port()));
  const auto config = load(config_file);
  // The branch's settings, published before the kiosk comes up: its first round fetches the bundle.
  const auto teller = "teller-1:teller:" + store::hash_pin("1357");
  publish("config",
          nlohmann::json{{"session", {{"idle_timeout_seconds", 90}, {"idle_warning_seconds", 15}}},
                         {"staff", {{"pin_hashes", {teller}}}}},
          "br-001", false);
  const auto log = m_dir / "kiosk.log";
  m_kiosk.start({KIOSK_BINARY, "run", "--headless", "--duration", "240", "--config", config_file.string(),
                 "--data-dir", m_data.string()},
                log);
  ASSERT_TRUE(eventually(
      [&] { return read_log(log).find("config config/br-001 v1 in use") != std::string::npos; }, 120s))
      << read_log(log);

  // Head office tries to move the kiosk to another receiver: refused whole, with the key named, while the
  // settings in use stay.
  publish("config",
          nlohmann::json{{"session", {{"idle_timeout_seconds", 30}}},
                         {"sync", {{"https_url", "https://elsewhere.example:8443"}}}},
          "br-001", true);
  ASSERT_TRUE(eventually(
      [&] {
        return read_log(log).find("config/br-001 v2: sync.https_url: not accepted in a config bundle") !=
               std::string::npos;
      },
      120s))
      << read_log(log);
  m_kiosk.stop();
  EXPECT_EQ(read_log(log).find("config config/br-001 v2 in use"), std::string::npos) << read_log(log);

  // Stored is v1 only, and the start path gives the app its settings again.
  auto stored = cli::stored_content(config, m_data);
  const auto layers = app::take_config_updates(stored);
  ASSERT_EQ(layers.size(), 1U);
  EXPECT_EQ(layers[0].version, 1U) << "the refused bundle was never stored";
  {
    platform::SystemClock clock;
    std::vector<std::string> problems;
    app::KioskApp kiosk_app(config, app::LanguageCatalogs::load(KIOSK_ASSETS_DIR "/i18n", {"en"}, problems),
                            clock.steady_now());
    kiosk_app.update_runtime_config(layers);
    EXPECT_EQ(kiosk_app.config().session.idle_timeout, 90s);
    EXPECT_EQ(kiosk_app.config().session.idle_warning, 15s);
    EXPECT_EQ(kiosk_app.config().staff.pin_hashes, std::vector<std::string>{teller});
    EXPECT_EQ(kiosk_app.config().sync.https_url, config.sync.https_url);
  }

  // Restarted with head office out of reach, the kiosk binary starts with the branch's settings.
  const auto offline = write_config("offline.toml", "ssl://localhost:" + std::to_string(free_port()),
                                    "https://localhost:" + std::to_string(free_port()));
  const auto output = run_to_end(offline, "1");
  EXPECT_NE(output.find("config config/br-001 v1 in use"), std::string::npos) << output;
  EXPECT_EQ(output.find("not used:"), std::string::npos) << output;
}

TEST_F(KioskDownstreamTest, ABundleTheKioskCannotParseIsRefusedAndNeverStored) {
  const auto config_file = write_config("online.toml", m_broker.uri(),
                                        "https://localhost:" + std::to_string(m_head_office.https_port()));
  // Signed by head office's real key, so only the kiosk's own content check can refuse it.
  publish("surveys", nlohmann::json{{"visit", {{"pages", "none"}}}}, std::nullopt, false);
  const auto output = run_to_end(config_file, "4");
  EXPECT_NE(output.find("surveys/all"), std::string::npos) << output;
  EXPECT_NE(output.find("surveys.visit:"), std::string::npos) << "the refusal says why: " << output;
  EXPECT_EQ(output.find("content surveys/all v1 in use"), std::string::npos) << output;
  EXPECT_FALSE(std::filesystem::exists(m_data / "bundles" / "surveys.all.bundle"));
}

}  // namespace
}  // namespace kiosk::test

// The staff dashboard's device tab (issue 6) on a real store file: the desk reads the disk, the database
// files and the outbox itself and asks the composition root's provider for sync and the certificates
// (here a provider with fixed figures: sync offline with a stale backlog, an expired sync certificate and
// a counter link certificate 29 days from expiry). The texts and alerts are read from the real view-model
// KioskApp builds, in English and Russian, and the figures from the CSV export.

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <thread>

#include "app/kiosk_app.hpp"
#include "app/staff_desk.hpp"
#include "desk_test.hpp"
#include "domain/dashboard/device_health.hpp"

namespace kiosk::app {
namespace {

using namespace std::chrono_literals;

// PIN 2468, computed independently with Python's hashlib (see tests/unit/store/pin_hash_test.cpp).
constexpr const char* k_manager_entry =
    "manager:manager:pbkdf2-sha256$210000$AAECAwQFBgcICQoLDA0ODw==$"
    "3h0Ecyp2BaL4dIc6djwyE3JqSNrJj2DOPz5HhnTZO8M=";

class StaffDeviceTest : public test_support::DeskTest {
 protected:
  void SetUp() override {
    config.staff.pin_hashes = {k_manager_entry};
    DeskTest::SetUp();
  }

  // The staff desk and the app, unlocked with the device tab selected.
  void open_device_tab(const std::string& language = "en") {
    config.languages.default_language = language;
    staff = std::make_unique<StaffDesk>(*store, config, desk->content(), clock, key_file(), dir / "exports");
    staff->set_device_health_provider(provider);
    std::vector<std::string> problems;
    app = std::make_unique<KioskApp>(
        config, LanguageCatalogs::load(KIOSK_ASSETS_DIR "/i18n", config.languages.enabled, problems),
        clock.steady_now());
    ASSERT_TRUE(problems.empty());
    app->attach(desk.get(), nullptr);
    app->attach_staff(staff.get());
    staff->request_pin();
    for (char digit : std::string("2468")) {
      staff->type_digit(digit);
    }
    staff->submit_pin();
    for (int i = 0; i < 1000 && staff->checking(); ++i) {
      std::this_thread::sleep_for(10ms);
      staff->poll();
    }
    ASSERT_TRUE(staff->unlocked());
    staff->select_tab("device");
  }

  StaffDashboardVm vm() const { return app->view_model(clock.steady_now()).staff_dashboard; }

  static const StaffBarVm* line(const StaffDashboardVm& vm, std::string_view id) {
    for (const auto& bar : vm.bars) {
      if (bar.id == id) {
        return &bar;
      }
    }
    return nullptr;
  }

  // Sync on MQTT, offline for a while: 12 events, the oldest 20 minutes old, the last confirmation at
  // 09:45 UTC (10:45 in Oslo), 2 quarantined, the storage alarm up; the sync certificate expired three
  // days ago and the counter link's has 29 days left.
  static ExternalHealth troubled() {
    ExternalHealth health;
    SyncHealth sync;
    sync.transport = "mqtt";
    sync.connected = false;
    sync.last_disconnect_reason = "broker closed the connection";
    sync.backlog = 12;
    sync.backlog_counted = true;
    sync.oldest_unconfirmed_age = 20min;
    sync.last_confirmation = test_support::k_tuesday_10_oslo + 45min;
    sync.quarantined = 2;
    sync.storage_alarm = true;
    health.sync = sync;
    health.sync_certificate_days = -3;
    health.counter_link_on = true;
    health.counter_link_certificate_days = 29;
    return health;
  }

  int provider_calls = 0;
  ExternalHealth given = troubled();
  DeviceHealthProvider provider = [this] {
    ++provider_calls;
    return given;
  };
  std::unique_ptr<StaffDesk> staff;
  std::unique_ptr<KioskApp> app;
};

TEST_F(StaffDeviceTest, SaysEverySyncAndCertificateProblemInWords) {
  config.sync.policy = SyncPolicy::mqtt;
  config.counters.listen = "127.0.0.1:8765";
  open_device_tab();
  const auto board = vm();
  ASSERT_FALSE(board.tabs.empty());
  EXPECT_EQ(board.tabs.back().id, "device");
  EXPECT_EQ(board.tabs.back().label, "Device");
  EXPECT_TRUE(board.tabs.back().selected);
  EXPECT_TRUE(board.figures.empty());  // states, not amounts: status lines only

  struct Expected {
    const char* id;
    std::string value;
    bool alert;
    const char* alert_text;
  };
  const Expected expected[] = {
      {"printer", "No printer configured", false, ""},
      {"sync", "MQTT, broker closed the connection", true, "Offline"},
      {"backlog", "12 events, oldest 20 min", true, "Almost full"},
      {"last_confirmation", "2026-11-24 10:45", false, ""},  // branch-local time
      {"quarantined", "2 events", true, "Ask head office"},
      {"sync_certificate", "renew it now", true, "Expired"},
      {"counter_certificate", "29 days left", true, "Renew soon"},
  };
  for (const auto& want : expected) {
    const auto* got = line(board, want.id);
    ASSERT_NE(got, nullptr) << want.id;
    // An alert line says its alert first, in words.
    EXPECT_EQ(got->value, want.alert ? want.alert_text + std::string(": ") + want.value : want.value)
        << want.id;
    EXPECT_EQ(got->alert, want.alert) << want.id;
    EXPECT_EQ(got->alert_text, want.alert_text) << want.id;
    EXPECT_FALSE(got->track) << want.id;
  }
  EXPECT_EQ(board.bars.size(), std::size(expected) + 2);  // and disk, database: nothing else
}

TEST_F(StaffDeviceTest, ReadsTheDiskAndTheDatabaseFilesOfTheStore) {
  open_device_tab();
  const auto& health = staff->device_health();
  ASSERT_TRUE(health.has_value());
  ASSERT_TRUE(health->disk.has_value());
  EXPECT_GT(health->disk->capacity, 0U);
  ASSERT_TRUE(health->database_bytes.has_value());
  // kiosk.db and its write-ahead log, each counted once.
  std::uintmax_t files = std::filesystem::file_size(db_file());
  std::error_code no_wal;
  const auto wal = std::filesystem::file_size(db_file().string() + "-wal", no_wal);
  files += no_wal ? 0 : wal;
  EXPECT_EQ(*health->database_bytes, files);
  const auto board = vm();
  const auto* disk = line(board, "disk");
  ASSERT_NE(disk, nullptr);
  EXPECT_NE(disk->value.find(" free of "), std::string::npos) << disk->value;
  EXPECT_EQ(disk->alert, domain::dashboard::disk_low(*health->disk));
  const auto* database = line(board, "database");
  ASSERT_NE(database, nullptr);
  EXPECT_TRUE(database->value.ends_with(" MB") || database->value.ends_with(" GB")) << database->value;
}

TEST_F(StaffDeviceTest, WithSyncOffSaysSoAndCountsTheOutbox) {
  config.sync.policy = SyncPolicy::off;
  given = {};  // no runner, no counter link
  ASSERT_TRUE(desk->issue_ticket("cash", "en").ok());
  open_device_tab();
  const auto counts = store->outbox().counts_by_state();
  const auto waiting = counts.pending + counts.sent;
  ASSERT_GE(waiting, 2);  // the ticket and the unlock's audit event
  const auto board = vm();
  const auto* sync = line(board, "sync");
  ASSERT_NE(sync, nullptr);
  EXPECT_EQ(sync->value, "Sync is off: " + std::to_string(waiting) + " events wait in the outbox");
  EXPECT_FALSE(sync->alert);
  for (const auto* absent : {"backlog", "last_confirmation", "sync_certificate", "counter_certificate"}) {
    EXPECT_EQ(line(board, absent), nullptr) << absent;
  }
}

TEST_F(StaffDeviceTest, SyncOnWithoutARunnerIsAnAlert) {
  config.sync.policy = SyncPolicy::https;
  given = {};
  open_device_tab();
  const auto board = vm();
  const auto* sync = line(board, "sync");
  ASSERT_NE(sync, nullptr);
  EXPECT_TRUE(sync->alert);
  EXPECT_EQ(sync->alert_text, "Not running");
  const auto counts = store->outbox().counts_by_state();
  EXPECT_EQ(counts.pending + counts.sent, 1);  // the unlock's audit event
  EXPECT_EQ(sync->value, "Not running: 1 event waits in the outbox");
  const auto* certificate = line(board, "sync_certificate");
  ASSERT_NE(certificate, nullptr);
  EXPECT_EQ(certificate->value, "Could not be read: see the log");
  EXPECT_TRUE(certificate->alert);
}

TEST_F(StaffDeviceTest, TheProviderIsReadAtRefreshAndTabSelectionNeverPerFrame) {
  config.sync.policy = SyncPolicy::mqtt;
  open_device_tab();
  const int after_open = provider_calls;
  EXPECT_EQ(after_open, 2);  // unlocking refreshed the dashboard, selecting the tab read it again
  for (int frame = 0; frame < 5; ++frame) {
    (void)vm();
  }
  EXPECT_EQ(provider_calls, after_open);
  given.sync->connected = true;
  const auto before = vm();
  ASSERT_NE(line(before, "sync"), nullptr);
  EXPECT_TRUE(line(before, "sync")->alert);  // still the reading of the last refresh
  staff->refresh_dashboard();
  EXPECT_EQ(provider_calls, after_open + 1);
  const auto after = vm();
  const auto* sync = line(after, "sync");
  ASSERT_NE(sync, nullptr);
  EXPECT_EQ(sync->value, "MQTT, connected");
  EXPECT_FALSE(sync->alert);
  // Relocking drops the reading with the rest of the dashboard.
  staff->sign_out();
  EXPECT_FALSE(staff->device_health().has_value());
}

TEST_F(StaffDeviceTest, TranslatesTheLinesAndTheirPlurals) {
  config.sync.policy = SyncPolicy::mqtt;
  config.counters.listen = "127.0.0.1:8765";
  config.languages.enabled = {"en", "ru"};
  given.counter_link_certificate_days = 22;
  given.sync->storage_alarm = false;  // the backlog is only stale now
  open_device_tab("ru");
  const auto board = vm();
  EXPECT_EQ(board.tabs.back().label, "Устройство");
  EXPECT_EQ(line(board, "counter_certificate")->value, "Скоро продлить: Осталось 22 дня");
  EXPECT_EQ(line(board, "counter_certificate")->alert_text, "Скоро продлить");
  EXPECT_EQ(line(board, "sync_certificate")->alert_text, "Истёк");
  EXPECT_EQ(line(board, "quarantined")->value, "Обратитесь в головной офис: 2 события");
  EXPECT_EQ(line(board, "backlog")->alert_text, "Застряли");
  EXPECT_EQ(line(board, "backlog")->value, "Застряли: 12 событий, старейшее 20 мин");
}

TEST_F(StaffDeviceTest, TheFiguresCsvHasADeviceSection) {
  config.sync.policy = SyncPolicy::mqtt;
  config.counters.listen = "127.0.0.1:8765";
  open_device_tab();
  const auto result = staff->export_csv();
  ASSERT_TRUE(result.ok) << result.error;
  std::ifstream in(result.file, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  const auto csv = text.str();
  for (const auto* row :
       {"device,2026-11-24,,sync_connected,no\r\n", "device,2026-11-24,,sync_backlog,12\r\n",
        "device,2026-11-24,,sync_oldest_unconfirmed_s,1200\r\n",
        "device,2026-11-24,,sync_last_confirmation,2026-11-24T09:45:00.000Z\r\n",
        "device,2026-11-24,,sync_certificate_days_left,-3\r\n",
        "device,2026-11-24,,counter_link_certificate_days_left,29\r\n",
        "device,2026-11-24,,printer,not_configured\r\n"}) {
    EXPECT_NE(csv.find(row), std::string::npos) << row << "\n" << csv;
  }
}

}  // namespace
}  // namespace kiosk::app

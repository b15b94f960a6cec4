// The composition root's side of the staff dashboard's device tab (issue 6), with real parts: the
// development PKI's certificates (a valid, an expired one), a real mosquitto, and a real SyncRunner on a
// real store. The provider must hand StaffDesk the runner's state (connected over MQTT once it is) and the
// days left of the certificates the config names, read from their files.
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "app/catalogs.hpp"
#include "app/config.hpp"
#include "app/kiosk_services.hpp"
#include "cli/device_health_source.hpp"
#include "cli/sync_runner.hpp"
#include "mosquitto_broker.hpp"
#include "platform/clock.hpp"
#include "store/store.hpp"
#include "sync/sync_status.hpp"
#include "temp_dir.hpp"
#include "test_pki.hpp"

namespace kiosk::test {
namespace {

using namespace std::chrono_literals;

std::optional<int> days_of(const std::filesystem::path& pem) {
  std::string error;
  auto days = sync::certificate_days_left(pem, std::chrono::system_clock::now(), error);
  EXPECT_TRUE(days.has_value()) << error;
  return days;
}

class DeviceHealthSource : public ::testing::Test {
 protected:
  const TestPki& pki = TestPki::instance();
  TempDir data{"device-health"};

  app::KioskConfig sync_config() const {
    auto config = app::default_config();
    config.kiosk.kiosk_id = "kiosk-01";
    config.sync.policy = app::SyncPolicy::mqtt;
    config.sync.ca_file = pki.file("ca.crt");
    config.sync.cert_file = pki.file("kiosk-01.crt");
    config.sync.key_file = pki.file("kiosk-01.key");
    return config;
  }
};

TEST_F(DeviceHealthSource, ReadsBothCertificatesFromTheirFiles) {
  auto config = sync_config();
  config.counters.listen = "127.0.0.1:8765";
  config.counters.tls_cert = pki.file("broker.crt");
  const auto health = cli::device_health_provider(config, data.path(), nullptr)();
  EXPECT_FALSE(health.sync.has_value());  // no runner
  ASSERT_TRUE(health.sync_certificate_days.has_value());
  EXPECT_EQ(health.sync_certificate_days, days_of(pki.file("kiosk-01.crt")));
  EXPECT_GT(*health.sync_certificate_days, 30);
  EXPECT_TRUE(health.counter_link_on);
  EXPECT_EQ(health.counter_link_certificate_days, days_of(pki.file("broker.crt")));
}

TEST_F(DeviceHealthSource, AnExpiredCertificateHasNegativeDays) {
  auto config = sync_config();
  config.sync.cert_file = pki.file("kiosk-expired.crt");
  const auto health = cli::device_health_provider(config, data.path(), nullptr)();
  ASSERT_TRUE(health.sync_certificate_days.has_value());
  EXPECT_LT(*health.sync_certificate_days, 0);
  EXPECT_EQ(domain::dashboard::certificate_urgency(health.sync_certificate_days),
            domain::dashboard::CertificateUrgency::expired);
}

TEST_F(DeviceHealthSource, RelativePathsAreUnderTheDataDirectoryAndOffReadsNothing) {
  auto config = sync_config();
  config.sync.cert_file = "sync/kiosk.crt";
  std::filesystem::create_directories(data / "sync");
  std::filesystem::copy_file(pki.file("kiosk-01.crt"), data / "sync" / "kiosk.crt");
  EXPECT_EQ(cli::device_health_provider(config, data.path(), nullptr)().sync_certificate_days,
            days_of(pki.file("kiosk-01.crt")));
  config.sync.policy = app::SyncPolicy::off;
  const auto off = cli::device_health_provider(config, data.path(), nullptr)();
  EXPECT_FALSE(off.sync_certificate_days.has_value());
  EXPECT_FALSE(off.counter_link_on);
  EXPECT_FALSE(off.counter_link_certificate_days.has_value());
}

TEST_F(DeviceHealthSource, TheStaffDeskSeesARealRunnerConnectOverMqtt) {
  MosquittoBroker broker{pki};
  broker.start();
  auto config = sync_config();
  config.sync.mqtt_url = broker.uri();
  store::OpenReport report;
  auto store = store::Store::open(data / "kiosk.db", report);
  ASSERT_NE(store, nullptr) << report.message;
  platform::SystemClock clock;
  std::vector<std::string> problems;
  const auto catalogs = app::LanguageCatalogs::load(KIOSK_ASSETS_DIR "/i18n", {"en"}, problems);
  // The services first: the desk creates the PII key the runner reads.
  auto services =
      app::make_kiosk_services(store.get(), config, KIOSK_ASSETS_DIR, data.path(), clock, catalogs);
  ASSERT_NE(services.staff, nullptr);
  std::string problem;
  auto runner = cli::SyncRunner::start(config, data.path(), data / "kiosk.db", problem);
  ASSERT_NE(runner, nullptr) << problem;
  services.staff->set_device_health_provider(cli::device_health_provider(config, data.path(), runner.get()));
  for (int i = 0; i < 300 && !runner->status().connected; ++i) {
    std::this_thread::sleep_for(50ms);
  }
  services.staff->refresh_device_health();
  const auto& health = services.staff->device_health();
  ASSERT_TRUE(health.has_value());
  ASSERT_TRUE(health->external.sync.has_value());
  EXPECT_TRUE(health->external.sync->connected) << health->external.sync->last_disconnect_reason;
  EXPECT_EQ(health->external.sync->transport, "mqtt");
  EXPECT_FALSE(health->sync_policy_off);
  EXPECT_EQ(health->external.sync_certificate_days, days_of(pki.file("kiosk-01.crt")));
  // The composition root clears the provider before sync stops.
  services.staff->set_device_health_provider({});
  runner.reset();
  services.staff->refresh_device_health();
  EXPECT_FALSE(services.staff->device_health()->external.sync.has_value());
  broker.stop();
}

}  // namespace
}  // namespace kiosk::test

#include "sync/sync_status.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <string>

#include "temp_dir.hpp"

namespace kiosk::sync {
namespace {

TEST(SyncStatus, SnapshotReflectsUpdates) {
  SyncStatus status;
  status.set_transport("mqtt");
  status.set_connected(true);
  status.set_backlog(12, 2, std::chrono::seconds{30}, false);
  status.add_confirmed(5, std::chrono::system_clock::time_point{std::chrono::seconds{100}});
  status.add_confirmed(3, std::chrono::system_clock::time_point{std::chrono::seconds{200}});
  status.set_connected(false, "tls handshake failed");
  status.set_trust_alarm(true, "pin mismatch");
  const auto snap = status.snapshot();
  EXPECT_EQ(snap.transport, "mqtt");
  EXPECT_FALSE(snap.connected);
  EXPECT_EQ(snap.last_disconnect_reason, "tls handshake failed");
  EXPECT_EQ(snap.backlog, 12);
  EXPECT_EQ(snap.in_flight_batches, 2);
  EXPECT_EQ(snap.oldest_unconfirmed_age, std::chrono::seconds{30});
  EXPECT_EQ(snap.confirmed_total, 8);
  EXPECT_EQ(snap.last_confirmation, std::chrono::system_clock::time_point{std::chrono::seconds{200}});
  EXPECT_TRUE(snap.trust_alarm);
  EXPECT_EQ(snap.trust_detail, "pin mismatch");
}

TEST(CertificateDaysLeft, ReadsNotAfter) {
  test::TempDir dir("sync-cert");
  const auto cert = dir.path() / "c.pem";
  const std::string command =
      "openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 30 "
      "-subj /CN=kiosk-01 -keyout '" +
      (dir.path() / "k.pem").string() + "' -out '" + cert.string() + "' 2>/dev/null";
  if (std::system(command.c_str()) != 0) {
    GTEST_SKIP() << "openssl command line tool not available";
  }
  std::string error;
  const auto now = std::chrono::system_clock::now();
  const auto days = certificate_days_left(cert, now, error);
  ASSERT_TRUE(days) << error;
  EXPECT_TRUE(*days == 29 || *days == 30) << *days;
  const auto later = certificate_days_left(cert, now + std::chrono::hours{24 * 40}, error);
  ASSERT_TRUE(later) << error;
  EXPECT_LT(*later, 0);
}

TEST(CertificateDaysLeft, MissingOrGarbageFileIsAnError) {
  test::TempDir dir("sync-cert");
  std::string error;
  EXPECT_FALSE(certificate_days_left(dir.path() / "none.pem", std::chrono::system_clock::now(), error));
  EXPECT_NE(error.find("cannot open"), std::string::npos);
  std::ofstream(dir.path() / "junk.pem") << "-----BEGIN CERTIFICATE-----\nnope\n";
  error.clear();
  EXPECT_FALSE(certificate_days_left(dir.path() / "junk.pem", std::chrono::system_clock::now(), error));
  EXPECT_NE(error.find("not a PEM"), std::string::npos);
}

}  // namespace
}  // namespace kiosk::sync

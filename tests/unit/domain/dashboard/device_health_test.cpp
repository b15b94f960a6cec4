// The device tab's alert rules at every boundary: certificate days (31 fine, 30 and 0 warn, -1 expired),
// disk space (the 500 MB floor and the 10 % share, each one byte either side), and the stale backlog.
#include <gtest/gtest.h>

#include "domain/dashboard/device_health.hpp"

namespace kiosk::domain::dashboard {
namespace {

using namespace std::chrono_literals;

TEST(CertificateUrgency, WarnsFromThirtyDaysAheadAndSaysExpiredWhenNegative) {
  EXPECT_EQ(certificate_urgency(std::nullopt), CertificateUrgency::unknown);
  EXPECT_EQ(certificate_urgency(365), CertificateUrgency::fine);
  EXPECT_EQ(certificate_urgency(31), CertificateUrgency::fine);
  EXPECT_EQ(certificate_urgency(30), CertificateUrgency::expiring);
  EXPECT_EQ(certificate_urgency(29), CertificateUrgency::expiring);
  EXPECT_EQ(certificate_urgency(0), CertificateUrgency::expiring);  // expires within the day
  EXPECT_EQ(certificate_urgency(-1), CertificateUrgency::expired);
  EXPECT_EQ(certificate_urgency(-400), CertificateUrgency::expired);
}

TEST(CertificateUrgency, FollowsTheConfiguredWarning) {
  DeviceHealthRules rules;
  rules.certificate_warning_days = 7;
  EXPECT_EQ(certificate_urgency(8, rules), CertificateUrgency::fine);
  EXPECT_EQ(certificate_urgency(7, rules), CertificateUrgency::expiring);
}

constexpr std::uint64_t k_gb = 1000ULL * 1000 * 1000;
constexpr std::uint64_t k_floor = 500ULL * 1000 * 1000;

TEST(DiskLow, TheAbsoluteFloorHoldsOnASmallDisk) {
  // 1 GB disk: the 500 MB floor is above 10 %, so the floor decides.
  EXPECT_FALSE(disk_low({k_gb, k_floor}));
  EXPECT_TRUE(disk_low({k_gb, k_floor - 1}));
  EXPECT_TRUE(disk_low({k_gb, 0}));
}

TEST(DiskLow, TheShareHoldsOnALargeDisk) {
  // 100 GB disk: 10 % is 10 GB, far above the floor.
  EXPECT_FALSE(disk_low({100 * k_gb, 10 * k_gb}));
  EXPECT_TRUE(disk_low({100 * k_gb, 10 * k_gb - 1}));
  EXPECT_FALSE(disk_low({100 * k_gb, 60 * k_gb}));
}

TEST(DiskLow, AnUnknownCapacityIsNotJudged) {
  EXPECT_FALSE(disk_low({0, 0}));
  EXPECT_DOUBLE_EQ(free_share({0, 0}), 0.0);
  EXPECT_DOUBLE_EQ(free_share({200, 50}), 0.25);
}

TEST(BacklogStale, FromFifteenMinutesOfTheOldestUnconfirmedEvent) {
  EXPECT_FALSE(backlog_stale(std::nullopt));
  EXPECT_FALSE(backlog_stale(0s));
  EXPECT_FALSE(backlog_stale(14min + 59s));
  EXPECT_TRUE(backlog_stale(15min));
  EXPECT_TRUE(backlog_stale(3h));
  DeviceHealthRules rules;
  rules.backlog_stale_after = 1min;
  EXPECT_FALSE(backlog_stale(59s, rules));
  EXPECT_TRUE(backlog_stale(60s, rules));
}

}  // namespace
}  // namespace kiosk::domain::dashboard

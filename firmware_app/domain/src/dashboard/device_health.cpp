// Device and sync alerts. The boundaries are inclusive where staff should already act: a certificate
// with exactly certificate_warning_days left warns, a backlog exactly backlog_stale_after old is stale.

#include "domain/dashboard/device_health.hpp"

namespace kiosk::domain::dashboard {

CertificateUrgency certificate_urgency(std::optional<int> days_left, const DeviceHealthRules& rules) {
  if (!days_left) {
    return CertificateUrgency::unknown;
  }
  if (*days_left < 0) {
    return CertificateUrgency::expired;
  }
  return *days_left <= rules.certificate_warning_days ? CertificateUrgency::expiring
                                                      : CertificateUrgency::fine;
}

double free_share(const DiskSpace& disk) {
  if (disk.capacity == 0) {
    return 0.0;
  }
  return static_cast<double>(disk.available) / static_cast<double>(disk.capacity);
}

bool disk_low(const DiskSpace& disk, const DeviceHealthRules& rules) {
  if (disk.capacity == 0) {
    return false;
  }
  return disk.available < rules.disk_low_bytes || free_share(disk) < rules.disk_low_share;
}

bool backlog_stale(std::optional<std::chrono::seconds> oldest_unconfirmed_age,
                   const DeviceHealthRules& rules) {
  return oldest_unconfirmed_age && *oldest_unconfirmed_age >= rules.backlog_stale_after;
}

}  // namespace kiosk::domain::dashboard

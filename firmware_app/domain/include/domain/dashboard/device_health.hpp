#pragma once
// The rules that turn the kiosk's device and sync figures into alerts on the staff dashboard's device tab.
// Plain functions of plain numbers: the app reads the figures (disk space, certificate days, sync backlog)
// and asks these rules whether staff must act. Each alert is also said in words on screen.

#include <chrono>
#include <cstdint>
#include <optional>

namespace kiosk::domain::dashboard {

struct DeviceHealthRules {
  // A certificate warns from this many whole days before it expires (0 = it expires within a day). The
  // bank's PKI needs weeks to issue and install a new one, so a month ahead is the first useful notice.
  int certificate_warning_days = 30;
  // The data directory's filesystem is low when less than this many bytes, or less than this share of
  // its size, is free. The absolute floor covers small appliance disks (a day of a busy branch with
  // sync down is a few MB, a VACUUM needs a copy of the database); the share covers large ones where a
  // runaway log fills the disk long before the floor is reached.
  std::uint64_t disk_low_bytes = 500ULL * 1000 * 1000;
  double disk_low_share = 0.10;
  // Sync is stale when the oldest unconfirmed event has waited this long: longer than the MQTT-to-HTTPS
  // fallback (3 min) and a few acknowledgement timeouts (1 min each), so a normal reconnect never alarms.
  std::chrono::minutes backlog_stale_after{15};
};

enum class CertificateUrgency {
  unknown,   // no certificate read (missing, unreadable, or the feature is off)
  fine,      // more than certificate_warning_days left
  expiring,  // 0 .. certificate_warning_days whole days left
  expired,   // past its notAfter (negative days left)
};

// `days_left` in whole days rounded down (sync::certificate_days_left), negative once expired.
CertificateUrgency certificate_urgency(std::optional<int> days_left, const DeviceHealthRules& rules = {});

struct DiskSpace {
  std::uint64_t capacity = 0;   // bytes of the filesystem
  std::uint64_t available = 0;  // bytes an unprivileged process may still write
};

// True when `disk` has less free space than the rules allow. A filesystem that reports no capacity is
// not judged (false): the figure on screen then says what was read.
bool disk_low(const DiskSpace& disk, const DeviceHealthRules& rules = {});

// The free share of the disk, 0..1 (0 when the capacity is unknown).
double free_share(const DiskSpace& disk);

// True when the oldest unconfirmed event has waited at least backlog_stale_after. No age (nothing
// unconfirmed, or not counted yet) is never stale.
bool backlog_stale(std::optional<std::chrono::seconds> oldest_unconfirmed_age,
                   const DeviceHealthRules& rules = {});

}  // namespace kiosk::domain::dashboard

#pragma once
// What the staff dashboard's device tab shows, as plain app-level values. The app never includes sync or
// network headers: the composition root (cli) reads its SyncRunner and counter link and hands the figures
// over through a DeviceHealthProvider, which StaffDesk calls only when the dashboard is refreshed (staff
// mode opens, "Refresh", the device tab is selected), never per frame.

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "domain/dashboard/device_health.hpp"

namespace kiosk::app {

// The sync runner's status (sync::SyncStatusSnapshot), copied field by field by the composition root.
struct SyncHealth {
  std::string transport;  // "mqtt", "https", or empty before the first connection attempt
  bool connected = false;
  std::string last_disconnect_reason;
  std::int64_t backlog = 0;      // pending + sent rows
  bool backlog_counted = false;  // false until the drainer has counted the outbox once
  std::optional<std::chrono::seconds> oldest_unconfirmed_age;
  std::optional<std::chrono::system_clock::time_point> last_confirmation;
  std::int64_t quarantined = 0;
  bool storage_alarm = false;  // backlog at or above 80 % of the storage cap
  bool trust_alarm = false;    // the last failure was a certificate or pin problem
  std::string trust_detail;
};

// Everything of the device tab that only the composition root can read.
struct ExternalHealth {
  std::optional<SyncHealth> sync;  // nullopt: no sync runner (policy off, or it could not start)
  // Whole days left on this kiosk's sync client certificate (negative once expired); nullopt when sync
  // is off or the file could not be read.
  std::optional<int> sync_certificate_days;
  bool counter_link_on = false;  // [counters] listen is set
  // Whole days left on the counter link's server certificate; nullopt when off or unreadable.
  std::optional<int> counter_link_certificate_days;
};

using DeviceHealthProvider = std::function<ExternalHealth()>;

enum class PrinterCondition { not_configured, not_used_yet, ok, faulted };

struct PrinterHealthView {
  PrinterCondition condition = PrinterCondition::not_configured;
  std::string last_fault;  // the spooler's message of the most recent failure (technical, English)
  std::optional<std::chrono::system_clock::time_point> faulted_since;  // while faulted
};

// One reading of the device's health, taken by StaffDesk on the UI thread at a refresh.
struct DeviceHealth {
  std::chrono::system_clock::time_point read_at;
  PrinterHealthView printer;
  std::optional<domain::dashboard::DiskSpace> disk;  // the data directory's filesystem; nullopt: unreadable
  std::optional<std::uint64_t> database_bytes;       // kiosk.db plus its -wal file; nullopt: unreadable
  // The outbox counted from the store (works with sync off): pending + sent, and quarantined.
  std::optional<std::int64_t> outbox_backlog;
  std::optional<std::int64_t> outbox_quarantined;
  bool sync_policy_off = true;  // [sync] policy = "off"
  ExternalHealth external;
};

}  // namespace kiosk::app

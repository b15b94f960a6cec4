// The staff desk's device side: one reading of the printer, the data directory's disk, the database files,
// the outbox and whatever the composition root's provider knows of sync and the counter link. Every part
// is read on its own, so one that fails (a full disk can make the store throw) leaves the others on screen.

#include <spdlog/spdlog.h>

#include <system_error>

#include "app/print_coordinator.hpp"
#include "app/staff_desk.hpp"
#include "platform/clock.hpp"
#include "store/outbox.hpp"
#include "store/store.hpp"

namespace kiosk::app {
namespace {

// kiosk.db plus its write-ahead log: the log can grow to many MB between checkpoints, and both are what
// the database takes on the disk. Without the main file there is no figure.
std::optional<std::uint64_t> database_bytes(const std::filesystem::path& database) {
  std::error_code code;
  const auto main = std::filesystem::file_size(database, code);
  if (code) {
    spdlog::warn("device health: size of {} not read: {}", database.string(), code.message());
    return std::nullopt;
  }
  const auto wal = std::filesystem::file_size(database.string() + "-wal", code);
  return main + (code ? 0 : wal);
}

}  // namespace

void StaffDesk::refresh_device_health() {
  DeviceHealth health;
  health.read_at = m_clock.utc_now();
  health.sync_policy_off = m_config.sync.policy == SyncPolicy::off;
  if (m_printing != nullptr) {
    health.printer = m_printing->printer_health();
  }
  const auto database = m_store.path();
  std::error_code code;
  const auto space = std::filesystem::space(database.parent_path(), code);
  if (code) {
    spdlog::warn("device health: free space of {} not read: {}", database.parent_path().string(),
                 code.message());
  } else {
    health.disk = domain::dashboard::DiskSpace{space.capacity, space.available};
  }
  health.database_bytes = database_bytes(database);
  try {
    const auto counts = m_store.outbox().unconfirmed_counts();
    health.outbox_backlog = counts.pending + counts.sent;
    health.outbox_quarantined = counts.quarantined;
  } catch (const std::exception& error) {
    spdlog::warn("device health: outbox not counted: {}", error.what());
  }
  if (m_health_provider) {
    try {
      health.external = m_health_provider();
    } catch (const std::exception& error) {
      spdlog::warn("device health: sync and counter link not read: {}", error.what());
    }
  }
  m_device = std::move(health);
}

}  // namespace kiosk::app

#pragma once
// The staff dashboard's device tab reads what only the composition root holds: the sync runner's status
// and the certificates of sync and the counter link. The app sees plain app::ExternalHealth values through
// a provider; it never includes a sync or network header.

#include <filesystem>

#include "app/config.hpp"
#include "app/device_health.hpp"
#include "sync/sync_status.hpp"

namespace kiosk::cli {

class SyncRunner;

// The runner's status as the app's plain struct, field by field.
app::SyncHealth to_sync_health(const sync::SyncStatusSnapshot& status);

// A provider for StaffDesk. Each call takes the runner's status (if `sync` is not null) and reads the sync
// client certificate (unless [sync] policy is off) and the counter link's server certificate (when
// [counters] listen is set) from their files, so the days left are those of today, not of the start.
// `sync` must outlive the provider: clear the provider before stopping sync.
app::DeviceHealthProvider device_health_provider(const app::KioskConfig& config,
                                                 const std::filesystem::path& data_dir,
                                                 const SyncRunner* sync);

}  // namespace kiosk::cli

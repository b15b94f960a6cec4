#pragma once
// Private to kiosk_store: the schema's history and how a file is brought up to date.

#include <span>
#include <string_view>

#include "store/database.hpp"

namespace kiosk::store::detail {

struct Migration {
  int version;               // the user_version the file has after this migration
  std::string_view summary;  // for logs
  std::string_view sql;
};

// Every migration, oldest first; migration N takes the file from version N-1 to N.
std::span<const Migration> migrations();
int latest_schema_version();

// PRAGMA user_version of the open file.
int read_user_version(Database& db);

// Applies each missing migration in its own transaction together with its user_version bump, so a crash
// leaves the file at one version or the next, never between. The caller has checked that the file is not
// newer than latest_schema_version(). Throws StoreError.
void migrate(Database& db);
// The same, stopping at `version`: tests use it to make a file as an older release left it.
void migrate_to(Database& db, int version);

}  // namespace kiosk::store::detail

#pragma once
// The head-office database: one SQLite file (WAL) holding every kiosk event exactly once, the kiosk
// registry, acks already given (idempotency), duplicates/conflicts/rejects, downstream bundles and the
// complaint status change log.
//
// Guarantees: open_central_db() creates or upgrades the schema in one transaction (numbered migrations
// stamped in user_version), turns on WAL and synchronous=FULL, and sets a busy timeout so readers (report)
// and the writer (serve) can share the file.

#include <chrono>
#include <cstdint>
#include <filesystem>

#include "store/database.hpp"

namespace kiosk::headoffice {

// Throws store::StoreError if the file cannot be opened or migrated.
store::Database open_central_db(const std::filesystem::path& path);
// Read-only connection for reports; throws store::StoreError if the file does not exist.
store::Database open_central_db_read_only(const std::filesystem::path& path);

// Milliseconds since the Unix epoch: how instants are stored in the head-office database.
std::int64_t to_unix_ms(std::chrono::system_clock::time_point at);

}  // namespace kiosk::headoffice

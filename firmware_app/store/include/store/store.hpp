#pragma once
// The kiosk's local database: one SQLite file in WAL mode with synchronous=FULL, so a record is durable
// when its transaction commits (kiosks lose power). Deleted content is overwritten (secure_delete), so
// purged personal data does not linger in free pages. Store::open brings the file to the current schema and
// never loses data doing it: a damaged file is moved aside, never deleted or overwritten, and a file from a
// newer program version is left untouched.

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "domain/event.hpp"
#include "domain/uuid.hpp"
#include "store/database.hpp"
#include "store/meta.hpp"
#include "store/outbox.hpp"

namespace kiosk::store {

enum class OpenOutcome {
  opened,                     // an existing database, migrated to the current schema if it was older
  created,                    // no database was there; a new one was made
  recovered_from_corruption,  // the old file was damaged and moved aside; a new one was made
  unavailable,                // no usable store; `message` says why; nothing was changed or deleted
};

struct OpenReport {
  OpenOutcome outcome = OpenOutcome::unavailable;
  // For people (logs, manager dashboard), not customers: which path, what happened and why.
  std::string message;
  // recovered_from_corruption: where the damaged file went. Its -wal, -shm and -journal siblings, if any,
  // sit beside it with the same suffixes, so SQLite tools can still open the set.
  std::filesystem::path moved_aside_to;
  // The schema version of the file: the current one after a successful open; the version found in the
  // file when it is newer than this program knows; 0 otherwise.
  int schema_version = 0;
};

struct OpenOptions {
  // How long a statement waits for a lock held by another connection.
  std::chrono::milliseconds busy_timeout{5000};
  // UTC wall clock; names moved-aside files and stamps the recovery alarm. Defaults to system_clock::now.
  std::function<std::chrono::system_clock::time_point()> clock;
  // PRAGMA max_page_count for this connection, to make "storage full" reproducible in tests (and to cap
  // the store below the disk size if an installation wants to). 0 keeps SQLite's default (no practical cap).
  std::int64_t max_page_count = 0;
};

struct SecondaryOptions {
  std::chrono::milliseconds busy_timeout{5000};
};

struct IntegrityReport {
  bool ok = false;
  std::vector<std::string> problems;  // SQLite's messages; empty when ok
};

class Store {
 public:
  // Opens (creating parent directories and the file as needed) and migrates the store. Never throws:
  // returns nullptr with report.outcome == unavailable when there is no usable store.
  //
  // A damaged file (not a SQLite database, PRAGMA quick_check fails, or -wal/-shm/-journal files with no
  // database beside them) is renamed with its siblings to "<name>.corrupt-<yyyymmddThhmmssZ>" (".2", ".3"...
  // appended if taken), a fresh store is created, and an alarm is recorded in it (device_alarms row plus a
  // "device.alarm" outbox event).
  static std::unique_ptr<Store> open(const std::filesystem::path& db_file, OpenReport& report);
  static std::unique_ptr<Store> open(const std::filesystem::path& db_file, OpenReport& report,
                                     const OpenOptions& options);

  // The newest schema version this program knows (the number of migrations).
  static int known_schema_version();

  // A second connection to a store that Store::open has already created and migrated, for another thread
  // (the sync thread drains the outbox while the UI thread writes). Same settings as the primary: WAL,
  // synchronous=FULL, foreign keys, busy timeout. It never creates, migrates, repairs or moves a file:
  // throws StoreError (with a message naming the path) if the file is missing, not in WAL mode, or its
  // schema version is not exactly known_schema_version() (older means the primary has not migrated it yet;
  // newer means a newer program owns it).
  static Database open_secondary(const std::filesystem::path& db_file);
  static Database open_secondary(const std::filesystem::path& db_file, const SecondaryOptions& options);

  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  Database& database() { return m_db; }
  Outbox& outbox() { return m_outbox; }
  Meta& meta() { return m_meta; }
  const std::filesystem::path& path() const { return m_db.path(); }

  // A fresh event id from this store's monotonic generator.
  std::string new_event_id(std::chrono::system_clock::time_point now);

  // Writes a device_alarms row and its "device.alarm" outbox event in one transaction; returns the alarm id.
  // Event data: {"alarm_id": id, "kind": kind, "detail": detail}. Must not be called inside a Transaction.
  std::int64_t record_alarm(std::string_view kind, std::string_view detail, domain::EventTime now);

  // Sets PRAGMA max_page_count on this connection and returns the limit now in force (SQLite never sets it
  // below the current page count). Tests use it to fill the store and then to make room again.
  std::int64_t set_max_page_count(std::int64_t pages);
  // Pages the file holds now and the page size in bytes (for the dashboard's disk figure).
  std::int64_t page_count();
  std::int64_t page_size();

  // Full PRAGMA integrity_check. Reads every page, so it can take seconds on a large store: run it off the
  // UI thread. Throws StoreError only if the check itself cannot run.
  IntegrityReport integrity_check();

 private:
  explicit Store(Database db);

  Database m_db;
  Outbox m_outbox;
  Meta m_meta;
  domain::SystemRandomSource m_random;
  domain::UuidV7Generator m_ids;
};

}  // namespace kiosk::store

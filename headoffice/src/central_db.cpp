#include "headoffice/central_db.hpp"

#include <array>
#include <string_view>

#include "store/error.hpp"
#include "store/statement.hpp"
#include "store/transaction.hpp"

namespace kiosk::headoffice {

namespace {

// Each entry is one migration; its index + 1 is the user_version it leads to. Never edit a shipped entry.
constexpr std::array<std::string_view, 1> migrations = {
    R"sql(
CREATE TABLE kiosks (
  kiosk               TEXT PRIMARY KEY,
  branch              TEXT NOT NULL,
  high_water          INTEGER NOT NULL DEFAULT 0,
  max_seq             INTEGER NOT NULL DEFAULT 0,
  last_seen           INTEGER,
  gap_since           INTEGER,
  resend_requested_at INTEGER,
  online              INTEGER,
  state_json          TEXT,
  state_at            INTEGER
);
CREATE TABLE events (
  id          TEXT PRIMARY KEY,
  kiosk       TEXT NOT NULL,
  branch      TEXT NOT NULL,
  seq         INTEGER NOT NULL,
  type        TEXT NOT NULL,
  schema      INTEGER NOT NULL,
  at          TEXT NOT NULL,
  data        TEXT NOT NULL,
  envelope    TEXT NOT NULL,
  body_hash   TEXT NOT NULL,
  batch_id    TEXT NOT NULL,
  received_at INTEGER NOT NULL,
  UNIQUE (kiosk, seq)
);
CREATE INDEX events_by_type ON events (branch, kiosk, type);
CREATE TABLE batches (
  batch_id    TEXT PRIMARY KEY,
  kiosk       TEXT NOT NULL,
  body_hash   TEXT NOT NULL,
  ack         TEXT NOT NULL,
  received_at INTEGER NOT NULL
);
CREATE TABLE duplicates (
  row_id      INTEGER PRIMARY KEY,
  kiosk       TEXT NOT NULL,
  event_id    TEXT NOT NULL,
  batch_id    TEXT NOT NULL,
  received_at INTEGER NOT NULL
);
CREATE TABLE conflicts (
  row_id      INTEGER PRIMARY KEY,
  kiosk       TEXT NOT NULL,
  event_id    TEXT NOT NULL,
  seq         INTEGER NOT NULL,
  body_hash   TEXT NOT NULL,
  envelope    TEXT NOT NULL,
  reason      TEXT NOT NULL,
  batch_id    TEXT NOT NULL,
  received_at INTEGER NOT NULL
);
CREATE TABLE rejects (
  row_id      INTEGER PRIMARY KEY,
  kiosk       TEXT NOT NULL,
  batch_id    TEXT,
  event_id    TEXT,
  reason      TEXT NOT NULL,
  received_at INTEGER NOT NULL
);
CREATE TABLE bundles (
  kind         TEXT NOT NULL,
  scope        TEXT NOT NULL,
  version      INTEGER NOT NULL,
  signed       TEXT NOT NULL,
  etag         TEXT NOT NULL,
  published_at INTEGER NOT NULL,
  PRIMARY KEY (kind, scope, version)
);
CREATE TABLE complaint_status (
  cursor INTEGER PRIMARY KEY AUTOINCREMENT,
  kiosk  TEXT NOT NULL,
  ref    TEXT NOT NULL,
  status TEXT NOT NULL,
  note   TEXT,
  at     TEXT NOT NULL
);
CREATE INDEX complaint_status_by_kiosk ON complaint_status (kiosk, cursor);
)sql",
};

std::int64_t user_version(store::Database& db) {
  store::Statement query(db, "PRAGMA user_version");
  query.step();
  return query.column_int64(0);
}

void configure(store::Database& db) {
  db.set_busy_timeout(std::chrono::seconds(10));
  store::Statement journal(db, "PRAGMA journal_mode = WAL");
  journal.step();
  if (journal.column_text(0) != "wal") {
    throw store::StoreError(0, "could not switch to WAL (journal_mode is " + journal.column_text(0) + ")",
                            "");
  }
  // FULL: an ack promises the events survive a power cut of the head-office host too.
  db.exec("PRAGMA synchronous = FULL");
}

}  // namespace

store::Database open_central_db(const std::filesystem::path& path) {
  store::Database db(path, store::OpenMode::read_write_create);
  configure(db);
  const auto current = user_version(db);
  if (current > static_cast<std::int64_t>(migrations.size())) {
    throw store::StoreError(
        0, "database schema version " + std::to_string(current) + " is newer than this program", "");
  }
  for (auto version = static_cast<std::size_t>(current); version < migrations.size(); ++version) {
    store::Transaction tx(db);
    db.exec(migrations[version]);
    db.exec("PRAGMA user_version = " + std::to_string(version + 1));
    tx.commit();
  }
  return db;
}

store::Database open_central_db_read_only(const std::filesystem::path& path) {
  store::Database db(path, store::OpenMode::read_only);
  db.set_busy_timeout(std::chrono::seconds(10));
  return db;
}

std::int64_t to_unix_ms(std::chrono::system_clock::time_point at) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(at.time_since_epoch()).count();
}

}  // namespace kiosk::headoffice

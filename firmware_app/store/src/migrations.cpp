// The store's schema, one numbered migration at a time. To change the schema, append a migration to
// k_migrations; never edit one that has shipped, because kiosks in the field already ran it.

#include "migrations.hpp"

#include <array>
#include <string>

#include "store/statement.hpp"
#include "store/transaction.hpp"

namespace kiosk::store::detail {
namespace {

// Migration 1: the outbox, settings and device alarms.
// - outbox.seq is AUTOINCREMENT so a seq is never handed out twice, even after rows are purged; head office
//   relies on (kiosk, seq) being unique forever.
// - The (state, seq) index serves "next pending batch in seq order" and the per-state counts.
constexpr std::string_view k_schema_v1 = R"sql(
CREATE TABLE outbox (
  seq        INTEGER PRIMARY KEY AUTOINCREMENT,
  id         TEXT    NOT NULL UNIQUE,
  type       TEXT    NOT NULL,
  schema     INTEGER NOT NULL,
  at         TEXT    NOT NULL,
  data       TEXT    NOT NULL,
  state      TEXT    NOT NULL DEFAULT 'pending'
                     CHECK (state IN ('pending', 'sent', 'confirmed', 'quarantined')),
  attempts   INTEGER NOT NULL DEFAULT 0,
  last_error TEXT,
  created_at TEXT    NOT NULL
);
CREATE INDEX outbox_state_seq ON outbox (state, seq);

CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE device_alarms (
  id         INTEGER PRIMARY KEY,
  at         TEXT NOT NULL,
  kind       TEXT NOT NULL,
  detail     TEXT NOT NULL,
  cleared_at TEXT
);
)sql";

constexpr std::array k_migrations{
    Migration{1, "outbox, meta, device_alarms", k_schema_v1},
};

}  // namespace

std::span<const Migration> migrations() {
  return k_migrations;
}

int latest_schema_version() {
  return k_migrations.back().version;
}

int read_user_version(Database& db) {
  Statement query(db, "PRAGMA user_version");
  query.step();
  return query.column_int(0);
}

void migrate(Database& db) {
  const int current = read_user_version(db);
  for (const Migration& migration : k_migrations) {
    if (migration.version <= current) {
      continue;
    }
    Transaction tx(db);
    db.exec(migration.sql);
    // PRAGMA takes no bound parameters; the version is our own constant.
    db.exec("PRAGMA user_version = " + std::to_string(migration.version));
    tx.commit();
  }
}

}  // namespace kiosk::store::detail

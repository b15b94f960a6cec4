// A store written by the previous release (schema 1) is upgraded in place without losing anything.

#include <gtest/gtest.h>

#include "repo_test_util.hpp"
#include "store/statement.hpp"
#include "store/transaction.hpp"

namespace kiosk::store {
namespace {

using test_util::pragma_text;

// The version 1 schema exactly as the first release shipped it.
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
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE device_alarms (id INTEGER PRIMARY KEY, at TEXT NOT NULL, kind TEXT NOT NULL, detail TEXT NOT NULL,
                            cleared_at TEXT);
)sql";

TEST(MigrationV2, UpgradesAVersionOneStoreKeepingItsEvents) {
  kiosk::test::TempDir dir("kiosk-migrate");
  const auto file = dir / "kiosk.db";
  {
    Database v1(file, OpenMode::read_write_create);
    v1.exec("PRAGMA journal_mode = WAL");
    v1.exec(k_schema_v1);
    v1.exec(
        "INSERT INTO outbox (id, type, schema, at, data, created_at) VALUES "
        "('0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b', 'kiosk.started', 1, '2026-11-23T09:15:02.123Z', "
        "'{\"n\":1}', '2026-11-23T09:15:02.123Z');"
        "INSERT INTO meta VALUES ('kiosk_id', 'K-042'); PRAGMA user_version = 1");
  }
  OpenReport report;
  auto store = Store::open(file, report);
  ASSERT_TRUE(store) << report.message;
  EXPECT_EQ(report.outcome, OpenOutcome::opened);
  EXPECT_NE(report.message.find("from version 1 to 2"), std::string::npos) << report.message;
  EXPECT_EQ(pragma_text(store->database(), "user_version"), "2");
  EXPECT_EQ(store->meta().get("kiosk_id"), "K-042");
  const auto rows = store->outbox().read_pending(10);
  ASSERT_EQ(rows.size(), 1U);
  EXPECT_EQ(rows[0].event.data_json, R"({"n":1})");
  EXPECT_FALSE(rows[0].sealed);
  // New events continue the old seq, and the new tables are usable.
  Transaction tx(store->database());
  EXPECT_EQ(store->outbox().append(tx, test_util::make_event(*store)), 2);
  tx.commit();
  EXPECT_EQ(test_util::count_rows(store->database(), "complaints"), 0);
  EXPECT_TRUE(store->integrity_check().ok);
}

}  // namespace
}  // namespace kiosk::store

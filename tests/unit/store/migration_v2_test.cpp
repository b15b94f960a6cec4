// A store written by the first release (schema 1) is upgraded in place, through every later migration,
// without losing anything.

#include <gtest/gtest.h>

#include "../../../firmware_app/store/src/migrations.hpp"  // private to kiosk_store: builds older files
#include "repo_test_util.hpp"
#include "store/outbox.hpp"
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
  EXPECT_NE(report.message.find("from version 1 to 5"), std::string::npos) << report.message;
  EXPECT_EQ(pragma_text(store->database(), "user_version"), "5");
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
  EXPECT_EQ(test_util::count_rows(store->database(), "staff_audit"), 0);
  EXPECT_TRUE(store->integrity_check().ok);
}

// A file as release N left it: the first N migrations, nothing after.
void make_old_store(const std::filesystem::path& file, int version) {
  Database old(file, OpenMode::read_write_create);
  old.exec("PRAGMA journal_mode = WAL");
  detail::migrate_to(old, version);
}

// A store of the second release (schema 2) keeps its records and gains the staff audit log and the
// dashboard's indexes.
TEST(MigrationV3, UpgradesAVersionTwoStoreKeepingItsRecords) {
  kiosk::test::TempDir dir("kiosk-migrate3");
  const auto file = dir / "kiosk.db";
  make_old_store(file, 2);
  {
    Database old(file, OpenMode::read_write);
    EXPECT_EQ(pragma_text(old, "user_version"), "2");
    old.exec(
        "INSERT INTO tickets (id, service_id, local_day, number, display, language, issued_at, people_ahead, "
        "quote_kind) VALUES ('t1', 'cash', '2026-11-23', 1, 'A001', 'en', 0, 0, 'no_wait')");
  }
  OpenReport report;
  auto store = Store::open(file, report);
  ASSERT_TRUE(store) << report.message;
  EXPECT_NE(report.message.find("from version 2 to 5"), std::string::npos) << report.message;
  EXPECT_EQ(test_util::count_rows(store->database(), "tickets"), 1);
  EXPECT_EQ(test_util::count_rows(store->database(), "staff_audit"), 0);
  Statement plan(store->database(), "EXPLAIN QUERY PLAN SELECT * FROM tickets WHERE done_at >= 5");
  std::string steps;
  while (plan.step()) {
    steps += plan.column_text(3) + "\n";
  }
  EXPECT_NE(steps.find("tickets_done_at"), std::string::npos) << steps;
  EXPECT_TRUE(store->integrity_check().ok);
}

std::string query_plan(Database& db, const std::string& sql) {
  Statement plan(db, "EXPLAIN QUERY PLAN " + sql);
  std::string steps;
  while (plan.step()) {
    steps += plan.column_text(3) + "\n";
  }
  return steps;
}

TEST(MigrationV4, IndexesThePendingOutboxInTheOrderItLeaves) {
  kiosk::test::TempDir dir("kiosk-migrate");
  const auto file = dir / "kiosk.db";
  make_old_store(file, 3);
  {
    Database old(file, OpenMode::read_write);
    old.exec(
        "INSERT INTO outbox (id, type, schema, at, data, created_at) VALUES "
        "('0190a0a0-0000-7000-8000-000000000001', 'ticket.issued', 1, '2026-12-07T10:00:00Z', '{}', "
        "'2026-12-07T10:00:00Z')");
  }
  OpenReport report;
  auto store = Store::open(file, report);
  ASSERT_TRUE(store) << report.message;
  EXPECT_NE(report.message.find("from version 3 to 5"), std::string::npos) << report.message;
  EXPECT_EQ(test_util::count_rows(store->database(), "outbox"), 1);

  // SQLite matches an indexed expression by its text: the index must hold the store's expression exactly.
  Statement ddl(store->database(), "SELECT sql FROM sqlite_master WHERE name = 'outbox_pending_by_priority'");
  ASSERT_TRUE(ddl.step());
  EXPECT_NE(ddl.column_text(0).find(k_outbox_priority_sql), std::string::npos) << ddl.column_text(0);

  // The drainer's read of the next batch (Outbox::pending_in_sending_order) walks the index: no sort of the
  // backlog. The same for shedding telemetry (sync/kiosk/src/outbox_access.cpp). The queries name the
  // index: without statistics the planner prefers outbox_state_seq and a sort, which is cheap for ten rows
  // and slow for a backlog of 100,000.
  const auto batch_plan = query_plan(store->database(), Outbox::sending_order_query());
  EXPECT_NE(batch_plan.find("outbox_pending_by_priority"), std::string::npos) << batch_plan;
  EXPECT_EQ(batch_plan.find("TEMP B-TREE"), std::string::npos) << batch_plan;
  const std::string shed =
      "SELECT seq FROM outbox INDEXED BY outbox_pending_by_priority WHERE state = 'pending' AND " +
      std::string(k_outbox_priority_sql) + " = 2 ORDER BY seq LIMIT 50";
  const auto shed_plan = query_plan(store->database(), shed);
  EXPECT_NE(shed_plan.find("outbox_pending_by_priority"), std::string::npos) << shed_plan;
  const auto oldest_plan =
      query_plan(store->database(), "SELECT min(created_at) FROM outbox WHERE state = 'pending'");
  EXPECT_NE(oldest_plan.find("outbox_state_created"), std::string::npos) << oldest_plan;
  EXPECT_TRUE(store->integrity_check().ok);
}

}  // namespace
}  // namespace kiosk::store

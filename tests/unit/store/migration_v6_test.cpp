// Schema v6 (dashboard roll-ups) adds the dashboard_days table: a store of release 5 keeps its tickets, and
// the table's CHECKs keep malformed days and negative counts out.

#include <gtest/gtest.h>

#include "../../../firmware_app/store/src/migrations.hpp"  // private to kiosk_store: builds older files
#include "repo_test_util.hpp"
#include "store/error.hpp"
#include "store/statement.hpp"

namespace kiosk::store {
namespace {

using test_util::count_rows;
using test_util::pragma_text;

class MigrationV6 : public ::testing::Test {
 protected:
  void SetUp() override {
    Database old(m_file, OpenMode::read_write_create);
    old.exec("PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON");
    detail::migrate_to(old, 5);
    ASSERT_EQ(pragma_text(old, "user_version"), "5");
    old.exec(
        "INSERT INTO tickets (id, service_id, local_day, number, display, language, issued_at, people_ahead, "
        "quote_kind, status) VALUES ('t1', 'cash', '2026-12-07', 1, 'A001', 'nb', 1000, 0, 'no_wait', "
        "'waiting')");
  }

  kiosk::test::TempDir m_dir{"kiosk-migrate6"};
  std::filesystem::path m_file = m_dir / "kiosk.db";
};

TEST_F(MigrationV6, UpgradesAVersionFiveStoreKeepingItsTickets) {
  OpenReport report;
  auto store = Store::open(m_file, report);
  ASSERT_TRUE(store) << report.message;
  EXPECT_NE(report.message.find("from version 5 to 6"), std::string::npos) << report.message;
  Database& db = store->database();
  EXPECT_EQ(pragma_text(db, "user_version"), "6");
  EXPECT_EQ(count_rows(db, "tickets"), 1);
  EXPECT_EQ(count_rows(db, "dashboard_days"), 0);
}

TEST_F(MigrationV6, RefusesMalformedDaysAndNegativeCounts) {
  OpenReport report;
  auto store = Store::open(m_file, report);
  ASSERT_TRUE(store) << report.message;
  Database& db = store->database();
  db.exec(
      "INSERT INTO dashboard_days (figures_key, local_day, has_data, nps_answers, computed_at) "
      "VALUES ('k', '2026-12-06', 0, 0, 1)");
  EXPECT_THROW(
      db.exec("INSERT INTO dashboard_days (figures_key, local_day, has_data, nps_answers, computed_at) "
              "VALUES ('k', '6 Dec', 0, 0, 1)"),
      StoreError);
  EXPECT_THROW(
      db.exec("INSERT INTO dashboard_days (figures_key, local_day, has_data, check_ins, nps_answers, "
              "computed_at) VALUES ('k', '2026-12-05', 1, -1, 0, 1)"),
      StoreError);
  EXPECT_THROW(
      db.exec("INSERT INTO dashboard_days (figures_key, local_day, has_data, nps_answers, computed_at) "
              "VALUES ('k', '2026-12-06', 0, 0, 2)"),
      StoreError);  // one point per key and day
  EXPECT_EQ(count_rows(db, "dashboard_days"), 1);
}

}  // namespace
}  // namespace kiosk::store

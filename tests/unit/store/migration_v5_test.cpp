// Schema v5 (counter console) rebuilds the tickets table: a store of release 4 keeps every ticket, used
// booking and event, the foreign key from used_bookings still points at tickets, and a transfer may repeat a
// printed number in another service while printed numbers stay unique.

#include <gtest/gtest.h>

#include "../../../firmware_app/store/src/migrations.hpp"  // private to kiosk_store: builds older files
#include "repo_test_util.hpp"
#include "store/error.hpp"
#include "store/statement.hpp"
#include "store/ticket_repository.hpp"
#include "store/transaction.hpp"

namespace kiosk::store {
namespace {

using test_util::count_rows;
using test_util::pragma_text;

domain::EventTime unix_ms(std::int64_t ms) {
  return domain::EventTime{std::chrono::milliseconds{ms}};
}

std::string sql_of(Database& db, const std::string& name) {
  Statement query(db, "SELECT sql FROM sqlite_master WHERE name = ?1");
  query.bind_text(1, name);
  return query.step() ? query.column_text(0) : std::string();
}

class MigrationV5 : public ::testing::Test {
 protected:
  void SetUp() override {
    Database old(m_file, OpenMode::read_write_create);
    old.exec("PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON");
    detail::migrate_to(old, 4);
    ASSERT_EQ(pragma_text(old, "user_version"), "4");
    old.exec(
        "INSERT INTO tickets (id, service_id, local_day, number, display, language, booking_code, issued_at, "
        "people_ahead, quote_kind, quote_low_min, quote_high_min, status, called_at, served_at, done_at, "
        "counter) VALUES "
        "('t1', 'cash', '2026-12-07', 1, 'A001', 'nb', NULL, 1000, 0, 'range', 5, 10, 'served', 2000, 3000, "
        "3000, '2'), "
        "('t2', 'cash', '2026-12-07', 2, 'A002', 'en', 'BK-1', 1500, 1, 'people_ahead_only', 0, NULL, "
        "'waiting', NULL, NULL, NULL, NULL), "
        "('t3', 'loans', '2026-12-07', 1, 'B001', 'ru', NULL, 1600, 0, 'no_wait', 0, NULL, 'called', 2500, "
        "NULL, NULL, '3');"
        "INSERT INTO used_bookings (code, ticket_id, used_at) VALUES ('BK-1', 't2', 1500);"
        "INSERT INTO ticket_counters (service_id, local_day, last_number) VALUES ('cash', '2026-12-07', 2);"
        "INSERT INTO outbox (id, type, schema, at, data, created_at) VALUES "
        "('0190a0a0-0000-7000-8000-000000000001', 'ticket.issued', 1, '2026-12-07T10:00:00Z', '{}', "
        "'2026-12-07T10:00:00Z')");
  }

  kiosk::test::TempDir m_dir{"kiosk-migrate5"};
  std::filesystem::path m_file = m_dir / "kiosk.db";
};

TEST_F(MigrationV5, UpgradesAVersionFourStoreKeepingItsTickets) {
  OpenReport report;
  auto store = Store::open(m_file, report);
  ASSERT_TRUE(store) << report.message;
  EXPECT_NE(report.message.find("from version 4 to 5"), std::string::npos) << report.message;
  Database& db = store->database();
  EXPECT_EQ(pragma_text(db, "user_version"), "5");
  EXPECT_EQ(count_rows(db, "tickets"), 3);
  EXPECT_EQ(count_rows(db, "used_bookings"), 1);
  EXPECT_EQ(count_rows(db, "ticket_counters"), 1);
  EXPECT_EQ(count_rows(db, "outbox"), 1);
  EXPECT_EQ(count_rows(db, "counter_states"), 0);
  EXPECT_EQ(count_rows(db, "counter_calls"), 0);
  EXPECT_EQ(count_rows(db, "sqlite_master WHERE name LIKE '%_v5'"), 0);

  // Every column of every row survived the copy.
  TicketRepository tickets(db);
  const auto t1 = tickets.find("t1");
  ASSERT_TRUE(t1);
  EXPECT_EQ(t1->service_id, "cash");
  EXPECT_EQ(t1->local_day, "2026-12-07");
  EXPECT_EQ(t1->number, 1);
  EXPECT_EQ(t1->display, "A001");
  EXPECT_EQ(t1->language, "nb");
  EXPECT_EQ(t1->issued_at, unix_ms(1000));
  EXPECT_EQ(t1->quote_kind, QuoteKind::range);
  EXPECT_EQ(t1->quote_low_min, 5);
  EXPECT_EQ(t1->quote_high_min, 10);
  EXPECT_EQ(t1->status, TicketStatus::served);
  EXPECT_EQ(t1->called_at, unix_ms(2000));
  EXPECT_EQ(t1->served_at, unix_ms(3000));
  EXPECT_EQ(t1->done_at, unix_ms(3000));
  EXPECT_EQ(t1->counter, "2");
  EXPECT_FALSE(t1->transferred_from);
  const auto t2 = tickets.find("t2");
  ASSERT_TRUE(t2);
  EXPECT_EQ(t2->booking_code, "BK-1");
  EXPECT_EQ(t2->people_ahead, 1);
  EXPECT_EQ(t2->quote_kind, QuoteKind::people_ahead_only);
  EXPECT_FALSE(t2->quote_high_min);
  EXPECT_EQ(tickets.find_used_booking("BK-1")->ticket_id, "t2");
  EXPECT_EQ(tickets.waiting_count("cash", "2026-12-07"), 1);

  // The foreign key names the new table, and nothing dangles.
  EXPECT_NE(sql_of(db, "used_bookings").find("\"tickets\""), std::string::npos)
      << sql_of(db, "used_bookings");
  EXPECT_EQ(count_rows(db, "pragma_foreign_key_check"), 0);
  EXPECT_TRUE(store->integrity_check().ok);
  for (const char* index : {"tickets_number", "tickets_waiting", "tickets_called", "tickets_display",
                            "tickets_issued_at", "tickets_called_at", "tickets_done_at", "tickets_open"}) {
    EXPECT_FALSE(sql_of(db, index).empty()) << index;
  }
}

TEST_F(MigrationV5, PrintedNumbersStayUniqueAndATransferMayRepeatOne) {
  auto store = test_util::open_ok(m_file);
  ASSERT_TRUE(store);
  Database& db = store->database();
  TicketRepository tickets(db);
  TicketRow row = *tickets.find("t1");
  row.id = "t4";
  row.service_id = "loans";  // "A001" now waits for loans, whose own B001 has number 1 too
  row.status = TicketStatus::waiting;
  row.transferred_from = "t1";
  {
    Transaction tx(db);
    tickets.insert(tx, row);
    tx.commit();
  }
  EXPECT_EQ(tickets.find("t4")->transferred_from, "t1");
  row.id = "t5";
  row.transferred_from.reset();
  Transaction tx(db);
  EXPECT_THROW(tickets.insert(tx, row), StoreError);  // a second printed loans number 1
  // A booking's ticket cannot vanish under its used_bookings row.
  EXPECT_THROW(db.exec("DELETE FROM tickets WHERE id = 't2'"), StoreError);
}

}  // namespace
}  // namespace kiosk::store

#include "store/outbox.hpp"

#include <gtest/gtest.h>

#include <cctype>
#include <stdexcept>

#include "store/error.hpp"
#include "store/statement.hpp"
#include "store/store.hpp"
#include "store/transaction.hpp"
#include "store_test_util.hpp"
#include "temp_dir.hpp"

namespace kiosk::store {
namespace {

using test_util::count_rows;
using test_util::make_event;

class StoreOutbox : public ::testing::Test {
 protected:
  void SetUp() override {
    m_store = test_util::open_ok(m_dir / "kiosk.db");
    ASSERT_TRUE(m_store);
  }

  // Appends `count` events, each in its own committed transaction; returns their seqs.
  std::vector<std::int64_t> append(int count) {
    std::vector<std::int64_t> seqs;
    for (int i = 0; i < count; ++i) {
      Transaction tx(m_store->database());
      seqs.push_back(outbox().append(tx, make_event(*m_store)));
      tx.commit();
    }
    return seqs;
  }

  store::Outbox& outbox() { return m_store->outbox(); }
  Database& db() { return m_store->database(); }

  kiosk::test::TempDir m_dir;
  std::unique_ptr<Store> m_store;
};

TEST_F(StoreOutbox, AppendStoresTheEnvelopeAsPending) {
  domain::EventRecord event = make_event(*m_store, "ticket.issued", R"({"service":"cash","number":"A042"})");
  event.schema = 3;
  std::int64_t seq = 0;
  {
    Transaction tx(db());
    seq = outbox().append(tx, event);
    tx.commit();
  }
  EXPECT_EQ(seq, 1);
  const auto rows = outbox().read_pending(10);
  ASSERT_EQ(rows.size(), 1U);
  EXPECT_EQ(rows[0].seq, seq);
  EXPECT_EQ(rows[0].event.id, event.id);
  EXPECT_EQ(rows[0].event.type, "ticket.issued");
  EXPECT_EQ(rows[0].event.schema, 3);
  EXPECT_EQ(rows[0].event.at, event.at);
  EXPECT_EQ(rows[0].event.data_json, event.data_json);
  EXPECT_EQ(rows[0].attempts, 0);
  EXPECT_FALSE(rows[0].last_error);

  Statement raw(db(), "SELECT at, state, created_at FROM outbox WHERE seq = ?1");
  raw.bind_int64(1, seq);
  ASSERT_TRUE(raw.step());
  EXPECT_EQ(raw.column_text(0), "2026-11-23T09:15:02.123Z");
  EXPECT_EQ(raw.column_text(1), "pending");
  EXPECT_TRUE(domain::parse_rfc3339_utc(raw.column_text(2))) << raw.column_text(2);
}

TEST_F(StoreOutbox, StoresIdsInCanonicalLowercase) {
  domain::EventRecord event = make_event(*m_store);
  for (char& c : event.id) {
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  Transaction tx(db());
  const auto seq = outbox().append(tx, event);
  tx.commit();
  const auto row = outbox().find(seq);
  ASSERT_TRUE(row);
  EXPECT_EQ(row->event.id, domain::parse_uuid(event.id)->to_string());
}

TEST_F(StoreOutbox, ReadPendingIsInSeqOrderAndHonoursTheLimit) {
  const auto seqs = append(5);
  EXPECT_EQ(seqs, (std::vector<std::int64_t>{1, 2, 3, 4, 5}));
  EXPECT_EQ(outbox().pending_count(), 5);
  const auto first_three = outbox().read_pending(3);
  ASSERT_EQ(first_three.size(), 3U);
  EXPECT_EQ(first_three[0].seq, 1);
  EXPECT_EQ(first_three[2].seq, 3);
  EXPECT_TRUE(outbox().read_pending(0).empty());
}

TEST_F(StoreOutbox, SeqIsNeverReusedAfterRowsAreDeleted) {
  append(3);
  db().exec("DELETE FROM outbox");
  EXPECT_EQ(append(1).front(), 4);
  // Nor after a restart.
  m_store.reset();
  m_store = test_util::open_ok(m_dir / "kiosk.db");
  ASSERT_TRUE(m_store);
  db().exec("DELETE FROM outbox");
  EXPECT_EQ(append(1).front(), 5);
}

TEST_F(StoreOutbox, StateTransitions) {
  const auto seqs = append(6);  // 1..6
  const std::vector<std::int64_t> batch{1, 2, 3, 4};
  EXPECT_EQ(outbox().mark_sent(batch), 4);
  EXPECT_EQ(outbox().state_of(1), OutboxState::sent);
  EXPECT_EQ(outbox().find(1)->attempts, 1);
  EXPECT_EQ(outbox().pending_count(), 2);
  // Only pending rows can be sent; 1 is already sent.
  EXPECT_EQ(outbox().mark_sent(std::vector<std::int64_t>{1, 5}), 1);

  // No ack for 3 and 4 in time: they go back and are read again first.
  EXPECT_EQ(outbox().return_to_pending(std::vector<std::int64_t>{3, 4, 6}), 2);
  const auto again = outbox().read_pending(10);
  ASSERT_EQ(again.size(), 3U);
  EXPECT_EQ(again[0].seq, 3);
  EXPECT_EQ(again[1].seq, 4);
  EXPECT_EQ(again[2].seq, 6);
  EXPECT_EQ(outbox().mark_sent(std::vector<std::int64_t>{3}), 1);
  EXPECT_EQ(outbox().find(3)->attempts, 2);

  // Head office committed everything up to 3.
  EXPECT_EQ(outbox().mark_confirmed_up_to(3), 3);
  EXPECT_EQ(outbox().state_of(1), OutboxState::confirmed);
  EXPECT_EQ(outbox().state_of(3), OutboxState::confirmed);
  EXPECT_EQ(outbox().state_of(4), OutboxState::pending);
  EXPECT_EQ(outbox().state_of(5), OutboxState::sent);
  // Confirmed rows do not go back.
  EXPECT_EQ(outbox().return_to_pending(std::vector<std::int64_t>{1, 2}), 0);
  EXPECT_EQ(outbox().mark_sent(std::vector<std::int64_t>{1}), 0);

  const OutboxCounts counts = outbox().counts_by_state();
  EXPECT_EQ(counts.pending, 2);  // 4, 6
  EXPECT_EQ(counts.sent, 1);     // 5
  EXPECT_EQ(counts.confirmed, 3);
  EXPECT_EQ(counts.quarantined, 0);
  // The dashboard's count reads only the rows not yet confirmed.
  const OutboxCounts unconfirmed = outbox().unconfirmed_counts();
  EXPECT_EQ(unconfirmed.pending, 2);
  EXPECT_EQ(unconfirmed.sent, 1);
  EXPECT_EQ(unconfirmed.confirmed, 0);
  EXPECT_EQ(unconfirmed.quarantined, 0);
  EXPECT_EQ(outbox().state_of(99), std::nullopt);
  EXPECT_TRUE(outbox().mark_sent({}) == 0);
  (void)seqs;
}

TEST_F(StoreOutbox, QuarantinedRowsStepOutOfTheQueue) {
  append(3);
  EXPECT_TRUE(outbox().quarantine(2, "head office rejected: schema 1 unknown"));
  EXPECT_FALSE(outbox().quarantine(2, "again"));
  EXPECT_FALSE(outbox().quarantine(42, "no such row"));
  const auto pending = outbox().read_pending(10);
  ASSERT_EQ(pending.size(), 2U);
  EXPECT_EQ(pending[0].seq, 1);
  EXPECT_EQ(pending[1].seq, 3);
  const auto poison = outbox().find(2);
  ASSERT_TRUE(poison);
  EXPECT_EQ(poison->last_error, "head office rejected: schema 1 unknown");
  // A later high-water mark does not hide the quarantined row.
  EXPECT_EQ(outbox().mark_confirmed_up_to(3), 2);
  EXPECT_EQ(outbox().state_of(2), OutboxState::quarantined);
  EXPECT_EQ(outbox().counts_by_state().quarantined, 1);
  EXPECT_EQ(outbox().unconfirmed_counts().quarantined, 1);
  EXPECT_EQ(outbox().unconfirmed_counts().pending, 0);
}

TEST_F(StoreOutbox, AnUnreadableRowIsQuarantinedInsteadOfBlockingTheQueue) {
  append(2);
  db().exec("UPDATE outbox SET at = 'yesterday' WHERE seq = 1");
  const auto pending = outbox().read_pending(10);
  ASSERT_EQ(pending.size(), 1U);
  EXPECT_EQ(pending[0].seq, 2);
  EXPECT_EQ(outbox().state_of(1), OutboxState::quarantined);
}

TEST_F(StoreOutbox, SendingOrderPutsComplaintsFirstSkipsInFlightAndQuarantinesUnreadable) {
  append(4);  // seqs 1-4, telemetry (kiosk.started) until retyped
  db().exec("UPDATE outbox SET type = 'ticket.issued' WHERE seq = 2");
  db().exec("UPDATE outbox SET type = 'complaint.submitted' WHERE seq = 3");
  db().exec("UPDATE outbox SET type = 'device.alarm' WHERE seq = 1");
  db().exec("UPDATE outbox SET at = 'yesterday' WHERE seq = 4");
  const auto rows = outbox().pending_in_sending_order(10, {}, nullptr);
  std::vector<std::int64_t> order;
  for (const auto& row : rows) {
    order.push_back(row.seq);
  }
  EXPECT_EQ(order, (std::vector<std::int64_t>{3, 2, 1}));
  EXPECT_EQ(outbox().state_of(4), OutboxState::quarantined);

  const auto after_skip = outbox().pending_in_sending_order(1, {3, 2}, nullptr);
  ASSERT_EQ(after_skip.size(), 1U) << "skipped rows must not eat into the limit";
  EXPECT_EQ(after_skip[0].seq, 1);
}

TEST_F(StoreOutbox, AppendAndTheBusinessRowCommitTogetherOrNotAtAll) {
  db().exec("CREATE TABLE business_rows (id INTEGER PRIMARY KEY, number TEXT NOT NULL)");
  auto issue_ticket = [&](const std::string& number, bool fail_before_commit) {
    Transaction tx(db());
    Statement insert(db(), "INSERT INTO business_rows (number) VALUES (?1)");
    insert.bind_text(1, number);
    insert.run();
    outbox().append(tx, make_event(*m_store, "ticket.issued", R"({"number":")" + number + "\"}"));
    if (fail_before_commit) {
      throw std::runtime_error("printer jammed");
    }
    tx.commit();
  };
  EXPECT_THROW(issue_ticket("A001", true), std::runtime_error);
  EXPECT_EQ(count_rows(db(), "business_rows"), 0);
  EXPECT_EQ(count_rows(db(), "outbox"), 0);

  issue_ticket("A002", false);
  EXPECT_EQ(count_rows(db(), "business_rows"), 1);
  EXPECT_EQ(count_rows(db(), "outbox"), 1);

  // A failing outbox append (duplicate id) takes the business row down with it.
  const auto event = make_event(*m_store);
  {
    Transaction tx(db());
    outbox().append(tx, event);
    tx.commit();
  }
  try {
    Transaction tx(db());
    db().exec("INSERT INTO business_rows (number) VALUES ('A003')");
    outbox().append(tx, event);
    tx.commit();
    FAIL() << "duplicate event id accepted";
  } catch (const StoreError& error) {
    EXPECT_EQ(error.code(), 19 | (8 << 8));  // SQLITE_CONSTRAINT_UNIQUE
  }
  EXPECT_EQ(count_rows(db(), "business_rows"), 1);
  EXPECT_EQ(count_rows(db(), "outbox"), 2);
}

TEST_F(StoreOutbox, RefusesEventsThatCouldNeverBeDelivered) {
  const auto rejected = [&](domain::EventRecord event) {
    Transaction tx(db());
    EXPECT_THROW(outbox().append(tx, event), std::invalid_argument) << event.id << ' ' << event.type;
  };
  auto event = make_event(*m_store);
  event.id = "not-a-uuid";
  rejected(event);
  event = make_event(*m_store, "Kiosk Started");
  rejected(event);
  event = make_event(*m_store, "kiosk.started", "{not json");
  rejected(event);
  event = make_event(*m_store, "kiosk.started", "[1,2]");
  rejected(event);
  event = make_event(*m_store, "kiosk.started", "");
  rejected(event);
  event = make_event(*m_store);
  event.schema = 0;
  rejected(event);
  EXPECT_EQ(count_rows(db(), "outbox"), 0);
}

TEST_F(StoreOutbox, AppendNeedsAnOpenTransaction) {
  Transaction tx(db());
  tx.commit();
  EXPECT_THROW(outbox().append(tx, make_event(*m_store)), std::logic_error);
  EXPECT_EQ(count_rows(db(), "outbox"), 0);
}

TEST_F(StoreOutbox, RecordAlarmWritesTheAlarmAndItsEventTogether) {
  const auto id = m_store->record_alarm("printer.paper_out", "printer \"front\" is out of paper",
                                        test_util::k_event_time);
  Statement alarm(db(), "SELECT kind, detail, at FROM device_alarms WHERE id = ?1");
  alarm.bind_int64(1, id);
  ASSERT_TRUE(alarm.step());
  EXPECT_EQ(alarm.column_text(0), "printer.paper_out");
  EXPECT_EQ(alarm.column_text(1), "printer \"front\" is out of paper");
  EXPECT_EQ(alarm.column_text(2), "2026-11-23T09:15:02.123Z");
  const auto events = outbox().read_pending(10);
  ASSERT_EQ(events.size(), 1U);
  EXPECT_EQ(events[0].event.type, "device.alarm");
  EXPECT_EQ(events[0].event.data_json,
            R"({"alarm_id":)" + std::to_string(id) +
                R"(,"detail":"printer \"front\" is out of paper","kind":"printer.paper_out"})");
  const auto uuid = domain::parse_uuid(events[0].event.id);
  ASSERT_TRUE(uuid);
  EXPECT_EQ(uuid->version(), 7);
}

TEST_F(StoreOutbox, RecordAlarmKeepsDetailsThatAreNotUtf8) {
  m_store->record_alarm("store.io", std::string("path \xff\xfe broken"), test_util::k_event_time);
  EXPECT_EQ(outbox().pending_count(), 1);
}

TEST(StoreMeta, GetSetAndOverwrite) {
  kiosk::test::TempDir dir;
  auto store = test_util::open_ok(dir / "kiosk.db");
  ASSERT_TRUE(store);
  EXPECT_EQ(store->meta().get("branch"), std::nullopt);
  store->meta().set("branch", "0042");
  store->meta().set("branch", "0043");
  EXPECT_EQ(store->meta().get("branch"), "0043");
  store->meta().set("empty", "");
  EXPECT_EQ(store->meta().get("empty"), "");
}

TEST(StoreMeta, SetJoinsTheCallersTransaction) {
  kiosk::test::TempDir dir;
  auto store = test_util::open_ok(dir / "kiosk.db");
  ASSERT_TRUE(store);
  {
    Transaction tx(store->database());
    store->meta().set("cursor", "17");
  }  // rolled back
  EXPECT_EQ(store->meta().get("cursor"), std::nullopt);
}

}  // namespace
}  // namespace kiosk::store

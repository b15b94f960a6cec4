// When the store cannot grow, a write fails with StoreError::Kind::storage_full, nothing committed before is
// lost, the file stays healthy, and writes work again once there is room.

#include <gtest/gtest.h>

#include <cerrno>

#include "repo_test_util.hpp"
#include "store/error.hpp"
#include "store/statement.hpp"
#include "store/survey_repository.hpp"
#include "store/transaction.hpp"

namespace kiosk::store {
namespace {

using test_util::at_minutes;
using test_util::count_rows;

// SQLite result codes, spelled out because sqlite3.h is not ours to include here.
constexpr int k_sqlite_busy = 5;
constexpr int k_sqlite_ioerr = 10;
constexpr int k_sqlite_corrupt = 11;
constexpr int k_sqlite_full = 13;
constexpr int k_sqlite_constraint = 19;
constexpr int k_sqlite_misuse = 21;
constexpr int k_sqlite_notadb = 26;
constexpr int k_sqlite_ioerr_write = k_sqlite_ioerr | (3 << 8);
constexpr int k_sqlite_ioerr_fsync = k_sqlite_ioerr | (4 << 8);
constexpr int k_sqlite_constraint_unique = k_sqlite_constraint | (8 << 8);

TEST(StoreErrorKind, FollowsTheResultCodeAndTheOsError) {
  EXPECT_EQ(StoreError(k_sqlite_full, "database or disk is full", "").kind(), StoreError::Kind::storage_full);
  EXPECT_TRUE(StoreError(k_sqlite_full, "", "").is_storage_full());
  EXPECT_EQ(StoreError(k_sqlite_ioerr_write, "", "", ENOSPC).kind(), StoreError::Kind::storage_full);
  EXPECT_EQ(StoreError(k_sqlite_ioerr_fsync, "", "", EDQUOT).kind(), StoreError::Kind::storage_full);
  EXPECT_EQ(StoreError(k_sqlite_ioerr_write, "", "", EIO).kind(), StoreError::Kind::other);
  EXPECT_EQ(StoreError(k_sqlite_ioerr_write, "", "").kind(), StoreError::Kind::other);
  EXPECT_EQ(StoreError(k_sqlite_busy, "", "").kind(), StoreError::Kind::busy);
  EXPECT_EQ(StoreError(k_sqlite_constraint_unique, "", "").kind(), StoreError::Kind::constraint);
  EXPECT_EQ(StoreError(k_sqlite_corrupt, "", "").kind(), StoreError::Kind::corrupt);
  EXPECT_EQ(StoreError(k_sqlite_notadb, "", "").kind(), StoreError::Kind::corrupt);
  EXPECT_EQ(StoreError(k_sqlite_misuse, "", "").kind(), StoreError::Kind::other);
  EXPECT_EQ(StoreError(k_sqlite_ioerr_write, "", "", ENOSPC).system_errno(), ENOSPC);
}

class StorageFull : public test_util::RepoTest {
 protected:
  // One survey response and its outbox event in one transaction, as the app writes them.
  void submit(int i) {
    Transaction tx(db());
    SurveyResponseRow row;
    row.id = m_store->new_event_id(std::chrono::system_clock::now());
    row.survey_id = "visit";
    row.survey_version = 1;
    row.trigger = "idle";
    row.language = "en";
    row.answers_json = R"({"comment":")" + std::string(1500, static_cast<char>('a' + i % 26)) + R"("})";
    row.submitted_at = at_minutes(i);
    SurveyRepository(db()).insert(tx, row);
    m_store->outbox().append(tx, test_util::make_event(*m_store, "survey.submitted", row.answers_json));
    tx.commit();
  }
};

TEST_F(StorageFull, FullStoreRefusesNewWritesAndKeepsEverythingCommitted) {
  const std::int64_t base = m_store->page_count();
  ASSERT_GT(base, 0);
  EXPECT_EQ(m_store->set_max_page_count(base + 40), base + 40);

  int committed = 0;
  std::optional<StoreError> failure;
  constexpr int k_max_attempts = 10'000;  // far more than 40 pages can hold
  while (committed < k_max_attempts) {
    try {
      submit(committed);
      ++committed;
    } catch (const StoreError& error) {
      failure = error;
      break;
    }
  }
  ASSERT_TRUE(failure) << "the store never filled up";
  EXPECT_EQ(failure->kind(), StoreError::Kind::storage_full) << failure->what();
  EXPECT_TRUE(failure->is_storage_full());
  ASSERT_GT(committed, 3) << "the limit left no room for the test to mean anything";
  EXPECT_FALSE(db().in_transaction()) << "the failed transaction was rolled back";

  // Every committed record and its event is there; the failed one left neither.
  EXPECT_EQ(count_rows(db(), "survey_responses"), committed);
  EXPECT_EQ(m_store->outbox().pending_count(), committed);
  EXPECT_TRUE(m_store->integrity_check().ok);

  // Still full: another try fails the same way and changes nothing.
  EXPECT_THROW(submit(committed), StoreError);
  EXPECT_EQ(count_rows(db(), "survey_responses"), committed);

  // Room again: writes work.
  EXPECT_GE(m_store->set_max_page_count(base + 1000), base + 1000);
  submit(committed);
  EXPECT_EQ(count_rows(db(), "survey_responses"), committed + 1);

  // And all of it survives a restart.
  reopen();
  EXPECT_EQ(count_rows(db(), "survey_responses"), committed + 1);
  EXPECT_EQ(m_store->outbox().pending_count(), committed + 1);
  EXPECT_TRUE(m_store->integrity_check().ok);
}

TEST_F(StorageFull, OpenOptionsCapTheStore) {
  m_store.reset();
  OpenOptions options;
  options.max_page_count = 1;  // below the migrated schema: SQLite keeps the current size as the cap
  OpenReport report;
  auto store = Store::open(m_dir / "capped.db", report, options);
  ASSERT_TRUE(store) << report.message;
  Transaction tx(store->database());
  try {
    // Larger than the free pages the schema leaves behind (migration 5 rebuilds the tickets table, and
    // the pages of the old one stay in the file as free pages that an insert may reuse).
    store->outbox().append(tx, test_util::make_event(*store, "survey.submitted",
                                                     R"({"x":")" + std::string(400000, 'x') + R"("})"));
    tx.commit();
    FAIL() << "expected the capped store to be full";
  } catch (const StoreError& error) {
    EXPECT_EQ(error.kind(), StoreError::Kind::storage_full) << error.what();
  }
}

}  // namespace
}  // namespace kiosk::store

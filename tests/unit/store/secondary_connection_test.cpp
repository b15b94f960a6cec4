// A second connection for the sync thread: same settings, never migrates, works beside the primary.

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <set>
#include <thread>

#include "repo_test_util.hpp"
#include "store/error.hpp"
#include "store/outbox.hpp"
#include "store/statement.hpp"
#include "store/transaction.hpp"

namespace kiosk::store {
namespace {

namespace fs = std::filesystem;
using test_util::pragma_text;

class Secondary : public test_util::RepoTest {};

TEST_F(Secondary, HasTheSameSettingsAsThePrimary) {
  Database second = Store::open_secondary(m_dir / "kiosk.db");
  EXPECT_EQ(pragma_text(second, "journal_mode"), "wal");
  EXPECT_EQ(pragma_text(second, "synchronous"), "2");
  EXPECT_EQ(pragma_text(second, "foreign_keys"), "1");
  EXPECT_EQ(pragma_text(second, "secure_delete"), "1");
  EXPECT_EQ(pragma_text(second, "user_version"), std::to_string(Store::known_schema_version()));
  EXPECT_FALSE(second.is_read_only());
}

TEST_F(Secondary, RefusesAMissingFileWithoutCreatingIt) {
  const fs::path missing = m_dir / "missing.db";
  EXPECT_THROW(Store::open_secondary(missing), StoreError);
  EXPECT_FALSE(fs::exists(missing));
}

TEST_F(Secondary, RefusesASchemaItDoesNotKnowAndLeavesItAlone) {
  const fs::path older = m_dir / "older.db";
  {
    Database raw(older, OpenMode::read_write_create);
    raw.exec(
        "PRAGMA journal_mode = WAL; CREATE TABLE outbox (seq INTEGER PRIMARY KEY); PRAGMA user_version = 1");
  }
  try {
    Store::open_secondary(older);
    FAIL() << "expected StoreError";
  } catch (const StoreError& error) {
    EXPECT_NE(std::string(error.what()).find("never migrates"), std::string::npos) << error.what();
  }
  {
    Database raw(older, OpenMode::read_only);
    EXPECT_EQ(pragma_text(raw, "user_version"), "1");
  }

  db().exec("PRAGMA user_version = 99");
  EXPECT_THROW(Store::open_secondary(m_dir / "kiosk.db"), StoreError);
}

TEST_F(Secondary, RefusesAFileNotInWalMode) {
  const fs::path file = m_dir / "rollback.db";
  {
    Database raw(file, OpenMode::read_write_create);
    raw.exec("CREATE TABLE t (x); PRAGMA user_version = " + std::to_string(Store::known_schema_version()));
  }
  try {
    Store::open_secondary(file);
    FAIL() << "expected StoreError";
  } catch (const StoreError& error) {
    EXPECT_NE(std::string(error.what()).find("WAL"), std::string::npos) << error.what();
  }
  Database raw(file, OpenMode::read_only);
  EXPECT_EQ(pragma_text(raw, "journal_mode"), "delete");
}

// The UI thread appends events (plain and sealed) through the primary while the sync thread drains them
// through its own connection: every event is delivered exactly once and in seq order.
TEST_F(Secondary, SyncThreadDrainsWhileTheUiThreadWrites) {
  constexpr int k_events = 200;
  const fs::path file = m_dir / "kiosk.db";
  std::atomic<bool> writer_done{false};
  std::string writer_error;
  std::string reader_error;
  std::vector<std::int64_t> delivered;
  std::vector<std::string> bodies;

  std::thread writer([&] {
    try {
      for (int i = 0; i < k_events; ++i) {
        Transaction tx(db());
        const std::string data = R"({"i":)" + std::to_string(i) + "}";
        m_store->outbox().append(tx, test_util::make_event(*m_store, "survey.submitted", data),
                                 i % 3 == 0 ? &m_cipher : nullptr);
        tx.commit();
      }
    } catch (const std::exception& error) {
      writer_error = error.what();
    }
    writer_done = true;
  });

  std::thread reader([&] {
    try {
      Database second = Store::open_secondary(file);
      Outbox outbox(second);
      const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
      while (static_cast<int>(delivered.size()) < k_events && std::chrono::steady_clock::now() < deadline) {
        const auto batch = outbox.read_pending(16, &m_cipher);
        if (batch.empty()) {
          std::this_thread::sleep_for(std::chrono::milliseconds(1));
          continue;
        }
        std::vector<std::int64_t> seqs;
        for (const auto& row : batch) {
          seqs.push_back(row.seq);
          delivered.push_back(row.seq);
          bodies.push_back(row.event.data_json);
        }
        outbox.mark_sent(seqs);
        outbox.mark_confirmed_up_to(seqs.back());
      }
    } catch (const std::exception& error) {
      reader_error = error.what();
    }
  });
  writer.join();
  reader.join();
  ASSERT_TRUE(writer_error.empty()) << writer_error;
  ASSERT_TRUE(reader_error.empty()) << reader_error;
  ASSERT_EQ(delivered.size(), static_cast<std::size_t>(k_events));
  for (std::size_t i = 0; i < delivered.size(); ++i) {
    EXPECT_EQ(bodies[i], R"({"i":)" + std::to_string(i) + "}") << i;
    if (i > 0) {
      EXPECT_LT(delivered[i - 1], delivered[i]);
    }
  }
  const auto counts = m_store->outbox().counts_by_state();
  EXPECT_EQ(counts.confirmed, k_events);
  EXPECT_EQ(counts.pending, 0);
  EXPECT_EQ(counts.quarantined, 0);
  EXPECT_TRUE(m_store->integrity_check().ok);
}

}  // namespace
}  // namespace kiosk::store

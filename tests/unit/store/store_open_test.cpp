// Store::open against real files: creation, reopening, the durability pragmas, and every way a file can be
// unusable - damaged, from the future, locked, unwritable - where nothing may be lost.

#include <unistd.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "store/error.hpp"
#include "store/statement.hpp"
#include "store/store.hpp"
#include "store/transaction.hpp"
#include "store_test_util.hpp"
#include "temp_dir.hpp"

namespace kiosk::store {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using test_util::count_rows;
using test_util::has_bytes;
using test_util::open_ok;
using test_util::pragma_text;
using test_util::read_bytes;
using test_util::write_bytes;

// 2026-11-23T09:15:02.123Z, named in moved-aside files as 20261123T091502Z.
const std::chrono::system_clock::time_point k_now{1795425302123ms};
constexpr std::string_view k_stamp = "20261123T091502Z";

OpenOptions fixed_clock() {
  OpenOptions options;
  options.clock = [] { return k_now; };
  return options;
}

std::set<std::string> names_in(const fs::path& directory) {
  std::set<std::string> names;
  for (const auto& entry : fs::directory_iterator(directory)) {
    names.insert(entry.path().filename().string());
  }
  return names;
}

std::string garbage(std::size_t size, char seed) {
  std::string bytes(size, '\0');
  for (std::size_t i = 0; i < size; ++i) {
    bytes[i] = static_cast<char>(seed + static_cast<char>(i * 31 % 251));
  }
  return bytes;
}

bool running_as_root() {
  return ::geteuid() == 0;
}

class StoreOpen : public ::testing::Test {
 protected:
  kiosk::test::TempDir m_dir;
  fs::path m_file = m_dir / "kiosk.db";
};

TEST_F(StoreOpen, CreatesDirectoriesAndTheSchemaOnFirstOpen) {
  const fs::path file = m_dir / "var" / "lib" / "kiosk" / "kiosk.db";
  OpenReport report;
  auto store = open_ok(file, &report);
  ASSERT_TRUE(store);
  EXPECT_EQ(report.outcome, OpenOutcome::created);
  EXPECT_EQ(report.schema_version, Store::known_schema_version());
  EXPECT_EQ(report.schema_version, 5);
  EXPECT_NE(report.message.find(file.string()), std::string::npos) << report.message;
  EXPECT_TRUE(report.moved_aside_to.empty());
  EXPECT_EQ(store->path(), file);

  Database& db = store->database();
  EXPECT_EQ(pragma_text(db, "user_version"), "5");
  Statement tables(db, "SELECT name FROM sqlite_master WHERE type IN ('table', 'index') ORDER BY name");
  std::set<std::string> names;
  while (tables.step()) {
    names.insert(tables.column_text(0));
  }
  for (const char* expected : {"outbox",
                               "meta",
                               "device_alarms",
                               "outbox_state_seq",
                               "tickets",
                               "ticket_counters",
                               "used_bookings",
                               "complaints",
                               "complaint_status_history",
                               "complaint_feedback",
                               "survey_responses",
                               "counters",
                               "tickets_waiting",
                               "tickets_called",
                               "staff_audit",
                               "staff_audit_by_time",
                               "tickets_issued_at",
                               "tickets_called_at",
                               "tickets_done_at",
                               "tickets_open",
                               "complaints_updated",
                               "tickets_number",
                               "counter_states",
                               "counter_calls",
                               "counter_calls_by_day"}) {
    EXPECT_TRUE(names.count(expected)) << expected;
  }
  EXPECT_EQ(count_rows(db, "outbox"), 0);
  EXPECT_EQ(count_rows(db, "device_alarms"), 0);
  EXPECT_TRUE(store->integrity_check().ok);
}

TEST_F(StoreOpen, ReopeningKeepsTheData) {
  std::int64_t seq = 0;
  {
    auto store = open_ok(m_file);
    ASSERT_TRUE(store);
    Transaction tx(store->database());
    seq = store->outbox().append(tx, test_util::make_event(*store));
    tx.commit();
    store->meta().set("kiosk_id", "K-042");
  }
  OpenReport report;
  auto store = open_ok(m_file, &report);
  ASSERT_TRUE(store);
  EXPECT_EQ(report.outcome, OpenOutcome::opened);
  EXPECT_EQ(report.schema_version, Store::known_schema_version());
  EXPECT_EQ(store->outbox().pending_count(), 1);
  ASSERT_TRUE(store->outbox().find(seq));
  EXPECT_EQ(store->outbox().find(seq)->event.type, "kiosk.started");
  EXPECT_EQ(store->meta().get("kiosk_id"), "K-042");
}

TEST_F(StoreOpen, RunsInWalModeWithFullSync) {
  auto store = open_ok(m_file);
  ASSERT_TRUE(store);
  Database& db = store->database();
  EXPECT_EQ(pragma_text(db, "journal_mode"), "wal");
  EXPECT_EQ(pragma_text(db, "synchronous"), "2");  // FULL
  EXPECT_EQ(pragma_text(db, "foreign_keys"), "1");
  EXPECT_EQ(pragma_text(db, "busy_timeout"), "5000");
  store->meta().set("k", "v");
  EXPECT_TRUE(fs::exists(m_dir / "kiosk.db-wal"));
  // WAL is a property of the file: another connection sees it too.
  Database other(m_file, OpenMode::read_only);
  EXPECT_EQ(pragma_text(other, "journal_mode"), "wal");
}

TEST_F(StoreOpen, UpgradesAnOlderSchema) {
  {
    Database db(m_file, OpenMode::read_write_create);
    db.exec("CREATE TABLE legacy (x); INSERT INTO legacy VALUES (1)");
  }
  OpenReport report;
  auto store = open_ok(m_file, &report);
  ASSERT_TRUE(store);
  EXPECT_EQ(report.outcome, OpenOutcome::opened);
  EXPECT_NE(report.message.find("from version 0 to " + std::to_string(Store::known_schema_version())),
            std::string::npos)
      << report.message;
  EXPECT_EQ(count_rows(store->database(), "legacy"), 1);
  EXPECT_EQ(count_rows(store->database(), "outbox"), 0);
}

TEST_F(StoreOpen, GarbageIsMovedAsideByteForByteAndAFreshStoreRaisesAnAlarm) {
  const std::string db_bytes = garbage(10000, 'a');
  const std::string wal_bytes = garbage(5000, 'w');
  const std::string shm_bytes = garbage(32768, 's');
  write_bytes(m_file, db_bytes);
  write_bytes(m_dir / "kiosk.db-wal", wal_bytes);
  write_bytes(m_dir / "kiosk.db-shm", shm_bytes);

  OpenReport report;
  auto store = Store::open(m_file, report, fixed_clock());
  ASSERT_TRUE(store) << report.message;
  EXPECT_EQ(report.outcome, OpenOutcome::recovered_from_corruption);
  const fs::path aside = m_dir / ("kiosk.db.corrupt-" + std::string(k_stamp));
  EXPECT_EQ(report.moved_aside_to, aside);
  EXPECT_NE(report.message.find(aside.string()), std::string::npos) << report.message;
  EXPECT_TRUE(has_bytes(aside, db_bytes));
  EXPECT_TRUE(has_bytes(aside.string() + "-wal", wal_bytes));
  EXPECT_TRUE(has_bytes(aside.string() + "-shm", shm_bytes));

  // The fresh store works and carries the alarm, as a row and as an event for head office.
  EXPECT_EQ(report.schema_version, Store::known_schema_version());
  EXPECT_TRUE(store->integrity_check().ok);
  Database& db = store->database();
  Statement alarm(db, "SELECT id, at, kind, detail, cleared_at FROM device_alarms");
  ASSERT_TRUE(alarm.step());
  EXPECT_EQ(alarm.column_text(1), "2026-11-23T09:15:02.123Z");
  EXPECT_EQ(alarm.column_text(2), "store.recovered_from_corruption");
  EXPECT_NE(alarm.column_text(3).find(aside.string()), std::string::npos);
  EXPECT_TRUE(alarm.column_is_null(4));
  const auto events = store->outbox().read_pending(10);
  ASSERT_EQ(events.size(), 1U);
  EXPECT_EQ(events[0].event.type, "device.alarm");
  EXPECT_EQ(events[0].event.at, test_util::k_event_time);
  EXPECT_NE(events[0].event.data_json.find("\"alarm_id\":" + alarm.column_text(0)), std::string::npos);
  EXPECT_NE(events[0].event.data_json.find("store.recovered_from_corruption"), std::string::npos);
  EXPECT_NE(events[0].event.data_json.find(aside.string()), std::string::npos);

  // The next start finds a healthy store and does not recover again.
  store.reset();
  OpenReport again;
  ASSERT_TRUE(open_ok(m_file, &again));
  EXPECT_EQ(again.outcome, OpenOutcome::opened);
}

TEST_F(StoreOpen, MovingAsideNeverOverwritesAnEarlierCopy) {
  const fs::path first = m_dir / ("kiosk.db.corrupt-" + std::string(k_stamp));
  const fs::path second_wal = m_dir / ("kiosk.db.corrupt-" + std::string(k_stamp) + ".2-wal");
  write_bytes(first, "an earlier damaged file");
  write_bytes(second_wal, "an earlier wal");
  write_bytes(m_file, garbage(4096, 'x'));

  OpenReport report;
  auto store = Store::open(m_file, report, fixed_clock());
  ASSERT_TRUE(store) << report.message;
  EXPECT_EQ(report.moved_aside_to, m_dir / ("kiosk.db.corrupt-" + std::string(k_stamp) + ".3"));
  EXPECT_TRUE(has_bytes(report.moved_aside_to, garbage(4096, 'x')));
  EXPECT_TRUE(has_bytes(first, "an earlier damaged file"));
  EXPECT_TRUE(has_bytes(second_wal, "an earlier wal"));
}

TEST_F(StoreOpen, DamagedPagesAreFoundAndTheFileMovedAside) {
  {
    auto store = open_ok(m_file);
    ASSERT_TRUE(store);
    Transaction tx(store->database());
    for (int i = 0; i < 300; ++i) {
      store->outbox().append(tx, test_util::make_event(*store, "kiosk.started",
                                                       R"({"padding":")" + std::string(200, 'p') + "\"}"));
    }
    tx.commit();
  }  // the last connection checkpoints the WAL into the file and removes it
  ASSERT_FALSE(fs::exists(m_dir / "kiosk.db-wal"));
  std::string bytes = read_bytes(m_file);
  ASSERT_GT(bytes.size(), 8U * 4096U);
  std::fill(bytes.begin() + 3 * 4096, bytes.begin() + 6 * 4096, '\x5A');  // pages 4-6: header stays valid
  write_bytes(m_file, bytes);

  OpenReport report;
  auto store = Store::open(m_file, report, fixed_clock());
  ASSERT_TRUE(store) << report.message;
  EXPECT_EQ(report.outcome, OpenOutcome::recovered_from_corruption) << report.message;
  EXPECT_TRUE(has_bytes(report.moved_aside_to, bytes));
  EXPECT_EQ(store->outbox().pending_count(), 1);  // only the alarm
}

TEST_F(StoreOpen, ADamagedFileWithCommitsStillInItsWalIsMovedWithoutCheckpointing) {
  {
    auto store = open_ok(m_file);
    ASSERT_TRUE(store);
    Transaction tx(store->database());
    for (int i = 0; i < 300; ++i) {
      store->outbox().append(tx, test_util::make_event(*store, "kiosk.started",
                                                       R"({"padding":")" + std::string(200, 'p') + "\"}"));
    }
    tx.commit();
  }
  // Freeze the files as a power cut would: a commit sits in the -wal, not yet copied into the database.
  const kiosk::test::TempDir crashed;
  {
    Database writer(m_file, OpenMode::read_write);
    writer.exec("INSERT INTO meta VALUES ('last_words', 'still in the wal')");
    fs::copy_file(m_file, crashed / "kiosk.db");
    fs::copy_file(m_dir / "kiosk.db-wal", crashed / "kiosk.db-wal");
  }
  const fs::path file = crashed / "kiosk.db";
  std::string bytes = read_bytes(file);
  ASSERT_GT(bytes.size(), 14U * 4096U);
  std::fill(bytes.begin() + 10 * 4096, bytes.begin() + 13 * 4096, '\x5A');
  write_bytes(file, bytes);
  const std::string wal = read_bytes(crashed / "kiosk.db-wal");
  ASSERT_FALSE(wal.empty());

  OpenReport report;
  auto store = Store::open(file, report, fixed_clock());
  ASSERT_TRUE(store) << report.message;
  EXPECT_EQ(report.outcome, OpenOutcome::recovered_from_corruption) << report.message;
  // Closing the connection that found the damage must not fold the -wal into the file (or delete it).
  EXPECT_TRUE(has_bytes(report.moved_aside_to, bytes));
  EXPECT_TRUE(has_bytes(report.moved_aside_to.string() + "-wal", wal));
}

TEST_F(StoreOpen, JournalFilesWithoutADatabaseAreMovedAsideNotDeleted) {
  const std::string wal_bytes = garbage(8000, 'j');
  write_bytes(m_dir / "kiosk.db-wal", wal_bytes);

  OpenReport report;
  auto store = Store::open(m_file, report, fixed_clock());
  ASSERT_TRUE(store) << report.message;
  EXPECT_EQ(report.outcome, OpenOutcome::recovered_from_corruption);
  EXPECT_TRUE(has_bytes(report.moved_aside_to.string() + "-wal", wal_bytes));
  EXPECT_FALSE(fs::exists(report.moved_aside_to));
}

TEST_F(StoreOpen, ADatabaseFromTheFutureIsLeftUntouched) {
  {
    Database db(m_file, OpenMode::read_write_create);
    db.exec(
        "CREATE TABLE future_things (x); INSERT INTO future_things VALUES (1); PRAGMA user_version = 999");
  }
  const std::string before = read_bytes(m_file);
  const auto names_before = names_in(m_dir.path());

  OpenReport report;
  auto store = Store::open(m_file, report);
  EXPECT_EQ(store, nullptr);
  EXPECT_EQ(report.outcome, OpenOutcome::unavailable);
  EXPECT_EQ(report.schema_version, 999);
  EXPECT_NE(report.message.find("999"), std::string::npos) << report.message;
  EXPECT_NE(report.message.find(m_file.string()), std::string::npos) << report.message;
  EXPECT_TRUE(report.moved_aside_to.empty());
  EXPECT_TRUE(has_bytes(m_file, before));
  EXPECT_EQ(names_in(m_dir.path()), names_before);  // no -wal, no -shm, nothing moved
}

TEST_F(StoreOpen, ADatabaseFromTheFutureKeepsItsUncheckpointedWal) {
  const kiosk::test::TempDir crashed;
  {
    Database writer(m_file, OpenMode::read_write_create);
    writer.exec("PRAGMA journal_mode = WAL; CREATE TABLE future_things (x); PRAGMA user_version = 999");
    writer.exec("INSERT INTO future_things VALUES ('only in the wal')");
    fs::copy_file(m_file, crashed / "kiosk.db");
    fs::copy_file(m_dir / "kiosk.db-wal", crashed / "kiosk.db-wal");
  }
  const fs::path file = crashed / "kiosk.db";
  const std::string db_before = read_bytes(file);
  const std::string wal_before = read_bytes(crashed / "kiosk.db-wal");

  OpenReport report;
  EXPECT_EQ(Store::open(file, report), nullptr);
  EXPECT_EQ(report.outcome, OpenOutcome::unavailable);
  EXPECT_EQ(report.schema_version, 999);
  EXPECT_TRUE(has_bytes(file, db_before));
  EXPECT_TRUE(has_bytes(crashed / "kiosk.db-wal", wal_before));
}

TEST_F(StoreOpen, AnUnwritableLocationIsReportedWithItsPath) {
  // chmod does not stop root, so as root the "directory" is a regular file, which stops everyone.
  fs::path blocked;
  if (running_as_root()) {
    blocked = m_dir / "afile";
    write_bytes(blocked, "not a directory");
  } else {
    blocked = m_dir / "readonly";
    fs::create_directory(blocked);
    fs::permissions(blocked, fs::perms::owner_read | fs::perms::owner_exec);
  }
  const fs::path file = blocked / "kiosk.db";
  OpenReport report;
  auto store = Store::open(file, report);
  EXPECT_EQ(store, nullptr);
  EXPECT_EQ(report.outcome, OpenOutcome::unavailable);
  EXPECT_NE(report.message.find(blocked.string()), std::string::npos) << report.message;
  EXPECT_FALSE(fs::exists(file));
  if (running_as_root()) {
    EXPECT_TRUE(has_bytes(blocked, "not a directory"));
  }
}

TEST_F(StoreOpen, AMissingDirectoryUnderAFileIsReported) {
  write_bytes(m_dir / "afile", "x");
  OpenReport report;
  EXPECT_EQ(Store::open(m_dir / "afile" / "deeper" / "kiosk.db", report), nullptr);
  EXPECT_EQ(report.outcome, OpenOutcome::unavailable);
  EXPECT_NE(report.message.find((m_dir / "afile").string()), std::string::npos) << report.message;
  EXPECT_TRUE(has_bytes(m_dir / "afile", "x"));
}

TEST_F(StoreOpen, AReadOnlyFileIsReportedAndKept) {
  if (running_as_root()) {
    GTEST_SKIP() << "root can write a 0444 file";
  }
  { ASSERT_TRUE(open_ok(m_file)); }
  const std::string before = read_bytes(m_file);
  fs::permissions(m_file, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
  OpenReport report;
  EXPECT_EQ(Store::open(m_file, report), nullptr);
  EXPECT_EQ(report.outcome, OpenOutcome::unavailable);
  EXPECT_NE(report.message.find(m_file.string()), std::string::npos) << report.message;
  EXPECT_NE(report.message.find("Permission denied"), std::string::npos) << report.message;
  EXPECT_TRUE(has_bytes(m_file, before));
}

TEST_F(StoreOpen, ADirectoryInPlaceOfTheFileIsReported) {
  fs::create_directory(m_file);
  OpenReport report;
  EXPECT_EQ(Store::open(m_file, report), nullptr);
  EXPECT_EQ(report.outcome, OpenOutcome::unavailable);
  EXPECT_NE(report.message.find("not a regular file"), std::string::npos) << report.message;
  EXPECT_TRUE(fs::is_directory(m_file));
}

TEST_F(StoreOpen, ALockedDatabaseIsUnavailableNotCorrupt) {
  { ASSERT_TRUE(open_ok(m_file)); }
  Database holder(m_file, OpenMode::read_write);
  holder.exec(
      "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; INSERT INTO meta VALUES ('held', '1'); COMMIT");
  const auto names_before = names_in(m_dir.path());

  OpenOptions options;
  options.busy_timeout = 50ms;
  OpenReport report;
  EXPECT_EQ(Store::open(m_file, report, options), nullptr);
  EXPECT_EQ(report.outcome, OpenOutcome::unavailable);
  EXPECT_NE(report.message.find("locked"), std::string::npos) << report.message;
  EXPECT_TRUE(report.moved_aside_to.empty());
  EXPECT_EQ(names_in(m_dir.path()), names_before);
}

TEST_F(StoreOpen, IntegrityCheckReportsProblems) {
  auto store = open_ok(m_file);
  ASSERT_TRUE(store);
  const IntegrityReport healthy = store->integrity_check();
  EXPECT_TRUE(healthy.ok);
  EXPECT_TRUE(healthy.problems.empty());
  // An index whose entries disagree with its table: quick_check at open does not look, the full check does.
  {
    Transaction tx(store->database());
    store->outbox().append(tx, test_util::make_event(*store));
    tx.commit();
  }
  store->database().exec(
      "PRAGMA writable_schema = ON;"
      "UPDATE sqlite_master SET sql = 'CREATE INDEX outbox_state_seq ON outbox (type, seq)'"
      " WHERE name = 'outbox_state_seq';"
      "PRAGMA writable_schema = OFF");
  store.reset();
  OpenReport reopened;
  store = open_ok(m_file, &reopened);
  ASSERT_TRUE(store);
  EXPECT_EQ(reopened.outcome, OpenOutcome::opened);
  const IntegrityReport report = store->integrity_check();
  EXPECT_FALSE(report.ok);
  EXPECT_FALSE(report.problems.empty());
}

}  // namespace
}  // namespace kiosk::store

#include "store/database.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

#include "store/error.hpp"
#include "store/statement.hpp"
#include "store/transaction.hpp"
#include "store_test_util.hpp"
#include "temp_dir.hpp"

namespace kiosk::store {
namespace {

using test_util::count_rows;

// SQLite result codes, spelled out because sqlite3.h is not ours to include here.
constexpr int k_sqlite_error = 1;
constexpr int k_sqlite_busy = 5;
constexpr int k_sqlite_range = 25;
constexpr int k_sqlite_constraint = 19;
constexpr int k_sqlite_constraint_unique = k_sqlite_constraint | (8 << 8);

class StoreDatabase : public ::testing::Test {
 protected:
  kiosk::test::TempDir m_dir;
  Database m_db{m_dir / "plain.db", OpenMode::read_write_create};

  void SetUp() override { m_db.exec("CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT UNIQUE, v)"); }
};

TEST_F(StoreDatabase, BindsAndReadsEveryType) {
  Statement insert(m_db, "INSERT INTO items (name, v) VALUES (?1, ?2)");
  const std::vector<std::byte> blob{std::byte{0}, std::byte{0xFF}, std::byte{7}};
  insert.bind_text(1, "int");
  insert.bind_int64(2, std::int64_t{1} << 40);
  insert.run();
  insert.reset();
  insert.bind_text(1, "double");
  insert.bind_double(2, 2.5);
  insert.run();
  insert.reset();
  insert.bind_text(1, "blob");
  insert.bind_blob(2, blob);
  insert.run();
  insert.reset();
  insert.bind_text(1, "null");
  insert.bind_null(2);
  insert.run();
  insert.reset();
  insert.bind_text(1, std::string_view("with\0nul", 8));
  insert.bind_text(2, "");
  insert.run();

  Statement query(m_db, "SELECT name, v FROM items ORDER BY id");
  EXPECT_EQ(query.column_count(), 2);
  ASSERT_TRUE(query.step());
  EXPECT_EQ(query.column_int64(1), std::int64_t{1} << 40);
  ASSERT_TRUE(query.step());
  EXPECT_DOUBLE_EQ(query.column_double(1), 2.5);
  ASSERT_TRUE(query.step());
  EXPECT_EQ(query.column_blob(1), blob);
  ASSERT_TRUE(query.step());
  EXPECT_TRUE(query.column_is_null(1));
  EXPECT_EQ(query.column_text(1), "");
  ASSERT_TRUE(query.step());
  EXPECT_EQ(query.column_text(0), std::string("with\0nul", 8));
  EXPECT_FALSE(query.column_is_null(1));  // "" is not NULL
  EXPECT_EQ(query.column_text(1), "");
  EXPECT_FALSE(query.step());
  EXPECT_EQ(m_db.last_insert_rowid(), 5);
}

TEST_F(StoreDatabase, ResetRunsTheStatementAgainWithItsBindings) {
  Statement query(m_db, "SELECT ?1 + 1");
  query.bind_int64(1, 41);
  ASSERT_TRUE(query.step());
  EXPECT_EQ(query.column_int(0), 42);
  query.reset();
  ASSERT_TRUE(query.step());
  EXPECT_EQ(query.column_int(0), 42);
  query.reset();
  query.clear_bindings();
  ASSERT_TRUE(query.step());
  EXPECT_TRUE(query.column_is_null(0));
}

TEST_F(StoreDatabase, ErrorsCarryCodeMessageAndSql) {
  try {
    Statement bad(m_db, "SELEC nonsense");
    FAIL() << "prepared invalid SQL";
  } catch (const StoreError& error) {
    EXPECT_EQ(error.primary_code(), k_sqlite_error);
    EXPECT_EQ(error.sql(), "SELEC nonsense");
    EXPECT_NE(error.message().find("syntax error"), std::string::npos) << error.message();
    EXPECT_NE(std::string(error.what()).find("SELEC nonsense"), std::string::npos);
  }
  Statement query(m_db, "SELECT ?1");
  try {
    query.bind_int64(2, 1);
    FAIL() << "bound a parameter that does not exist";
  } catch (const StoreError& error) {
    EXPECT_EQ(error.code(), k_sqlite_range);
  }
}

TEST_F(StoreDatabase, ConstraintViolationsReportTheExtendedCode) {
  m_db.exec("INSERT INTO items (name) VALUES ('a')");
  Statement insert(m_db, "INSERT INTO items (name) VALUES ('a')");
  try {
    insert.run();
    FAIL() << "duplicate accepted";
  } catch (const StoreError& error) {
    EXPECT_EQ(error.primary_code(), k_sqlite_constraint);
    EXPECT_EQ(error.code(), k_sqlite_constraint_unique);
  }
  // The statement was reset by the failure and can run again.
  m_db.exec("DELETE FROM items");
  EXPECT_NO_THROW(insert.run());
}

TEST_F(StoreDatabase, ExecRunsSeveralStatementsAndReportsTheFailingSql) {
  m_db.exec("INSERT INTO items (name) VALUES ('x'); INSERT INTO items (name) VALUES ('y')");
  EXPECT_EQ(count_rows(m_db, "items"), 2);
  try {
    m_db.exec("INSERT INTO nowhere VALUES (1)");
    FAIL();
  } catch (const StoreError& error) {
    EXPECT_NE(error.message().find("no such table"), std::string::npos) << error.message();
    EXPECT_EQ(error.sql(), "INSERT INTO nowhere VALUES (1)");
  }
}

TEST_F(StoreDatabase, OpeningAMissingFileWithoutCreateFails) {
  EXPECT_THROW(Database(m_dir / "missing.db", OpenMode::read_write), StoreError);
  EXPECT_FALSE(std::filesystem::exists(m_dir / "missing.db"));
}

TEST_F(StoreDatabase, ReadOnlyConnectionsSayTheyAre) {
  Database reader(m_dir / "plain.db", OpenMode::read_only);
  EXPECT_TRUE(reader.is_read_only());
  EXPECT_FALSE(m_db.is_read_only());
  EXPECT_THROW(reader.exec("INSERT INTO items (name) VALUES ('r')"), StoreError);
}

TEST_F(StoreDatabase, TransactionCommits) {
  {
    Transaction tx(m_db);
    EXPECT_TRUE(m_db.in_transaction());
    m_db.exec("INSERT INTO items (name) VALUES ('kept')");
    tx.commit();
    EXPECT_TRUE(tx.committed());
  }
  EXPECT_FALSE(m_db.in_transaction());
  Database other(m_dir / "plain.db", OpenMode::read_only);
  EXPECT_EQ(count_rows(other, "items"), 1);
}

TEST_F(StoreDatabase, TransactionRollsBackWhenDestroyedWithoutCommit) {
  {
    Transaction tx(m_db);
    m_db.exec("INSERT INTO items (name) VALUES ('dropped')");
  }
  EXPECT_FALSE(m_db.in_transaction());
  EXPECT_EQ(count_rows(m_db, "items"), 0);
}

TEST_F(StoreDatabase, TransactionRollsBackWhenAnExceptionLeavesTheScope) {
  EXPECT_THROW(
      {
        Transaction tx(m_db);
        m_db.exec("INSERT INTO items (name) VALUES ('first')");
        throw std::runtime_error("printer on fire");
      },
      std::runtime_error);
  EXPECT_EQ(count_rows(m_db, "items"), 0);
  // A failed statement inside the transaction: the rollback undoes the earlier statements too.
  m_db.exec("INSERT INTO items (name) VALUES ('dup')");
  EXPECT_THROW(
      {
        Transaction tx(m_db);
        m_db.exec("INSERT INTO items (name) VALUES ('new')");
        m_db.exec("INSERT INTO items (name) VALUES ('dup')");
        tx.commit();
      },
      StoreError);
  EXPECT_EQ(count_rows(m_db, "items"), 1);
  EXPECT_FALSE(m_db.in_transaction());
}

TEST_F(StoreDatabase, TransactionDestructorToleratesAnAlreadyEndedTransaction) {
  {
    Transaction tx(m_db);
    m_db.exec("INSERT INTO items (name) VALUES ('x')");
    m_db.exec("ROLLBACK");  // as SQLite itself does after SQLITE_FULL or SQLITE_IOERR
  }                         // must neither throw nor terminate
  EXPECT_FALSE(m_db.in_transaction());
  EXPECT_EQ(count_rows(m_db, "items"), 0);
}

TEST_F(StoreDatabase, TransactionsDoNotNest) {
  Transaction outer(m_db);
  EXPECT_THROW(Transaction inner(m_db), StoreError);
  EXPECT_TRUE(m_db.in_transaction());
}

TEST_F(StoreDatabase, BeginImmediateTakesTheWriteLockUpFront) {
  Database other(m_dir / "plain.db", OpenMode::read_write);
  other.set_busy_timeout(std::chrono::milliseconds{0});
  Transaction tx(m_db);
  try {
    Transaction competing(other);
    FAIL() << "two write transactions at once";
  } catch (const StoreError& error) {
    EXPECT_EQ(error.primary_code(), k_sqlite_busy);
  }
  tx.commit();
  EXPECT_NO_THROW(Transaction after(other));
}

}  // namespace
}  // namespace kiosk::store

#pragma once
// A write transaction that rolls back unless committed. Typical use:
//
//   Transaction tx(db);
//   ... write the business row ...
//   outbox.append(tx, event);
//   tx.commit();            // durable once this returns (WAL + synchronous=FULL)
//
// If anything throws before commit(), the destructor rolls everything back.

namespace kiosk::store {

class Database;

class Transaction {
 public:
  // BEGIN IMMEDIATE: takes the write lock now (waiting up to the busy timeout), so a transaction that has
  // started can always commit instead of failing half way with SQLITE_BUSY. Throws StoreError. Transactions
  // do not nest.
  explicit Transaction(Database& db);
  // Rolls back if commit() was not reached. Never throws.
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

  // Throws StoreError if the commit fails; the destructor then rolls back.
  void commit();
  bool committed() const { return m_committed; }
  Database& database() const { return m_db; }

 private:
  Database& m_db;
  bool m_committed = false;
};

}  // namespace kiosk::store

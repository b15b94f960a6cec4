#include "store/transaction.hpp"

#include "store/database.hpp"

namespace kiosk::store {

Transaction::Transaction(Database& db) : m_db(db) {
  m_db.exec("BEGIN IMMEDIATE");
}

Transaction::~Transaction() {
  if (m_committed) {
    return;
  }
  // After some errors (SQLITE_FULL, SQLITE_IOERR, SQLITE_NOMEM) SQLite has already rolled back on its own;
  // ROLLBACK would then fail with "no transaction is active", so only issue it while one is open.
  try {
    if (m_db.in_transaction()) {
      m_db.exec("ROLLBACK");
    }
  } catch (...) {
    // A destructor must not throw; if even ROLLBACK fails, SQLite rolls back when the connection closes
    // or on the next open (hot journal / uncommitted WAL frames are never applied).
  }
}

void Transaction::commit() {
  m_db.exec("COMMIT");
  m_committed = true;
}

}  // namespace kiosk::store

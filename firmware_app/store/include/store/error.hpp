#pragma once
// The one exception type the store throws. It carries SQLite's result code and message and the SQL that
// failed, for logs and the manager dashboard. Callers never show it to customers. The SQL text never holds
// customer data: values are always bound as parameters.

#include <stdexcept>
#include <string>

namespace kiosk::store {

class StoreError : public std::runtime_error {
 public:
  // What the caller can do about a failure, decided from the result code (and the OS error behind an I/O
  // failure), so the app need not know SQLite's codes.
  enum class Kind {
    storage_full,  // SQLITE_FULL, or a write that failed with ENOSPC/EDQUOT: refuse new input, keep the old
    busy,          // another connection held the lock past the busy timeout: try again later
    corrupt,       // the file is damaged (SQLITE_CORRUPT, SQLITE_NOTADB)
    constraint,    // a UNIQUE/CHECK/NOT NULL/foreign key rule refused the row (a bug or a duplicate)
    other,
  };

  // `code` is SQLite's extended result code (SQLITE_CONSTRAINT_UNIQUE, SQLITE_IOERR_FSYNC, ...).
  StoreError(int code, std::string message, std::string sql);
  // `system_errno` is the OS error SQLite saw (sqlite3_system_errno), 0 when there was none.
  StoreError(int code, std::string message, std::string sql, int system_errno);

  int code() const noexcept { return m_code; }
  // The primary result code (the low 8 bits: SQLITE_CONSTRAINT, SQLITE_IOERR, ...).
  int primary_code() const noexcept { return m_code & 0xFF; }
  const std::string& message() const noexcept { return m_message; }
  // Empty when the failure was not tied to a statement (opening a file, for example).
  const std::string& sql() const noexcept { return m_sql; }
  int system_errno() const noexcept { return m_system_errno; }
  Kind kind() const noexcept;
  bool is_storage_full() const noexcept { return kind() == Kind::storage_full; }

 private:
  int m_code;
  std::string m_message;
  std::string m_sql;
  int m_system_errno = 0;
};

}  // namespace kiosk::store

#pragma once
// The one exception type the store throws. It carries SQLite's result code and message and the SQL that
// failed, for logs and the manager dashboard. Callers never show it to customers. The SQL text never holds
// customer data: values are always bound as parameters.

#include <stdexcept>
#include <string>

namespace kiosk::store {

class StoreError : public std::runtime_error {
 public:
  // `code` is SQLite's extended result code (SQLITE_CONSTRAINT_UNIQUE, SQLITE_IOERR_FSYNC, ...).
  StoreError(int code, std::string message, std::string sql);

  int code() const noexcept { return m_code; }
  // The primary result code (the low 8 bits: SQLITE_CONSTRAINT, SQLITE_IOERR, ...).
  int primary_code() const noexcept { return m_code & 0xFF; }
  const std::string& message() const noexcept { return m_message; }
  // Empty when the failure was not tied to a statement (opening a file, for example).
  const std::string& sql() const noexcept { return m_sql; }

 private:
  int m_code;
  std::string m_message;
  std::string m_sql;
};

}  // namespace kiosk::store

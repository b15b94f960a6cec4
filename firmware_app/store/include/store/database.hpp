#pragma once
// One SQLite connection. Opening and closing are tied to the object's lifetime.
//
// Threads: a connection (and its Statements and Transactions) belongs to one thread at a time. SQLite's
// transaction state is per connection, so two threads sharing one would interleave their transactions;
// a second thread opens its own connection to the same file (WAL lets readers run beside the writer).

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string_view>

namespace kiosk::store {

namespace detail {
struct DatabaseAccess;
}

enum class OpenMode {
  read_only,
  read_write,         // the file must exist
  read_write_create,  // created if missing
};

class Database {
 public:
  // Throws StoreError if SQLite cannot open the file. Extended result codes are enabled.
  Database(const std::filesystem::path& file, OpenMode mode);
  ~Database();
  Database(Database&& other) noexcept;
  Database& operator=(Database&& other) noexcept;
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  // Runs one or more statements that return no rows we need (DDL, PRAGMA assignments, BEGIN/COMMIT).
  void exec(std::string_view sql);

  // How long a statement waits for another connection's lock before failing with SQLITE_BUSY.
  void set_busy_timeout(std::chrono::milliseconds timeout);

  std::int64_t last_insert_rowid() const;
  // Rows changed by the most recent INSERT, UPDATE or DELETE on this connection.
  std::int64_t changes() const;
  // True between BEGIN and COMMIT/ROLLBACK.
  bool in_transaction() const;
  // True when SQLite opened the file read-only (asked to, or because it is write-protected).
  bool is_read_only() const;
  const std::filesystem::path& path() const;

 private:
  friend struct detail::DatabaseAccess;
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

}  // namespace kiosk::store

#include "store/database.hpp"

#include <cerrno>

#include <algorithm>
#include <utility>

#include "sqlite_access.hpp"
#include "store/error.hpp"

namespace kiosk::store {
namespace {

std::string describe(int code, std::string_view message, std::string_view sql) {
  std::string text = "SQLite error ";
  text += std::to_string(code);
  text += " (";
  text += sqlite3_errstr(code);
  text += ")";
  // SQLite's generic text for the code often equals the connection's message; say it once.
  if (!message.empty() && message != sqlite3_errstr(code)) {
    text += ": ";
    text += message;
  }
  if (!sql.empty()) {
    text += " [SQL: ";
    text += sql;
    text += "]";
  }
  return text;
}

int open_flags(OpenMode mode) {
  // FULLMUTEX: a connection misused from two threads then interleaves transactions instead of corrupting
  // memory. EXRESCODE: errors carry extended codes (SQLITE_IOERR_FSYNC rather than SQLITE_IOERR).
  int flags = SQLITE_OPEN_FULLMUTEX | SQLITE_OPEN_EXRESCODE;
  switch (mode) {
    case OpenMode::read_only:
      return flags | SQLITE_OPEN_READONLY;
    case OpenMode::read_write:
      return flags | SQLITE_OPEN_READWRITE;
    case OpenMode::read_write_create:
      return flags | SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
  }
  return flags | SQLITE_OPEN_READONLY;
}

}  // namespace

StoreError::StoreError(int code, std::string message, std::string sql)
    : StoreError(code, std::move(message), std::move(sql), 0) {}

StoreError::StoreError(int code, std::string message, std::string sql, int system_errno)
    : std::runtime_error(describe(code, message, sql)),
      m_code(code),
      m_message(std::move(message)),
      m_sql(std::move(sql)),
      m_system_errno(system_errno) {}

StoreError::Kind StoreError::kind() const noexcept {
  switch (primary_code()) {
    case SQLITE_FULL:
      return Kind::storage_full;
    case SQLITE_IOERR:
      // SQLite reports a write that ran out of space as SQLITE_FULL on most paths, but some (WAL appends,
      // fsync, truncate) surface as an I/O error; the OS error says which it was.
      return (m_system_errno == ENOSPC || m_system_errno == EDQUOT) ? Kind::storage_full : Kind::other;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return Kind::busy;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return Kind::corrupt;
    case SQLITE_CONSTRAINT:
      return Kind::constraint;
    default:
      return Kind::other;
  }
}

struct Database::Impl {
  sqlite3* db = nullptr;
  std::filesystem::path path;

  ~Impl() {
    // close_v2 defers the close if a statement is still alive rather than failing.
    sqlite3_close_v2(db);
  }
};

sqlite3* detail::DatabaseAccess::handle(Database& db) {
  return db.m_impl->db;
}

void detail::throw_error(sqlite3* db, int rc, std::string_view sql) {
  // The connection's message is only about this failure if its error code matches.
  const bool has_message = db != nullptr && sqlite3_extended_errcode(db) == rc;
  const int system_errno = db != nullptr ? sqlite3_system_errno(db) : 0;
  throw StoreError(rc, has_message ? sqlite3_errmsg(db) : sqlite3_errstr(rc), std::string(sql), system_errno);
}

Database::Database(const std::filesystem::path& file, OpenMode mode) : m_impl(std::make_unique<Impl>()) {
  m_impl->path = file;
  const int rc = sqlite3_open_v2(file.c_str(), &m_impl->db, open_flags(mode), nullptr);
  if (rc != SQLITE_OK) {
    // On most failures SQLite still allocates a handle that holds the message; Impl closes it.
    std::string message = m_impl->db != nullptr ? sqlite3_errmsg(m_impl->db) : sqlite3_errstr(rc);
    throw StoreError(rc, "cannot open " + file.string() + ": " + message, "");
  }
  sqlite3_extended_result_codes(m_impl->db, 1);
}

Database::~Database() = default;
Database::Database(Database&& other) noexcept = default;
Database& Database::operator=(Database&& other) noexcept = default;

void Database::exec(std::string_view sql) {
  const std::string text(sql);
  char* message = nullptr;
  const int rc = sqlite3_exec(m_impl->db, text.c_str(), nullptr, nullptr, &message);
  if (rc != SQLITE_OK) {
    std::string detail = message != nullptr ? message : sqlite3_errstr(rc);
    sqlite3_free(message);
    throw StoreError(sqlite3_extended_errcode(m_impl->db), std::move(detail), text,
                     sqlite3_system_errno(m_impl->db));
  }
}

void Database::set_busy_timeout(std::chrono::milliseconds timeout) {
  const auto ms = static_cast<int>(std::min<std::chrono::milliseconds::rep>(timeout.count(), 1'000'000'000));
  const int rc = sqlite3_busy_timeout(m_impl->db, ms);
  if (rc != SQLITE_OK) {
    detail::throw_error(m_impl->db, rc, "");
  }
}

std::int64_t Database::last_insert_rowid() const {
  return sqlite3_last_insert_rowid(m_impl->db);
}

std::int64_t Database::changes() const {
  return sqlite3_changes64(m_impl->db);
}

bool Database::in_transaction() const {
  return sqlite3_get_autocommit(m_impl->db) == 0;
}

bool Database::is_read_only() const {
  return sqlite3_db_readonly(m_impl->db, "main") == 1;
}

const std::filesystem::path& Database::path() const {
  return m_impl->path;
}

}  // namespace kiosk::store

#include "store/statement.hpp"

#include <limits>
#include <utility>

#include "sqlite_access.hpp"
#include "store/error.hpp"

namespace kiosk::store {

struct Statement::Impl {
  sqlite3* db = nullptr;
  sqlite3_stmt* stmt = nullptr;
  std::string sql;

  ~Impl() { sqlite3_finalize(stmt); }

  void check_bind(int rc) const {
    if (rc != SQLITE_OK) {
      detail::throw_error(db, rc, sql);
    }
  }
};

namespace {

// SQLite takes lengths as int; a value that does not fit is refused rather than cut.
int checked_length(std::size_t size, sqlite3* db, const std::string& sql) {
  if (size > static_cast<std::size_t>(std::numeric_limits<int>::max())) {
    detail::throw_error(db, SQLITE_TOOBIG, sql);
  }
  return static_cast<int>(size);
}

}  // namespace

Statement::Statement(Database& db, std::string_view sql) : m_impl(std::make_unique<Impl>()) {
  m_impl->db = detail::DatabaseAccess::handle(db);
  m_impl->sql = std::string(sql);
  const char* tail = nullptr;
  const int rc =
      sqlite3_prepare_v2(m_impl->db, m_impl->sql.c_str(), checked_length(sql.size(), m_impl->db, m_impl->sql),
                         &m_impl->stmt, &tail);
  if (rc != SQLITE_OK) {
    detail::throw_error(m_impl->db, rc, m_impl->sql);
  }
  if (m_impl->stmt == nullptr) {
    throw StoreError(SQLITE_MISUSE, "no statement in the SQL text", m_impl->sql);
  }
}

Statement::~Statement() = default;
Statement::Statement(Statement&& other) noexcept = default;
Statement& Statement::operator=(Statement&& other) noexcept = default;

void Statement::bind_int64(int index, std::int64_t value) {
  m_impl->check_bind(sqlite3_bind_int64(m_impl->stmt, index, value));
}

void Statement::bind_double(int index, double value) {
  m_impl->check_bind(sqlite3_bind_double(m_impl->stmt, index, value));
}

void Statement::bind_text(int index, std::string_view value) {
  const int length = checked_length(value.size(), m_impl->db, m_impl->sql);
  // An empty view may have a null data pointer, which SQLite would store as NULL, not as "".
  const char* data = value.data() != nullptr ? value.data() : "";
  m_impl->check_bind(sqlite3_bind_text(m_impl->stmt, index, data, length, SQLITE_TRANSIENT));
}

void Statement::bind_blob(int index, std::span<const std::byte> value) {
  const int length = checked_length(value.size(), m_impl->db, m_impl->sql);
  if (length == 0) {
    m_impl->check_bind(sqlite3_bind_zeroblob(m_impl->stmt, index, 0));
    return;
  }
  m_impl->check_bind(sqlite3_bind_blob(m_impl->stmt, index, value.data(), length, SQLITE_TRANSIENT));
}

void Statement::bind_null(int index) {
  m_impl->check_bind(sqlite3_bind_null(m_impl->stmt, index));
}

void Statement::clear_bindings() {
  sqlite3_clear_bindings(m_impl->stmt);
}

bool Statement::step() {
  const int rc = sqlite3_step(m_impl->stmt);
  if (rc == SQLITE_ROW) {
    return true;
  }
  if (rc == SQLITE_DONE) {
    return false;
  }
  // Read the message before reset() could replace it, then leave the statement reusable.
  const int code = sqlite3_extended_errcode(m_impl->db);
  std::string message = sqlite3_errmsg(m_impl->db);
  const int system_errno = sqlite3_system_errno(m_impl->db);
  sqlite3_reset(m_impl->stmt);
  throw StoreError(code != SQLITE_OK ? code : rc, std::move(message), m_impl->sql, system_errno);
}

void Statement::run() {
  while (step()) {
  }
}

void Statement::reset() {
  // The return value repeats the last step()'s error, which step() has already reported.
  sqlite3_reset(m_impl->stmt);
}

int Statement::column_count() const {
  return sqlite3_column_count(m_impl->stmt);
}

bool Statement::column_is_null(int column) const {
  return sqlite3_column_type(m_impl->stmt, column) == SQLITE_NULL;
}

std::int64_t Statement::column_int64(int column) const {
  return sqlite3_column_int64(m_impl->stmt, column);
}

int Statement::column_int(int column) const {
  return sqlite3_column_int(m_impl->stmt, column);
}

double Statement::column_double(int column) const {
  return sqlite3_column_double(m_impl->stmt, column);
}

std::string Statement::column_text(int column) const {
  const auto* text = sqlite3_column_text(m_impl->stmt, column);
  const int length = sqlite3_column_bytes(m_impl->stmt, column);  // after _text, as SQLite documents
  if (text == nullptr) {
    return {};
  }
  return std::string(reinterpret_cast<const char*>(text), static_cast<std::size_t>(length));
}

std::vector<std::byte> Statement::column_blob(int column) const {
  const auto* data = static_cast<const std::byte*>(sqlite3_column_blob(m_impl->stmt, column));
  const int length = sqlite3_column_bytes(m_impl->stmt, column);
  if (data == nullptr) {
    return {};
  }
  return std::vector<std::byte>(data, data + length);
}

}  // namespace kiosk::store

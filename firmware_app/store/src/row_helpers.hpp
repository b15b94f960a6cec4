#pragma once
// Private to kiosk_store: binding and reading the column types the repositories share (UTC millisecond
// instants, nullable values) and the "writes need an open transaction" check.

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "domain/event.hpp"
#include "store/database.hpp"
#include "store/statement.hpp"
#include "store/transaction.hpp"

namespace kiosk::store::detail {

inline std::int64_t to_unix_ms(domain::EventTime at) {
  return at.time_since_epoch().count();
}

inline domain::EventTime from_unix_ms(std::int64_t ms) {
  return domain::EventTime{std::chrono::milliseconds{ms}};
}

inline void bind_time(Statement& statement, int index, domain::EventTime at) {
  statement.bind_int64(index, to_unix_ms(at));
}

inline void bind_optional_time(Statement& statement, int index, const std::optional<domain::EventTime>& at) {
  if (at) {
    bind_time(statement, index, *at);
  } else {
    statement.bind_null(index);
  }
}

inline void bind_optional_text(Statement& statement, int index, const std::optional<std::string>& text) {
  if (text) {
    statement.bind_text(index, *text);
  } else {
    statement.bind_null(index);
  }
}

inline void bind_optional_int(Statement& statement, int index, const std::optional<int>& value) {
  if (value) {
    statement.bind_int64(index, *value);
  } else {
    statement.bind_null(index);
  }
}

inline domain::EventTime column_time(const Statement& statement, int column) {
  return from_unix_ms(statement.column_int64(column));
}

inline std::optional<domain::EventTime> column_optional_time(const Statement& statement, int column) {
  if (statement.column_is_null(column)) {
    return std::nullopt;
  }
  return column_time(statement, column);
}

inline std::optional<std::string> column_optional_text(const Statement& statement, int column) {
  if (statement.column_is_null(column)) {
    return std::nullopt;
  }
  return statement.column_text(column);
}

inline std::optional<int> column_optional_int(const Statement& statement, int column) {
  if (statement.column_is_null(column)) {
    return std::nullopt;
  }
  return statement.column_int(column);
}

// Repositories write only inside the caller's transaction, so a record and its outbox event commit together.
inline Database& writable(Transaction& tx, std::string_view what) {
  if (tx.committed() || !tx.database().in_transaction()) {
    throw std::logic_error(std::string(what) + " needs an open transaction");
  }
  return tx.database();
}

}  // namespace kiosk::store::detail

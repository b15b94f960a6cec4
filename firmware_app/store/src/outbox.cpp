#include "store/outbox.hpp"

#include <algorithm>
#include <limits>
#include <stdexcept>
#include <string>

#include "domain/uuid.hpp"
#include "store/database.hpp"
#include "store/statement.hpp"
#include "store/transaction.hpp"

namespace kiosk::store {
namespace {

constexpr std::string_view k_row_columns = "seq, id, type, schema, at, data, attempts, last_error";

std::string_view state_name(OutboxState state) {
  switch (state) {
    case OutboxState::pending:
      return "pending";
    case OutboxState::sent:
      return "sent";
    case OutboxState::confirmed:
      return "confirmed";
    case OutboxState::quarantined:
      return "quarantined";
  }
  return "pending";
}

std::optional<OutboxState> parse_state(std::string_view name) {
  for (const auto state :
       {OutboxState::pending, OutboxState::sent, OutboxState::confirmed, OutboxState::quarantined}) {
    if (state_name(state) == name) {
      return state;
    }
  }
  return std::nullopt;
}

// Reads a row selected with k_row_columns; nullopt if its time does not parse.
std::optional<OutboxRow> read_row(const Statement& query) {
  const auto at = domain::parse_rfc3339_utc(query.column_text(4));
  if (!at) {
    return std::nullopt;
  }
  OutboxRow row;
  row.seq = query.column_int64(0);
  row.event.id = query.column_text(1);
  row.event.type = query.column_text(2);
  row.event.schema = query.column_int(3);
  row.event.at = *at;
  row.event.data_json = query.column_text(5);
  row.attempts = query.column_int(6);
  if (!query.column_is_null(7)) {
    row.last_error = query.column_text(7);
  }
  return row;
}

bool is_json_object(Database& db, std::string_view json) {
  // CASE, unlike AND, guarantees json_type() never sees malformed text (it would raise an error).
  Statement check(db, "SELECT CASE WHEN json_valid(?1) THEN json_type(?1) = 'object' ELSE 0 END");
  check.bind_text(1, json);
  return check.step() && check.column_int(0) == 1;
}

// Runs `sql` once per seq (bound as ?1) in one transaction; returns the rows changed.
std::int64_t update_each(Database& db, std::string_view sql, std::span<const std::int64_t> seqs) {
  if (seqs.empty()) {
    return 0;
  }
  Transaction tx(db);
  Statement update(db, sql);
  std::int64_t changed = 0;
  for (const std::int64_t seq : seqs) {
    update.bind_int64(1, seq);
    update.run();
    changed += db.changes();
    update.reset();
  }
  tx.commit();
  return changed;
}

}  // namespace

std::int64_t Outbox::append(Transaction& tx, const domain::EventRecord& event) {
  Database& db = tx.database();
  if (tx.committed() || !db.in_transaction()) {
    throw std::logic_error("outbox: append needs an open transaction");
  }
  const auto id = domain::parse_uuid(event.id);
  if (!id) {
    throw std::invalid_argument("outbox: event id is not a UUID: " + event.id);
  }
  if (!domain::is_valid_event_type(event.type)) {
    throw std::invalid_argument("outbox: invalid event type: " + event.type);
  }
  if (event.schema < 1) {
    throw std::invalid_argument("outbox: event schema must be at least 1 (" + event.type + ")");
  }
  // The body goes on the wire verbatim inside the batch; malformed JSON there would poison every batch it
  // joins, so it is refused here while the caller can still react. The message names the type, never the
  // data (it may hold customer text).
  if (!is_json_object(db, event.data_json)) {
    throw std::invalid_argument("outbox: event data is not a JSON object (" + event.type + ")");
  }
  Statement insert(db,
                   "INSERT INTO outbox (id, type, schema, at, data, created_at) "
                   "VALUES (?1, ?2, ?3, ?4, ?5, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))");
  insert.bind_text(1, id->to_string());
  insert.bind_text(2, event.type);
  insert.bind_int64(3, event.schema);
  insert.bind_text(4, domain::format_rfc3339_utc(event.at));
  insert.bind_text(5, event.data_json);
  insert.run();
  return db.last_insert_rowid();
}

std::int64_t Outbox::pending_count() const {
  Statement query(m_db, "SELECT count(*) FROM outbox WHERE state = 'pending'");
  query.step();
  return query.column_int64(0);
}

std::vector<OutboxRow> Outbox::read_pending(std::size_t limit) {
  std::vector<OutboxRow> rows;
  std::vector<std::int64_t> unreadable;
  {
    Statement query(m_db, "SELECT " + std::string(k_row_columns) +
                              " FROM outbox WHERE state = 'pending' ORDER BY seq LIMIT ?1");
    query.bind_int64(
        1, static_cast<std::int64_t>(std::min<std::size_t>(limit, std::numeric_limits<std::int64_t>::max())));
    while (query.step()) {
      if (auto row = read_row(query)) {
        rows.push_back(std::move(*row));
      } else {
        unreadable.push_back(query.column_int64(0));
      }
    }
  }
  for (const std::int64_t seq : unreadable) {
    quarantine(seq, "stored event time is not RFC 3339");
  }
  return rows;
}

std::int64_t Outbox::mark_sent(std::span<const std::int64_t> seqs) {
  return update_each(m_db,
                     "UPDATE outbox SET state = 'sent', attempts = attempts + 1 "
                     "WHERE seq = ?1 AND state = 'pending'",
                     seqs);
}

std::int64_t Outbox::mark_confirmed_up_to(std::int64_t seq) {
  Statement update(m_db,
                   "UPDATE outbox SET state = 'confirmed' "
                   "WHERE state IN ('pending', 'sent') AND seq <= ?1");
  update.bind_int64(1, seq);
  update.run();
  return m_db.changes();
}

std::int64_t Outbox::return_to_pending(std::span<const std::int64_t> seqs) {
  return update_each(m_db, "UPDATE outbox SET state = 'pending' WHERE seq = ?1 AND state = 'sent'", seqs);
}

bool Outbox::quarantine(std::int64_t seq, std::string_view reason) {
  Statement update(m_db,
                   "UPDATE outbox SET state = 'quarantined', last_error = ?2 "
                   "WHERE seq = ?1 AND state IN ('pending', 'sent')");
  update.bind_int64(1, seq);
  update.bind_text(2, reason);
  update.run();
  return m_db.changes() > 0;
}

OutboxCounts Outbox::counts_by_state() const {
  Statement query(m_db, "SELECT state, count(*) FROM outbox GROUP BY state");
  OutboxCounts counts;
  while (query.step()) {
    const std::int64_t count = query.column_int64(1);
    switch (parse_state(query.column_text(0)).value_or(OutboxState::pending)) {
      case OutboxState::pending:
        counts.pending = count;
        break;
      case OutboxState::sent:
        counts.sent = count;
        break;
      case OutboxState::confirmed:
        counts.confirmed = count;
        break;
      case OutboxState::quarantined:
        counts.quarantined = count;
        break;
    }
  }
  return counts;
}

std::optional<OutboxRow> Outbox::find(std::int64_t seq) const {
  Statement query(m_db, "SELECT " + std::string(k_row_columns) + " FROM outbox WHERE seq = ?1");
  query.bind_int64(1, seq);
  if (!query.step()) {
    return std::nullopt;
  }
  return read_row(query);
}

std::optional<OutboxState> Outbox::state_of(std::int64_t seq) const {
  Statement query(m_db, "SELECT state FROM outbox WHERE seq = ?1");
  query.bind_int64(1, seq);
  if (!query.step()) {
    return std::nullopt;
  }
  return parse_state(query.column_text(0));
}

}  // namespace kiosk::store

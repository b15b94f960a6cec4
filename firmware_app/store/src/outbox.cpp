#include "store/outbox.hpp"

#include <algorithm>
#include <limits>
#include <stdexcept>
#include <string>
#include <utility>

#include "domain/uuid.hpp"
#include "store/database.hpp"
#include "store/pii_cipher.hpp"
#include "store/statement.hpp"
#include "store/transaction.hpp"

namespace kiosk::store {
namespace {

constexpr std::string_view k_row_columns =
    "seq, id, type, schema, at, data, attempts, last_error, sealed_data";

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

// Rows of `SELECT state, count(*) ... GROUP BY state` as counts (a state the code does not know counts as
// pending, so it is never hidden).
OutboxCounts counts_of(Statement& query) {
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

// Reads a row selected with k_row_columns; nullopt if its time does not parse. A sealed body is opened with
// `cipher` when there is one; otherwise, or when it does not open, the row says data_readable = false.
std::optional<OutboxRow> read_row(const Statement& query, const PiiCipher* cipher) {
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
  if (!query.column_is_null(8)) {
    row.sealed = true;
    std::optional<std::string> opened;
    if (cipher != nullptr) {
      opened = cipher->open(query.column_blob(8), Outbox::sealed_data_aad(row.event.id, row.event.type));
    }
    row.data_readable = opened.has_value();
    row.event.data_json = opened ? std::move(*opened) : std::string();
  }
  return row;
}

// Keeps a pending row that can be sent, or notes why it cannot (read_pending and pending_in_sending_order).
void sort_pending_row(const Statement& query, const PiiCipher* open_with, std::vector<OutboxRow>& rows,
                      std::vector<std::pair<std::int64_t, std::string_view>>& unreadable) {
  auto row = read_row(query, open_with);
  if (!row) {
    unreadable.emplace_back(query.column_int64(0), "stored event time is not RFC 3339");
  } else if (!row->data_readable) {
    unreadable.emplace_back(row->seq, open_with != nullptr
                                          ? "sealed event data does not open (wrong key or damaged)"
                                          : "sealed event and no key to open it");
  } else {
    rows.push_back(std::move(*row));
  }
}

bool is_json_object(Database& db, std::string_view json) {
  // CASE, unlike AND, guarantees json_type() never sees malformed text (it would raise an error).
  Statement check(db, "SELECT CASE WHEN json_valid(?1) THEN json_type(?1) = 'object' ELSE 0 END");
  check.bind_text(1, json);
  return check.step() && check.column_int(0) == 1;
}

std::int64_t clamp_limit(std::size_t limit) {
  return static_cast<std::int64_t>(
      std::min<std::size_t>(limit, static_cast<std::size_t>(std::numeric_limits<std::int64_t>::max())));
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
  return append(tx, event, nullptr);
}

std::string Outbox::sealed_data_aad(std::string_view event_id, std::string_view type) {
  return PiiCipher::row_aad("outbox", event_id, type);
}

std::int64_t Outbox::append(Transaction& tx, const domain::EventRecord& event, const PiiCipher* seal_with) {
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
  const std::string canonical_id = id->to_string();
  Statement insert(db,
                   "INSERT INTO outbox (id, type, schema, at, data, sealed_data, created_at) "
                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))");
  insert.bind_text(1, canonical_id);
  insert.bind_text(2, event.type);
  insert.bind_int64(3, event.schema);
  insert.bind_text(4, domain::format_rfc3339_utc(event.at));
  if (seal_with != nullptr) {
    // `data` stays '' so the plaintext body never reaches the file, not even in the WAL.
    insert.bind_text(5, "");
    insert.bind_blob(6, seal_with->seal(event.data_json, sealed_data_aad(canonical_id, event.type)));
  } else {
    insert.bind_text(5, event.data_json);
    insert.bind_null(6);
  }
  insert.run();
  return db.last_insert_rowid();
}

std::int64_t Outbox::pending_count() const {
  Statement query(m_db, "SELECT count(*) FROM outbox WHERE state = 'pending'");
  query.step();
  return query.column_int64(0);
}

std::vector<OutboxRow> Outbox::read_pending(std::size_t limit) {
  return read_pending(limit, nullptr);
}

std::vector<OutboxRow> Outbox::read_pending(std::size_t limit, const PiiCipher* open_with) {
  std::vector<OutboxRow> rows;
  std::vector<std::pair<std::int64_t, std::string_view>> unreadable;
  {
    Statement query(m_db, "SELECT " + std::string(k_row_columns) +
                              " FROM outbox WHERE state = 'pending' ORDER BY seq LIMIT ?1");
    query.bind_int64(1, clamp_limit(limit));
    while (query.step()) {
      if (!query.column_is_null(8) && open_with == nullptr) {
        throw std::logic_error("outbox: pending event " + std::to_string(query.column_int64(0)) +
                               " is sealed; read_pending needs the PII cipher");
      }
      sort_pending_row(query, open_with, rows, unreadable);
    }
  }
  quarantine_all(unreadable);
  return rows;
}

std::string Outbox::sending_order_query() {
  // INDEXED BY: the index hands rows over in sending order; without statistics SQLite would rather sort
  // the whole backlog for every batch (a store test checks the plan).
  return "SELECT " + std::string(k_row_columns) +
         " FROM outbox INDEXED BY outbox_pending_by_priority WHERE state = 'pending' ORDER BY " +
         std::string(k_outbox_priority_sql) + ", seq LIMIT ?1";
}

std::vector<OutboxRow> Outbox::pending_in_sending_order(std::size_t limit,
                                                        const std::unordered_set<std::int64_t>& skip,
                                                        const PiiCipher* open_with) {
  std::vector<OutboxRow> rows;
  std::vector<std::pair<std::int64_t, std::string_view>> unreadable;
  {
    Statement query(m_db, sending_order_query());
    // Skipped rows are at most window x batch size, so reading that many more always leaves `limit`
    // usable ones when there are that many.
    query.bind_int64(1, clamp_limit(limit + skip.size()));
    while (rows.size() < limit && query.step()) {
      if (!skip.contains(query.column_int64(0))) {
        sort_pending_row(query, open_with, rows, unreadable);
      }
    }
  }
  quarantine_all(unreadable);
  return rows;
}

void Outbox::quarantine_all(std::span<const std::pair<std::int64_t, std::string_view>> rows) {
  for (const auto& [seq, reason] : rows) {
    quarantine(seq, reason);
  }
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
  return counts_of(query);
}

OutboxCounts Outbox::unconfirmed_counts() const {
  // The IN list keeps the (state, ...) index in use: the confirmed rows, never deleted, are not walked.
  Statement query(m_db,
                  "SELECT state, count(*) FROM outbox WHERE state IN ('pending', 'sent', 'quarantined') "
                  "GROUP BY state");
  return counts_of(query);
}

std::optional<OutboxRow> Outbox::find(std::int64_t seq) const {
  return find(seq, nullptr);
}

std::optional<OutboxRow> Outbox::find(std::int64_t seq, const PiiCipher* open_with) const {
  Statement query(m_db, "SELECT " + std::string(k_row_columns) + " FROM outbox WHERE seq = ?1");
  query.bind_int64(1, seq);
  if (!query.step()) {
    return std::nullopt;
  }
  return read_row(query, open_with);
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

#include "sync/outbox_access.hpp"

#include <string>

#include "domain/event.hpp"
#include "store/statement.hpp"
#include "store/transaction.hpp"
#include "sync/event_priority.hpp"

namespace kiosk::sync {

OutboxAccess::OutboxAccess(const std::filesystem::path& db_file, std::chrono::milliseconds busy_timeout,
                           const store::PiiCipher* cipher)
    : m_db(db_file, store::OpenMode::read_write), m_outbox(m_db), m_cipher(cipher) {
  m_db.set_busy_timeout(busy_timeout);
  // The drainer's writes are only bookkeeping (pending -> sent -> confirmed). In WAL mode NORMAL still
  // never corrupts the file; a power cut may undo the last few of these commits, which only sends those
  // events again, and head office deduplicates by event id. Under FULL every batch paid two fsyncs. Customer
  // records are written by the store's own connection, which stays at FULL.
  m_db.exec("PRAGMA synchronous = NORMAL");
}

std::vector<store::OutboxRow> OutboxAccess::next_pending(std::size_t limit,
                                                         const std::unordered_set<std::int64_t>& exclude) {
  return m_outbox.pending_in_sending_order(limit, exclude, m_cipher);
}

std::int64_t OutboxAccess::mark_sent(std::span<const std::int64_t> seqs) {
  return m_outbox.mark_sent(seqs);
}

std::int64_t OutboxAccess::return_to_pending(std::span<const std::int64_t> seqs) {
  return m_outbox.return_to_pending(seqs);
}

std::int64_t OutboxAccess::return_all_sent_to_pending() {
  store::Statement update(m_db, "UPDATE outbox SET state = 'pending' WHERE state = 'sent'");
  update.run();
  return m_db.changes();
}

std::int64_t OutboxAccess::confirm_up_to(std::int64_t seq) {
  return seq > 0 ? m_outbox.mark_confirmed_up_to(seq) : 0;
}

std::int64_t OutboxAccess::confirm_ranges(std::span<const SeqRange> ranges) {
  if (ranges.empty()) {
    return 0;
  }
  store::Transaction tx(m_db);
  store::Statement update(m_db,
                          "UPDATE outbox SET state = 'confirmed' "
                          "WHERE seq BETWEEN ?1 AND ?2 AND state IN ('pending', 'sent')");
  std::int64_t changed = 0;
  for (const auto& range : ranges) {
    update.bind_int64(1, range.from);
    update.bind_int64(2, range.to);
    update.run();
    changed += m_db.changes();
    update.reset();
  }
  tx.commit();
  return changed;
}

std::optional<std::int64_t> OutboxAccess::seq_of(std::string_view id) {
  store::Statement query(m_db, "SELECT seq FROM outbox WHERE id = lower(?1)");
  query.bind_text(1, id);
  if (!query.step()) {
    return std::nullopt;
  }
  return query.column_int64(0);
}

std::int64_t OutboxAccess::confirm_ids(std::span<const std::string> ids) {
  std::vector<SeqRange> ranges;
  for (const auto& id : ids) {
    if (const auto seq = seq_of(id)) {
      ranges.push_back(SeqRange{*seq, *seq});
    }
  }
  return confirm_ranges(ranges);
}

bool OutboxAccess::quarantine(std::int64_t seq, std::string_view reason) {
  return m_outbox.quarantine(seq, reason);
}

bool OutboxAccess::quarantine_id(std::string_view id, std::string_view reason) {
  const auto seq = seq_of(id);
  return seq && m_outbox.quarantine(*seq, reason);
}

std::int64_t OutboxAccess::resend(std::int64_t from, std::int64_t to) {
  store::Statement update(m_db,
                          "UPDATE outbox SET state = 'pending' "
                          "WHERE seq BETWEEN ?1 AND ?2 AND state IN ('sent', 'confirmed')");
  update.bind_int64(1, from);
  update.bind_int64(2, to);
  update.run();
  return m_db.changes();
}

std::int64_t OutboxAccess::shed_telemetry(std::int64_t max_rows) {
  if (max_rows <= 0) {
    return 0;
  }
  store::Statement remove(
      m_db,
      "DELETE FROM outbox WHERE seq IN (SELECT seq FROM outbox INDEXED BY outbox_pending_by_priority "
      "WHERE state = 'pending' AND " +
          std::string(priority_sql_expression()) + " = 2 ORDER BY seq LIMIT ?1)");
  remove.bind_int64(1, max_rows);
  remove.run();
  return m_db.changes();
}

store::OutboxCounts OutboxAccess::counts() {
  return m_outbox.counts_by_state();
}

std::optional<std::chrono::system_clock::time_point> OutboxAccess::oldest_unconfirmed_created_at() {
  // One min() per state, each a seek in outbox_state_created (an IN list would read every pending row).
  store::Statement query(
      m_db,
      "SELECT min(oldest) FROM (SELECT min(created_at) AS oldest FROM outbox WHERE state = "
      "'pending' UNION ALL SELECT min(created_at) FROM outbox WHERE state = 'sent')");
  if (!query.step() || query.column_is_null(0)) {
    return std::nullopt;
  }
  const auto at = domain::parse_rfc3339_utc(query.column_text(0));
  if (!at) {
    return std::nullopt;
  }
  return std::chrono::system_clock::time_point{*at};
}

}  // namespace kiosk::sync

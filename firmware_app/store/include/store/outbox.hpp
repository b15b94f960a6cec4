#pragma once
// The transactional outbox: every event for head office is a row here, written in the same transaction as
// the record that caused it, and kept until head office confirms it.
//
// Row states and who moves them:
//   pending --mark_sent--> sent --mark_confirmed_up_to--> confirmed
//      ^                    |
//      +-return_to_pending--+        (ack timeout or reconnect: send again)
//   pending/sent --quarantine--> quarantined   (a poison event; visible in health, never blocks the queue)
//
// seq is SQLite AUTOINCREMENT: strictly increasing and never reused, even after rows are deleted, so head
// office can order by (kiosk, seq) and spot gaps.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "domain/event.hpp"

namespace kiosk::store {

class Database;
class Transaction;

enum class OutboxState { pending, sent, confirmed, quarantined };

struct OutboxRow {
  std::int64_t seq = 0;
  domain::EventRecord event;
  int attempts = 0;  // how many times it was marked sent
  std::optional<std::string> last_error;
};

struct OutboxCounts {
  std::int64_t pending = 0;
  std::int64_t sent = 0;
  std::int64_t confirmed = 0;
  std::int64_t quarantined = 0;
};

class Outbox {
 public:
  explicit Outbox(Database& db) : m_db(db) {}

  // Adds the event as pending inside the caller's open transaction and returns its seq; the row becomes
  // durable only when the caller commits. The id is stored in canonical lowercase form. Throws
  // std::invalid_argument for an event that could never be delivered (id not a UUID, invalid type name,
  // schema < 1, data not a JSON object), std::logic_error if `tx` was already committed, and StoreError for
  // database failures (a duplicate id is SQLITE_CONSTRAINT_UNIQUE).
  std::int64_t append(Transaction& tx, const domain::EventRecord& event);

  std::int64_t pending_count() const;
  // Up to `limit` pending rows, lowest seq first. A row whose stored time cannot be read back (only possible
  // if the file was edited by hand) is quarantined here rather than returned, so it cannot block the queue.
  std::vector<OutboxRow> read_pending(std::size_t limit);

  // mark_sent and return_to_pending run in their own transaction, so they must not be called while the
  // caller holds a Transaction on the same connection. Each method returns how many rows changed state;
  // seqs that are not in the expected state are left alone.

  // pending -> sent, and attempts + 1 (after PUBACK or HTTP 2xx).
  std::int64_t mark_sent(std::span<const std::int64_t> seqs);
  // pending or sent with seq <= `seq` -> confirmed (head office's committed high-water mark). Quarantined
  // rows stay quarantined.
  std::int64_t mark_confirmed_up_to(std::int64_t seq);
  // sent -> pending (no ack in time, or the connection dropped).
  std::int64_t return_to_pending(std::span<const std::int64_t> seqs);
  // pending or sent -> quarantined, with the reason kept in last_error. False if the row was not found in
  // either state.
  bool quarantine(std::int64_t seq, std::string_view reason);

  OutboxCounts counts_by_state() const;
  // The row with this seq in any state, or nullopt.
  std::optional<OutboxRow> find(std::int64_t seq) const;
  std::optional<OutboxState> state_of(std::int64_t seq) const;

 private:
  Database& m_db;
};

}  // namespace kiosk::store

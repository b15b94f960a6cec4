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
//
// Sealed events: an event that carries personal data (a complaint, feedback with a comment) is appended
// with a PiiCipher; its body is then stored only sealed (AES-256-GCM, AAD = the event id and type), never as
// plaintext. Readers pass the cipher to get the body back; the envelope (id, type, time) stays readable.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "domain/event.hpp"

namespace kiosk::store {

class Database;
class PiiCipher;
class Transaction;

enum class OutboxState { pending, sent, confirmed, quarantined };

// The order in which pending events leave, as a SQL expression over the `type` column: 0 complaints
// ("complaint.*"), 2 telemetry ("device.*", "kiosk.*", "telemetry.*"), 1 everything else (unknown types are
// customer records: misfiling one as telemetry could shed it). sync::priority_of is the same rule in C++ (a
// unit test holds them together). Schema v4 indexes exactly this text for the pending rows
// (outbox_pending_by_priority), so a query that orders `WHERE state = 'pending'` by it, then by seq, reads
// the index instead of sorting the whole backlog for every batch. substr() rather than LIKE: '_' is a LIKE
// wildcard and event types may contain it.
inline constexpr std::string_view k_outbox_priority_sql =
    "(CASE WHEN substr(type, 1, 10) = 'complaint.' THEN 0 "
    "WHEN substr(type, 1, 7) = 'device.' OR substr(type, 1, 6) = 'kiosk.' "
    "OR substr(type, 1, 10) = 'telemetry.' THEN 2 ELSE 1 END)";

struct OutboxRow {
  std::int64_t seq = 0;
  domain::EventRecord event;
  int attempts = 0;  // how many times it was marked sent
  std::optional<std::string> last_error;
  bool sealed = false;  // the body is stored sealed (event.data_json holds it opened, when it could be)
  // False only from find(): the body is sealed and no cipher was given, or it did not open (wrong key,
  // damaged). event.data_json is then empty, never garbage. read_pending never returns such rows.
  bool data_readable = true;
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
  // The same, but when `seal_with` is not null the body is stored sealed with it (see above). The checks
  // run on the plaintext before sealing. With nullptr this is the plain append above.
  std::int64_t append(Transaction& tx, const domain::EventRecord& event, const PiiCipher* seal_with);

  std::int64_t pending_count() const;
  // Up to `limit` pending rows, lowest seq first. A row whose stored time cannot be read back (only possible
  // if the file was edited by hand) is quarantined here rather than returned, so it cannot block the queue.
  std::vector<OutboxRow> read_pending(std::size_t limit);
  // The same, opening sealed bodies with `open_with`. A sealed row that does not open with it (wrong key,
  // damaged bytes) is quarantined with a reason rather than returned, so it is reported in health and never
  // sent as garbage. Throws std::logic_error if a sealed row is met and `open_with` is null: the caller is
  // miswired, and skipping or quarantining good rows for that would lose or stall customer records.
  std::vector<OutboxRow> read_pending(std::size_t limit, const PiiCipher* open_with);

  // Up to `limit` pending rows in the order they leave (k_outbox_priority_sql, then seq), skipping the
  // seqs in `skip` (the batches in flight): one walk of the outbox_pending_by_priority index, with no
  // sort and no second lookup per row. Rows that cannot be sent (time not RFC 3339, sealed body that does
  // not open with `open_with` or no cipher) are quarantined with a reason rather than returned, as in
  // read_pending. Runs the reads, then any quarantine in its own transaction: call it outside one.
  std::vector<OutboxRow> pending_in_sending_order(std::size_t limit,
                                                  const std::unordered_set<std::int64_t>& skip,
                                                  const PiiCipher* open_with);
  // The SELECT pending_in_sending_order runs (LIMIT ?1), for tests of its query plan.
  static std::string sending_order_query();

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
  // The same for the rows not yet confirmed (pending, sent, quarantined; `confirmed` stays 0): one index
  // search per state, so its cost follows the backlog, not the years of confirmed rows counts_by_state
  // walks (~80 ms per million rows). For the staff dashboard, which reads it on the UI thread.
  OutboxCounts unconfirmed_counts() const;
  // The row with this seq in any state, or nullopt.
  std::optional<OutboxRow> find(std::int64_t seq) const;
  // The same, opening a sealed body with `open_with` (see OutboxRow::data_readable).
  std::optional<OutboxRow> find(std::int64_t seq, const PiiCipher* open_with) const;

  // The AAD that binds a sealed outbox body to its event: PiiCipher::row_aad("outbox", id, type).
  static std::string sealed_data_aad(std::string_view event_id, std::string_view type);
  std::optional<OutboxState> state_of(std::int64_t seq) const;

 private:
  void quarantine_all(std::span<const std::pair<std::int64_t, std::string_view>> rows);

  Database& m_db;
};

}  // namespace kiosk::store

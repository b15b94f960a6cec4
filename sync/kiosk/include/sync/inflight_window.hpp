#pragma once
// The drainer's record of batches on their way to head office, from dispatch until head office's Ack (or
// until the drainer gives up on one). Pure bookkeeping, no I/O: it says which seqs to mark sent, confirm,
// quarantine or send again, and the drainer applies that to the outbox.
//
// A batch is in the window from dispatch until (a) head office acks it, (b) the transport reports it
// failed, (c) its ack timeout passes, or (d) the connection drops. The window never holds more than
// `capacity` batches, and a seq is in at most one batch at a time.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "sync/messages.hpp"

namespace kiosk::sync {

using SteadyTime = std::chrono::steady_clock::time_point;

struct InflightBatch {
  std::string batch_id;
  std::vector<OutgoingEvent> events;
  SteadyTime dispatched_at{};
  bool delivered = false;  // the transport acknowledged it (PUBACK / HTTP 2xx): its rows are `sent`
};

struct Quarantine {
  std::int64_t seq = 0;
  std::string reason;
};

// What one Ack means for the outbox. Ids that are not in the window (an Ack after a reconnect, say) are
// listed by id for the drainer to resolve in the database.
struct AckOutcome {
  bool batch_known = false;
  std::int64_t confirm_up_to = 0;        // 0: nothing by high-water
  std::vector<SeqRange> confirm_ranges;  // from `ranges` and from duplicates in the window
  std::vector<std::string> confirm_ids;  // duplicates not in the window
  std::vector<Quarantine> quarantine;    // rejects and conflicts in the window
  std::vector<std::pair<std::string, std::string>> quarantine_ids;  // (id, reason) not in the window
  std::vector<std::int64_t> back_to_pending;  // delivered rows of this batch the Ack did not cover
};

class InflightWindow {
 public:
  // capacity is clamped to [1, 64].
  explicit InflightWindow(std::size_t capacity);

  std::size_t capacity() const { return m_capacity; }
  std::size_t size() const { return m_batches.size(); }
  bool has_room() const { return m_batches.size() < m_capacity; }
  bool contains_seq(std::int64_t seq) const { return m_seq_owner.contains(seq); }
  const std::unordered_set<std::int64_t>& seqs_in_flight() const { return m_seqs; }

  // False (and nothing recorded) when full, the batch id is already here, or a seq is already in flight.
  bool add(InflightBatch batch);

  // The transport delivered the batch: the seqs to mark sent (empty for an unknown or repeated report).
  std::vector<std::int64_t> mark_delivered(const std::string& batch_id);
  // The transport gave up on the batch: it leaves the window. Returns its delivered seqs (to return to
  // pending); rows that were never delivered are still pending and need nothing.
  std::vector<std::int64_t> drop(const std::string& batch_id);

  // Applies head office's Ack. The acked batch leaves the window.
  AckOutcome apply_ack(const AckSummary& ack);

  // Batches dispatched at or before now - timeout leave the window; returns their delivered seqs.
  std::vector<std::int64_t> expire(SteadyTime now, std::chrono::milliseconds timeout);
  // When the next batch would expire, if any.
  std::optional<SteadyTime> next_expiry(std::chrono::milliseconds timeout) const;
  // Connection lost: every batch leaves; returns all delivered seqs.
  std::vector<std::int64_t> clear();

 private:
  std::vector<std::int64_t> remove(const std::string& batch_id);

  std::size_t m_capacity;
  std::unordered_map<std::string, InflightBatch> m_batches;
  std::unordered_map<std::int64_t, std::string> m_seq_owner;
  std::unordered_map<std::string, std::int64_t> m_id_to_seq;
  std::unordered_set<std::int64_t> m_seqs;
};

}  // namespace kiosk::sync

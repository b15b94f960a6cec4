#pragma once
// Batch ingestion: parse, check identity against the registry, store every event exactly once in ONE
// transaction, and only then produce the Ack (the caller sends it after ingest() returns).
//
// Exactly once: events has PRIMARY KEY (id) and UNIQUE (kiosk, seq); inserts use ON CONFLICT DO NOTHING.
// An event already stored with the same body hash is a duplicate (acked, counted); the same id (or the same
// kiosk+seq) with another body is a conflict (recorded in `conflicts`, listed in the ack). Events that cannot
// be read are rejects (recorded, listed in the ack). Unknown schema versions are stored verbatim.
// Idempotency: a batch_id seen before with the same content returns the first Ack unchanged (status
// replayed); the same batch_id with other content is a key conflict and stores nothing.
// Not thread-safe: one Ingestor per connection, callers serialise.

#include <chrono>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "sync/protocol/ack.hpp"

namespace kiosk::store {
class Database;
}

namespace kiosk::headoffice {

// Who sent the batch, as far as the transport proved it.
struct SenderIdentity {
  std::string kiosk;                           // MQTT: the topic's kiosk (the broker ACL binds it to the CN);
                                               // HTTPS: the verified client certificate CN
  std::optional<std::string> topic_branch;     // MQTT only: the topic's branch
  std::optional<std::string> idempotency_key;  // HTTPS only: must equal the batch_id
};

enum class IngestStatus {
  acked,         // committed (possibly all duplicates); `ack` is the answer
  replayed,      // batch_id seen before with the same content; `ack` is the first answer
  key_conflict,  // batch_id seen before with other content (HTTPS 422); nothing stored
  rejected,      // identity does not match the registry; logged in `rejects`, nothing stored
  invalid,       // the batch itself cannot be read; logged in `rejects`, nothing stored
};

struct IngestResult {
  IngestStatus status = IngestStatus::invalid;
  sync::protocol::Ack ack;  // valid for acked and replayed
  std::string branch;       // the registry's branch of the kiosk (empty if unknown)
  std::string error;        // for key_conflict, rejected and invalid: what is wrong
  std::size_t stored = 0;   // events newly stored by this call
};

// One batch of a group commit.
struct GroupedBatch {
  std::string_view body;
  SenderIdentity sender;
};

// A batch's result in a group commit: the result once committed, or the database failure that kept it
// from being stored (then no ack must be sent).
struct GroupOutcome {
  std::optional<IngestResult> result;
  std::string store_error;
};

class Ingestor {
 public:
  explicit Ingestor(store::Database& db) : m_db(db) {}

  // Throws store::StoreError only for database failures (disk full, ...); then nothing was committed and
  // no ack must be sent.
  IngestResult ingest(std::string_view body, const SenderIdentity& sender,
                      std::chrono::system_clock::time_point now);
  // Group commit: the batches in ONE transaction (one fsync for all), with results in input order. Each
  // batch sees the ones before it (two batches of one kiosk in a group are fine). If the group's commit
  // fails, each batch is tried again in a transaction of its own, so one that keeps failing holds back
  // only itself. Never throws for database failures: they come back per batch.
  std::vector<GroupOutcome> ingest_group(std::span<const GroupedBatch> batches,
                                         std::chrono::system_clock::time_point now);

 private:
  store::Database& m_db;
};

// A stretch of missing seqs older than the reorder timeout, for which a resend should be requested.
struct GapRequest {
  std::string kiosk;
  std::string branch;
  std::uint64_t from = 0;
  std::uint64_t to = 0;
};

// Kiosks whose seq gap has been open for at least `reorder_timeout` and for which no resend was requested
// within the last `reorder_timeout`. Marks them as requested now (so each gap is asked for once per
// timeout).
std::vector<GapRequest> take_overdue_gaps(store::Database& db, std::chrono::system_clock::time_point now,
                                          std::chrono::milliseconds reorder_timeout);

}  // namespace kiosk::headoffice

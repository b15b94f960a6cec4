#pragma once
// What the drainer and the transports pass between them: a serialized batch going up, and head office's
// answers coming down (already parsed and checked by the transport; hostile payloads never get this far).

#include <cstdint>
#include <string>
#include <vector>

namespace kiosk::sync {

struct OutgoingEvent {
  std::int64_t seq = 0;
  std::string id;
};

// The Batch document's fields other than its events.
struct BatchHeader {
  std::string kiosk;
  std::string branch;
  std::string boot_id;
  std::string batch_id;
};

// One batch, serialized once. The same bytes go out again if the transport retries it.
struct OutgoingBatch {
  std::string batch_id;  // UUID text; also the HTTPS Idempotency-Key
  std::string payload;   // the Batch document (JSON, UTF-8)
  std::vector<OutgoingEvent> events;
};

struct SeqRange {
  std::int64_t from = 0;  // inclusive
  std::int64_t to = 0;    // inclusive, >= from
  friend bool operator==(const SeqRange&, const SeqRange&) = default;
};

struct EventRejection {
  std::string id;
  std::string reason;
};

// Head office's Ack for one batch, after it committed.
struct AckSummary {
  std::string batch_id;
  std::int64_t high_water = 0;  // every seq <= high_water is committed (0: none yet)
  std::vector<SeqRange> ranges;
  std::vector<std::string> duplicate_ids;  // already committed earlier: count as confirmed
  std::vector<EventRejection> rejects;     // invalid: quarantine
  std::vector<std::string> conflict_ids;   // same id, other body: quarantine
};

// Head office asks for seqs [from, to] again (a gap older than its reorder timeout).
struct ResendRequest {
  std::int64_t from = 0;
  std::int64_t to = 0;
};

}  // namespace kiosk::sync

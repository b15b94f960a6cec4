#pragma once
// Packs outbox rows into one Batch document within the count and byte bounds. Pure: no I/O.

#include <cstddef>
#include <span>
#include <vector>

#include "store/outbox.hpp"
#include "sync/inflight_window.hpp"
#include "sync/messages.hpp"

namespace kiosk::sync {

struct BatchLimits {
  std::size_t max_events = 50;
  std::size_t max_bytes = 16'000;  // the whole serialized Batch document
};

struct BuiltBatch {
  OutgoingBatch batch;  // no events: nothing fit (or there were no candidates)
  // True when the bounds stopped the packing (count reached, or the next candidate would not fit):
  // waiting longer could not make this batch bigger.
  bool full = false;
  // Rows that can never be sent: their data does not serialize, or alone they exceed max_bytes.
  std::vector<Quarantine> poison;
};

// Takes candidates in order, skipping poison, until a bound is reached. header.batch_id names the batch.
BuiltBatch build_batch(std::span<const store::OutboxRow> candidates, const BatchHeader& header,
                       BatchLimits limits);

}  // namespace kiosk::sync

#include "sync/batch_builder.hpp"

#include <string>

#include "wire.hpp"

namespace kiosk::sync {

BuiltBatch build_batch(std::span<const store::OutboxRow> candidates, const BatchHeader& header,
                       BatchLimits limits) {
  BuiltBatch built;
  built.batch.batch_id = header.batch_id;
  const std::size_t overhead = wire::batch_overhead(header);
  std::size_t total = overhead;
  std::vector<std::string> texts;
  for (const auto& row : candidates) {
    if (texts.size() >= limits.max_events) {
      built.full = true;
      break;
    }
    auto serialized = wire::serialize_event(row);
    if (wire::is_error(serialized)) {
      built.poison.push_back(Quarantine{row.seq, std::get<1>(serialized)});
      continue;
    }
    std::string& text = std::get<0>(serialized);
    if (overhead + text.size() > limits.max_bytes) {
      built.poison.push_back(Quarantine{row.seq, "event too large for a batch (" +
                                                     std::to_string(text.size()) + " bytes, limit " +
                                                     std::to_string(limits.max_bytes) + ")"});
      continue;
    }
    const std::size_t added = text.size() + (texts.empty() ? 0 : 1);  // a comma between envelopes
    if (total + added > limits.max_bytes) {
      built.full = true;
      break;
    }
    total += added;
    built.batch.events.push_back(OutgoingEvent{row.seq, row.event.id});
    texts.push_back(std::move(text));
  }
  if (texts.size() >= limits.max_events) {
    built.full = true;
  }
  if (!texts.empty()) {
    built.batch.payload = wire::assemble_batch(header, texts);
  }
  return built;
}

}  // namespace kiosk::sync

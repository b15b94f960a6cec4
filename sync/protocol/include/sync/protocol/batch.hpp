#pragma once
// A batch {v: 1, kiosk, branch, boot_id, batch_id, events: [...]}: what a kiosk publishes on
// bank/v1/{branch}/{kiosk}/events and POSTs to /v1/events.
//
// Guarantees: deterministic serialization (sorted keys), unknown top-level fields preserved in `extra`.
// Parsing is lenient per event: an event that cannot be read is reported in `invalid_events` (so head office
// can reject just that one) while the rest of the batch is still usable. A batch whose own fields are wrong
// (not an object, v != 1, bad kiosk/batch_id, events not an array, too many events) fails as a whole.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "sync/protocol/envelope.hpp"
#include "sync/protocol/parsed.hpp"

namespace kiosk::sync::protocol {

inline constexpr int protocol_version = 1;
// What a kiosk should put in one MQTT batch: larger TLS records stall on Nagle (ARCHITECTURE.md).
inline constexpr std::size_t max_batch_events = 50;
inline constexpr std::size_t max_batch_bytes = 16'000;
// What a receiver accepts at most in one batch (HTTPS may carry bigger batches than MQTT).
inline constexpr std::size_t max_accepted_batch_events = 1'000;
inline constexpr std::size_t max_accepted_batch_bytes = 4 * 1024 * 1024;

struct Batch {
  int v = protocol_version;
  std::string kiosk;     // kiosk id = client certificate CN, e.g. "kiosk-01"
  std::string branch;    // the kiosk's idea of its branch; head office trusts its registry instead
  std::string boot_id;   // changes every time the kiosk process starts
  std::string batch_id;  // canonical UUID text; the HTTPS Idempotency-Key
  std::vector<Envelope> events;
  nlohmann::json extra = nlohmann::json::object();

  friend bool operator==(const Batch&, const Batch&) = default;
};

// An event of a batch that could not be read. `id` is the event's id text when it had a string id,
// otherwise "#<index>".
struct InvalidEvent {
  std::string id;
  std::string reason;
};

struct ParsedBatch {
  Batch batch;
  std::vector<InvalidEvent> invalid_events;
};

// Kiosk ids and branch ids: 1-64 characters of [A-Za-z0-9_-] (they become MQTT topic levels).
bool is_valid_node_id(std::string_view id);

Parsed<ParsedBatch> parse_batch(std::string_view text);
Parsed<ParsedBatch> parse_batch_json(const nlohmann::json& json);
nlohmann::json batch_to_json(const Batch& batch);
std::string serialize_batch(const Batch& batch);

}  // namespace kiosk::sync::protocol

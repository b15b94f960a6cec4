#pragma once
// The event envelope {id, seq, type, schema, at, data}: one kiosk event on the wire.
//
// Guarantees:
// - serialize_envelope() is deterministic: keys sorted, no whitespace, the same Envelope always gives the
//   same bytes. envelope_body_hash() is the SHA-256 of those bytes; head office records "same id, other
//   body hash" as a conflict.
// - Unknown top-level fields are kept in `extra` and written back out (round trip), and the body hash
//   covers them.
// - An unknown schema version is not an error: the envelope is read like any other and kept verbatim.

#include <cstdint>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "domain/event.hpp"
#include "sync/protocol/parsed.hpp"

namespace kiosk::sync::protocol {

struct Envelope {
  std::string id;         // canonical lowercase UUID text
  std::uint64_t seq = 0;  // per kiosk, >= 1, never reused
  std::string type;       // see domain::is_valid_event_type
  int schema = 1;         // >= 1
  std::string at;         // RFC 3339 UTC as sent (kept verbatim; validated with domain::parse_rfc3339_utc)
  nlohmann::json data = nlohmann::json::object();   // always an object
  nlohmann::json extra = nlohmann::json::object();  // unknown top-level fields, preserved

  friend bool operator==(const Envelope&, const Envelope&) = default;
};

// Builds the envelope of an outbox row. Throws std::invalid_argument when the record's data_json is not a
// JSON object (the outbox never stores such a row).
Envelope make_envelope(std::uint64_t seq, const domain::EventRecord& record);
// The record back from an envelope (seq is dropped; it belongs to the outbox). nullopt if `at` is invalid.
std::optional<domain::EventRecord> to_event_record(const Envelope& envelope);

// Reads one envelope from parsed JSON. Errors name the field: "seq: must be an integer >= 1".
Parsed<Envelope> parse_envelope_json(const nlohmann::json& json);
Parsed<Envelope> parse_envelope(std::string_view text);

nlohmann::json envelope_to_json(const Envelope& envelope);
// Deterministic compact JSON (see above).
std::string serialize_envelope(const Envelope& envelope);
// Lowercase hex SHA-256 of serialize_envelope().
std::string envelope_body_hash(const Envelope& envelope);

}  // namespace kiosk::sync::protocol

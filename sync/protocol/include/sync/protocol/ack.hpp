#pragma once
// Head office's answer to a batch, sent only after the batch is committed: on MQTT to
// bank/v1/{branch}/{kiosk}/ack, on HTTPS as the response body.
//
// {v: 1, kiosk, batch_id, high_water, ranges: [[from, to], ...], duplicates: [ids], rejects: [{id, reason}],
//  conflicts: [ids]}
// - high_water: the highest seq such that every seq <= it is committed for this kiosk (0: none yet).
// - ranges: the seqs committed for this kiosk, as sorted, disjoint, inclusive ranges (may be limited to
//   the neighbourhood of the batch).
// - duplicates: ids of this batch that were already stored with the same body (safe to confirm).
// - rejects: ids that will never be stored (bad event); the kiosk quarantines them.
// - conflicts: ids already stored with another body; recorded at head office, the kiosk quarantines them.
// Unknown fields are preserved; serialization is deterministic.

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "sync/protocol/parsed.hpp"

namespace kiosk::sync::protocol {

struct SeqRange {
  std::uint64_t from = 0;
  std::uint64_t to = 0;  // inclusive, >= from
  friend bool operator==(const SeqRange&, const SeqRange&) = default;
};

struct Reject {
  std::string id;
  std::string reason;
  friend bool operator==(const Reject&, const Reject&) = default;
};

struct Ack {
  int v = 1;
  std::string kiosk;
  std::string batch_id;
  std::uint64_t high_water = 0;
  std::vector<SeqRange> ranges;
  std::vector<std::string> duplicates;
  std::vector<Reject> rejects;
  std::vector<std::string> conflicts;
  nlohmann::json extra = nlohmann::json::object();

  friend bool operator==(const Ack&, const Ack&) = default;
};

// True when `seq` lies in one of the ranges or is <= high_water.
bool ack_covers(const Ack& ack, std::uint64_t seq);

// Sorts and merges overlapping or adjacent ranges.
std::vector<SeqRange> normalize_ranges(std::vector<SeqRange> ranges);

Parsed<Ack> parse_ack(std::string_view text);
nlohmann::json ack_to_json(const Ack& ack);
std::string serialize_ack(const Ack& ack);

}  // namespace kiosk::sync::protocol

#include "wire.hpp"

#include <limits>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "domain/event.hpp"
#include "sync/protocol/ack.hpp"
#include "sync/protocol/batch.hpp"
#include "sync/protocol/cmd.hpp"
#include "sync/protocol/envelope.hpp"

namespace kiosk::sync::wire {
namespace {

// A genuine ack covers one batch (at most 50 events); the bound keeps a hostile one from making the
// drainer run thousands of statements.
constexpr std::size_t k_max_list_entries = 10'000;

template <typename T>
Parsed<T> fail(std::string message) {
  return Parsed<T>{std::nullopt, std::move(message)};
}

std::optional<std::int64_t> to_seq(std::uint64_t value) {
  if (value > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
    return std::nullopt;
  }
  return static_cast<std::int64_t>(value);
}

std::string size_problem(std::string_view payload) {
  if (payload.size() > k_max_downstream_bytes) {
    return "document too large (" + std::to_string(payload.size()) + " bytes, limit " +
           std::to_string(k_max_downstream_bytes) + ")";
  }
  return {};
}

}  // namespace

std::variant<std::string, std::string> serialize_event(const store::OutboxRow& row) {
  using Result = std::variant<std::string, std::string>;
  if (row.seq < 1) {
    return Result(std::in_place_index<1>, "seq must be >= 1");
  }
  try {
    const auto envelope = protocol::make_envelope(static_cast<std::uint64_t>(row.seq), row.event);
    return Result(std::in_place_index<0>, protocol::serialize_envelope(envelope));
  } catch (const std::invalid_argument& error) {
    return Result(std::in_place_index<1>, std::string("cannot serialize: ") + error.what());
  } catch (const std::out_of_range& error) {
    return Result(std::in_place_index<1>, std::string("cannot serialize: ") + error.what());
  }
}

std::string assemble_batch(const BatchHeader& header, std::span<const std::string> events) {
  // Written around the pre-serialized envelopes so each event is serialized once and the size arithmetic
  // the batcher relies on is exact. Keys in sorted order, as protocol::serialize_batch writes them.
  const auto quoted = [](const std::string& text) {
    return nlohmann::json(text).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  };
  std::string out = "{\"batch_id\":" + quoted(header.batch_id) + ",\"boot_id\":" + quoted(header.boot_id) +
                    ",\"branch\":" + quoted(header.branch) + ",\"events\":[";
  for (std::size_t i = 0; i < events.size(); ++i) {
    if (i > 0) {
      out += ',';
    }
    out += events[i];
  }
  out += "],\"kiosk\":" + quoted(header.kiosk) + ",\"v\":1}";
  return out;
}

std::size_t batch_overhead(const BatchHeader& header) {
  return assemble_batch(header, {}).size();
}

Parsed<AckSummary> parse_ack(std::string_view payload, std::string_view kiosk) {
  if (auto problem = size_problem(payload); !problem.empty()) {
    return fail<AckSummary>("ack: " + problem);
  }
  auto parsed = protocol::parse_ack(payload);
  if (!parsed) {
    return fail<AckSummary>(parsed.error());
  }
  const protocol::Ack& ack = parsed.value();
  if (ack.kiosk != kiosk) {
    return fail<AckSummary>("ack: addressed to another kiosk ('" + ack.kiosk.substr(0, 64) + "')");
  }
  if (ack.ranges.size() + ack.duplicates.size() + ack.rejects.size() + ack.conflicts.size() >
      k_max_list_entries) {
    return fail<AckSummary>("ack: more than 10000 ranges and ids");
  }
  AckSummary summary;
  summary.batch_id = ack.batch_id;
  const auto high_water = to_seq(ack.high_water);
  if (!high_water) {
    return fail<AckSummary>("ack: high_water out of range");
  }
  summary.high_water = *high_water;
  for (const auto& range : ack.ranges) {
    const auto from = to_seq(range.from);
    const auto to = to_seq(range.to);
    if (!from || !to) {
      return fail<AckSummary>("ack: a range is out of range");
    }
    summary.ranges.push_back(SeqRange{*from, *to});
  }
  summary.duplicate_ids = ack.duplicates;
  for (const auto& reject : ack.rejects) {
    summary.rejects.push_back(EventRejection{reject.id, reject.reason.substr(0, 500)});
  }
  summary.conflict_ids = ack.conflicts;
  return Parsed<AckSummary>{std::move(summary), {}};
}

Parsed<ResendRequest> parse_cmd(std::string_view payload) {
  if (auto problem = size_problem(payload); !problem.empty()) {
    return fail<ResendRequest>("cmd: " + problem);
  }
  auto parsed = protocol::parse_cmd(payload);
  if (!parsed) {
    return fail<ResendRequest>(parsed.error());
  }
  const protocol::Cmd& cmd = parsed.value();
  if (cmd.kind != protocol::cmd_kind_resend) {
    return fail<ResendRequest>("cmd: unknown kind '" + cmd.kind.substr(0, 64) + "'");
  }
  const auto from = to_seq(cmd.from);
  const auto to = to_seq(cmd.to);
  if (!from || !to || *from < 1 || *from > *to) {
    return fail<ResendRequest>("cmd: resend needs 1 <= from <= to");
  }
  return Parsed<ResendRequest>{ResendRequest{*from, *to}, {}};
}

}  // namespace kiosk::sync::wire

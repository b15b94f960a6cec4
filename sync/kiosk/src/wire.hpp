#pragma once
// The kiosk's use of the wire format (sync/protocol): event envelopes and batches going up, Ack and Cmd
// documents coming down. Everything the transports receive passes through parse_ack/parse_cmd, which never
// throw and give a message naming what is wrong; on top of sync/protocol's checks they bound the size and
// refuse documents addressed to another kiosk.

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>

#include "store/outbox.hpp"
#include "sync/messages.hpp"

namespace kiosk::sync::wire {

// The largest document from head office we look at; anything bigger is refused unread.
inline constexpr std::size_t k_max_downstream_bytes = std::size_t{256} * 1024;

// The envelope of one outbox row (protocol::serialize_envelope), or an error: the row is then poison.
std::variant<std::string, std::string> serialize_event(const store::OutboxRow& row);
inline bool is_error(const std::variant<std::string, std::string>& result) {
  return result.index() == 1;
}

// The Batch document around already-serialized envelopes, byte-identical to protocol::serialize_batch of
// the same batch (a unit test holds them together). Its size is exactly
// batch_overhead(header) + sum(event sizes) + (events - 1) commas.
std::string assemble_batch(const BatchHeader& header, std::span<const std::string> events);
std::size_t batch_overhead(const BatchHeader& header);

template <typename T>
struct Parsed {
  std::optional<T> value;
  std::string error;  // empty when value is set
};

// An Ack addressed to `kiosk`.
Parsed<AckSummary> parse_ack(std::string_view payload, std::string_view kiosk);
// A "resend" Cmd. Other kinds are reported as unknown (and ignored by the caller). Cmd carries no kiosk
// field; the topic it came on addresses it.
Parsed<ResendRequest> parse_cmd(std::string_view payload);

}  // namespace kiosk::sync::wire

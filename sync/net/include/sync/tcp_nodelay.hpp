#pragma once
// TCP_NODELAY on the MQTT client's socket.
//
// Why: Paho C 1.3 never calls setsockopt and does not hand out its socket, so its connections run with
// Nagle's algorithm. A small publish written while an earlier one is unacknowledged (a PUBACK, an Ack right
// after it) waits for the peer's delayed ACK: ~40 ms per message on Linux. Head office's Ack and the
// kiosk's next batch both hit this (docs/benchmarks.md, "single events").
//
// How: after a connection is up, the process's own open descriptors (/proc/self/fd) are checked and every
// connected TCP socket whose peer port is the broker's gets TCP_NODELAY. The option is harmless on any other
// connection to that port, and a descriptor closed and reused meanwhile is at worst another TCP socket.

#include <cstdint>
#include <optional>
#include <string_view>

namespace kiosk::sync {

inline constexpr std::uint16_t k_default_mqtts_port = 8883;

// Sets TCP_NODELAY on every connected TCP socket of this process whose peer port is `peer_port`. Returns
// how many sockets now have it that did not before; never throws (a descriptor that is not a socket, or
// that closes meanwhile, is skipped).
int set_nodelay_on_connections_to(std::uint16_t peer_port);

// The port of a broker URI such as "ssl://broker.bank.example:8883" or "mqtts://[::1]:8883"; `fallback`
// when the URI names none. nullopt for a port that is not a number in 1..65535.
std::optional<std::uint16_t> uri_port(std::string_view uri, std::uint16_t fallback);

}  // namespace kiosk::sync

#pragma once
// Slows down token guessing on the counter link: a peer (IP address) that fails authentication
// `max_failures` times within `window` is refused for `block` (429 with Retry-After) without its token
// being looked at.
//
// Guarantees:
// - memory is bounded: at most `max_peers` addresses are remembered; when full, the one seen longest ago
//   is forgotten (a LAN has few hosts; an attacker with many addresses gains a fresh count per address,
//   which 32 random bytes of token make harmless);
// - time comes from the caller (steady clock), so tests step it.
// Not thread-safe: the link calls it under its own mutex.

#include <chrono>
#include <cstddef>
#include <map>
#include <optional>
#include <string>

namespace kiosk::counter_link {

class AuthThrottle {
 public:
  using Time = std::chrono::steady_clock::time_point;
  struct Limits {
    int max_failures = 10;
    std::chrono::seconds window{60};
    std::chrono::seconds block{60};
    std::size_t max_peers = 1024;
  };

  AuthThrottle() = default;
  explicit AuthThrottle(Limits limits) : m_limits(limits) {}

  // While `peer` is blocked: how long until it may try again (at least 1 s, for Retry-After).
  std::optional<std::chrono::seconds> blocked_for(const std::string& peer, Time now) const;
  // A failed authentication by `peer` at `now`.
  void record_failure(const std::string& peer, Time now);

  std::size_t peers_remembered() const { return m_peers.size(); }

 private:
  struct Peer {
    int failures = 0;
    Time window_start{};
    Time last_seen{};
    std::optional<Time> blocked_until;
  };
  Limits m_limits;
  std::map<std::string, Peer, std::less<>> m_peers;
};

}  // namespace kiosk::counter_link

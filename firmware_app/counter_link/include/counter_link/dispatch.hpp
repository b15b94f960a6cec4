#pragma once
// An admitted request (gate.hpp) carried out on the CounterDesk, and its JSON reply (wire.hpp):
// 200 with the counter after the action (and the ticket), 409 with the domain's error name when the queue
// refuses, 503 `unavailable` (Retry-After 1) when the store failed, 400 for a body or query of the wrong
// shape. Not thread-safe: the server holds the lock that serialises the desk.

#include <string>
#include <string_view>

#include "counter_link/gate.hpp"

namespace kiosk::app {
class CounterDesk;
}

namespace kiosk::counter_link {

struct LinkQuery {
  std::string after;  // now-serving: the "after" and "limit" parameters, empty when absent
  std::string limit;
};

inline constexpr std::size_t k_default_now_serving_limit = 20;
inline constexpr std::size_t k_max_now_serving_limit = 100;

LinkReply dispatch(app::CounterDesk& desk, const LinkRoute& route, std::string_view body,
                   const LinkQuery& query);

}  // namespace kiosk::counter_link

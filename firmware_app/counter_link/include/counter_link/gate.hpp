#pragma once
// The counter link's front door, before anything touches the queue: which endpoint a request names, and
// whether its sender may use it. No network and no store here, so every refusal is unit-tested.
//
// Endpoints (docs/architecture.md, "Counter link"):
//   GET  /v1/counters/N                      view        (N: 1-999, no leading zero)
//   POST /v1/counters/N/open|close|call-next|recall|requeue|done|no-show|transfer
//   GET  /v1/now-serving?after=SEQ&limit=N   now_serving
//
// LinkGate::admit checks, in this order, and answers with the first refusal:
//   429 too_many_attempts  the peer failed authentication too often (Retry-After set; the token is not
//                          even looked at)
//   413 too_large          a body over k_max_body_bytes
//   400 bad_request        /v1/counters/N with N not 1-999 (or written with a leading zero)
//   404 not_found          no such endpoint (405 method_not_allowed: the path exists, the method not)
//   401 unauthorized       no `Authorization: Bearer`, or a token that is not configured; counts as a
//                          failure for the peer
//   403 forbidden          a counter's token used for another counter or for now-serving, or the
//                          display's token for anything but now-serving
// Thread-safe (one mutex around the throttle).

#include <cstddef>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include <nlohmann/json.hpp>

#include "counter_link/auth_throttle.hpp"
#include "counter_link/token.hpp"

namespace kiosk::counter_link {

inline constexpr std::size_t k_max_body_bytes = 4096;

enum class LinkAction { view, open, close, call_next, recall, requeue, done, no_show, transfer, now_serving };

struct LinkRoute {
  LinkAction action = LinkAction::view;
  int counter = 0;  // 0 for now_serving
  friend bool operator==(const LinkRoute&, const LinkRoute&) = default;
};

// The route for `method` and `path` (no query string). `path_known` is set when the path exists for
// another method.
std::optional<LinkRoute> match_route(std::string_view method, std::string_view path,
                                     bool* path_known = nullptr);

// The path segment of an action ("call-next"), as the console builds URLs.
std::string_view action_path(LinkAction action);

struct LinkRequest {
  std::string method;
  std::string path;
  std::string authorization;  // the header's value, empty when absent
  std::size_t body_bytes = 0;
  std::string peer;  // the remote IP address
};

struct LinkReply {
  int status = 200;
  nlohmann::json body;
  std::optional<int> retry_after_seconds;
};

class LinkGate {
 public:
  LinkGate(TokenBook tokens, AuthThrottle::Limits limits) : m_tokens(std::move(tokens)), m_throttle(limits) {}

  // The route the request may use, or the reply that refuses it.
  std::variant<LinkRoute, LinkReply> admit(const LinkRequest& request, AuthThrottle::Time now);

 private:
  TokenBook m_tokens;
  std::mutex m_mutex;
  AuthThrottle m_throttle;
};

}  // namespace kiosk::counter_link

#include "counter_link/gate.hpp"

#include <array>
#include <utility>

#include <fmt/format.h>

#include "app/config.hpp"
#include "counter_link/wire.hpp"

namespace kiosk::counter_link {
namespace {

constexpr std::string_view k_counters_prefix = "/v1/counters/";
constexpr std::string_view k_now_serving = "/v1/now-serving";

constexpr std::array<std::pair<std::string_view, LinkAction>, 8> k_post_actions{{
    {"open", LinkAction::open},
    {"close", LinkAction::close},
    {"call-next", LinkAction::call_next},
    {"recall", LinkAction::recall},
    {"requeue", LinkAction::requeue},
    {"done", LinkAction::done},
    {"no-show", LinkAction::no_show},
    {"transfer", LinkAction::transfer},
}};

// "/v1/counters/<digits>..." whose number is not 1-999 in its one spelling: the caller meant a counter.
bool names_a_bad_counter(std::string_view path) {
  if (!path.starts_with(k_counters_prefix)) {
    return false;
  }
  const auto rest = path.substr(k_counters_prefix.size());
  const auto number = rest.substr(0, rest.find('/'));
  return !number.empty() && number.find_first_not_of("0123456789") == std::string_view::npos &&
         !app::parse_counter_number(number);
}

LinkReply refuse(int status, std::string_view error, std::string_view message) {
  return LinkReply{status, error_json(error, message), std::nullopt};
}

}  // namespace

std::optional<LinkRoute> match_route(std::string_view method, std::string_view path, bool* path_known) {
  if (path_known != nullptr) {
    *path_known = false;
  }
  const auto known = [&](bool method_matches, LinkRoute route) -> std::optional<LinkRoute> {
    if (path_known != nullptr) {
      *path_known = true;
    }
    return method_matches ? std::optional<LinkRoute>(route) : std::nullopt;
  };
  if (path == k_now_serving) {
    return known(method == "GET", LinkRoute{LinkAction::now_serving, 0});
  }
  if (!path.starts_with(k_counters_prefix)) {
    return std::nullopt;
  }
  const auto rest = path.substr(k_counters_prefix.size());
  const auto slash = rest.find('/');
  const auto counter = app::parse_counter_number(rest.substr(0, slash));
  if (!counter) {
    return std::nullopt;
  }
  if (slash == std::string_view::npos) {
    return known(method == "GET", LinkRoute{LinkAction::view, *counter});
  }
  const auto action = rest.substr(slash + 1);
  for (const auto& [name, value] : k_post_actions) {
    if (action == name) {
      return known(method == "POST", LinkRoute{value, *counter});
    }
  }
  return std::nullopt;
}

std::string_view action_path(LinkAction action) {
  for (const auto& [name, value] : k_post_actions) {
    if (value == action) {
      return name;
    }
  }
  return {};
}

std::variant<LinkRoute, LinkReply> LinkGate::admit(const LinkRequest& request, AuthThrottle::Time now) {
  {
    std::lock_guard lock(m_mutex);
    if (auto wait = m_throttle.blocked_for(request.peer, now)) {
      auto reply = refuse(429, "too_many_attempts", "too many failed sign-ins from this address; wait");
      reply.retry_after_seconds = static_cast<int>(wait->count());
      return reply;
    }
  }
  if (request.body_bytes > k_max_body_bytes) {
    return refuse(413, "too_large", fmt::format("request bodies are limited to {} bytes", k_max_body_bytes));
  }
  bool path_known = false;
  const auto route = match_route(request.method, request.path, &path_known);
  if (!route && names_a_bad_counter(request.path)) {
    return refuse(400, "bad_request", "counter numbers are 1 to 999, written without leading zeros");
  }
  if (!route) {
    return path_known ? refuse(405, "method_not_allowed", "this endpoint does not take that method")
                      : refuse(404, "not_found", "no such endpoint");
  }
  std::optional<Grant> grant;
  if (auto token = bearer_token(request.authorization)) {
    grant = m_tokens.find(*token);
  }
  if (!grant) {
    std::lock_guard lock(m_mutex);
    m_throttle.record_failure(request.peer, now);
    return refuse(401, "unauthorized", "a valid `Authorization: Bearer <token>` is required");
  }
  if (route->action == LinkAction::now_serving) {
    // Any configured token may read what the hall display shows anyway.
    return *route;
  }
  if (grant->is_display()) {
    return refuse(403, "forbidden", "the display token only reads now-serving");
  }
  if (*grant->counter != route->counter) {
    return refuse(
        403, "forbidden",
        fmt::format("this token acts for counter {} only, not counter {}", *grant->counter, route->counter));
  }
  return *route;
}

}  // namespace kiosk::counter_link

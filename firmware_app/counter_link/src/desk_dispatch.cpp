#include "counter_link/dispatch.hpp"

#include <charconv>
#include <utility>

#include <fmt/format.h>

#include "app/counter_desk.hpp"
#include "counter_link/wire.hpp"

namespace kiosk::counter_link {
namespace {

using nlohmann::json;

LinkReply bad_request(std::string_view message) {
  return LinkReply{400, error_json("bad_request", message), std::nullopt};
}

// A refusal: 409 with the domain's error name, or 503 when the store failed (a console retries).
template <class T>
LinkReply refusal(const app::CounterOutcome<T>& outcome) {
  if (outcome.unavailable || !outcome.problem) {
    const std::string message = outcome.message.empty() ? "the queue store is unavailable" : outcome.message;
    return LinkReply{503, error_json("unavailable", message), 1};
  }
  return LinkReply{409,
                   error_json(domain::counters::to_string(outcome.problem->error), outcome.problem->message),
                   std::nullopt};
}

// The counter as it is after an action, so a console redraws from one reply. Null if the store cannot
// say right now (the action itself went through).
json counter_after(app::CounterDesk& desk, int counter) {
  const auto view = desk.view(counter);
  return view.ok() ? counter_view_to_json(*view.value) : json(nullptr);
}

std::optional<json> parse_body(std::string_view body) {
  if (body.empty()) {
    return json::object();
  }
  auto parsed = json::parse(body, nullptr, false);
  if (parsed.is_discarded() || !parsed.is_object()) {
    return std::nullopt;
  }
  return parsed;
}

// Non-negative integer query parameter; `fallback` when absent.
std::optional<std::int64_t> parse_count(const std::string& text, std::int64_t fallback) {
  if (text.empty()) {
    return fallback;
  }
  std::int64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value < 0) {
    return std::nullopt;
  }
  return value;
}

LinkReply now_serving(app::CounterDesk& desk, const LinkQuery& query) {
  const auto after = parse_count(query.after, 0);
  const auto limit = parse_count(query.limit, static_cast<std::int64_t>(k_default_now_serving_limit));
  if (!after) {
    return bad_request("after: must be a call sequence number (a non-negative integer)");
  }
  if (!limit || *limit < 1 || *limit > static_cast<std::int64_t>(k_max_now_serving_limit)) {
    return bad_request(fmt::format("limit: must be 1 to {}", k_max_now_serving_limit));
  }
  NowServing document;
  document.calls = desk.calls_after(*after, static_cast<std::size_t>(*limit));
  document.latest_seq = *after;
  for (const auto& call : document.calls) {
    document.latest_seq = std::max(document.latest_seq, call.seq);
  }
  return LinkReply{200, now_serving_to_json(document), std::nullopt};
}

template <class T>
LinkReply ticket_reply(app::CounterDesk& desk, int counter, const app::CounterOutcome<T>& outcome) {
  if (!outcome.ok()) {
    return refusal(outcome);
  }
  return LinkReply{
      200, json{{"counter", counter_after(desk, counter)}, {"ticket", ticket_to_json(*outcome.value)}},
      std::nullopt};
}

template <class T>
LinkReply state_reply(app::CounterDesk& desk, int counter, const app::CounterOutcome<T>& outcome) {
  if (!outcome.ok()) {
    return refusal(outcome);
  }
  return LinkReply{200, json{{"counter", counter_after(desk, counter)}, {"ticket", nullptr}}, std::nullopt};
}

}  // namespace

LinkReply dispatch(app::CounterDesk& desk, const LinkRoute& route, std::string_view body,
                   const LinkQuery& query) {
  const int counter = route.counter;
  switch (route.action) {
    case LinkAction::now_serving:
      return now_serving(desk, query);
    case LinkAction::view: {
      const auto view = desk.view(counter);
      if (!view.ok()) {
        return refusal(view);
      }
      return LinkReply{200, counter_view_to_json(*view.value), std::nullopt};
    }
    case LinkAction::open: {
      const auto document = parse_body(body);
      const auto services = document ? document->find("services") : json::const_iterator{};
      if (!document || services == document->end() || !services->is_array()) {
        return bad_request(R"(expected {"services": ["service id", ...]})");
      }
      std::vector<std::string> ids;
      for (const auto& id : *services) {
        if (!id.is_string()) {
          return bad_request("services: every entry must be a service id (a string)");
        }
        ids.push_back(id.get<std::string>());
      }
      return state_reply(desk, counter, desk.open(counter, std::move(ids)));
    }
    case LinkAction::close:
      return state_reply(desk, counter, desk.close(counter));
    case LinkAction::call_next:
      return ticket_reply(desk, counter, desk.call_next(counter));
    case LinkAction::recall:
      return ticket_reply(desk, counter, desk.recall(counter));
    case LinkAction::requeue:
      return ticket_reply(desk, counter, desk.requeue(counter));
    case LinkAction::done:
      return ticket_reply(desk, counter, desk.finish(counter, domain::counters::Outcome::served));
    case LinkAction::no_show:
      return ticket_reply(desk, counter, desk.finish(counter, domain::counters::Outcome::no_show));
    case LinkAction::transfer: {
      const auto document = parse_body(body);
      const auto to = document ? document->find("to_service_id") : json::const_iterator{};
      if (!document || to == document->end() || !to->is_string()) {
        return bad_request(R"(expected {"to_service_id": "service id"})");
      }
      const auto outcome = desk.transfer(counter, to->get<std::string>());
      if (!outcome.ok()) {
        return refusal(outcome);
      }
      return LinkReply{200,
                       json{{"counter", counter_after(desk, counter)},
                            {"ticket", ticket_to_json(outcome.value->closed)},
                            {"transferred_to", ticket_to_json(outcome.value->created)}},
                       std::nullopt};
    }
  }
  return LinkReply{404, error_json("not_found", "no such endpoint"), std::nullopt};
}

}  // namespace kiosk::counter_link

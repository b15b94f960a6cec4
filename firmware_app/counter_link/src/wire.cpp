#include "counter_link/wire.hpp"

#include <string>

#include "domain/event.hpp"

namespace kiosk::counter_link {
namespace {

using domain::counters::TicketQueueEntry;
using nlohmann::json;

json optional_time(const std::optional<domain::EventTime>& at) {
  return at ? json(domain::format_rfc3339_utc(*at)) : json(nullptr);
}

// Readers: each returns false when the field is missing or of the wrong type.
bool read(const json& object, const char* key, std::string& out) {
  const auto it = object.find(key);
  if (it == object.end() || !it->is_string()) {
    return false;
  }
  out = it->get<std::string>();
  return true;
}

bool read(const json& object, const char* key, bool& out) {
  const auto it = object.find(key);
  if (it == object.end() || !it->is_boolean()) {
    return false;
  }
  out = it->get<bool>();
  return true;
}

template <class Int>
bool read(const json& object, const char* key, Int& out) {
  const auto it = object.find(key);
  if (it == object.end() || !it->is_number_integer()) {
    return false;
  }
  out = it->get<Int>();
  return true;
}

bool read_time(const json& object, const char* key, domain::EventTime& out) {
  std::string text;
  if (!read(object, key, text)) {
    return false;
  }
  const auto at = domain::parse_rfc3339_utc(text);
  if (!at) {
    return false;
  }
  out = *at;
  return true;
}

}  // namespace

json ticket_to_json(const TicketQueueEntry& ticket) {
  return json{{"ticket_id", ticket.ticket_id},
              {"number", ticket.number},
              {"service_id", ticket.service_id},
              {"issued_at", domain::format_rfc3339_utc(ticket.issued_at)},
              {"appointment", ticket.is_appointment},
              {"status", std::string(domain::counters::to_string(ticket.status))},
              {"counter", ticket.counter ? json(*ticket.counter) : json(nullptr)},
              {"called_at", optional_time(ticket.called_at)}};
}

std::optional<TicketQueueEntry> ticket_from_json(const json& object) {
  if (!object.is_object()) {
    return std::nullopt;
  }
  TicketQueueEntry ticket;
  std::string status;
  if (!read(object, "ticket_id", ticket.ticket_id) || !read(object, "number", ticket.number) ||
      !read(object, "service_id", ticket.service_id) || !read_time(object, "issued_at", ticket.issued_at) ||
      !read(object, "appointment", ticket.is_appointment) || !read(object, "status", status)) {
    return std::nullopt;
  }
  const auto parsed_status = domain::counters::parse_ticket_status(status);
  if (!parsed_status) {
    return std::nullopt;
  }
  ticket.status = *parsed_status;
  int counter = 0;
  if (read(object, "counter", counter)) {
    ticket.counter = counter;
  }
  domain::EventTime called_at{};
  if (read_time(object, "called_at", called_at)) {
    ticket.called_at = called_at;
  }
  return ticket;
}

json counter_view_to_json(const app::CounterView& view) {
  json waiting = json::array();
  for (const auto& service : view.waiting) {
    waiting.push_back({{"service_id", service.service_id}, {"waiting", service.waiting}});
  }
  return json{{"counter", view.state.id},
              {"open", view.state.open},
              {"services", view.state.services},
              {"current", view.current ? ticket_to_json(*view.current) : json(nullptr)},
              {"waiting", std::move(waiting)}};
}

std::optional<app::CounterView> counter_view_from_json(const json& object) {
  if (!object.is_object()) {
    return std::nullopt;
  }
  app::CounterView view;
  if (!read(object, "counter", view.state.id) || !read(object, "open", view.state.open)) {
    return std::nullopt;
  }
  const auto services = object.find("services");
  if (services == object.end() || !services->is_array()) {
    return std::nullopt;
  }
  for (const auto& service : *services) {
    if (!service.is_string()) {
      return std::nullopt;
    }
    view.state.services.push_back(service.get<std::string>());
  }
  const auto current = object.find("current");
  if (current != object.end() && !current->is_null()) {
    view.current = ticket_from_json(*current);
    if (!view.current) {
      return std::nullopt;
    }
  }
  const auto waiting = object.find("waiting");
  if (waiting != object.end() && waiting->is_array()) {
    for (const auto& entry : *waiting) {
      app::CounterView::Waiting line;
      if (!entry.is_object() || !read(entry, "service_id", line.service_id) ||
          !read(entry, "waiting", line.waiting)) {
        return std::nullopt;
      }
      view.waiting.push_back(std::move(line));
    }
  }
  return view;
}

json now_serving_to_json(const NowServing& document) {
  json calls = json::array();
  for (const auto& call : document.calls) {
    calls.push_back({{"seq", call.seq},
                     {"number", call.number},
                     {"counter", call.counter},
                     {"service_id", call.service_id},
                     {"at", domain::format_rfc3339_utc(call.at)},
                     {"recall", call.recall}});
  }
  return json{{"calls", std::move(calls)}, {"latest_seq", document.latest_seq}};
}

json error_json(std::string_view error, std::string_view message) {
  return json{{"error", error}, {"message", message}};
}

}  // namespace kiosk::counter_link

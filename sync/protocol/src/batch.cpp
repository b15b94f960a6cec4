#include "sync/protocol/batch.hpp"

#include <fmt/format.h>

#include "json_read.hpp"

namespace kiosk::sync::protocol {

namespace {

const std::initializer_list<std::string_view> known_fields = {"v",       "kiosk",    "branch",
                                                              "boot_id", "batch_id", "events"};

std::string invalid_event_id(const nlohmann::json& event, std::size_t index) {
  if (event.is_object()) {
    auto id = event.find("id");
    if (id != event.end() && id->is_string() && !id->get_ref<const std::string&>().empty()) {
      return id->get<std::string>();
    }
  }
  return fmt::format("#{}", index);
}

}  // namespace

bool is_valid_node_id(std::string_view id) {
  if (id.empty() || id.size() > 64) {
    return false;
  }
  for (char c : id) {
    bool ok =
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    if (!ok) {
      return false;
    }
  }
  return true;
}

Parsed<ParsedBatch> parse_batch_json(const nlohmann::json& json) {
  using Result = Parsed<ParsedBatch>;
  if (!json.is_object()) {
    return Result::failure("batch: must be a JSON object");
  }
  ParsedBatch parsed;
  Batch& batch = parsed.batch;
  if (auto e = detail::read_version(json, protocol_version); !e.empty()) {
    return Result::failure(e);
  }
  if (auto e = detail::read_string(json, "kiosk", batch.kiosk); !e.empty()) {
    return Result::failure(e);
  }
  if (!is_valid_node_id(batch.kiosk)) {
    return Result::failure("kiosk: must be 1-64 characters of A-Z a-z 0-9 - _");
  }
  if (auto e = detail::read_string(json, "branch", batch.branch); !e.empty()) {
    return Result::failure(e);
  }
  if (!is_valid_node_id(batch.branch)) {
    return Result::failure("branch: must be 1-64 characters of A-Z a-z 0-9 - _");
  }
  if (auto e = detail::read_string(json, "boot_id", batch.boot_id); !e.empty()) {
    return Result::failure(e);
  }
  if (auto e = detail::read_uuid(json, "batch_id", batch.batch_id); !e.empty()) {
    return Result::failure(e);
  }
  auto events = json.find("events");
  if (events == json.end() || !events->is_array()) {
    return Result::failure("events: must be an array");
  }
  if (events->size() > max_accepted_batch_events) {
    return Result::failure(fmt::format("events: {} events, more than the {} allowed", events->size(),
                                       max_accepted_batch_events));
  }
  batch.events.reserve(events->size());
  for (std::size_t i = 0; i < events->size(); ++i) {
    const auto& event = (*events)[i];
    auto envelope = parse_envelope_json(event);
    if (envelope) {
      batch.events.push_back(std::move(envelope).value());
    } else {
      parsed.invalid_events.push_back({invalid_event_id(event, i), envelope.error()});
    }
  }
  batch.extra = detail::unknown_fields(json, known_fields);
  return Result::success(std::move(parsed));
}

Parsed<ParsedBatch> parse_batch(std::string_view text) {
  if (text.size() > max_accepted_batch_bytes) {
    return Parsed<ParsedBatch>::failure(
        fmt::format("batch: {} bytes, more than the {} allowed", text.size(), max_accepted_batch_bytes));
  }
  auto json = detail::parse_json_text(text);
  if (!json) {
    return Parsed<ParsedBatch>::failure("batch: not valid JSON");
  }
  return parse_batch_json(*json);
}

nlohmann::json batch_to_json(const Batch& batch) {
  nlohmann::json json = detail::object_from_extra(batch.extra);
  json["v"] = batch.v;
  json["kiosk"] = batch.kiosk;
  json["branch"] = batch.branch;
  json["boot_id"] = batch.boot_id;
  json["batch_id"] = batch.batch_id;
  nlohmann::json events = nlohmann::json::array();
  for (const auto& envelope : batch.events) {
    events.push_back(envelope_to_json(envelope));
  }
  json["events"] = std::move(events);
  return json;
}

std::string serialize_batch(const Batch& batch) {
  return detail::dump_compact(batch_to_json(batch));
}

}  // namespace kiosk::sync::protocol

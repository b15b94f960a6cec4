#include "sync/protocol/envelope.hpp"

#include <stdexcept>

#include "domain/uuid.hpp"
#include "json_read.hpp"
#include "sync/protocol/crypto.hpp"

namespace kiosk::sync::protocol {

namespace {

const std::initializer_list<std::string_view> known_fields = {"id", "seq", "type", "schema", "at", "data"};

}  // namespace

Envelope make_envelope(std::uint64_t seq, const domain::EventRecord& record) {
  auto data = detail::parse_json_text(record.data_json);
  if (!data || !data->is_object()) {
    throw std::invalid_argument("event " + record.id + ": data_json is not a JSON object");
  }
  Envelope envelope;
  auto uuid = domain::parse_uuid(record.id);
  envelope.id = uuid ? uuid->to_string() : record.id;
  envelope.seq = seq;
  envelope.type = record.type;
  envelope.schema = record.schema;
  envelope.at = domain::format_rfc3339_utc(record.at);
  envelope.data = std::move(*data);
  return envelope;
}

std::optional<domain::EventRecord> to_event_record(const Envelope& envelope) {
  auto at = domain::parse_rfc3339_utc(envelope.at);
  if (!at) {
    return std::nullopt;
  }
  domain::EventRecord record;
  record.id = envelope.id;
  record.type = envelope.type;
  record.schema = envelope.schema;
  record.at = *at;
  record.data_json = detail::dump_compact(envelope.data);
  return record;
}

Parsed<Envelope> parse_envelope_json(const nlohmann::json& json) {
  using Result = Parsed<Envelope>;
  if (!json.is_object()) {
    return Result::failure("event: must be a JSON object");
  }
  Envelope envelope;
  if (auto e = detail::read_uuid(json, "id", envelope.id); !e.empty()) {
    return Result::failure(e);
  }
  if (auto e = detail::read_u64(json, "seq", envelope.seq); !e.empty() || envelope.seq == 0) {
    return Result::failure("seq: must be an integer >= 1");
  }
  if (auto e = detail::read_string(json, "type", envelope.type); !e.empty()) {
    return Result::failure(e);
  }
  if (!domain::is_valid_event_type(envelope.type)) {
    return Result::failure("type: not a valid event type name");
  }
  if (auto e = detail::read_int(json, "schema", envelope.schema); !e.empty() || envelope.schema < 1) {
    return Result::failure("schema: must be an integer >= 1");
  }
  if (auto e = detail::read_timestamp(json, "at", envelope.at); !e.empty()) {
    return Result::failure(e);
  }
  auto data = json.find("data");
  if (data == json.end() || !data->is_object()) {
    return Result::failure("data: must be a JSON object");
  }
  envelope.data = *data;
  envelope.extra = detail::unknown_fields(json, known_fields);
  return Result::success(std::move(envelope));
}

Parsed<Envelope> parse_envelope(std::string_view text) {
  auto json = detail::parse_json_text(text);
  if (!json) {
    return Parsed<Envelope>::failure("event: not valid JSON");
  }
  return parse_envelope_json(*json);
}

nlohmann::json envelope_to_json(const Envelope& envelope) {
  nlohmann::json json = detail::object_from_extra(envelope.extra);
  json["id"] = envelope.id;
  json["seq"] = envelope.seq;
  json["type"] = envelope.type;
  json["schema"] = envelope.schema;
  json["at"] = envelope.at;
  json["data"] = envelope.data.is_object() ? envelope.data : nlohmann::json::object();
  return json;
}

std::string serialize_envelope(const Envelope& envelope) {
  return detail::dump_compact(envelope_to_json(envelope));
}

std::string envelope_body_hash(const Envelope& envelope) {
  return sha256_hex(serialize_envelope(envelope));
}

}  // namespace kiosk::sync::protocol

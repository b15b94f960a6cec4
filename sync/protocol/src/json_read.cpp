#include "json_read.hpp"

#include <algorithm>
#include <limits>

#include <fmt/format.h>

#include "domain/event.hpp"
#include "domain/uuid.hpp"

namespace kiosk::sync::protocol::detail {

namespace {

const nlohmann::json* find_member(const nlohmann::json& object, std::string_view key) {
  auto it = object.find(std::string(key));
  return it == object.end() ? nullptr : &*it;
}

std::string missing(std::string_view key) {
  return fmt::format("{}: missing", key);
}

}  // namespace

std::optional<nlohmann::json> parse_json_text(std::string_view text) {
  nlohmann::json json = nlohmann::json::parse(text.begin(), text.end(), nullptr, false);
  if (json.is_discarded()) {
    return std::nullopt;
  }
  return json;
}

std::string dump_compact(const nlohmann::json& json) {
  return json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string read_string(const nlohmann::json& object, std::string_view key, std::string& out) {
  const auto* member = find_member(object, key);
  if (member == nullptr) {
    return missing(key);
  }
  if (!member->is_string()) {
    return fmt::format("{}: must be a string", key);
  }
  out = member->get<std::string>();
  return {};
}

std::string read_optional_string(const nlohmann::json& object, std::string_view key,
                                 std::optional<std::string>& out) {
  const auto* member = find_member(object, key);
  if (member == nullptr || member->is_null()) {
    out.reset();
    return {};
  }
  if (!member->is_string()) {
    return fmt::format("{}: must be a string", key);
  }
  out = member->get<std::string>();
  return {};
}

std::string read_u64(const nlohmann::json& object, std::string_view key, std::uint64_t& out) {
  const auto* member = find_member(object, key);
  if (member == nullptr) {
    return missing(key);
  }
  if (member->is_number_unsigned()) {
    out = member->get<std::uint64_t>();
    return {};
  }
  if (member->is_number_integer() && member->get<std::int64_t>() >= 0) {
    out = static_cast<std::uint64_t>(member->get<std::int64_t>());
    return {};
  }
  return fmt::format("{}: must be a non-negative integer", key);
}

std::string read_i64(const nlohmann::json& object, std::string_view key, std::int64_t& out) {
  const auto* member = find_member(object, key);
  if (member == nullptr) {
    return missing(key);
  }
  if (member->is_number_unsigned()) {
    auto value = member->get<std::uint64_t>();
    if (value > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
      return fmt::format("{}: out of range", key);
    }
    out = static_cast<std::int64_t>(value);
    return {};
  }
  if (member->is_number_integer()) {
    out = member->get<std::int64_t>();
    return {};
  }
  return fmt::format("{}: must be an integer", key);
}

std::string read_optional_i64(const nlohmann::json& object, std::string_view key,
                              std::optional<std::int64_t>& out) {
  const auto* member = find_member(object, key);
  if (member == nullptr || member->is_null()) {
    out.reset();
    return {};
  }
  std::int64_t value = 0;
  auto error = read_i64(object, key, value);
  if (error.empty()) {
    out = value;
  }
  return error;
}

std::string read_int(const nlohmann::json& object, std::string_view key, int& out) {
  std::int64_t value = 0;
  auto error = read_i64(object, key, value);
  if (!error.empty()) {
    return error;
  }
  if (value < std::numeric_limits<int>::min() || value > std::numeric_limits<int>::max()) {
    return fmt::format("{}: out of range", key);
  }
  out = static_cast<int>(value);
  return {};
}

std::string read_bool(const nlohmann::json& object, std::string_view key, bool& out) {
  const auto* member = find_member(object, key);
  if (member == nullptr) {
    return missing(key);
  }
  if (!member->is_boolean()) {
    return fmt::format("{}: must be true or false", key);
  }
  out = member->get<bool>();
  return {};
}

std::string read_version(const nlohmann::json& object, int version) {
  int value = 0;
  auto error = read_int(object, "v", value);
  if (!error.empty()) {
    return error;
  }
  if (value != version) {
    return fmt::format("v: unsupported protocol version {} (expected {})", value, version);
  }
  return {};
}

std::string read_timestamp(const nlohmann::json& object, std::string_view key, std::string& out) {
  auto error = read_string(object, key, out);
  if (!error.empty()) {
    return error;
  }
  if (!domain::parse_rfc3339_utc(out)) {
    return fmt::format("{}: not an RFC 3339 date-time", key);
  }
  return {};
}

std::string read_uuid(const nlohmann::json& object, std::string_view key, std::string& out) {
  std::string text;
  auto error = read_string(object, key, text);
  if (!error.empty()) {
    return error;
  }
  auto uuid = domain::parse_uuid(text);
  if (!uuid) {
    return fmt::format("{}: not a canonical UUID", key);
  }
  out = uuid->to_string();
  return {};
}

nlohmann::json unknown_fields(const nlohmann::json& object, std::initializer_list<std::string_view> known) {
  nlohmann::json extra = nlohmann::json::object();
  for (const auto& [key, value] : object.items()) {
    if (std::find(known.begin(), known.end(), key) == known.end()) {
      extra[key] = value;
    }
  }
  return extra;
}

nlohmann::json object_from_extra(const nlohmann::json& extra) {
  return extra.is_object() ? extra : nlohmann::json::object();
}

}  // namespace kiosk::sync::protocol::detail

#include "sync/protocol/state.hpp"

#include "json_read.hpp"

namespace kiosk::sync::protocol {

Parsed<KioskState> parse_kiosk_state(std::string_view text) {
  using Result = Parsed<KioskState>;
  auto json = detail::parse_json_text(text);
  if (!json || !json->is_object()) {
    return Result::failure("state: not a JSON object");
  }
  KioskState state;
  std::optional<std::string> at;
  for (auto error :
       {detail::read_version(*json, 1), detail::read_string(*json, "kiosk", state.kiosk),
        detail::read_bool(*json, "online", state.online), detail::read_optional_string(*json, "at", at),
        detail::read_optional_i64(*json, "backlog", state.backlog),
        detail::read_optional_string(*json, "version", state.version),
        detail::read_optional_i64(*json, "cert_days_left", state.cert_days_left)}) {
    if (!error.empty()) {
      return Result::failure("state: " + error);
    }
  }
  state.at = at.value_or("");
  state.extra =
      detail::unknown_fields(*json, {"v", "kiosk", "online", "at", "backlog", "version", "cert_days_left"});
  return Result::success(std::move(state));
}

std::string serialize_kiosk_state(const KioskState& state) {
  nlohmann::json json = detail::object_from_extra(state.extra);
  json["v"] = state.v;
  json["kiosk"] = state.kiosk;
  json["online"] = state.online;
  if (!state.at.empty()) {
    json["at"] = state.at;
  }
  if (state.backlog) {
    json["backlog"] = *state.backlog;
  }
  if (state.version) {
    json["version"] = *state.version;
  }
  if (state.cert_days_left) {
    json["cert_days_left"] = *state.cert_days_left;
  }
  return detail::dump_compact(json);
}

}  // namespace kiosk::sync::protocol

#include "sync/protocol/cmd.hpp"

#include "json_read.hpp"

namespace kiosk::sync::protocol {

Parsed<Cmd> parse_cmd(std::string_view text) {
  using Result = Parsed<Cmd>;
  auto json = detail::parse_json_text(text);
  if (!json || !json->is_object()) {
    return Result::failure("cmd: not a JSON object");
  }
  Cmd cmd;
  if (auto e = detail::read_version(*json, 1); !e.empty()) {
    return Result::failure("cmd: " + e);
  }
  if (auto e = detail::read_string(*json, "kind", cmd.kind); !e.empty() || cmd.kind.empty()) {
    return Result::failure("cmd: kind: must be a non-empty string");
  }
  if (cmd.kind == cmd_kind_resend) {
    if (!detail::read_u64(*json, "from", cmd.from).empty() ||
        !detail::read_u64(*json, "to", cmd.to).empty() || cmd.from == 0 || cmd.to < cmd.from) {
      return Result::failure("cmd: resend needs integers 1 <= from <= to");
    }
  }
  cmd.extra = detail::unknown_fields(*json, {"v", "kind", "from", "to"});
  if (cmd.kind != cmd_kind_resend) {
    // Other kinds may use from/to differently; keep them verbatim.
    for (const char* key : {"from", "to"}) {
      if (json->contains(key)) {
        cmd.extra[key] = (*json)[key];
      }
    }
  }
  return Result::success(std::move(cmd));
}

nlohmann::json cmd_to_json(const Cmd& cmd) {
  nlohmann::json json = detail::object_from_extra(cmd.extra);
  json["v"] = cmd.v;
  json["kind"] = cmd.kind;
  if (cmd.kind == cmd_kind_resend) {
    json["from"] = cmd.from;
    json["to"] = cmd.to;
  }
  return json;
}

std::string serialize_cmd(const Cmd& cmd) {
  return detail::dump_compact(cmd_to_json(cmd));
}

}  // namespace kiosk::sync::protocol

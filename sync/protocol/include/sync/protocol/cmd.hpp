#pragma once
// A command from head office to one kiosk on bank/v1/{branch}/{kiosk}/cmd. Today the only kind is
// "resend": send the events with seq in [from, to] again (head office saw a gap older than its reorder
// timeout). Readers keep unknown kinds (kind is free text) and unknown fields, so newer head offices can
// add commands; a kiosk ignores kinds it does not know.

#include <cstdint>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "sync/protocol/parsed.hpp"

namespace kiosk::sync::protocol {

inline constexpr std::string_view cmd_kind_resend = "resend";

struct Cmd {
  int v = 1;
  std::string kind{cmd_kind_resend};
  std::uint64_t from = 0;  // for "resend": first seq, >= 1
  std::uint64_t to = 0;    // for "resend": last seq, inclusive, >= from
  nlohmann::json extra = nlohmann::json::object();

  friend bool operator==(const Cmd&, const Cmd&) = default;
};

Parsed<Cmd> parse_cmd(std::string_view text);
nlohmann::json cmd_to_json(const Cmd& cmd);
std::string serialize_cmd(const Cmd& cmd);

}  // namespace kiosk::sync::protocol

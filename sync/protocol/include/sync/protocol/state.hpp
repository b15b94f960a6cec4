#pragma once
// The retained kiosk state on bank/v1/{branch}/{kiosk}/state: the birth message a kiosk publishes after
// connecting (online = true, backlog, versions, certificate days left) and its last will (online = false).
// Unknown fields are preserved.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "sync/protocol/parsed.hpp"

namespace kiosk::sync::protocol {

struct KioskState {
  int v = 1;
  std::string kiosk;
  bool online = false;
  std::string at;  // RFC 3339 UTC, may be empty in a last will (written long before it fires)
  std::optional<std::int64_t> backlog;  // pending outbox rows
  std::optional<std::string> version;   // kiosk software version
  std::optional<std::int64_t> cert_days_left;
  nlohmann::json extra = nlohmann::json::object();
  friend bool operator==(const KioskState&, const KioskState&) = default;
};

Parsed<KioskState> parse_kiosk_state(std::string_view text);
std::string serialize_kiosk_state(const KioskState& state);

}  // namespace kiosk::sync::protocol

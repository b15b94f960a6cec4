#pragma once
// MQTT topic names, in one place so kiosk, head office and the broker ACL agree.
//   up:   bank/v1/{branch}/{kiosk}/events   batches
//         bank/v1/{branch}/{kiosk}/state    retained birth / last will (KioskState)
//   down: bank/v1/{branch}/{kiosk}/ack      Ack
//         bank/v1/{branch}/{kiosk}/cmd      Cmd
//         bank/v1/{branch}/config           retained BundlePointer (branch scope)
//         bank/v1/all/surveys               retained BundlePointer (all kiosks); bank/v1/all/{kind} in
//         general

#include <optional>
#include <string>
#include <string_view>

namespace kiosk::sync::protocol {

inline constexpr std::string_view shared_events_subscription = "$share/ingest/bank/v1/+/+/events";
inline constexpr std::string_view all_states_subscription = "bank/v1/+/+/state";

std::string events_topic(std::string_view branch, std::string_view kiosk);
std::string state_topic(std::string_view branch, std::string_view kiosk);
std::string ack_topic(std::string_view branch, std::string_view kiosk);
std::string cmd_topic(std::string_view branch, std::string_view kiosk);
// Retained pointer topic of a bundle kind for a scope: bank/v1/{scope}/{kind} ("all" for every kiosk).
std::string bundle_pointer_topic(std::string_view scope, std::string_view kind);

struct KioskTopic {
  std::string branch;
  std::string kiosk;
  std::string leaf;  // "events", "state", "ack", "cmd"
};
// Splits bank/v1/{branch}/{kiosk}/{leaf}; nullopt for any other shape or invalid ids.
std::optional<KioskTopic> parse_kiosk_topic(std::string_view topic);

}  // namespace kiosk::sync::protocol

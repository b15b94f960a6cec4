#pragma once
// Which downstream bundles a kiosk follows: a (kind, scope) pair such as ("config", "br-001") or
// ("surveys", "all"). The MQTT transport subscribes to each pair's retained pointer topic
// (protocol::bundle_pointer_topic(scope, kind)); the downstream poller fetches each pair over HTTPS.

#include <string>
#include <string_view>
#include <vector>

namespace kiosk::sync {

struct BundleSubscription {
  std::string kind;   // protocol::is_valid_bundle_kind
  std::string scope;  // "all", the kiosk's branch id or the kiosk id
  friend bool operator==(const BundleSubscription&, const BundleSubscription&) = default;
};

// Empty when every entry has a valid kind and scope and none repeats; otherwise names the first bad one.
std::string validate_subscriptions(const std::vector<BundleSubscription>& subscriptions);

}  // namespace kiosk::sync

#include "sync/downstream_subscription.hpp"

#include <fmt/format.h>

#include "sync/protocol/batch.hpp"
#include "sync/protocol/bundle.hpp"

namespace kiosk::sync {

std::string validate_subscriptions(const std::vector<BundleSubscription>& subscriptions) {
  for (std::size_t i = 0; i < subscriptions.size(); ++i) {
    const auto& entry = subscriptions[i];
    if (!protocol::is_valid_bundle_kind(entry.kind)) {
      return fmt::format("bundle {}: kind '{}' must be 1-32 characters of a-z 0-9 _", i + 1,
                         entry.kind.substr(0, 64));
    }
    if (entry.scope != "all" && !protocol::is_valid_node_id(entry.scope)) {
      return fmt::format("bundle {}: scope '{}' must be \"all\" or a branch/kiosk id", i + 1,
                         entry.scope.substr(0, 64));
    }
    for (std::size_t j = 0; j < i; ++j) {
      if (subscriptions[j] == entry) {
        return fmt::format("bundle {}: {}/{} is listed twice", i + 1, entry.kind, entry.scope);
      }
    }
  }
  return {};
}

}  // namespace kiosk::sync

#pragma once
// The kiosk's downstream side as [sync] asks for it: config bundles (app/runtime_config.hpp), content
// bundles (surveys, services, bookings, announcements) and complaint status from head office, on the
// DownstreamPoller's own thread.
//
// Guarantees:
// - Downstream never stops the kiosk or upstream sync: no https_url, unreadable bundle keys or a store the
//   sink cannot open leave that part off with a logged reason.
// - A bundle is applied (stored) only if it verifies (pinned keys, validity, version) AND its payload parses
//   with the desk's own parsers (app::check_content_update), or for a config bundle, only whitelisted keys
//   whose merge with kiosk.toml and the other scope's bundle validates (app::config_bundles_problem);
//   otherwise the content and config in use stay.
// - Each followed kind is followed at scope "all" and at the kiosk's branch; the branch's bundle, while
//   valid, wins. The content listener is called on the poller thread after each newly applied bundle with
//   the kind's valid payloads, bank-wide first and the winner last (the desk falls back to the bank-wide
//   one when the branch's expires); it must only hand the updates over (app::PendingContent::offer).
// - Complaint status pages land in the kiosk's own store file (the one the desk's lookups read).

#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "app/config.hpp"
#include "app/content_updates.hpp"
#include "sync/bundle_store.hpp"
#include "sync/complaint_status_sink.hpp"
#include "sync/downstream_poller.hpp"

namespace kiosk::cli {

using ContentListener = std::function<void(app::ContentUpdate)>;

struct Downstream {
  std::vector<sync::BundleSubscription> followed;  // for the MQTT transport's retained pointers
  std::unique_ptr<sync::BundleStore> bundles;
  std::unique_ptr<sync::StoreComplaintStatusSink> sink;
  std::unique_ptr<sync::DownstreamPoller> poller;  // built, not started

  ~Downstream();
};

// Builds the poller for `config` (policy other than off), or nullptr (reason logged) when there is
// nothing to follow or it cannot run. `database` is the store file the desk uses.
std::unique_ptr<Downstream> make_downstream(const app::KioskConfig& config,
                                            const std::filesystem::path& data_dir,
                                            const std::filesystem::path& database,
                                            ContentListener on_content);

// The content (and config) of the bundles applied before (BundleStore::current, still valid), per followed
// kind the
// bank-wide one then the branch's (the last one wins; the first is the fallback when it expires), so a
// restart keeps what head office sent (also while sync.policy is "off"). Empty without bundle keys, or
// when none is stored yet.
std::vector<app::ContentUpdate> stored_content(const app::KioskConfig& config,
                                               const std::filesystem::path& data_dir);

}  // namespace kiosk::cli

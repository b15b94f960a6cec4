// Downstream wiring: the composition root connects the sync module's poller to the app's content slot, so
// neither knows the other (the app layer never includes the network, sync never includes the app).
#include "cli/downstream.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <fstream>
#include <optional>
#include <sstream>

#include "app/runtime_config.hpp"
#include "cli/sync_config.hpp"
#include "domain/event.hpp"

namespace kiosk::cli {
namespace {

namespace protocol = sync::protocol;

// Applied bundles live beside the store: data, not cache (a restart must keep what head office sent).
std::filesystem::path bundle_dir(const std::filesystem::path& data_dir) {
  return data_dir / "bundles";
}

// The pinned keys' PEM text; nullopt (and `problem`) when one cannot be read: a key the operator listed
// but the kiosk cannot use would otherwise turn into "every bundle refused" much later.
std::optional<std::vector<std::string>> read_keys(const app::KioskConfig& config,
                                                  const std::filesystem::path& data_dir,
                                                  std::string& problem) {
  std::vector<std::string> keys;
  for (const auto& file : config.sync.bundle_public_keys) {
    const auto path = under(data_dir, file);
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    if (!in || text.str().empty()) {
      problem = fmt::format("bundle key {} cannot be read", path.string());
      return std::nullopt;
    }
    keys.push_back(text.str());
  }
  return keys;
}

bool applicable(std::string_view kind) {
  return std::find(app::k_applicable_bundle_kinds.begin(), app::k_applicable_bundle_kinds.end(), kind) !=
         app::k_applicable_bundle_kinds.end();
}

// Branch first: a branch's own bundle overrides the bank-wide one.
std::vector<std::string> scopes(const app::KioskConfig& config) {
  if (config.kiosk.branch_id == "all")
    return {"all"};
  return {config.kiosk.branch_id, "all"};
}

std::vector<sync::BundleSubscription> followed(const app::KioskConfig& config) {
  std::vector<sync::BundleSubscription> subscriptions;
  for (const auto& kind : config.sync.bundle_kinds) {
    for (const auto& scope : scopes(config))
      subscriptions.push_back({kind, scope});
  }
  return subscriptions;
}

bool expired(const protocol::Bundle& bundle, std::chrono::system_clock::time_point now) {
  const auto expires = domain::parse_rfc3339_utc(bundle.expires);
  return !expires || now >= *expires;
}

app::ContentUpdate to_update(const protocol::Bundle& bundle) {
  app::ContentUpdate update{bundle.kind, bundle.payload.dump(), bundle.version,
                            fmt::format("{}/{} v{}", bundle.kind, bundle.scope, bundle.version),
                            bundle.scope};
  // Verified before it was stored, so it parses; floor: the kiosk drops content at the second it expires.
  if (const auto expires = domain::parse_rfc3339_utc(bundle.expires))
    update.expires = std::chrono::floor<std::chrono::seconds>(*expires);
  return update;
}

// The bundles whose content the kiosk should use for `kind`, in the order to apply them: the bank-wide
// one, then the branch's (which wins while it is valid). An expired bundle is not used: head office gave
// its content an end.
std::vector<app::ContentUpdate> valid_updates(const sync::BundleStore& store, const app::KioskConfig& config,
                                              const std::string& kind) {
  const auto now = std::chrono::system_clock::now();
  auto order = scopes(config);
  std::reverse(order.begin(), order.end());
  std::vector<app::ContentUpdate> updates;
  for (const auto& scope : order) {
    auto bundle = store.current(kind, scope);
    if (!bundle)
      continue;
    if (expired(*bundle, now)) {
      spdlog::warn("content {}/{} v{} expired at {}; not used", kind, scope, bundle->version,
                   bundle->expires);
      continue;
    }
    updates.push_back(to_update(*bundle));
  }
  return updates;
}

// A config bundle is checked as the kiosk would run it: kiosk.toml, the bank-wide bundle, the branch's,
// with `bundle` in place of the one of its scope (a branch's idle warning must fit the bank-wide timeout).
std::string check_config_bundle(const sync::BundleStore& store, const app::KioskConfig& config,
                                const protocol::Bundle& bundle) {
  auto layers = valid_updates(store, config, bundle.kind);
  std::erase_if(layers, [&](const app::ContentUpdate& layer) { return layer.scope == bundle.scope; });
  if (bundle.scope == "all")
    layers.insert(layers.begin(), to_update(bundle));
  else
    layers.push_back(to_update(bundle));
  return app::config_bundles_problem(config, layers);
}

}  // namespace

Downstream::~Downstream() {
  if (poller)
    poller->stop();
}

std::unique_ptr<Downstream> make_downstream(const app::KioskConfig& config,
                                            const std::filesystem::path& data_dir,
                                            const std::filesystem::path& database,
                                            ContentListener on_content) {
  const auto& sync_config = config.sync;
  if (sync_config.policy == app::SyncPolicy::off)
    return nullptr;
  if (sync_config.https_url.empty()) {
    spdlog::info("sync/downstream: off (no sync.https_url to read bundles and complaint status from)");
    return nullptr;
  }
  auto downstream = std::make_unique<Downstream>();
  std::vector<std::string> keys;
  if (!sync_config.bundle_public_keys.empty() && !sync_config.bundle_kinds.empty()) {
    std::string problem;
    if (auto read = read_keys(config, data_dir, problem)) {
      keys = std::move(*read);
      downstream->followed = followed(config);
    } else {
      spdlog::error("sync/downstream: bundles not followed: {}; the content in use stays", problem);
    }
  } else {
    spdlog::info("sync/downstream: no bundle followed (sync.bundle_public_keys or bundle_kinds empty)");
  }
  if (downstream->followed.empty() && !sync_config.complaint_status)
    return nullptr;

  try {
    downstream->bundles = std::make_unique<sync::BundleStore>(bundle_dir(data_dir), std::move(keys));
    downstream->sink = std::make_unique<sync::StoreComplaintStatusSink>(database);
    sync::DownstreamConfig poller;
    poller.bundles = downstream->followed;
    poller.poll_interval = std::chrono::duration_cast<std::chrono::milliseconds>(sync_config.bundle_poll);
    if (!sync_config.complaint_status)
      poller.max_status_pages = 0;  // the sink is then never read or written
    poller.check_content = [config, store = downstream->bundles.get()](const protocol::Bundle& bundle) {
      if (bundle.kind == app::k_config_bundle_kind)
        return check_config_bundle(*store, config, bundle);
      return applicable(bundle.kind) ? app::check_content_update(to_update(bundle)) : std::string{};
    };
    // On the poller thread, which owns the BundleStore: hand the kind's valid content over, the winning
    // scope last. (The poller logs applied and refused bundles itself.)
    poller.on_bundle_applied = [config, store = downstream->bundles.get(),
                                listener = std::move(on_content)](const sync::BundleReport& report) {
      if (!listener || !applicable(report.kind))
        return;
      for (auto& update : valid_updates(*store, config, report.kind))
        listener(std::move(update));
    };
    downstream->poller = std::make_unique<sync::DownstreamPoller>(
        std::move(poller), https_config(config, data_dir), *downstream->bundles, *downstream->sink);
  } catch (const std::exception& error) {
    spdlog::error("sync/downstream: not started: {}", error.what());
    return nullptr;
  }
  return downstream;
}

std::vector<app::ContentUpdate> stored_content(const app::KioskConfig& config,
                                               const std::filesystem::path& data_dir) {
  std::vector<app::ContentUpdate> updates;
  // Not tied to the policy: content head office sent stays in use while sync is turned off for a while.
  if (config.sync.bundle_public_keys.empty())
    return updates;
  std::string problem;
  auto keys = read_keys(config, data_dir, problem);
  if (!keys) {
    spdlog::error("stored content not used: {}", problem);
    return updates;
  }
  const sync::BundleStore store(bundle_dir(data_dir), std::move(*keys));
  for (const auto& kind : config.sync.bundle_kinds) {
    for (auto& update : valid_updates(store, config, kind))
      updates.push_back(std::move(update));
  }
  return updates;
}

}  // namespace kiosk::cli

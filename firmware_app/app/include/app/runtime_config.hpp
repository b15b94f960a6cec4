#pragma once
// The `config` bundle: the settings head office may change while the kiosk runs (issue 5), and the merge
// of kiosk.toml with the bank-wide and the branch's bundle.
//
// A bundle's payload is a JSON object shaped like kiosk.toml's tables, e.g.
//   {"session": {"idle_timeout_seconds": 60}, "staff": {"pin_hashes": ["manager:manager:pbkdf2-..."]}}
// (assets/config/config-bundle.sample.json). Guarantees:
// - Only the keys of k_runtime_config_keys are accepted. Any other key (one that needs a restart, one that
//   identifies the kiosk or its trust in head office, or an unknown one) refuses the whole bundle with an
//   issue naming the key and why. Nothing of a refused bundle is used, and the sync side never stores it.
// - Values follow the same rules as in kiosk.toml: the payload goes through the TOML file's own readers
//   (types, ranges) and validate_config() runs on the merged config (kiosk.toml, then the bank-wide bundle,
//   then the branch's); every issue is reported, named "config/<scope> v<version>: <key>: ...".
// - languages.enabled may only narrow or reorder kiosk.toml's list: catalogs and font glyphs are loaded
//   for those languages at start.
// - A PIN slot must hold a PBKDF2 hash (the rule of staff.pin_hashes): a bundle can never carry a plain PIN.
// - Nothing here throws, whatever the payload (binary junk, hostile nesting, a megabyte of keys).

#include <array>
#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "app/config.hpp"
#include "app/content_updates.hpp"

namespace kiosk::app {

inline constexpr std::string_view k_config_bundle_kind = "config";

// The keys a config bundle may carry, and why each is safe to change while the kiosk runs: every one is
// read when it is used (never baked into something built at start), and the update is applied on the UI
// thread between customers (KioskApp::apply_runtime_config), so no session sees a setting change under it.
//   session.*             the idle timer is rebuilt between customers; the attract cycle is read each tick
//   languages.*           the picker and attract screen read them per frame (catalogs: see above)
//   display.high_contrast read per frame by the view-model
//   complaints.*          read when a complaint is filed or printed; filed complaints keep their deadlines
//   staff.pin_hashes      the PIN slots are replaced; staff mode signed in with a removed slot closes
inline constexpr std::array<std::string_view, 12> k_runtime_config_keys = {
    "session.idle_timeout_seconds",
    "session.idle_warning_seconds",
    "session.attract_cycle_seconds",
    "languages.default",
    "languages.enabled",
    "display.high_contrast",
    "complaints.acknowledge_business_days",
    "complaints.final_response_business_days",
    "complaints.high_priority_issues",
    "complaints.holidays",
    "complaints.escalation_text",
    "staff.pin_hashes",
};

// A config payload is a handful of settings; anything much larger is not a config.
inline constexpr std::size_t k_max_config_bundle_bytes = std::size_t{64} * 1024;

// Overlays the payloads of `layers` (config updates, bank-wide first, the winner last) on `file_config`
// and validates the result. The issues name each layer's origin as their file. Pure: any thread.
ConfigResult merge_config_bundles(const KioskConfig& file_config, const std::vector<ContentUpdate>& layers);

// merge_config_bundles' issues as one line for the log and the sync status ("; "-separated, cut to a
// readable length); empty when the merge is valid.
std::string config_bundles_problem(const KioskConfig& file_config, const std::vector<ContentUpdate>& layers);

// Moves the updates of kind "config" out of `updates` (the rest keep their order) and returns them.
std::vector<ContentUpdate> take_config_updates(std::vector<ContentUpdate>& updates);

// The running config: kiosk.toml and the config bundles in use over it. UI thread only (KioskApp owns it).
class RuntimeConfig {
 public:
  explicit RuntimeConfig(KioskConfig file_config);

  const KioskConfig& file_config() const { return m_file; }
  // kiosk.toml with the bundles in use overlaid.
  const KioskConfig& effective() const { return m_effective; }
  // Config updates from head office, each replacing the layer of its scope ("all" first, the branch's
  // over it). An update whose merge fails is refused (logged with every issue) and the config in use
  // stays. Returns true when the effective config changed.
  bool update(const std::vector<ContentUpdate>& updates);
  // Drops the layers whose bundle expired at `now`: the bank-wide bundle comes back when the branch's
  // expires, kiosk.toml when none is left. Returns true when the effective config changed.
  bool drop_expired(std::chrono::sys_seconds now);

 private:
  // The layers in merge order.
  std::vector<ContentUpdate> ordered(std::vector<ContentUpdate> layers) const;

  KioskConfig m_file;
  KioskConfig m_effective;
  std::vector<ContentUpdate> m_layers;  // in merge order: scope "all", then the branch's
};

}  // namespace kiosk::app

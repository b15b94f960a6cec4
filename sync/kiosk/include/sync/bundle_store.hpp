#pragma once
// Downstream bundles on the kiosk: verify, check, and apply atomically; the previous bundle is kept.
//
// apply() accepts a SignedBundle document (sync/protocol/bundle.hpp) only if
//   - its Ed25519 signature verifies against one of the pinned public keys (current and next),
//   - now is inside [not_before, expires),
//   - its version is higher than the applied one for the same (kind, scope): older ones are rollbacks,
//     the same version is reported as already applied.
// Applying writes the signed document to a temporary file, fsyncs it, copies the current one to
// "<kind>.<scope>.previous" (also fsynced and renamed into place) and renames the new file over
// "<kind>.<scope>.bundle", then fsyncs the directory. So at every instant a complete current bundle is on
// disk, and a crash leaves the old or the new one, never a torn file. A refused bundle changes nothing
// and the report says why. Not thread-safe: one owner (the sync thread) applies bundles.

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sync/protocol/bundle.hpp"

namespace kiosk::sync {

enum class BundleOutcome { applied, already_applied, rejected };

struct BundleReport {
  BundleOutcome outcome = BundleOutcome::rejected;
  std::string message;  // for logs and the manager dashboard
  std::string kind;
  std::string scope;
  std::uint64_t version = 0;
};

class BundleStore {
 public:
  // `directory` is created if missing. public_key_pems: the pinned verification keys (PEM text).
  BundleStore(std::filesystem::path directory, std::vector<std::string> public_key_pems);

  BundleReport apply(std::string_view signed_bundle_text, std::chrono::system_clock::time_point now);

  // The applied bundle of this kind and scope (re-verified from disk), if any.
  std::optional<protocol::Bundle> current(std::string_view kind, std::string_view scope) const;
  std::optional<protocol::Bundle> previous(std::string_view kind, std::string_view scope) const;

 private:
  std::optional<protocol::Bundle> load(const std::filesystem::path& file) const;
  std::filesystem::path file_for(std::string_view kind, std::string_view scope,
                                 std::string_view suffix) const;

  std::filesystem::path m_directory;
  std::vector<std::string> m_keys;
};

}  // namespace kiosk::sync

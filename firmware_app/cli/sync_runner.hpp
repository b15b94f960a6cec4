#pragma once
// The kiosk's sync side as the config asks for it: the transports of [sync].policy, the outbox drainer on
// its own thread and SQLite connection, and the status the dashboard and logs read. Built by the
// composition root only: the app layer never sees the network.
//
// Guarantees:
// - Sync never stops the kiosk: a policy of "off", missing certificate files or an unreadable PII key give
//   no runner (nullptr) and a logged reason; customers are served offline and every event waits in the
//   outbox until sync works.
// - The destructor stops the drainer, then the transports, then the downstream poller, within their
//   bounded stop times. Rows in flight stay `sent` and go out again at the next start (head office drops
//   duplicates).

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "app/config.hpp"
#include "cli/downstream.hpp"
#include "sync/sync_status.hpp"

namespace kiosk::cli {

class SyncRunner {
 public:
  // `database` is the store file Store::open made; `data_dir` anchors relative paths of [sync] and holds
  // keys/pii.key (the desk creates it; sync only reads it). On failure returns nullptr and sets `problem`
  // (empty when the policy is simply "off"). Downstream (downstream.hpp) starts with it when [sync] asks
  // for it; `on_content` gets each new content bundle's payload on the poller thread.
  static std::unique_ptr<SyncRunner> start(const app::KioskConfig& config,
                                           const std::filesystem::path& data_dir,
                                           const std::filesystem::path& database, std::string& problem,
                                           ContentListener on_content = {});
  ~SyncRunner();
  SyncRunner(const SyncRunner&) = delete;
  SyncRunner& operator=(const SyncRunner&) = delete;

  // New outbox rows were committed: send them now rather than at the next poll. Thread-safe.
  void wake();
  sync::SyncStatusSnapshot status() const;
  // The downstream poller's status; nullopt when downstream is off.
  std::optional<sync::DownstreamStatus> downstream_status() const;

  struct Parts;

 private:
  explicit SyncRunner(std::unique_ptr<Parts> parts);
  std::unique_ptr<Parts> m_parts;
};

// One line for logs and the headless report: "mqtt, connected, backlog 0, 12 confirmed, 0 quarantined".
std::string describe(const sync::SyncStatusSnapshot& status);
// "3 rounds, 1 complaint status change applied, cursor 4" (plus the last error, if any).
std::string describe(const sync::DownstreamStatus& status);

}  // namespace kiosk::cli

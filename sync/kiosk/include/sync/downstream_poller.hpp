#pragma once
// The kiosk's downstream loop: bundles (config, surveys, services, bookings, announcements) and complaint
// status from head office, on its own thread.
//
// A round runs when
//   - poke(pointer) delivered a retained MQTT pointer for a followed (kind, scope) whose version is above
//     the applied one (pointers at or below it cost nothing: every reconnect re-delivers them),
//   - the backstop timer fires (poll_interval, each wait drawn from poll_interval * [1 - jitter, 1 + jitter]
//     so a fleet does not poll in lock-step; the first round runs at start()), or poll_now() was called.
// In a round, each followed (kind, scope) that needs it is fetched (the backstop sends If-None-Match with
// the ETag of the bundle last applied, so an unchanged bundle costs a 304) and handed to BundleStore,
// which verifies and applies atomically or refuses and keeps the current one. Then complaint status pages
// are read after the sink's cursor until an empty page (at most max_status_pages per round) and each page
// goes to the ComplaintStatusSink, which applies it and stores the cursor in one transaction.
//
// Reports: on_bundle_applied(report) for each newly applied bundle (the app reloads config, surveys or
// services from BundleStore::current), on_bundle_rejected(report) for each refused one (bad signature,
// rollback, expired, not yet valid, or content that check_content refused; the report says which). Both run
// on the poller thread and must not call back into the poller. Failures (network, HTTP errors, bad bodies, a
// pointer whose version the server does not serve yet, a storage error in the sink) end the round early for
// that part and schedule the next round after a full-jitter backoff (Retry-After and trust failures wait as
// HttpsConfig says), never a hot loop. stop() aborts a request in progress and returns within about a second.

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "sync/backoff.hpp"
#include "sync/bundle_store.hpp"
#include "sync/complaint_status_sink.hpp"
#include "sync/downstream_client.hpp"
#include "sync/downstream_subscription.hpp"
#include "sync/https_transport.hpp"
#include "sync/protocol/bundle.hpp"

namespace kiosk::sync {

struct DownstreamConfig {
  std::vector<BundleSubscription> bundles;  // what this kiosk follows (validate_subscriptions)
  std::chrono::milliseconds poll_interval{15 * 60 * 1000};
  double poll_jitter = 0.1;  // fraction of poll_interval, clamped to [0, 0.5]
  std::size_t status_page_limit = 100;
  std::size_t max_status_pages = 20;  // per round; the rest waits for the next round
  BackoffPolicy retry{std::chrono::milliseconds{5'000}, std::chrono::milliseconds{300'000}};
  // The wall clock for the bundles' validity windows. Empty: system_clock::now.
  std::function<std::chrono::system_clock::time_point()> clock;
  // Content check per kind, before applying (e.g. "does this config payload load?"): an empty answer
  // accepts, anything else rejects the bundle with that message and keeps the current one. Runs on the
  // poller thread. Empty function: content is not checked here.
  std::function<std::string(const protocol::Bundle&)> check_content;
  std::function<void(const BundleReport&)> on_bundle_applied;
  std::function<void(const BundleReport&)> on_bundle_rejected;
};

struct DownstreamStatus {
  std::uint64_t rounds = 0;         // rounds finished
  std::uint64_t failed_rounds = 0;  // of those, rounds with a failure
  std::string last_error;           // of the last round; empty when it went through
  std::optional<std::chrono::system_clock::time_point> last_success;
  std::uint64_t status_changes_applied = 0;  // since start()
  std::uint64_t status_changes_skipped = 0;
  std::uint64_t status_cursor = 0;  // the sink's cursor after the last round
};

class DownstreamPoller {
 public:
  // `bundles` and `sink` must outlive the poller and are used only on its thread. Throws
  // std::invalid_argument if config.bundles does not pass validate_subscriptions, std::runtime_error if
  // libcurl cannot be initialised.
  DownstreamPoller(DownstreamConfig config, HttpsConfig https, BundleStore& bundles,
                   ComplaintStatusSink& sink);
  ~DownstreamPoller();
  DownstreamPoller(const DownstreamPoller&) = delete;
  DownstreamPoller& operator=(const DownstreamPoller&) = delete;

  // Starts the thread; the first round runs at once. Call once.
  void start();
  // Aborts a request in progress, joins the thread. Idempotent; a stopped poller does not start again.
  void stop();

  // Any thread, returns at once: a pointer arrived (MQTT). Ignored unless its (kind, scope) is followed.
  void poke(protocol::BundlePointer pointer);
  // Any thread: run a full round (every bundle and complaint status) now.
  void poll_now();

  DownstreamStatus status() const;

 private:
  struct Round;
  using Key = std::pair<std::string, std::string>;  // (kind, scope)

  void run();
  Round run_round(const std::map<Key, std::uint64_t>& pointers, bool full);
  void sync_bundle(const BundleSubscription& subscription, std::optional<std::uint64_t> pointer, bool full,
                   Round& round);
  void sync_complaint_status(Round& round);
  std::chrono::milliseconds next_wait(const Round& round);

  DownstreamConfig m_config;
  HttpsConfig m_https;
  BundleStore& m_bundles;
  ComplaintStatusSink& m_sink;
  DownstreamClient m_client;
  domain::SystemRandomSource m_random;
  Backoff m_backoff;                   // poller thread only
  std::map<Key, std::string> m_etags;  // poller thread only: ETag of the bundle applied per (kind, scope)

  mutable std::mutex m_mutex;  // guards everything below
  std::condition_variable m_signal;
  std::map<Key, std::uint64_t>
      m_pointers;  // newest pointer version per followed (kind, scope), not yet handled
  bool m_poll_requested = false;
  bool m_stopping = false;
  DownstreamStatus m_status;
  std::thread m_thread;
};

}  // namespace kiosk::sync

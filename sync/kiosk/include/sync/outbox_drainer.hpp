#pragma once
// Moves outbox rows to head office: pending -> (batch dispatched) -> sent on the transport's ack ->
// confirmed on head office's Ack. Runs on its own thread with its own SQLite connection.
//
// Guarantees:
// - Batches hold at most max_batch_events events and max_batch_bytes serialized bytes (the whole Batch
//   document), and leave once full or once the oldest candidate has lingered `linger`. On an idle link
//   (nothing in flight) a batch leaves at once, full or not: lingering only pays while earlier batches
//   are on their way, and a lone complaint should not wait for company.
// - At most `window` batches are in flight; a seq is in at most one of them.
// - Complaint events go before customer records, which go before telemetry (event_priority.hpp).
// - A row is confirmed only by head office (high_water, ranges, duplicates). Sent rows without an Ack
//   within ack_timeout, or when the transport disconnects, go back to pending and are sent again; at
//   start-up every sent row goes back to pending. So delivery is at least once; head office dedupes.
// - A poison row (its data does not serialize, it is larger than a batch may be, or head office rejects it
//   or reports a conflicting body) is quarantined with the reason, counted in SyncStatus, and never blocks
//   the rows behind it.
// - Above storage_cap_rows unconfirmed rows, the oldest pending telemetry is deleted (counted as shed);
//   complaint and customer rows are never deleted. storage_alarm is raised at 80 % of the cap.
// - A resend request moves sent/confirmed rows in its range back to pending (at most max_resend_span seqs).
// - stop() returns within poll_interval plus one cycle (a cycle waits at most busy_timeout for a lock).

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <variant>
#include <vector>

#include "domain/uuid.hpp"
#include "sync/inflight_window.hpp"
#include "sync/messages.hpp"
#include "sync/outbox_access.hpp"
#include "sync/sync_status.hpp"
#include "sync/transport.hpp"

namespace kiosk::sync {

struct DrainerConfig {
  std::filesystem::path database;  // the store's file; it must exist (Store::open made it)
  std::string kiosk_id;
  std::string branch_id;
  std::string boot_id;  // one UUID per process start; empty: one is made
  std::size_t max_batch_events = 50;
  std::size_t max_batch_bytes = 16'000;
  std::chrono::milliseconds linger{250};
  std::size_t window = 16;  // clamped to [1, 64]; 8-32 is the designed range
  std::chrono::milliseconds ack_timeout{60'000};
  std::chrono::milliseconds poll_interval{1'000};  // also picks up rows committed without wake()
  std::int64_t storage_cap_rows = 200'000;
  // How often the storage cap is enforced and the status (backlog, oldest unconfirmed) recounted. Counting
  // reads the outbox's state index; once per batch it cost more CPU than building the batch.
  std::chrono::milliseconds count_interval{1'000};
  std::int64_t max_resend_span = 10'000;
  std::chrono::milliseconds busy_timeout{5'000};
  // Opens sealed outbox bodies (complaints); must outlive the drainer. Without it sealed rows are
  // quarantined, so the kiosk always passes the store's cipher.
  const store::PiiCipher* cipher = nullptr;
};

class OutboxDrainer final : public TransportListener {
 public:
  // Opens its own connection to config.database and returns rows left `sent` by an earlier run to
  // pending. Throws store::StoreError if the file cannot be opened. `transport` and `status` must outlive
  // the drainer; stop the transport before destroying the drainer.
  OutboxDrainer(DrainerConfig config, Transport& transport, SyncStatus& status);
  ~OutboxDrainer() override;
  OutboxDrainer(const OutboxDrainer&) = delete;
  OutboxDrainer& operator=(const OutboxDrainer&) = delete;

  // Starts the drainer thread. Call once.
  void start();
  // Stops and joins the thread. Rows in flight stay sent (they go back to pending at the next start).
  void stop();
  // New rows were committed: look now rather than at the next poll.
  void wake();

  // One pass: apply transport news, expire overdue batches, enforce the storage cap, dispatch batches.
  // The thread calls it; tests call it directly (without start()) to step deterministically.
  void run_cycle(SteadyTime now);
  // When run_cycle has timed work next (linger end, ack expiry), if any.
  std::optional<SteadyTime> next_deadline() const;
  std::size_t in_flight() const { return m_window.size(); }

  // TransportListener: thread-safe; each queues the news for the drainer's thread.
  void on_connected() override;
  void on_disconnected(std::string reason) override;
  void on_delivered(std::string batch_id) override;
  void on_send_failed(std::string batch_id, std::string reason) override;
  void on_ack(AckSummary ack) override;
  void on_resend(ResendRequest request) override;

 private:
  struct Connected {};
  struct Disconnected {
    std::string reason;
  };
  struct Delivered {
    std::string batch_id;
  };
  struct SendFailed {
    std::string batch_id;
    std::string reason;
  };
  using News = std::variant<Connected, Disconnected, Delivered, SendFailed, AckSummary, ResendRequest>;

  void post(News news);
  void apply(News& news);
  void apply_ack(const AckSummary& ack);
  void apply_resend(const ResendRequest& request);
  void enforce_storage_cap();
  // Builds and hands over one batch; false when there is nothing (yet) to send.
  bool dispatch_one(SteadyTime now);
  void publish_status();
  void thread_main();

  DrainerConfig m_config;
  Transport& m_transport;
  SyncStatus& m_status;
  OutboxAccess m_outbox;
  InflightWindow m_window;
  domain::SystemRandomSource m_random;
  domain::UuidV7Generator m_batch_ids;
  bool m_connected = false;
  std::optional<SteadyTime> m_linger_since;
  std::optional<SteadyTime> m_last_count;  // when the cap and status were last counted

  mutable std::mutex m_mutex;  // guards m_news, m_wake, m_stop
  std::condition_variable m_signal;
  std::vector<News> m_news;
  bool m_wake = false;
  bool m_stop = false;
  std::thread m_thread;
};

}  // namespace kiosk::sync

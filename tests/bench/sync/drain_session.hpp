#pragma once
// One kiosk sync stack as the kiosk runs it - the real OutboxDrainer on its own connection to the store
// file, behind it the real MqttTransport or HttpsTransport (wrapped in TimedTransport for timestamps) -
// measured twice: draining a backlog to all-confirmed, then single events on the idle link.

#include <sys/types.h>

#include <chrono>
#include <cstddef>
#include <string>
#include <vector>

#include "event_fill.hpp"
#include "proc_stats.hpp"
#include "store/store.hpp"
#include "sync/outbox_drainer.hpp"
#include "sync/sync_status.hpp"
#include "timed_transport.hpp"

namespace kiosk::bench {

struct DrainResult {
  bool ok = false;
  std::string error;
  std::size_t events = 0;
  double seconds = 0;                // drainer start to every event confirmed by head office
  double first_confirm_seconds = 0;  // drainer start to the first confirmation
  std::size_t batches = 0;           // batches handed to the transport (resends included)
  double mean_batch_events = 0;
  double mean_payload_bytes = 0;
  MemoryStatus before;  // just before the drainer starts (connected, peak reset)
  MemoryStatus after;   // once all is confirmed; hwm_kb is the peak during the drain
  bool peak_reset = false;
  double kiosk_cpu_seconds = 0;    // this whole process (drainer, transport threads, the bench's polling)
  double drainer_cpu_seconds = 0;  // the drainer's thread alone
  double headoffice_cpu_seconds = 0;
  double broker_cpu_seconds = 0;  // 0 for HTTPS (no broker involved)
  // Time the same were runnable but waited for a CPU (schedstat): what the machine's load added.
  double kiosk_wait_seconds = 0;
  double drainer_wait_seconds = 0;
  double headoffice_wait_seconds = 0;
  double broker_wait_seconds = 0;
  double send_to_delivered_p50_ms = 0;
  double send_to_ack_p50_ms = 0;
  double send_to_ack_p99_ms = 0;
};

struct SinglesResult {
  std::size_t attempted = 0;
  std::vector<double> commit_to_confirmed_ms;  // tap committed -> row confirmed in the kiosk store
  std::vector<double> send_to_delivered_ms;    // batch handed to the transport -> PUBACK or HTTP 2xx
  std::vector<double> send_to_ack_ms;          // batch handed to the transport -> head office's Ack
  std::string error;
};

struct OtherProcesses {
  pid_t headoffice = 0;
  pid_t broker = 0;  // 0: none
};

class DrainSession {
 public:
  // `transport` is the real one; it and `status` must outlive the session.
  DrainSession(sync::Transport& transport, sync::DrainerConfig config, sync::SyncStatus& status);
  ~DrainSession();
  DrainSession(const DrainSession&) = delete;
  DrainSession& operator=(const DrainSession&) = delete;

  // Starts the transport and waits until it says it is connected. Empty on success, else why not.
  std::string connect(std::chrono::seconds timeout);
  // Starts the drainer and waits until `expected` rows are confirmed (or `timeout`).
  DrainResult drain(std::size_t expected, OtherProcesses others, std::chrono::seconds timeout);
  // After drain(): `count` single events, each committed by `store`'s own connection (the UI's), the
  // drainer woken, and the next one only after it is confirmed and the link has been idle for `gap`.
  SinglesResult singles(store::Store& store, EventFiller& filler, std::size_t count,
                        std::chrono::milliseconds gap);
  // Transport first, then the drainer (the order OutboxDrainer asks for). Idempotent.
  void stop();

 private:
  sync::SyncStatus& m_status;
  TimedTransport m_timed;
  sync::OutboxDrainer m_drainer;
  bool m_stopped = false;
};

}  // namespace kiosk::bench

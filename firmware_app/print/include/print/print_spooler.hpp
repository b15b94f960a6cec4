#pragma once
// Prints jobs one after another on a worker thread so that no customer ever waits for paper.
//
// Guarantees:
//  - submit() never blocks on the printer: it only takes a mutex held for list operations. A job is
//    either accepted into the bounded queue or refused at once (queue full, no printer, stopped); a
//    refusal is returned AND recorded as an outcome, so no job disappears without a word.
//  - Every accepted job ends in exactly one outcome: printed, or failed with the transport's fault and
//    message after options.max_attempts attempts options.retry_delay apart.
//  - health() reports the printer as staff should see it: unknown before the first job, ok after a job
//    printed, faulted (with the last fault and since when) after a failed attempt, until a job prints.
//  - stop() (also the destructor) returns within about send_timeout: the worker finishes the attempt in
//    progress (every transport honours its timeout), skips waiting retries, and reports each job still
//    queued as failed ("spooler stopped").
//  - Thread-safe; the worker sleeps on a condition variable (no polling).

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "printer/transport.hpp"

namespace kiosk::print {

struct PrintJob {
  std::string id;  // the caller's id (ticket id, complaint reference), echoed in the outcome
  std::vector<std::byte> bytes;
};

enum class OutcomeStatus { printed, failed, refused };

struct PrintOutcome {
  std::string job_id;
  OutcomeStatus status = OutcomeStatus::failed;
  std::optional<printer::PrinterFault> fault;  // set when the printer itself failed
  std::string message;                         // for staff; empty when printed
  int attempts = 0;

  bool ok() const { return status == OutcomeStatus::printed; }
};

enum class PrinterState { unknown, ok, faulted };

struct PrinterHealth {
  PrinterState state = PrinterState::unknown;
  std::optional<printer::PrinterFault> fault;   // the last fault while faulted
  std::string last_fault;                       // message of the most recent failure (kept after recovery)
  std::chrono::system_clock::time_point since;  // when `state` last changed
  std::size_t queued = 0;                       // jobs waiting, not counting the one being printed
};

struct SpoolerOptions {
  std::size_t queue_capacity = 8;
  std::chrono::milliseconds send_timeout{5000};
  int max_attempts = 2;  // one retry
  std::chrono::milliseconds retry_delay{2000};
  std::size_t outcome_capacity = 256;  // oldest outcomes go when nobody takes them
};

struct SubmitResult {
  bool accepted = false;
  std::string message;  // why it was refused
};

class PrintSpooler {
 public:
  // A null transport means "no printer configured": every job is refused with that message.
  explicit PrintSpooler(std::unique_ptr<printer::PrinterTransport> transport, SpoolerOptions options = {});
  ~PrintSpooler();
  PrintSpooler(const PrintSpooler&) = delete;
  PrintSpooler& operator=(const PrintSpooler&) = delete;

  SubmitResult submit(PrintJob job);

  // Outcomes since the last call, oldest first.
  std::vector<PrintOutcome> take_outcomes();

  // Waits until at least `count` outcomes are waiting to be taken or `timeout` passes; true if they are.
  bool wait_for_outcomes(std::size_t count, std::chrono::milliseconds timeout);

  PrinterHealth health() const;

  void stop();

 private:
  void run();
  PrintOutcome print(const PrintJob& job);
  void record_outcome(PrintOutcome outcome);  // needs m_mutex held
  void set_state(PrinterState state);         // needs m_mutex held

  std::unique_ptr<printer::PrinterTransport> m_transport;
  SpoolerOptions m_options;

  mutable std::mutex m_mutex;
  std::condition_variable m_work_changed;
  std::condition_variable m_outcomes_changed;
  std::deque<PrintJob> m_queue;
  std::deque<PrintOutcome> m_outcomes;
  PrinterHealth m_health;
  bool m_stopping = false;
  std::thread m_worker;
};

}  // namespace kiosk::print

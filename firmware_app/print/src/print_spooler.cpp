#include "print/print_spooler.hpp"

#include <fmt/format.h>

namespace kiosk::print {

PrintSpooler::PrintSpooler(std::unique_ptr<printer::PrinterTransport> transport, SpoolerOptions options)
    : m_transport(std::move(transport)), m_options(options) {
  m_options.max_attempts = std::max(m_options.max_attempts, 1);
  m_options.outcome_capacity = std::max<std::size_t>(m_options.outcome_capacity, 1);
  m_health.since = std::chrono::system_clock::now();
  if (m_transport) {
    m_worker = std::thread([this] { run(); });
  } else {
    m_health.last_fault = "no printer configured";
  }
}

PrintSpooler::~PrintSpooler() {
  stop();
}

void PrintSpooler::stop() {
  {
    const std::lock_guard lock(m_mutex);
    m_stopping = true;
  }
  m_work_changed.notify_all();
  if (m_worker.joinable())
    m_worker.join();
}

SubmitResult PrintSpooler::submit(PrintJob job) {
  std::string refusal;
  {
    const std::lock_guard lock(m_mutex);
    if (!m_transport) {
      refusal = "no printer configured";
    } else if (m_stopping) {
      refusal = "printing has stopped (the kiosk is shutting down)";
    } else if (m_queue.size() >= m_options.queue_capacity) {
      refusal = fmt::format("print queue full ({} jobs waiting); {}", m_queue.size(),
                            m_health.state == PrinterState::faulted ? m_health.last_fault : "printer busy");
    } else {
      m_queue.push_back(std::move(job));
      m_health.queued = m_queue.size();
      m_work_changed.notify_one();
      return SubmitResult{true, {}};
    }
    record_outcome(PrintOutcome{job.id, OutcomeStatus::refused, std::nullopt, refusal, 0});
  }
  m_outcomes_changed.notify_all();
  return SubmitResult{false, refusal};
}

std::vector<PrintOutcome> PrintSpooler::take_outcomes() {
  const std::lock_guard lock(m_mutex);
  std::vector<PrintOutcome> taken(std::make_move_iterator(m_outcomes.begin()),
                                  std::make_move_iterator(m_outcomes.end()));
  m_outcomes.clear();
  return taken;
}

bool PrintSpooler::wait_for_outcomes(std::size_t count, std::chrono::milliseconds timeout) {
  std::unique_lock lock(m_mutex);
  return m_outcomes_changed.wait_for(lock, timeout, [&] { return m_outcomes.size() >= count; });
}

PrinterHealth PrintSpooler::health() const {
  const std::lock_guard lock(m_mutex);
  return m_health;
}

void PrintSpooler::record_outcome(PrintOutcome outcome) {
  if (m_outcomes.size() >= m_options.outcome_capacity)
    m_outcomes.pop_front();
  m_outcomes.push_back(std::move(outcome));
}

void PrintSpooler::set_state(PrinterState state) {
  if (m_health.state != state) {
    m_health.state = state;
    m_health.since = std::chrono::system_clock::now();
  }
}

void PrintSpooler::run() {
  std::unique_lock lock(m_mutex);
  for (;;) {
    m_work_changed.wait(lock, [this] { return m_stopping || !m_queue.empty(); });
    if (m_stopping)
      break;
    PrintJob job = std::move(m_queue.front());
    m_queue.pop_front();
    m_health.queued = m_queue.size();
    lock.unlock();
    PrintOutcome outcome = print(job);
    lock.lock();
    record_outcome(std::move(outcome));
    m_outcomes_changed.notify_all();
  }
  // Jobs that never got their turn still get an outcome.
  for (PrintJob& job : m_queue) {
    record_outcome(PrintOutcome{job.id, OutcomeStatus::failed, std::nullopt,
                                "spooler stopped before the job was printed", 0});
  }
  m_queue.clear();
  m_health.queued = 0;
  m_outcomes_changed.notify_all();
}

// Runs without the mutex except to publish health and to wait between attempts.
PrintOutcome PrintSpooler::print(const PrintJob& job) {
  PrintOutcome outcome{job.id, OutcomeStatus::failed, std::nullopt, {}, 0};
  for (int attempt = 1; attempt <= m_options.max_attempts; ++attempt) {
    outcome.attempts = attempt;
    const printer::SendResult sent = m_transport->send(job.bytes, m_options.send_timeout);
    std::unique_lock lock(m_mutex);
    if (sent.ok) {
      set_state(PrinterState::ok);
      m_health.fault.reset();
      outcome.status = OutcomeStatus::printed;
      outcome.fault.reset();
      outcome.message.clear();
      return outcome;
    }
    set_state(PrinterState::faulted);
    m_health.fault = sent.fault;
    m_health.last_fault = sent.message;
    outcome.fault = sent.fault;
    outcome.message = sent.message;
    if (attempt == m_options.max_attempts)
      break;
    // stop() cuts the retry wait short; the job is then reported as failed with its last fault.
    if (m_work_changed.wait_for(lock, m_options.retry_delay, [this] { return m_stopping; }))
      break;
  }
  return outcome;
}

}  // namespace kiosk::print

#include "drain_session.hpp"

#include <unistd.h>

#include <thread>

namespace kiosk::bench {
namespace {

// The drain takes seconds: polling the status every 5 ms costs nothing measurable and bounds the error.
constexpr auto k_drain_poll = std::chrono::milliseconds(5);
// A single event takes milliseconds: poll finely (the sleep is ~0.1 ms plus timer slack).
constexpr auto k_single_poll = std::chrono::microseconds(100);
constexpr auto k_single_timeout = std::chrono::seconds(30);

double ms_between(Clock::time_point from, Clock::time_point to) {
  return std::chrono::duration<double, std::milli>(to - from).count();
}

double cpu_or_zero(pid_t pid) {
  return pid > 0 ? process_cpu_seconds(pid).value_or(0.0) : 0.0;
}

double waiting_or_zero(pid_t pid) {
  const auto sched = pid > 0 ? process_sched_time(pid) : std::nullopt;
  return sched ? sched->waiting_seconds : 0.0;
}

}  // namespace

DrainSession::DrainSession(sync::Transport& transport, sync::DrainerConfig config, sync::SyncStatus& status)
    : m_status(status), m_timed(transport), m_drainer(std::move(config), m_timed, status) {}

DrainSession::~DrainSession() {
  stop();
}

std::string DrainSession::connect(std::chrono::seconds timeout) {
  m_timed.start(m_drainer);
  const auto deadline = Clock::now() + timeout;
  while (Clock::now() < deadline) {
    if (m_timed.is_connected()) {
      return {};
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return "the " + std::string(m_timed.name()) + " transport did not connect within " +
         std::to_string(timeout.count()) + " s: " + m_status.snapshot().last_disconnect_reason;
}

DrainResult DrainSession::drain(std::size_t expected, OtherProcesses others, std::chrono::seconds timeout) {
  DrainResult result;
  result.events = expected;
  const std::int64_t confirmed_before = m_status.snapshot().confirmed_total;
  result.peak_reset = reset_peak_rss();
  result.before = read_memory_status();
  const double self_cpu = cpu_or_zero(::getpid());
  const double ho_cpu = cpu_or_zero(others.headoffice);
  const double broker_cpu = cpu_or_zero(others.broker);
  const double self_wait = waiting_or_zero(::getpid());
  const double ho_wait = waiting_or_zero(others.headoffice);
  const double broker_wait = waiting_or_zero(others.broker);

  const auto start = Clock::now();
  m_drainer.start();
  const auto deadline = start + timeout;
  std::optional<Clock::time_point> first;
  std::int64_t confirmed = 0;
  while (Clock::now() < deadline) {
    confirmed = m_status.snapshot().confirmed_total - confirmed_before;
    if (confirmed > 0 && !first) {
      first = Clock::now();
    }
    if (confirmed >= static_cast<std::int64_t>(expected)) {
      break;
    }
    std::this_thread::sleep_for(k_drain_poll);
  }
  const auto end = Clock::now();
  result.after = read_memory_status();
  result.kiosk_cpu_seconds = cpu_or_zero(::getpid()) - self_cpu;
  result.headoffice_cpu_seconds = cpu_or_zero(others.headoffice) - ho_cpu;
  result.broker_cpu_seconds = others.broker > 0 ? cpu_or_zero(others.broker) - broker_cpu : 0.0;
  result.kiosk_wait_seconds = waiting_or_zero(::getpid()) - self_wait;
  result.headoffice_wait_seconds = waiting_or_zero(others.headoffice) - ho_wait;
  result.broker_wait_seconds = others.broker > 0 ? waiting_or_zero(others.broker) - broker_wait : 0.0;
  if (const pid_t tid = m_timed.sender_tid(); tid > 0) {
    // The drainer's thread was started by this drain, so its totals are the drain's.
    result.drainer_cpu_seconds = thread_cpu_seconds(tid).value_or(0.0);
    const auto sched = thread_sched_time(tid);
    result.drainer_wait_seconds = sched ? sched->waiting_seconds : 0.0;
  }
  result.seconds = std::chrono::duration<double>(end - start).count();
  result.first_confirm_seconds = first ? std::chrono::duration<double>(*first - start).count() : 0.0;
  if (confirmed < static_cast<std::int64_t>(expected)) {
    result.error = std::to_string(confirmed) + " of " + std::to_string(expected) + " confirmed after " +
                   std::to_string(timeout.count()) + " s";
  }

  std::vector<double> delivered_ms;
  std::vector<double> acked_ms;
  double events = 0;
  double bytes = 0;
  for (const auto& [id, timing] : m_timed.timings()) {
    events += static_cast<double>(timing.events);
    bytes += static_cast<double>(timing.payload_bytes);
    if (timing.delivered) {
      delivered_ms.push_back(ms_between(timing.sent, *timing.delivered));
    }
    if (timing.acked) {
      acked_ms.push_back(ms_between(timing.sent, *timing.acked));
    }
  }
  result.batches = m_timed.timings().size();
  if (result.batches > 0) {
    result.mean_batch_events = events / static_cast<double>(result.batches);
    result.mean_payload_bytes = bytes / static_cast<double>(result.batches);
  }
  result.send_to_delivered_p50_ms = percentile(delivered_ms, 50);
  result.send_to_ack_p50_ms = percentile(acked_ms, 50);
  result.send_to_ack_p99_ms = percentile(acked_ms, 99);
  result.ok = result.error.empty();
  m_timed.clear();
  return result;
}

SinglesResult DrainSession::singles(store::Store& store, EventFiller& filler, std::size_t count,
                                    std::chrono::milliseconds gap) {
  SinglesResult result;
  for (std::size_t i = 0; i < count; ++i) {
    std::this_thread::sleep_for(gap);
    ++result.attempted;
    const std::int64_t before = m_status.snapshot().confirmed_total;
    filler.append_one(store);
    const auto committed = Clock::now();
    m_drainer.wake();
    const auto deadline = committed + k_single_timeout;
    bool confirmed = false;
    while (Clock::now() < deadline) {
      if (m_status.snapshot().confirmed_total > before) {
        confirmed = true;
        break;
      }
      std::this_thread::sleep_for(k_single_poll);
    }
    if (!confirmed) {
      result.error = "single event " + std::to_string(i + 1) + " not confirmed within " +
                     std::to_string(k_single_timeout.count()) + " s";
      break;
    }
    result.commit_to_confirmed_ms.push_back(ms_between(committed, Clock::now()));
    const auto timing = m_timed.timing(m_timed.last_batch_id());
    if (timing && timing->acked && timing->sent >= committed) {
      result.send_to_ack_ms.push_back(ms_between(timing->sent, *timing->acked));
      if (timing->delivered) {
        result.send_to_delivered_ms.push_back(ms_between(timing->sent, *timing->delivered));
      }
    }
  }
  return result;
}

void DrainSession::stop() {
  if (m_stopped) {
    return;
  }
  m_stopped = true;
  m_timed.stop();
  m_drainer.stop();
}

}  // namespace kiosk::bench

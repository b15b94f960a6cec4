#include "timed_transport.hpp"

#include "proc_stats.hpp"

namespace kiosk::bench {

void TimedTransport::start(sync::TransportListener& listener) {
  m_outer = &listener;
  m_inner.start(*this);
}

bool TimedTransport::send(const sync::OutgoingBatch& batch) {
  // Stamped before the hand-over: the transport may deliver (and even get the ack) before send() returns.
  const auto now = Clock::now();
  {
    std::lock_guard lock(m_mutex);
    m_sender_tid = current_tid();
    m_timings[batch.batch_id] =
        BatchTiming{now, std::nullopt, std::nullopt, batch.events.size(), batch.payload.size()};
  }
  const bool taken = m_inner.send(batch);
  std::lock_guard lock(m_mutex);
  if (taken) {
    m_last_batch_id = batch.batch_id;
  } else {
    m_timings.erase(batch.batch_id);
  }
  return taken;
}

std::map<std::string, BatchTiming> TimedTransport::timings() const {
  std::lock_guard lock(m_mutex);
  return m_timings;
}

std::optional<BatchTiming> TimedTransport::timing(const std::string& batch_id) const {
  std::lock_guard lock(m_mutex);
  const auto found = m_timings.find(batch_id);
  if (found == m_timings.end()) {
    return std::nullopt;
  }
  return found->second;
}

std::string TimedTransport::last_batch_id() const {
  std::lock_guard lock(m_mutex);
  return m_last_batch_id;
}

pid_t TimedTransport::sender_tid() const {
  std::lock_guard lock(m_mutex);
  return m_sender_tid;
}

void TimedTransport::clear() {
  std::lock_guard lock(m_mutex);
  m_timings.clear();
}

void TimedTransport::on_connected() {
  m_outer->on_connected();
}

void TimedTransport::on_disconnected(std::string reason) {
  m_outer->on_disconnected(std::move(reason));
}

void TimedTransport::on_delivered(std::string batch_id) {
  {
    std::lock_guard lock(m_mutex);
    if (auto found = m_timings.find(batch_id); found != m_timings.end() && !found->second.delivered) {
      found->second.delivered = Clock::now();
    }
  }
  m_outer->on_delivered(std::move(batch_id));
}

void TimedTransport::on_send_failed(std::string batch_id, std::string reason) {
  m_outer->on_send_failed(std::move(batch_id), std::move(reason));
}

void TimedTransport::on_ack(sync::AckSummary ack) {
  {
    std::lock_guard lock(m_mutex);
    if (auto found = m_timings.find(ack.batch_id); found != m_timings.end() && !found->second.acked) {
      found->second.acked = Clock::now();
    }
  }
  m_outer->on_ack(std::move(ack));
}

void TimedTransport::on_resend(sync::ResendRequest request) {
  m_outer->on_resend(request);
}

}  // namespace kiosk::bench

#pragma once
// A Transport that wraps the real one and timestamps each batch on its way: handed over by the drainer
// (send), acknowledged by the broker or the HTTP 2xx (delivered) and acknowledged by head office after its
// commit (ack). Everything is forwarded unchanged, so the drainer and the real transport behave exactly as
// without it; the benchmark reads the timings afterwards. It also records which thread called send() (the
// drainer's) so that thread's CPU time can be read.

#include <sys/types.h>

#include <chrono>
#include <map>
#include <mutex>
#include <optional>
#include <string>

#include "sync/transport.hpp"

namespace kiosk::bench {

using Clock = std::chrono::steady_clock;

struct BatchTiming {
  Clock::time_point sent{};  // drainer handed it to the transport
  std::optional<Clock::time_point> delivered;
  std::optional<Clock::time_point> acked;
  std::size_t events = 0;
  std::size_t payload_bytes = 0;
};

class TimedTransport final : public sync::Transport, private sync::TransportListener {
 public:
  explicit TimedTransport(sync::Transport& inner) : m_inner(inner) {}

  std::string_view name() const override { return m_inner.name(); }
  void start(sync::TransportListener& listener) override;
  void stop() override { m_inner.stop(); }
  bool send(const sync::OutgoingBatch& batch) override;
  bool is_connected() const override { return m_inner.is_connected(); }

  // A copy of the timings so far, by batch id.
  std::map<std::string, BatchTiming> timings() const;
  std::optional<BatchTiming> timing(const std::string& batch_id) const;
  // The batch id of the last accepted send(), empty before the first.
  std::string last_batch_id() const;
  // The thread that called send() last (the drainer's thread); 0 before the first send.
  pid_t sender_tid() const;
  void clear();

 private:
  void on_connected() override;
  void on_disconnected(std::string reason) override;
  void on_delivered(std::string batch_id) override;
  void on_send_failed(std::string batch_id, std::string reason) override;
  void on_ack(sync::AckSummary ack) override;
  void on_resend(sync::ResendRequest request) override;

  sync::Transport& m_inner;
  sync::TransportListener* m_outer = nullptr;
  mutable std::mutex m_mutex;  // guards everything below
  std::map<std::string, BatchTiming> m_timings;
  std::string m_last_batch_id;
  pid_t m_sender_tid = 0;
};

}  // namespace kiosk::bench

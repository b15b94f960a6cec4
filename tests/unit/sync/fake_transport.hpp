#pragma once
// A transport that records what the drainer hands it. Tests play the broker and head office by calling
// the drainer's listener methods themselves; with auto_answer set, send() answers at once (from the
// caller's thread) as a perfect link would.

#include <atomic>
#include <mutex>
#include <string>
#include <vector>

#include "sync/transport.hpp"

namespace kiosk::sync::test_support {

class FakeTransport final : public Transport {
 public:
  std::string_view name() const override { return "fake"; }
  void start(TransportListener& listener) override { m_listener = &listener; }
  void stop() override { m_listener = nullptr; }
  bool send(const OutgoingBatch& batch) override {
    if (!accept) {
      return false;
    }
    {
      std::lock_guard lock(m_mutex);
      m_sent.push_back(batch);
    }
    if (auto_answer && m_listener != nullptr) {
      m_listener->on_delivered(batch.batch_id);
      AckSummary ack;
      ack.batch_id = batch.batch_id;
      for (const auto& event : batch.events) {
        ack.ranges.push_back(SeqRange{event.seq, event.seq});
      }
      m_listener->on_ack(ack);
    }
    return true;
  }
  bool is_connected() const override { return true; }
  TransportListener* listener() const { return m_listener; }

  std::vector<OutgoingBatch> sent() const {
    std::lock_guard lock(m_mutex);
    return m_sent;
  }
  void clear() {
    std::lock_guard lock(m_mutex);
    m_sent.clear();
  }

  std::atomic<bool> accept{true};
  std::atomic<bool> auto_answer{false};

 private:
  TransportListener* m_listener = nullptr;
  mutable std::mutex m_mutex;
  std::vector<OutgoingBatch> m_sent;
};

}  // namespace kiosk::sync::test_support

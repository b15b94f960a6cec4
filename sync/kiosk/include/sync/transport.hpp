#pragma once
// How batches leave the kiosk and head office's answers come back. The drainer owns delivery state; a
// transport only moves bytes: it never stores batches on disk, never retries one by itself and never
// drops one silently - every batch it accepts ends in exactly one on_delivered or on_send_failed (or the
// transport stops).
//
// Threads: transports call the listener from their own threads. Listener methods must return quickly and
// must not call back into the transport (the drainer only queues the news for its own thread).

#include <string>
#include <string_view>

#include "sync/messages.hpp"

namespace kiosk::sync {

class TransportListener {
 public:
  virtual ~TransportListener() = default;
  // Ready to take batches (MQTT: connected and subscribed; HTTPS: not backing off).
  virtual void on_connected() = 0;
  // Not ready. Batches the drainer had in flight will get no head-office ack on this link.
  virtual void on_disconnected(std::string reason) = 0;
  // The broker acknowledged the publish (PUBACK) or head office answered 2xx.
  virtual void on_delivered(std::string batch_id) = 0;
  // The batch did not get through; its rows are still to be sent.
  virtual void on_send_failed(std::string batch_id, std::string reason) = 0;
  // Head office committed (part of) a batch.
  virtual void on_ack(AckSummary ack) = 0;
  // Head office asks for a seq range again.
  virtual void on_resend(ResendRequest request) = 0;
};

class Transport {
 public:
  virtual ~Transport() = default;
  virtual std::string_view name() const = 0;
  // Starts connecting in the background and returns at once. Call once; `listener` must outlive stop().
  virtual void start(TransportListener& listener) = 0;
  // Disconnects and joins the transport's threads within a bounded time. After it returns the listener is
  // never called again. Idempotent.
  virtual void stop() = 0;
  // Hands a batch over for sending. False, with no listener call, when the transport cannot take it now
  // (not connected, or its buffer is full); the drainer then tries again later.
  virtual bool send(const OutgoingBatch& batch) = 0;
  virtual bool is_connected() const = 0;
};

}  // namespace kiosk::sync

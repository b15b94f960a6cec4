#pragma once
// HTTPS transport: POST {base_url}/v1/events with the Batch document, gzip-compressed, Idempotency-Key =
// batch id, over mutual TLS (libcurl). A 2xx answer is the transport ack; its body is head office's Ack.
//
// Guarantees:
// - One request at a time, at most `queue_limit` batches waiting; send() refuses beyond that or while
//   backing off. A batch that fails is reported with on_send_failed (never retried here: the drainer
//   builds the next batch from the rows still pending), together with every batch queued behind it.
// - Failures and what follows them:
//     429 / 503 with Retry-After (seconds or an HTTP-date; CURLINFO_RETRY_AFTER): wait that long, clamped
//       to max_retry_after (without the header: as a server error);
//     5xx, other HTTP errors, timeouts, refused connections: full-jitter exponential backoff (retry);
//     trust failures - the server's certificate does not verify (wrong CA, wrong host name, expired) or
//       its key matches neither pin, or our own certificate is unusable: trust_failure_backoff (long),
//       and SyncStatus.trust_alarm is raised until a request succeeds.
//   While waiting the listener hears on_disconnected; on_connected when batches are taken again.
// - The host name is always verified; with pinned_public_keys set, the server key must match one of
//   them (current and next, so a key rotation needs no kiosk update).
// - Timeouts: connect_timeout to connect, total_timeout per request, and a transfer slower than
//   low_speed_bytes_per_second for low_speed_time is abandoned. stop() aborts a request in progress.

#include <atomic>
#include <chrono>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "sync/backoff.hpp"
#include "sync/sync_status.hpp"
#include "sync/transport.hpp"

namespace kiosk::sync {

struct HttpsConfig {
  std::string base_url;  // "https://ingest.bank.example:8443" (no trailing slash)
  std::string kiosk_id;
  std::filesystem::path ca_file;
  std::filesystem::path cert_file;
  std::filesystem::path key_file;
  // libcurl pins: "sha256//<base64 of the SHA-256 of the server's SubjectPublicKeyInfo>", current and next.
  // Empty: no pinning (CA and host name still checked).
  std::vector<std::string> pinned_public_keys;
  // libcurl CURLOPT_RESOLVE entries "host:port:address" (sites without DNS for head office; tests).
  std::vector<std::string> resolve;
  std::size_t queue_limit = 16;
  std::chrono::milliseconds connect_timeout{10'000};
  std::chrono::milliseconds total_timeout{30'000};
  long low_speed_bytes_per_second = 100;
  std::chrono::seconds low_speed_time{15};
  BackoffPolicy retry{std::chrono::milliseconds{1'000}, std::chrono::milliseconds{300'000}};
  std::chrono::milliseconds trust_failure_backoff{900'000};
  std::chrono::seconds max_retry_after{600};
  bool gzip = true;
};

// How a request ended, for logs and the choice of wait (exposed for tests).
enum class HttpsOutcome { delivered, retry_after, transient, trust_failure };

class HttpsTransport final : public Transport {
 public:
  // Throws std::runtime_error if libcurl cannot be initialised.
  HttpsTransport(HttpsConfig config, SyncStatus& status);
  ~HttpsTransport() override;
  HttpsTransport(const HttpsTransport&) = delete;
  HttpsTransport& operator=(const HttpsTransport&) = delete;

  std::string_view name() const override { return "https"; }
  void start(TransportListener& listener) override;
  void stop() override;
  bool send(const OutgoingBatch& batch) override;
  bool is_connected() const override { return m_ready.load(); }

 private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
  std::atomic<bool> m_ready{false};
};

// gzip (RFC 1952) of `data`; empty on a zlib failure.
std::string gzip_compress(std::string_view data);

}  // namespace kiosk::sync

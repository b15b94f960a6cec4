#pragma once
// The HTTPS side of the receiver (cpp-httplib SSLServer, mutual TLS with the kiosks' CA):
//   POST /v1/events           a gzip or plain Batch; Idempotency-Key must be the batch_id. 200 + Ack after
//                             commit (a replay gets the first Ack); 422 same key other body; 403 identity
//                             does not match the registry; 400 unreadable; 429/503 + Retry-After when busy.
//   GET /v1/bundles/{kind}?scope=S   the latest SignedBundle for S ("all", the kiosk's branch or the kiosk
//                             itself); ETag / If-None-Match -> 304.
//   GET /v1/complaint-status?kiosk=K&after=CURSOR   the kiosk's own complaint status changes only.
// The kiosk identity is the CN of the verified client certificate. TCP_NODELAY is set on accepted sockets
// (cpp-httplib defaults to Nagle: measured 23 vs 636 req/s).

#include <atomic>
#include <memory>
#include <string>
#include <thread>

#include "headoffice/service.hpp"

namespace kiosk::headoffice {

struct HttpsOptions {
  std::string host = "127.0.0.1";
  int port = 0;  // 0: pick a free port (see HttpsReceiver::port())
  TlsFiles tls;
  int max_in_flight = 32;  // concurrent POSTs beyond this get 429
};

class HttpsReceiver {
 public:
  HttpsReceiver(IngestService& service, HttpsOptions options);
  ~HttpsReceiver();
  HttpsReceiver(const HttpsReceiver&) = delete;
  HttpsReceiver& operator=(const HttpsReceiver&) = delete;

  // Loads certificates, binds and starts serving on a thread. Returns an error message, empty on success.
  std::string start();
  void stop();
  int port() const { return m_port; }

 private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
  int m_port = 0;
  std::thread m_thread;
};

}  // namespace kiosk::headoffice

#pragma once
// The baselines the drain is reported beside, run against the same broker and the same head-office
// receiver in the same process run:
// - mosquitto_pub --repeat N -q 1 with the kiosk's certificate (one message per event, or one per batch),
//   with a mosquitto_sub (head-office certificate, QoS 1) draining the topic, as head office would.
// - a libcurl loop posting the drainer's own batch documents (same batch bounds, gzip, Idempotency-Key)
//   one after another on one kept-alive connection, waiting for each 200 + Ack: the HTTPS transport's
//   floor with none of the kiosk's outbox bookkeeping.

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include "store/store.hpp"

namespace kiosk::bench {

struct PubBaseline {
  bool ok = false;
  std::string error;
  std::size_t messages = 0;
  std::size_t payload_bytes = 0;
  double publish_seconds = 0;  // mosquitto_pub start to exit (every PUBACK received)
  double consume_seconds = 0;  // the same start to mosquitto_sub having received every message
};

struct PubSetup {
  std::string host = "127.0.0.1";
  int port = 0;
  std::filesystem::path pki_dir;
  std::string kiosk_cert = "kiosk-01";  // file stem in pki_dir; the broker's ACL uses its CN
  std::string topic;
  std::filesystem::path work_dir;  // logs
  std::filesystem::path broker_log;
  std::chrono::seconds timeout{600};
};

// Publishes `payload` `count` times (mosquitto_pub --repeat) while a mosquitto_sub consumes them. `tag`
// names this run's client ids and logs (unique per run against one broker).
PubBaseline run_mosquitto_pub(const PubSetup& setup, const std::string& tag, const std::string& payload,
                              std::size_t count);

struct PreparedBatch {
  std::string batch_id;
  std::string gzip_body;
  std::size_t events = 0;
};

// Every pending row of `store` packed into batches exactly as the drainer packs them (build_batch with
// the drainer's default bounds), serialized and gzip-compressed. Not timed.
std::vector<PreparedBatch> prepare_batches(store::Store& store, const std::string& kiosk,
                                           const std::string& branch);

struct CurlSetup {
  std::string base_url;  // https://localhost:PORT
  std::string resolve;   // "localhost:PORT:127.0.0.1"
  std::filesystem::path pki_dir;
  std::string kiosk_cert = "kiosk-01";
};

struct CurlBaseline {
  bool ok = false;
  std::string error;
  std::size_t requests = 0;
  std::size_t events = 0;
  std::size_t new_connections = 0;  // TLS connections opened (the receiver closes idle or used-up ones)
  double seconds = 0;
  std::vector<double> request_ms;
};

CurlBaseline run_curl_loop(const CurlSetup& setup, const std::vector<PreparedBatch>& batches);

}  // namespace kiosk::bench

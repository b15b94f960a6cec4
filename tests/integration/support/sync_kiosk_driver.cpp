// sync_kiosk_driver: one kiosk's sync side as its own process, so integration tests can kill -9 it at any
// moment. It opens (or creates) a kiosk store, optionally appends events the way the app does (a few per
// transaction), and runs the real OutboxDrainer over MqttTransport, HttpsTransport or FallbackTransport
// against the test PKI until the outbox holds no unconfirmed row, or a timeout.
//
// Output (stdout, one whole line per write(2), so a kill -9 never leaves half a line):
//   committed <event id>     after the transaction holding that event committed (durable)
//   appended <n>             all requested events are committed
//   active <mqtt|https|>     the fallback policy switched paths (only with --policy fallback)
//   drained confirmed=<n>    every row is confirmed; exit 0
//   timeout pending=<n> sent=<n> quarantined=<n>   exit 3
//   quarantined=<n>          drained, but some rows were quarantined; exit 4
// Bad arguments or an unusable store exit 2 with a message on stderr.
//
// Test-only: the PII key is a fixed test key, and nothing here is meant for a real kiosk.
#include <fmt/format.h>
#include <unistd.h>
#include <CLI/CLI.hpp>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <thread>

#include "domain/event.hpp"
#include "store/database.hpp"
#include "store/outbox.hpp"
#include "store/pii_cipher.hpp"
#include "store/store.hpp"
#include "store/transaction.hpp"
#include "sync/fallback_transport.hpp"
#include "sync/https_transport.hpp"
#include "sync/mqtt_transport.hpp"
#include "sync/outbox_drainer.hpp"
#include "sync/sync_status.hpp"

namespace kiosk::test {
namespace {

using namespace std::chrono_literals;

struct Options {
  std::filesystem::path db;
  std::string kiosk;
  std::string branch;
  std::filesystem::path pki;
  int append = 0;
  int per_tx = 5;
  int append_pause_ms = 0;
  int sealed_every = 0;     // every n-th event is a sealed complaint event (0: none)
  int telemetry_every = 0;  // every n-th event is telemetry (0: none)
  std::int64_t clock_offset_s = 0;
  std::string policy = "mqtt";
  std::string mqtt_uri;
  std::string https_url;
  int mqtt_down_ms = 1'000;
  int ack_timeout_ms = 5'000;
  int https_timeout_ms = 5'000;
  int timeout_s = 120;
  bool drain = true;
};

// Lines go out in one write(2) each: a kill -9 between two lines loses at most the later one, never half.
void emit(const std::string& line) {
  const std::string text = line + "\n";
  std::size_t done = 0;
  while (done < text.size()) {
    const auto written = ::write(1, text.data() + done, text.size() - done);
    if (written <= 0) {
      return;
    }
    done += static_cast<std::size_t>(written);
  }
}

// A fixed key: the driver's sealed events must open in a later run of the driver on the same file.
store::PiiCipher::Key test_key() {
  store::PiiCipher::Key key{};
  for (std::size_t i = 0; i < key.size(); ++i) {
    key[i] = static_cast<std::byte>(0x5A ^ i);
  }
  return key;
}

struct EventKind {
  std::string_view type;
  bool sealed = false;
};

EventKind kind_of(const Options& options, int n) {
  if (options.sealed_every > 0 && n % options.sealed_every == 0) {
    return {"complaint.filed", true};
  }
  if (options.telemetry_every > 0 && n % options.telemetry_every == 1) {
    return {"device.heartbeat", false};
  }
  return {"ticket.issued", false};
}

// Appends options.append events, per_tx in each transaction, and reports each id once it is durable.
void append_events(const Options& options, store::Store& kiosk_store, const store::PiiCipher& cipher,
                   sync::OutboxDrainer* drainer) {
  const auto offset = std::chrono::seconds(options.clock_offset_s);
  int n = 0;
  while (n < options.append) {
    std::vector<std::string> ids;
    store::Transaction tx(kiosk_store.database());
    for (int i = 0; i < options.per_tx && n < options.append; ++i, ++n) {
      const auto now = std::chrono::system_clock::now() + offset;
      const EventKind kind = kind_of(options, n);
      domain::EventRecord event;
      event.id = kiosk_store.new_event_id(now);
      event.type = std::string(kind.type);
      event.at = std::chrono::floor<std::chrono::milliseconds>(now);
      event.data_json = fmt::format(R"({{"n":{},"kiosk":"{}"}})", n, options.kiosk);
      kiosk_store.outbox().append(tx, event, kind.sealed ? &cipher : nullptr);
      ids.push_back(event.id);
    }
    tx.commit();
    for (const auto& id : ids) {
      emit("committed " + id);
    }
    if (drainer != nullptr) {
      drainer->wake();
    }
    if (options.append_pause_ms > 0) {
      std::this_thread::sleep_for(std::chrono::milliseconds(options.append_pause_ms));
    }
  }
  emit(fmt::format("appended {}", options.append));
}

sync::MqttConfig mqtt_config(const Options& options) {
  sync::MqttConfig config;
  config.server_uri = options.mqtt_uri;
  config.kiosk_id = options.kiosk;
  config.branch_id = options.branch;
  config.ca_file = options.pki / "ca.crt";
  config.cert_file = options.pki / (options.kiosk + ".crt");
  config.key_file = options.pki / (options.kiosk + ".key");
  config.window = 16;
  config.connect_timeout = 5s;
  config.keep_alive = 5s;
  config.reconnect = sync::BackoffPolicy{100ms, 1'000ms};
  config.software_version = "e2e-driver";
  return config;
}

sync::HttpsConfig https_config(const Options& options) {
  sync::HttpsConfig config;
  config.base_url = options.https_url;
  config.kiosk_id = options.kiosk;
  config.ca_file = options.pki / "ca.crt";
  config.cert_file = options.pki / (options.kiosk + ".crt");
  config.key_file = options.pki / (options.kiosk + ".key");
  config.queue_limit = 16;
  config.connect_timeout = 3'000ms;
  config.total_timeout = std::chrono::milliseconds(options.https_timeout_ms);
  config.retry = sync::BackoffPolicy{50ms, 1'000ms};
  config.trust_failure_backoff = 5'000ms;
  config.max_retry_after = 10s;
  return config;
}

struct Outcome {
  bool drained = false;
  store::OutboxCounts counts;
};

// Waits until the appends are done and nothing is pending or sent, printing fallback path switches. Reads
// on its own connection: the appending thread owns the store's.
Outcome wait_for_drain(const std::filesystem::path& db_file, const std::atomic<bool>& appended,
                       sync::FallbackTransport* fallback, std::chrono::steady_clock::time_point deadline) {
  store::Database reader(db_file, store::OpenMode::read_only);
  const store::Outbox outbox(reader);
  std::optional<std::string> active;
  Outcome outcome;
  while (std::chrono::steady_clock::now() < deadline) {
    if (fallback != nullptr) {
      const std::string now_active = fallback->active();
      if (now_active != active) {
        active = now_active;
        emit("active " + now_active);
      }
    }
    const bool appends_done = appended.load();
    outcome.counts = outbox.counts_by_state();
    if (appends_done && outcome.counts.pending == 0 && outcome.counts.sent == 0) {
      outcome.drained = true;
      return outcome;
    }
    std::this_thread::sleep_for(50ms);
  }
  return outcome;
}

int run(const Options& options) {
  store::OpenReport report;
  auto kiosk_store = store::Store::open(options.db, report);
  if (!kiosk_store) {
    std::fprintf(stderr, "sync_kiosk_driver: store %s unusable: %s\n", options.db.c_str(),
                 report.message.c_str());
    return 2;
  }
  const store::PiiCipher cipher(test_key());
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(options.timeout_s);
  if (!options.drain) {
    append_events(options, *kiosk_store, cipher, nullptr);
    return 0;
  }

  sync::SyncStatus status;
  std::unique_ptr<sync::MqttTransport> mqtt;
  std::unique_ptr<sync::HttpsTransport> https;
  std::unique_ptr<sync::FallbackTransport> fallback;
  sync::Transport* transport = nullptr;
  if (options.policy == "mqtt" || options.policy == "fallback") {
    mqtt = std::make_unique<sync::MqttTransport>(mqtt_config(options), status);
    transport = mqtt.get();
  }
  if (options.policy == "https" || options.policy == "fallback") {
    https = std::make_unique<sync::HttpsTransport>(https_config(options), status);
    transport = https.get();
  }
  if (options.policy == "fallback") {
    sync::FallbackConfig config;
    config.mqtt_down_for = std::chrono::milliseconds(options.mqtt_down_ms);
    config.check_interval = 100ms;
    fallback = std::make_unique<sync::FallbackTransport>(*mqtt, *https, status, config);
    transport = fallback.get();
  }

  sync::DrainerConfig config;
  config.database = options.db;
  config.kiosk_id = options.kiosk;
  config.branch_id = options.branch;
  config.window = 16;
  config.linger = 20ms;
  config.poll_interval = 200ms;
  config.ack_timeout = std::chrono::milliseconds(options.ack_timeout_ms);
  config.cipher = &cipher;
  sync::OutboxDrainer drainer(config, *transport, status);
  transport->start(drainer);
  drainer.start();

  // Appends run beside the drain, as customers keep tapping while the kiosk syncs.
  std::atomic<bool> appended{false};
  std::string append_error;
  std::thread appender([&] {
    try {
      append_events(options, *kiosk_store, cipher, &drainer);
    } catch (const std::exception& error) {
      append_error = error.what();
    }
    appended = true;
  });
  const Outcome outcome = wait_for_drain(options.db, appended, fallback.get(), deadline);
  appender.join();

  transport->stop();
  drainer.stop();
  if (!append_error.empty()) {
    std::fprintf(stderr, "sync_kiosk_driver: append failed: %s\n", append_error.c_str());
    return 5;
  }
  const auto& counts = outcome.counts;
  if (!outcome.drained) {
    emit(fmt::format("timeout pending={} sent={} quarantined={}", counts.pending, counts.sent,
                     counts.quarantined));
    return 3;
  }
  if (counts.quarantined > 0) {
    emit(fmt::format("quarantined={}", counts.quarantined));
    return 4;
  }
  emit(fmt::format("drained confirmed={}", counts.confirmed));
  return 0;
}

}  // namespace
}  // namespace kiosk::test

int main(int argc, char** argv) {
  kiosk::test::Options options;
  bool no_drain = false;
  CLI::App app{"A kiosk's sync side as a process, for integration tests"};
  // Tests give common options first and a case's own after them: the last one wins.
  app.option_defaults()->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
  app.add_option("--db", options.db, "kiosk store file (created if missing)")->required();
  app.add_option("--kiosk", options.kiosk, "kiosk id = certificate file stem in --pki")->required();
  app.add_option("--branch", options.branch, "branch id")->required();
  app.add_option("--pki", options.pki, "scripts/dev-pki.sh directory")->required();
  app.add_option("--append", options.append, "events to append before/while draining")
      ->check(CLI::NonNegativeNumber);
  app.add_option("--per-tx", options.per_tx, "events per transaction")->check(CLI::PositiveNumber);
  app.add_option("--append-pause-ms", options.append_pause_ms, "pause after each transaction");
  app.add_option("--sealed-every", options.sealed_every, "every n-th event is a sealed complaint");
  app.add_option("--telemetry-every", options.telemetry_every, "every n-th event is telemetry");
  app.add_option("--clock-offset-s", options.clock_offset_s, "how wrong the kiosk clock is (seconds)");
  app.add_option("--policy", options.policy, "mqtt, https or fallback")
      ->check(CLI::IsMember({"mqtt", "https", "fallback"}));
  app.add_option("--mqtt", options.mqtt_uri, "broker URI");
  app.add_option("--https", options.https_url, "head office base URL");
  app.add_option("--mqtt-down-ms", options.mqtt_down_ms, "fallback: MQTT down this long -> HTTPS");
  app.add_option("--ack-timeout-ms", options.ack_timeout_ms, "drainer ack timeout");
  app.add_option("--https-timeout-ms", options.https_timeout_ms, "HTTPS total timeout per request");
  app.add_option("--timeout-s", options.timeout_s, "give up (exit 3) after this long");
  app.add_flag("--no-drain", no_drain, "only append, do not run sync");
  CLI11_PARSE(app, argc, argv);
  options.drain = !no_drain;
  if (options.drain && (options.policy != "https") && options.mqtt_uri.empty()) {
    std::fprintf(stderr, "sync_kiosk_driver: --policy %s needs --mqtt\n", options.policy.c_str());
    return 2;
  }
  if (options.drain && (options.policy != "mqtt") && options.https_url.empty()) {
    std::fprintf(stderr, "sync_kiosk_driver: --policy %s needs --https\n", options.policy.c_str());
    return 2;
  }
  try {
    return kiosk::test::run(options);
  } catch (const std::exception& error) {
    std::fprintf(stderr, "sync_kiosk_driver: %s\n", error.what());
    return 5;
  }
}

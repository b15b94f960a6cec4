// Issue 5's sync benchmarks, end to end on loopback with the development PKI, in one run:
//   1. a backlog of EVENTS realistic events drained by the real OutboxDrainer + MqttTransport (mTLS) to a
//      real mosquitto and headoffice-ingest serve, timed to the last head-office confirmation, with the
//      kiosk process's RSS growth; then SINGLES single events on the idle link (ack latency);
//   2. baseline: mosquitto_pub --repeat EVENTS -q 1 with the kiosk certificate against the same broker
//      (one message per event), and --repeat BATCHES with one message per batch (for information);
//   3. the same backlog over OutboxDrainer + HttpsTransport to the same receiver, then SINGLES singles;
//   4. baseline: a libcurl loop posting the same batch documents one after another (see baselines.hpp).
// Prints a markdown table (docs/benchmarks.md, "Sync (issue 5)"); progress goes to stderr.
//
//   bench_sync_drain [--events N] [--singles N] [--timeout S] [--no-mqtt] [--no-https] [--no-baselines]
//                    [--broker-nodelay] [--strict] [--out FILE]
// An experiment, off by default (the default run measures the code as it is):
// --broker-nodelay  the broker gets mosquitto's set_tcp_nodelay true, which scripts/broker.sh does not set;
// (The former --outbox-indexes experiment is schema v4 now: every run has those indexes.)
//
// Exit status: 0 when everything was measured (targets missed or not), 1 when a part failed (or, with
// --strict, a target was missed), 2 on bad arguments.
#include <curl/curl.h>
#include <fmt/format.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <iostream>
#include <memory>
#include <optional>
#include <type_traits>

#include "baselines.hpp"
#include "bench_services.hpp"
#include "drain_session.hpp"
#include "event_fill.hpp"
#include "proc_stats.hpp"
#include "store/store.hpp"
#include "sync/event_priority.hpp"
#include "sync/https_transport.hpp"
#include "sync/mqtt_transport.hpp"
#include "sync/protocol/batch.hpp"
#include "sync/protocol/envelope.hpp"
#include "sync/protocol/topics.hpp"
#include "temp_dir.hpp"

namespace kiosk::bench {
namespace {

constexpr const char* k_kiosk = "kiosk-01";
constexpr const char* k_branch = "br-001";
constexpr double k_target_events_per_second = 20'000.0;
constexpr double k_target_memory_mib = 20.0;
constexpr double k_target_ack_p99_ms = 50.0;
constexpr auto k_single_gap = std::chrono::milliseconds(50);

struct Options {
  std::size_t events = 100'000;
  std::size_t singles = 200;
  std::chrono::seconds timeout{600};
  bool mqtt = true;
  bool https = true;
  bool baselines = true;
  bool strict = false;
  bool broker_nodelay = false;
  std::string out_file;
};

void say(const std::string& text) {
  fmt::print(stderr, "bench_sync_drain: {}\n", text);
}

std::optional<Options> parse_options(int argc, char** argv) {
  Options options;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    auto number = [&](auto& target) {
      if (i + 1 >= argc) {
        return false;
      }
      try {
        const long long value = std::stoll(argv[++i]);
        if (value < 1) {
          return false;
        }
        target = static_cast<std::remove_reference_t<decltype(target)>>(value);
        return true;
      } catch (const std::exception&) {
        return false;
      }
    };
    long long seconds = 0;
    bool ok = true;
    if (arg == "--events") {
      ok = number(options.events);
    } else if (arg == "--singles") {
      ok = number(options.singles);
    } else if (arg == "--timeout") {
      ok = number(seconds);
      options.timeout = std::chrono::seconds(seconds);
    } else if (arg == "--no-mqtt") {
      options.mqtt = false;
    } else if (arg == "--no-https") {
      options.https = false;
    } else if (arg == "--no-baselines") {
      options.baselines = false;
    } else if (arg == "--strict") {
      options.strict = true;
    } else if (arg == "--broker-nodelay") {
      options.broker_nodelay = true;
    } else if (arg == "--out" && i + 1 < argc) {
      options.out_file = argv[++i];
    } else {
      ok = false;
    }
    if (!ok) {
      fmt::print(stderr,
                 "bench_sync_drain: bad argument '{}' (see the comment at the top of drain_bench.cpp)\n",
                 arg);
      return std::nullopt;
    }
  }
  return options;
}

// ---- formatting ----------------------------------------------------------------------------------------

std::string seconds_text(double s) {
  return fmt::format("{:.2f} s", s);
}
std::string rate_text(std::size_t events, double s) {
  return s > 0 ? fmt::format("{:.0f}", static_cast<double>(events) / s) : "n/a";
}
std::string mib_text(long kb) {
  return kb < 0 ? "n/a" : fmt::format("{:.1f} MiB", static_cast<double>(kb) / 1024.0);
}
std::string ms_text(double ms) {
  return std::isnan(ms) ? "n/a" : fmt::format("{:.1f} ms", ms);
}
std::string verdict(bool met) {
  return met ? "met" : "**NOT met**";
}
std::string ratio_text(double numerator, double denominator) {
  return denominator > 0 && numerator > 0 ? fmt::format("{:.2f}x", numerator / denominator) : "n/a";
}

// ---- the scenarios -------------------------------------------------------------------------------------

struct Rig {
  const Options& options;
  test::TempDir& work;
  std::filesystem::path pki;
  BenchBroker& broker;
  BenchHeadOffice& head_office;
};

struct TransportRun {
  std::string name;  // "MQTT" or "HTTPS"
  FillResult fill;
  DrainResult drain;
  SinglesResult singles;
  long long stored = -1;  // events in the central database afterwards
  std::string error;
};

// A fresh kiosk store with `events` pending events.
std::unique_ptr<store::Store> filled_store(const std::filesystem::path& file, std::size_t events,
                                           std::uint64_t seed, FillResult& fill) {
  store::OpenReport report;
  auto store = store::Store::open(file, report);
  if (!store) {
    throw std::runtime_error("kiosk store did not open: " + report.message);
  }
  EventFiller filler(seed);
  fill = filler.fill(*store, events);
  return store;
}

sync::DrainerConfig drainer_config(const std::filesystem::path& database) {
  // The drainer's defaults are what the kiosk runs with: window 16, batches of 50 events / 16,000 bytes,
  // linger 250 ms, ack timeout 60 s.
  sync::DrainerConfig config;
  config.database = database;
  config.kiosk_id = k_kiosk;
  config.branch_id = k_branch;
  return config;
}

// Fill, start head office, drain, singles, stop: the same steps for either transport. `make_transport`
// builds the transport once head office is up (it needs its port).
TransportRun run_transport(
    Rig& rig, const std::string& name, std::uint64_t seed,
    const std::function<std::unique_ptr<sync::Transport>(sync::SyncStatus&)>& make_transport,
    bool uses_broker) {
  TransportRun run;
  run.name = name;
  const auto db_file = rig.work / ("kiosk-" + name + ".db");
  try {
    say(fmt::format("{}: filling a kiosk store with {} events", name, rig.options.events));
    auto store = filled_store(db_file, rig.options.events, seed, run.fill);
    say(fmt::format("{}: filled in {:.1f} s, mean envelope {:.0f} bytes; starting head office", name,
                    run.fill.seconds, run.fill.mean_envelope_bytes));
    rig.head_office.start(name, rig.broker.uri(), k_kiosk, k_branch);
    sync::SyncStatus status;
    auto transport = make_transport(status);
    DrainSession session(*transport, drainer_config(db_file), status);
    if (auto error = session.connect(std::chrono::seconds(30)); !error.empty()) {
      throw std::runtime_error(error);
    }
    say(fmt::format("{}: connected; draining", name));
    run.drain = session.drain(rig.options.events,
                              OtherProcesses{rig.head_office.pid(), uses_broker ? rig.broker.pid() : 0},
                              rig.options.timeout);
    say(fmt::format("{}: drain {} in {:.2f} s; {} single events", name, run.drain.ok ? "done" : "FAILED",
                    run.drain.seconds, rig.options.singles));
    if (run.drain.ok) {
      EventFiller single_filler(seed + 1);
      run.singles = session.singles(*store, single_filler, rig.options.singles, k_single_gap);
    }
    session.stop();
    run.stored = rig.head_office.stored_events();
    if (!run.drain.ok) {
      run.error = run.drain.error;
    } else if (!run.singles.error.empty()) {
      run.error = run.singles.error;
    } else if (run.stored != static_cast<long long>(rig.options.events + run.singles.attempted)) {
      run.error = fmt::format("head office stored {} events, expected {}", run.stored,
                              rig.options.events + run.singles.attempted);
    }
  } catch (const std::exception& error) {
    run.error = error.what();
  }
  rig.head_office.stop();
  std::error_code ignored;
  for (const char* suffix : {"", "-wal", "-shm"}) {
    std::filesystem::remove(db_file.string() + suffix, ignored);
  }
  if (!run.error.empty()) {
    say(name + " FAILED: " + run.error + " (head office log: " + rig.head_office.log().string() + ")");
  }
  return run;
}

TransportRun run_mqtt(Rig& rig) {
  return run_transport(
      rig, "MQTT", 11,
      [&](sync::SyncStatus& status) {
        sync::MqttConfig config;
        config.server_uri = rig.broker.uri();
        config.kiosk_id = k_kiosk;
        config.branch_id = k_branch;
        config.ca_file = rig.pki / "ca.crt";
        config.cert_file = rig.pki / "kiosk-01.crt";
        config.key_file = rig.pki / "kiosk-01.key";
        config.software_version = "bench";
        return std::make_unique<sync::MqttTransport>(config, status);
      },
      true);
}

TransportRun run_https(Rig& rig) {
  return run_transport(
      rig, "HTTPS", 22,
      [&](sync::SyncStatus& status) {
        sync::HttpsConfig config;
        config.base_url = rig.head_office.base_url();
        config.kiosk_id = k_kiosk;
        config.ca_file = rig.pki / "ca.crt";
        config.cert_file = rig.pki / "kiosk-01.crt";
        config.key_file = rig.pki / "kiosk-01.key";
        // localhost may resolve to ::1 first; the receiver listens on 127.0.0.1 only.
        config.resolve = {fmt::format("localhost:{}:127.0.0.1", rig.head_office.https_port())};
        return std::make_unique<sync::HttpsTransport>(config, status);
      },
      false);
}

struct Baselines {
  std::optional<PubBaseline> per_event;
  std::optional<PubBaseline> per_batch;
  std::optional<CurlBaseline> curl;
  std::size_t curl_batches = 0;
  std::string curl_error;
};

// A representative payload: one event envelope, or one batch of `events` envelopes.
std::string sample_payload(std::size_t events) {
  test::TempDir dir("sync-bench-sample");
  FillResult fill;
  auto store = filled_store(dir / "sample.db", std::max<std::size_t>(events, 1), 33, fill);
  const auto rows = store->outbox().read_pending(events);
  if (events == 1) {
    return sync::protocol::serialize_envelope(
        sync::protocol::make_envelope(static_cast<std::uint64_t>(rows.at(0).seq), rows.at(0).event));
  }
  sync::protocol::Batch batch;
  batch.kiosk = k_kiosk;
  batch.branch = k_branch;
  batch.boot_id = "01890a5d-ac96-774b-bcce-000000000001";
  batch.batch_id = "01890a5d-ac96-774b-bcce-000000000002";
  for (const auto& row : rows) {
    batch.events.push_back(sync::protocol::make_envelope(static_cast<std::uint64_t>(row.seq), row.event));
  }
  return sync::protocol::serialize_batch(batch);
}

void run_pub_baselines(Rig& rig, Baselines& out, const std::optional<DrainResult>& mqtt_drain) {
  PubSetup setup;
  setup.port = rig.broker.port();
  setup.pki_dir = rig.pki;
  setup.topic = sync::protocol::events_topic(k_branch, k_kiosk);
  setup.work_dir = rig.work.path();
  setup.broker_log = rig.broker.log();
  setup.timeout = rig.options.timeout;
  say(fmt::format("baseline: mosquitto_pub --repeat {} -q 1 (one message per event)", rig.options.events));
  out.per_event = run_mosquitto_pub(setup, "event", sample_payload(1), rig.options.events);
  if (mqtt_drain && mqtt_drain->batches > 0) {
    const auto per_batch = static_cast<std::size_t>(std::lround(mqtt_drain->mean_batch_events));
    say(fmt::format("baseline: mosquitto_pub --repeat {} -q 1 (one message per batch of {} events)",
                    mqtt_drain->batches, per_batch));
    out.per_batch = run_mosquitto_pub(setup, "batch", sample_payload(per_batch), mqtt_drain->batches);
  }
}

void run_curl_baseline(Rig& rig, Baselines& out) {
  const auto db_file = rig.work / "kiosk-curl.db";
  try {
    FillResult fill;
    auto store = filled_store(db_file, rig.options.events, 44, fill);
    const auto batches = prepare_batches(*store, k_kiosk, k_branch);
    out.curl_batches = batches.size();
    rig.head_office.start("curl", rig.broker.uri(), k_kiosk, k_branch);
    say(fmt::format("baseline: libcurl loop, {} batches one after another", batches.size()));
    CurlSetup setup{rig.head_office.base_url(),
                    fmt::format("localhost:{}:127.0.0.1", rig.head_office.https_port()), rig.pki, k_kiosk};
    out.curl = run_curl_loop(setup, batches);
    const auto stored = rig.head_office.stored_events();
    if (out.curl->ok && stored != static_cast<long long>(rig.options.events)) {
      out.curl->ok = false;
      out.curl->error = fmt::format("head office stored {} events, expected {}", stored, rig.options.events);
    }
  } catch (const std::exception& error) {
    out.curl_error = error.what();
  }
  rig.head_office.stop();
  std::error_code ignored;
  for (const char* suffix : {"", "-wal", "-shm"}) {
    std::filesystem::remove(db_file.string() + suffix, ignored);
  }
}

// ---- the report ----------------------------------------------------------------------------------------

struct Verdicts {
  bool all_measured = true;
  bool all_met = true;
  void target(bool met) { all_met = all_met && met; }
};

void throughput_rows(fmt::memory_buffer& out, const TransportRun& run, double baseline_seconds,
                     const std::string& baseline_name, Verdicts& verdicts) {
  if (!run.error.empty() && !run.drain.ok) {
    fmt::format_to(std::back_inserter(out), "| {} drain | failed: {} | | | <= 5 s | **not measured** |\n",
                   run.name, run.error);
    verdicts.all_measured = false;
    verdicts.target(false);
    return;
  }
  // 100,000 events in <= 5 s, judged as a rate so a smaller --events run is judged alike.
  const bool met = static_cast<double>(run.drain.events) / run.drain.seconds >= k_target_events_per_second;
  verdicts.target(met);
  fmt::format_to(std::back_inserter(out),
                 "| **{} drain**: OutboxDrainer + {}Transport to all confirmed by head office | {} | {} | "
                 "{} of {} | <= 5 s (>= 20,000/s) | {} |\n",
                 run.name, run.name == "MQTT" ? "Mqtt" : "Https", seconds_text(run.drain.seconds),
                 rate_text(run.drain.events, run.drain.seconds),
                 ratio_text(run.drain.seconds, baseline_seconds), baseline_name, verdict(met));
}

void pub_row(fmt::memory_buffer& out, const std::string& label, const std::optional<PubBaseline>& pub) {
  if (!pub) {
    return;
  }
  if (!pub->ok) {
    fmt::format_to(std::back_inserter(out), "| {} | failed: {} | | | | |\n", label, pub->error);
    return;
  }
  fmt::format_to(std::back_inserter(out),
                 "| {} ({} messages of {} bytes): last PUBACK | {} | {} msg/s | | | baseline |\n", label,
                 pub->messages, pub->payload_bytes, seconds_text(pub->publish_seconds),
                 rate_text(pub->messages, pub->publish_seconds));
  fmt::format_to(
      std::back_inserter(out),
      "| ... and mosquitto_sub (head-office cert, QoS 1) has them all | {} | {} msg/s | | | baseline |\n",
      seconds_text(pub->consume_seconds), rate_text(pub->messages, pub->consume_seconds));
}

void memory_rows(fmt::memory_buffer& out, const TransportRun& run, Verdicts& verdicts) {
  if (!run.drain.ok) {
    return;
  }
  const auto& d = run.drain;
  const long peak = d.peak_reset ? d.after.hwm_kb : -1;
  const long growth_kb = std::max(peak >= 0 ? peak - d.before.rss_kb : 0L, d.after.rss_kb - d.before.rss_kb);
  const bool met = static_cast<double>(growth_kb) / 1024.0 <= k_target_memory_mib;
  verdicts.target(met);
  fmt::format_to(std::back_inserter(out), "| {} | {} | {} | {} | {} | <= 20 MB | {} |\n", run.name,
                 mib_text(d.before.rss_kb), mib_text(d.after.rss_kb), mib_text(peak), mib_text(growth_kb),
                 verdict(met));
}

void latency_row(fmt::memory_buffer& out, const TransportRun& run, Verdicts& verdicts) {
  if (!run.drain.ok) {
    return;
  }
  const auto& s = run.singles;
  auto spread = [](const std::vector<double>& values) {
    return fmt::format("{} / {} / {}", ms_text(percentile(values, 50)), ms_text(percentile(values, 90)),
                       ms_text(percentile(values, 99)));
  };
  const double link_p99 = percentile(s.send_to_ack_ms, 99);
  const double end_p99 = percentile(s.commit_to_confirmed_ms, 99);
  const bool met = !std::isnan(link_p99) && link_p99 <= k_target_ack_p99_ms;
  verdicts.target(met);
  fmt::format_to(std::back_inserter(out), "| {} | {} | {} | {} | {} | {} | {} |\n", run.name,
                 s.commit_to_confirmed_ms.size(), spread(s.send_to_delivered_ms), spread(s.send_to_ack_ms),
                 spread(s.commit_to_confirmed_ms), verdict(met),
                 verdict(!std::isnan(end_p99) && end_p99 <= k_target_ack_p99_ms));
}

void where_row(fmt::memory_buffer& out, const TransportRun& run) {
  if (!run.drain.ok) {
    return;
  }
  const auto& d = run.drain;
  auto cpu = [](double on_cpu, double waiting) {
    return fmt::format("{:.2f} s / {:.2f} s", on_cpu, waiting);
  };
  fmt::format_to(
      std::back_inserter(out), "| {} | {} | {} | {} | {} | {} | {:.1f} | {:.0f} B | {} | {} / {} | {} |\n",
      run.name, cpu(d.kiosk_cpu_seconds, d.kiosk_wait_seconds),
      cpu(d.drainer_cpu_seconds, d.drainer_wait_seconds),
      cpu(d.headoffice_cpu_seconds, d.headoffice_wait_seconds),
      d.broker_cpu_seconds > 0 ? cpu(d.broker_cpu_seconds, d.broker_wait_seconds) : "-", d.batches,
      d.mean_batch_events, d.mean_payload_bytes, ms_text(d.send_to_delivered_p50_ms),
      ms_text(d.send_to_ack_p50_ms), ms_text(d.send_to_ack_p99_ms), seconds_text(d.first_confirm_seconds));
}

std::string render_report(const Options& options, const std::optional<TransportRun>& mqtt,
                          const std::optional<TransportRun>& https, const Baselines& baselines,
                          const std::string& load_before, Verdicts& verdicts) {
  fmt::memory_buffer out;
  auto line = [&](const std::string& text) { fmt::format_to(std::back_inserter(out), "{}\n", text); };
  const double fill_bytes = mqtt    ? mqtt->fill.mean_envelope_bytes
                            : https ? https->fill.mean_envelope_bytes
                                    : 0;
  if (options.broker_nodelay) {
    line("**Experiment: the broker runs with `set_tcp_nodelay true` (scripts/broker.sh does not set it).**");
    line("");
  }
  line(fmt::format(
      "Sync drain benchmark: {} events (ticket.issued 3 : survey.answered 2, mean envelope {:.0f} "
      "bytes), loopback, mutual TLS. {}. Load average before {}, after {}.",
      options.events, fill_bytes, machine_summary(), load_before, load_average()));
  line("");
  line("| case | time | events/s | drain / baseline | target | result |");
  line("|---|---|---|---|---|---|");
  const double pub_seconds =
      baselines.per_event && baselines.per_event->ok ? baselines.per_event->publish_seconds : 0;
  if (mqtt) {
    throughput_rows(out, *mqtt, pub_seconds, "mosquitto_pub per event", verdicts);
  }
  pub_row(out, "baseline: `mosquitto_pub --repeat N -q 1`, one message per event", baselines.per_event);
  pub_row(out, "for information: `mosquitto_pub --repeat B -q 1`, one message per batch",
          baselines.per_batch);
  const double curl_seconds = baselines.curl && baselines.curl->ok ? baselines.curl->seconds : 0;
  if (https) {
    throughput_rows(out, *https, curl_seconds, "libcurl loop", verdicts);
  }
  if (baselines.curl) {
    const auto& c = *baselines.curl;
    if (c.ok) {
      line(fmt::format(
          "| baseline: libcurl loop, the same {} gzip batch documents, sequential, connection kept while "
          "the receiver keeps it | {} | {} | | | baseline (request p50 {}, p99 {}; {} TLS connections "
          "opened) |",
          c.requests, seconds_text(c.seconds), rate_text(c.events, c.seconds),
          ms_text(percentile(c.request_ms, 50)), ms_text(percentile(c.request_ms, 99)), c.new_connections));
    } else {
      line("| baseline: libcurl loop | failed: " + c.error + " | | | | |");
    }
  } else if (!baselines.curl_error.empty()) {
    line("| baseline: libcurl loop | failed: " + baselines.curl_error + " | | | | |");
  }
  line("");
  line("Kiosk process memory during the drain (VmRSS before and after; VmHWM reset just before the drain):");
  line("");
  line(
      "| drain | RSS before | RSS after | peak during | growth (max of peak and after, minus before) | "
      "target | result |");
  line("|---|---|---|---|---|---|---|");
  for (const auto* run : {mqtt ? &*mqtt : nullptr, https ? &*https : nullptr}) {
    if (run != nullptr) {
      memory_rows(out, *run, verdicts);
    }
  }
  line("");
  line(
      fmt::format("Single events on the idle link ({} events, {} ms apart, each committed by the store's own "
                  "connection and the drainer woken):",
                  options.singles, k_single_gap.count()));
  line("");
  line(
      "| link | n | batch handed to transport -> PUBACK / HTTP 2xx: p50 / p90 / p99 | -> head-office Ack: "
      "p50 / p90 / p99 | commit -> row confirmed (an idle link sends at once, no linger): p50 / p90 / p99 | "
      "target p99 <= 50 ms, link | end to end |");
  line("|---|---|---|---|---|---|---|");
  for (const auto* run : {mqtt ? &*mqtt : nullptr, https ? &*https : nullptr}) {
    if (run != nullptr) {
      latency_row(out, *run, verdicts);
    }
  }
  line("");
  line(
      "Where the drain's time goes: CPU seconds used / seconds runnable but waiting for a CPU (schedstat: "
      "the machine's load) during the drain; per-batch timestamps from a wrapper around the transport:");
  line("");
  line(
      "| drain | kiosk process CPU | drainer thread CPU | head office CPU | broker CPU | batches | "
      "events/batch "
      "| batch bytes | send -> PUBACK/2xx p50 | send -> Ack p50 / p99 | first confirmation at |");
  line("|---|---|---|---|---|---|---|---|---|---|---|");
  for (const auto* run : {mqtt ? &*mqtt : nullptr, https ? &*https : nullptr}) {
    if (run != nullptr) {
      where_row(out, *run);
    }
  }
  for (const auto* run : {mqtt ? &*mqtt : nullptr, https ? &*https : nullptr}) {
    if (run != nullptr && !run->error.empty()) {
      verdicts.all_measured = false;
      line("");
      line(fmt::format("{} problem: {}", run->name, run->error));
    }
  }
  if ((baselines.per_event && !baselines.per_event->ok) || (baselines.curl && !baselines.curl->ok) ||
      !baselines.curl_error.empty()) {
    verdicts.all_measured = false;
  }
  return fmt::to_string(out);
}

int run(const Options& options) {
  curl_global_init(CURL_GLOBAL_DEFAULT);
  const std::string load_before = load_average();
  test::TempDir work("sync-drain-bench");
  const auto pki = work / "pki";
  const std::string pki_command = "bash '" KIOSK_SOURCE_DIR "/scripts/dev-pki.sh' '" + pki.string() +
                                  "' > '" + (work / "dev-pki.log").string() + "' 2>&1";
  if (std::system(pki_command.c_str()) != 0) {
    say("scripts/dev-pki.sh failed:\n" + read_text(work / "dev-pki.log"));
    return 1;
  }
  BenchBroker broker(work / "broker", pki, options.broker_nodelay);
  BenchHeadOffice head_office(HEADOFFICE_INGEST_BIN, work / "headoffice", pki);
  try {
    broker.start();
  } catch (const std::exception& error) {
    say(std::string(error.what()) + ":\n" + read_text(broker.log()));
    return 1;
  }
  Rig rig{options, work, pki, broker, head_office};
  std::optional<TransportRun> mqtt;
  std::optional<TransportRun> https;
  Baselines baselines;
  if (options.mqtt) {
    mqtt = run_mqtt(rig);
  }
  if (options.baselines) {
    run_pub_baselines(rig, baselines, mqtt ? std::optional<DrainResult>(mqtt->drain) : std::nullopt);
  }
  if (options.https) {
    https = run_https(rig);
  }
  if (options.baselines) {
    run_curl_baseline(rig, baselines);
  }
  broker.stop();
  Verdicts verdicts;
  const std::string table = render_report(options, mqtt, https, baselines, load_before, verdicts);
  fmt::print("{}", table);
  std::fflush(stdout);
  if (!options.out_file.empty()) {
    std::ofstream(options.out_file) << table;
  }
  if (!verdicts.all_measured) {
    return 1;
  }
  return options.strict && !verdicts.all_met ? 1 : 0;
}

}  // namespace
}  // namespace kiosk::bench

int main(int argc, char** argv) {
  const auto options = kiosk::bench::parse_options(argc, argv);
  if (!options) {
    return 2;
  }
  return kiosk::bench::run(*options);
}

#include "commands.hpp"

#include <fmt/format.h>
#include <signal.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <thread>

#include "domain/event.hpp"
#include "headoffice/central_db.hpp"
#include "headoffice/downstream.hpp"
#include "headoffice/https_receiver.hpp"
#include "headoffice/mqtt_receiver.hpp"
#include "headoffice/registry.hpp"
#include "headoffice/report.hpp"
#include "store/error.hpp"
#include "sync/protocol/topics.hpp"

namespace kiosk::headoffice::cli {

namespace protocol = sync::protocol;

namespace {

std::optional<std::string> read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return std::nullopt;
  }
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

bool split_listen(const std::string& listen, std::string& host, int& port) {
  auto colon = listen.rfind(':');
  if (colon == std::string::npos || colon == 0) {
    return false;
  }
  host = listen.substr(0, colon);
  try {
    std::size_t used = 0;
    port = std::stoi(listen.substr(colon + 1), &used);
    return used == listen.size() - colon - 1 && port >= 0 && port <= 65535;
  } catch (const std::exception&) {
    return false;
  }
}

std::string now_rfc3339(std::chrono::system_clock::duration offset = {}) {
  return domain::format_rfc3339_utc(
      std::chrono::time_point_cast<std::chrono::milliseconds>(std::chrono::system_clock::now() + offset));
}

// SIGINT/SIGTERM are blocked in every thread and taken by one waiter, so no handler or global is needed.
std::thread stop_on_signal(std::atomic<bool>& stop) {
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  return std::thread([signals, &stop] {
    int received = 0;
    sigwait(&signals, &received);
    spdlog::info("signal {}: stopping", received);
    stop = true;
  });
}

}  // namespace

int serve(const ServeArgs& args) {
  const TlsFiles tls = TlsFiles::in_dir(args.tls_dir);
  if (auto missing = tls.missing(); !missing.empty()) {
    fmt::print(stderr, "serve: TLS file missing: {}\n", missing);
    return 2;
  }
  std::string host;
  int port = 0;
  if (!args.https_listen.empty() && !split_listen(args.https_listen, host, port)) {
    fmt::print(stderr, "serve: --https must be HOST:PORT, got '{}'\n", args.https_listen);
    return 2;
  }
  std::atomic<bool> stop{false};
  std::thread signal_waiter = stop_on_signal(stop);
  signal_waiter.detach();  // blocked in sigwait until the process gets a signal or exits
  try {
    IngestService service(args.db);
    std::unique_ptr<HttpsReceiver> https;
    if (!args.https_listen.empty()) {
      https = std::make_unique<HttpsReceiver>(service, HttpsOptions{host, port, tls});
      if (auto error = https->start(); !error.empty()) {
        fmt::print(stderr, "serve: {}\n", error);
        return 1;
      }
      fmt::print("https listening on {}:{}\n", host, https->port());
      std::fflush(stdout);
    }
    std::unique_ptr<MqttReceiver> mqtt;
    if (!args.mqtt_uri.empty()) {
      const std::string client_id =
          args.client_id.empty() ? fmt::format("headoffice-ingest-{}", ::getpid()) : args.client_id;
      mqtt = std::make_unique<MqttReceiver>(service,
                                            MqttOptions{args.mqtt_uri, client_id, tls, args.reorder_timeout});
      mqtt->start();
      fmt::print("mqtt consuming from {}\n", args.mqtt_uri);
      std::fflush(stdout);
      mqtt->run(stop);
    } else {
      while (!stop) {
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
      }
    }
    if (https) {
      https->stop();
    }
  } catch (const store::StoreError& error) {
    fmt::print(stderr, "serve: database {}: {}\n", args.db.string(), error.what());
    return 1;
  }
  return 0;
}

int report(const std::filesystem::path& db_path, bool json) {
  try {
    auto db = open_central_db_read_only(db_path);
    Report result = build_report(db, std::chrono::system_clock::now());
    fmt::print("{}", json ? report_to_json(result) + "\n" : report_to_text(result));
    return 0;
  } catch (const store::StoreError& error) {
    fmt::print(stderr, "report: database {}: {}\n", db_path.string(), error.what());
    return 1;
  }
}

int register_kiosk(const std::filesystem::path& db_path, const std::string& kiosk,
                   const std::string& branch) {
  try {
    auto db = open_central_db(db_path);
    KioskRegistry(db).register_kiosk(kiosk, branch);
    return 0;
  } catch (const std::exception& error) {
    fmt::print(stderr, "register: {}\n", error.what());
    return 1;
  }
}

int publish(const PublishArgs& args) {
  auto payload_text = read_file(args.file);
  auto key = read_file(args.key);
  if (!payload_text || !key) {
    fmt::print(stderr, "publish: cannot read {}\n", payload_text ? args.key.string() : args.file.string());
    return 2;
  }
  auto payload = nlohmann::json::parse(*payload_text, nullptr, false);
  if (payload.is_discarded()) {
    fmt::print(stderr, "publish: {} is not valid JSON\n", args.file.string());
    return 2;
  }
  try {
    auto db = open_central_db(args.db);
    BundleStore bundles(db);
    protocol::Bundle bundle;
    bundle.kind = args.kind;
    bundle.scope = args.branch.value_or("all");
    bundle.version = bundles.next_version(bundle.kind, bundle.scope);
    bundle.not_before = now_rfc3339();
    bundle.expires = now_rfc3339(std::chrono::hours(24) * args.valid_days);
    bundle.payload = std::move(payload);
    auto signed_bundle = protocol::sign_bundle(bundle, *key);
    if (!signed_bundle) {
      fmt::print(stderr, "publish: {}\n", signed_bundle.error());
      return 2;
    }
    auto pointer = bundles.add(bundle, signed_bundle.value(), std::chrono::system_clock::now());
    if (!pointer) {
      fmt::print(stderr, "publish: {}\n", pointer.error());
      return 1;
    }
    fmt::print("published {} v{} for {} (etag {})\n", bundle.kind, bundle.version, bundle.scope,
               pointer.value().etag);
    if (!args.mqtt_uri.empty()) {
      MqttOptions options{args.mqtt_uri,
                          fmt::format("headoffice-publish-{}", ::getpid()),
                          TlsFiles::in_dir(args.tls_dir),
                          {}};
      auto error =
          publish_retained(options, protocol::bundle_pointer_topic(bundle.scope, bundle.kind),
                           protocol::serialize_bundle_pointer(pointer.value()), std::chrono::seconds(10));
      if (!error.empty()) {
        fmt::print(stderr, "publish: stored, but the MQTT pointer was not published: {}\n", error);
        return 1;
      }
    }
    return 0;
  } catch (const store::StoreError& error) {
    fmt::print(stderr, "publish: database {}: {}\n", args.db.string(), error.what());
    return 1;
  }
}

int complaint_status(const std::filesystem::path& db_path, const std::string& ref, const std::string& status,
                     const std::optional<std::string>& note) {
  try {
    auto db = open_central_db(db_path);
    auto cursor = ComplaintStatusLog(db).append(ref, status, note, std::chrono::system_clock::now());
    if (!cursor) {
      fmt::print(stderr, "complaint-status: {}\n", cursor.error());
      return 1;
    }
    fmt::print("complaint {} -> {} (cursor {})\n", ref, status, cursor.value());
    return 0;
  } catch (const store::StoreError& error) {
    fmt::print(stderr, "complaint-status: database {}: {}\n", db_path.string(), error.what());
    return 1;
  }
}

}  // namespace kiosk::headoffice::cli

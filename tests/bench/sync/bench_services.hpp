#pragma once
// The processes a sync benchmark runs against, all on 127.0.0.1 with the development PKI: mosquitto
// through scripts/broker.sh (TLS, client certificates, ACL, persistence) and headoffice-ingest serve
// (MQTT shared subscription + HTTPS) on a fresh central database. Each start waits a bounded time and
// throws std::runtime_error naming the log to read when the process does not come up.

#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <string>

#include "child_process.hpp"

namespace kiosk::bench {

class BenchBroker {
 public:
  // Config and persistence go to `dir`; the port is picked free. `tcp_nodelay` adds mosquitto's
  // set_tcp_nodelay true to the config broker.sh writes (an experiment: broker.sh does not set it).
  BenchBroker(std::filesystem::path dir, std::filesystem::path pki_dir, bool tcp_nodelay = false);
  void start(std::chrono::milliseconds timeout = std::chrono::seconds(15));
  void stop() { m_process.stop(); }

  int port() const { return m_port; }
  pid_t pid() const { return m_process.pid(); }
  std::string uri() const { return "ssl://localhost:" + std::to_string(m_port); }
  std::filesystem::path log() const { return m_dir / "broker.log"; }

 private:
  std::filesystem::path m_dir;
  std::filesystem::path m_pki;
  int m_port;
  bool m_tcp_nodelay;
  test::ChildProcess m_process;
};

class BenchHeadOffice {
 public:
  // `binary`: headoffice-ingest. The database and log go to `dir`.
  BenchHeadOffice(std::filesystem::path binary, std::filesystem::path dir, std::filesystem::path pki_dir);

  // Creates a fresh database at dir/name.sqlite with `kiosk` registered in `branch`, starts serve against
  // the broker and an HTTPS port, and waits until both sides are up.
  void start(const std::string& name, const std::string& broker_uri, const std::string& kiosk,
             const std::string& branch, std::chrono::milliseconds timeout = std::chrono::seconds(30));
  void stop() { m_process.stop(); }

  int https_port() const { return m_https_port; }
  pid_t pid() const { return m_process.pid(); }
  // https://localhost:PORT (the head-office certificate names localhost and 127.0.0.1).
  std::string base_url() const { return "https://localhost:" + std::to_string(m_https_port); }
  const std::filesystem::path& database() const { return m_db; }
  std::filesystem::path log() const { return m_log; }
  // Events stored in the central database (read on a separate read-only connection).
  long long stored_events() const;

 private:
  std::filesystem::path m_binary;
  std::filesystem::path m_dir;
  std::filesystem::path m_pki;
  std::filesystem::path m_db;
  std::filesystem::path m_log;
  int m_https_port = 0;
  test::ChildProcess m_process;
};

// The whole file, or "" when it cannot be read.
std::string read_text(const std::filesystem::path& path);

}  // namespace kiosk::bench

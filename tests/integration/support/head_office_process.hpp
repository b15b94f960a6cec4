#pragma once
// The real `headoffice-ingest serve` as a child process for tests: a central database with the kiosks
// registered, the receiver on the test broker and a free loopback HTTPS port, and a bounded wait until it
// has subscribed. The test binary must define HEADOFFICE_INGEST_BIN.

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "child_process.hpp"
#include "free_port.hpp"
#include "headoffice/central_db.hpp"
#include "headoffice/registry.hpp"
#include "mosquitto_broker.hpp"
#include "test_pki.hpp"

namespace kiosk::test {

inline std::string read_log(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

class HeadOfficeProcess {
 public:
  // `kiosks`: (certificate CN, branch) pairs for the registry. `extra_args` go after the standard ones.
  HeadOfficeProcess(std::filesystem::path db, std::filesystem::path log,
                    std::vector<std::pair<std::string, std::string>> kiosks,
                    std::vector<std::string> extra_args = {})
      : m_db(std::move(db)),
        m_log(std::move(log)),
        m_kiosks(std::move(kiosks)),
        m_extra(std::move(extra_args)) {}

  // Registers the kiosks (again, harmlessly, on a restart), starts the receiver and waits (bounded) until its
  // HTTPS port accepts and its MQTT subscription is up. Throws with the receiver's log when it does not come
  // up.
  void start(const MosquittoBroker& broker, const TestPki& pki,
             std::chrono::milliseconds timeout = std::chrono::seconds(30)) {
    {
      auto db = headoffice::open_central_db(m_db);
      headoffice::KioskRegistry registry(db);
      for (const auto& [kiosk, branch] : m_kiosks) {
        registry.register_kiosk(kiosk, branch);
      }
    }
    if (m_https_port == 0) {
      m_https_port = free_port();
    }
    std::vector<std::string> argv{HEADOFFICE_INGEST_BIN,
                                  "serve",
                                  "--mqtt",
                                  broker.uri(),
                                  "--https",
                                  "127.0.0.1:" + std::to_string(m_https_port),
                                  "--db",
                                  m_db.string(),
                                  "--tls-dir",
                                  pki.dir().string()};
    argv.insert(argv.end(), m_extra.begin(), m_extra.end());
    // A restart appends to the same log: only what this run writes counts.
    const auto logged_before = read_log(m_log).size();
    m_process.start(argv, m_log);
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < deadline) {
      if (port_accepts(m_https_port) &&
          read_log(m_log).find("mqtt: connected", logged_before) != std::string::npos) {
        return;
      }
      if (m_process.exited()) {
        throw std::runtime_error("headoffice-ingest exited: " + read_log(m_log));
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    throw std::runtime_error("headoffice-ingest did not come up: " + read_log(m_log));
  }

  void stop() { m_process.stop(); }
  void kill9() { m_process.kill9(); }
  int https_port() const { return m_https_port; }
  const std::filesystem::path& db() const { return m_db; }
  const std::filesystem::path& log() const { return m_log; }

 private:
  std::filesystem::path m_db;
  std::filesystem::path m_log;
  std::vector<std::pair<std::string, std::string>> m_kiosks;
  std::vector<std::string> m_extra;
  int m_https_port = 0;
  ChildProcess m_process;
};

}  // namespace kiosk::test

#pragma once
// A real mosquitto for one test, started through scripts/broker.sh (TLS, client certificates, ACL,
// persistence) on a free loopback port with its config in a temp dir. stop() is graceful, kill9() is a
// crash; start() again brings it back on the same port with the same persistence file. Waits are bounded.

#include <chrono>
#include <stdexcept>
#include <string>
#include <thread>

#include "child_process.hpp"
#include "free_port.hpp"
#include "temp_dir.hpp"
#include "test_pki.hpp"

namespace kiosk::test {

class MosquittoBroker {
 public:
  explicit MosquittoBroker(const TestPki& pki) : m_pki(pki), m_dir("kiosk-broker"), m_port(free_port()) {}

  // Starts (or restarts) the broker and waits until it accepts connections. Throws if it does not within
  // `timeout`.
  void start(std::chrono::milliseconds timeout = std::chrono::seconds(10)) {
    m_process.start({"bash", KIOSK_SOURCE_DIR "/scripts/broker.sh", (m_dir / "conf").string(),
                     std::to_string(m_port), m_pki.dir().string()},
                    m_dir / "broker.log");
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < deadline) {
      if (port_accepts(m_port)) {
        return;
      }
      if (m_process.exited()) {
        break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(25));
    }
    throw std::runtime_error("mosquitto did not start on port " + std::to_string(m_port) + "; see " +
                             (m_dir / "broker.log").string());
  }
  void stop() { m_process.stop(); }
  void kill9() { m_process.kill9(); }

  int port() const { return m_port; }
  // ssl://localhost:PORT (the broker certificate names localhost and 127.0.0.1).
  std::string uri() const { return "ssl://localhost:" + std::to_string(m_port); }
  std::filesystem::path log() const { return m_dir / "broker.log"; }

 private:
  const TestPki& m_pki;
  TempDir m_dir;
  int m_port;
  ChildProcess m_process;
};

}  // namespace kiosk::test

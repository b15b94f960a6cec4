#include "bench_services.hpp"

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>
#include <vector>

#include "free_port.hpp"
#include "headoffice/central_db.hpp"
#include "headoffice/registry.hpp"
#include "store/statement.hpp"

namespace kiosk::bench {
namespace {

constexpr auto k_poll = std::chrono::milliseconds(25);

}  // namespace

std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

BenchBroker::BenchBroker(std::filesystem::path dir, std::filesystem::path pki_dir, bool tcp_nodelay)
    : m_dir(std::move(dir)),
      m_pki(std::move(pki_dir)),
      m_port(test::free_port()),
      m_tcp_nodelay(tcp_nodelay) {
  std::filesystem::create_directories(m_dir);
}

void BenchBroker::start(std::chrono::milliseconds timeout) {
  const std::vector<std::string> script = {"bash", KIOSK_SOURCE_DIR "/scripts/broker.sh",
                                           (m_dir / "conf").string(), std::to_string(m_port), m_pki.string()};
  if (m_tcp_nodelay) {
    std::string write_only = "'" + script[1] + "' '" + script[2] + "' '" + script[3] + "' '" + script[4] +
                             "' --write-only >> '" + log().string() + "' 2>&1";
    if (std::system(("bash " + write_only).c_str()) != 0) {
      throw std::runtime_error("scripts/broker.sh --write-only failed; see " + log().string());
    }
    std::ofstream(m_dir / "conf" / "mosquitto.conf", std::ios::app) << "set_tcp_nodelay true\n";
    m_process.start({"mosquitto", "-c", (m_dir / "conf" / "mosquitto.conf").string()}, log());
  } else {
    // broker.sh execs mosquitto, so the child's pid is the broker's (its CPU time is read from /proc).
    m_process.start(script, log());
  }
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    if (test::port_accepts(m_port)) {
      return;
    }
    if (m_process.exited()) {
      break;
    }
    std::this_thread::sleep_for(k_poll);
  }
  throw std::runtime_error("mosquitto did not start on port " + std::to_string(m_port) + "; see " +
                           log().string());
}

BenchHeadOffice::BenchHeadOffice(std::filesystem::path binary, std::filesystem::path dir,
                                 std::filesystem::path pki_dir)
    : m_binary(std::move(binary)), m_dir(std::move(dir)), m_pki(std::move(pki_dir)) {
  std::filesystem::create_directories(m_dir);
}

void BenchHeadOffice::start(const std::string& name, const std::string& broker_uri, const std::string& kiosk,
                            const std::string& branch, std::chrono::milliseconds timeout) {
  m_db = m_dir / (name + ".sqlite");
  m_log = m_dir / (name + ".log");
  {
    auto db = headoffice::open_central_db(m_db);
    headoffice::KioskRegistry(db).register_kiosk(kiosk, branch);
  }
  m_https_port = test::free_port();
  m_process.start({m_binary.string(), "serve", "--mqtt", broker_uri, "--https",
                   "127.0.0.1:" + std::to_string(m_https_port), "--db", m_db.string(), "--tls-dir",
                   m_pki.string(), "--client-id", "bench-" + name},
                  m_log);
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    if (test::port_accepts(m_https_port) && read_text(m_log).find("mqtt: connected") != std::string::npos) {
      // The shared subscription is sent right after the connect callback; give it a moment to settle
      // so the first batches are not published before head office listens.
      std::this_thread::sleep_for(std::chrono::milliseconds(300));
      return;
    }
    if (m_process.exited()) {
      break;
    }
    std::this_thread::sleep_for(k_poll);
  }
  throw std::runtime_error("headoffice-ingest did not come up; see " + m_log.string());
}

long long BenchHeadOffice::stored_events() const {
  auto db = headoffice::open_central_db_read_only(m_db);
  store::Statement query(db, "SELECT COUNT(*) FROM events");
  query.step();
  return query.column_int64(0);
}

}  // namespace kiosk::bench

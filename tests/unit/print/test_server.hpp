#pragma once
// A raw-TCP "printer" on 127.0.0.1 with a free port, for transport and spooler tests. It either reads
// every connection to its end and keeps the bytes (one job per connection), or accepts and never reads
// (a printer that stopped taking paper data). With a status reply set, it answers DLE EOT 4 with that
// byte, as a real printer answers a real-time status query. All waits are bounded.

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace kiosk::test {

class TestPrinterServer {
 public:
  enum class Behaviour { read_all, never_read };

  explicit TestPrinterServer(Behaviour behaviour, std::optional<std::uint8_t> status_reply = std::nullopt);
  ~TestPrinterServer();
  TestPrinterServer(const TestPrinterServer&) = delete;
  TestPrinterServer& operator=(const TestPrinterServer&) = delete;

  std::uint16_t port() const { return m_port; }

  // The bytes of the next connection that ended, or nullopt when none ended within `timeout`.
  std::optional<std::vector<std::byte>> wait_for_job(std::chrono::milliseconds timeout);

  int connections() const;

 private:
  void run();

  Behaviour m_behaviour;
  std::optional<std::uint8_t> m_status_reply;
  int m_listen_fd = -1;
  int m_stop_pipe[2] = {-1, -1};
  std::uint16_t m_port = 0;
  mutable std::mutex m_mutex;
  std::condition_variable m_jobs_changed;
  std::vector<std::vector<std::byte>> m_jobs;
  int m_connections = 0;
  std::thread m_thread;
};

// A loopback port that nothing listens on (bound, then closed), for "connection refused".
std::uint16_t closed_loopback_port();

}  // namespace kiosk::test

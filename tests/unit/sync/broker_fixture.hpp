#pragma once
// A real mosquitto with mutual TLS on a free 127.0.0.1 port, for the sync integration tests. The PKI comes
// from scripts/dev-pki.sh and the broker config from scripts/broker.sh, so tests run the same broker
// setup developers do. Both are made once per test program; the broker is stopped (SIGTERM, then
// SIGKILL) when the object dies.

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>
#include <thread>

#include "temp_dir.hpp"

extern char** environ;

namespace kiosk::sync::test_support {

// A port nobody listens on right now (the kernel picks it).
inline int free_loopback_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  socklen_t len = sizeof(addr);
  if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) != 0 ||
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
    if (fd >= 0) {
      ::close(fd);
    }
    return -1;
  }
  ::close(fd);
  return ntohs(addr.sin_port);
}

inline bool port_accepts(int port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = htons(static_cast<std::uint16_t>(port));
  const bool ok = fd >= 0 && ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) == 0;
  if (fd >= 0) {
    ::close(fd);
  }
  return ok;
}

// The dev PKI in `dir` (scripts/dev-pki.sh); false if the script or openssl is missing or fails.
inline bool make_dev_pki(const std::filesystem::path& dir) {
  const std::string command =
      "bash '" KIOSK_SOURCE_DIR "/scripts/dev-pki.sh' '" + dir.string() + "' >/dev/null 2>&1";
  return std::system(command.c_str()) == 0 && std::filesystem::exists(dir / "ca.crt");
}

class MosquittoBroker {
 public:
  // Starts the broker and waits (at most 10 s) until it accepts connections; ok() says whether it did.
  // port 0: a free one.
  MosquittoBroker(const std::filesystem::path& confdir, const std::filesystem::path& pki, int port = 0) {
    m_port = port > 0 ? port : free_loopback_port();
    if (m_port <= 0) {
      return;
    }
    const std::string script = KIOSK_SOURCE_DIR "/scripts/broker.sh";
    const std::string port_text = std::to_string(m_port);
    const std::string conf = confdir.string();
    const std::string pki_dir = pki.string();
    const std::string log = (confdir.parent_path() / ("broker-" + port_text + ".log")).string();
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 2, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    const char* argv[] = {"bash", script.c_str(), conf.c_str(), port_text.c_str(), pki_dir.c_str(), nullptr};
    const int rc = ::posix_spawnp(&m_pid, "bash", &actions, nullptr, const_cast<char* const*>(argv), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0) {
      m_pid = -1;
      return;
    }
    const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds{10};
    while (std::chrono::steady_clock::now() < give_up) {
      if (port_accepts(m_port)) {
        m_ok = true;
        return;
      }
      int status = 0;
      if (::waitpid(m_pid, &status, WNOHANG) == m_pid) {
        m_pid = -1;  // it exited: bad config or port taken
        return;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds{50});
    }
  }

  ~MosquittoBroker() {
    if (m_pid <= 0) {
      return;
    }
    ::kill(m_pid, SIGTERM);
    for (int i = 0; i < 100; ++i) {
      int status = 0;
      if (::waitpid(m_pid, &status, WNOHANG) == m_pid) {
        return;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds{50});
    }
    ::kill(m_pid, SIGKILL);
    int status = 0;
    ::waitpid(m_pid, &status, 0);
  }

  MosquittoBroker(const MosquittoBroker&) = delete;
  MosquittoBroker& operator=(const MosquittoBroker&) = delete;

  bool ok() const { return m_ok; }
  int port() const { return m_port; }
  std::string uri(const std::string& host = "localhost") const {
    return "ssl://" + host + ":" + std::to_string(m_port);
  }

 private:
  pid_t m_pid = -1;
  int m_port = -1;
  bool m_ok = false;
};

}  // namespace kiosk::sync::test_support

#pragma once
// A byte relay on 127.0.0.1 between clients and one target port, for faults a real network has and a test
// must place exactly: with drop_upstream(true) everything the clients send is read and thrown away (the
// target never hears it) while the target's bytes still reach the clients. TLS passes through untouched
// (the relay never looks inside). One thread polls every socket; the destructor stops it and closes all.

#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <stdexcept>
#include <thread>
#include <vector>

namespace kiosk::test {

class TcpRelay {
 public:
  explicit TcpRelay(int target_port) : m_target_port(target_port) {
    m_listener = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address = loopback(0);
    socklen_t length = sizeof(address);
    if (m_listener < 0 || ::bind(m_listener, reinterpret_cast<sockaddr*>(&address), sizeof(address)) != 0 ||
        ::listen(m_listener, 16) != 0 ||
        ::getsockname(m_listener, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
      if (m_listener >= 0) {
        ::close(m_listener);
      }
      throw std::runtime_error("tcp relay: cannot listen on 127.0.0.1");
    }
    m_port = ntohs(address.sin_port);
    m_thread = std::thread([this] { run(); });
  }

  ~TcpRelay() {
    m_stop = true;
    m_thread.join();
    for (const auto& pair : m_pairs) {
      ::close(pair.client);
      ::close(pair.target);
    }
    ::close(m_listener);
  }

  TcpRelay(const TcpRelay&) = delete;
  TcpRelay& operator=(const TcpRelay&) = delete;

  int port() const { return m_port; }
  // True: client -> target bytes are discarded from now on.
  void drop_upstream(bool drop) { m_drop_upstream = drop; }
  // How many client -> target bytes were discarded so far.
  std::uint64_t dropped_bytes() const { return m_dropped; }

 private:
  struct Pair {
    int client = -1;
    int target = -1;
  };

  static sockaddr_in loopback(int port) {
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    return address;
  }

  void accept_one() {
    const int client = ::accept(m_listener, nullptr, nullptr);
    if (client < 0) {
      return;
    }
    const int target = ::socket(AF_INET, SOCK_STREAM, 0);
    const sockaddr_in address = loopback(m_target_port);
    if (target < 0 || ::connect(target, reinterpret_cast<const sockaddr*>(&address), sizeof(address)) != 0) {
      ::close(client);
      if (target >= 0) {
        ::close(target);
      }
      return;
    }
    m_pairs.push_back(Pair{client, target});
  }

  // Moves what `from` has to `to` (or drops it); false when `from` closed or failed.
  bool pump(int from, int to, bool drop) {
    std::array<char, 16'384> buffer{};
    const auto got = ::recv(from, buffer.data(), buffer.size(), 0);
    if (got <= 0) {
      return false;
    }
    if (drop) {
      m_dropped += static_cast<std::uint64_t>(got);
      return true;
    }
    std::size_t sent = 0;
    while (sent < static_cast<std::size_t>(got)) {
      const auto n = ::send(to, buffer.data() + sent, static_cast<std::size_t>(got) - sent, MSG_NOSIGNAL);
      if (n <= 0) {
        return false;
      }
      sent += static_cast<std::size_t>(n);
    }
    return true;
  }

  void run() {
    while (!m_stop) {
      std::vector<pollfd> fds{{m_listener, POLLIN, 0}};
      for (const auto& pair : m_pairs) {
        fds.push_back({pair.client, POLLIN, 0});
        fds.push_back({pair.target, POLLIN, 0});
      }
      if (::poll(fds.data(), fds.size(), 100) <= 0) {
        continue;
      }
      if ((fds[0].revents & POLLIN) != 0) {
        accept_one();
      }
      std::vector<Pair> alive;
      for (std::size_t i = 0; i < (fds.size() - 1) / 2; ++i) {
        const Pair pair = m_pairs[i];
        bool ok = true;
        if ((fds[1 + 2 * i].revents & (POLLIN | POLLHUP | POLLERR)) != 0) {
          ok = pump(pair.client, pair.target, m_drop_upstream);
        }
        if (ok && (fds[2 + 2 * i].revents & (POLLIN | POLLHUP | POLLERR)) != 0) {
          ok = pump(pair.target, pair.client, false);
        }
        if (ok) {
          alive.push_back(pair);
        } else {
          ::close(pair.client);
          ::close(pair.target);
        }
      }
      // Pairs accepted in this round come after the ones polled.
      alive.insert(alive.end(), m_pairs.begin() + static_cast<std::ptrdiff_t>((fds.size() - 1) / 2),
                   m_pairs.end());
      m_pairs = std::move(alive);
    }
  }

  int m_target_port;
  int m_listener = -1;
  int m_port = 0;
  std::atomic<bool> m_stop{false};
  std::atomic<bool> m_drop_upstream{false};
  std::atomic<std::uint64_t> m_dropped{0};
  std::vector<Pair> m_pairs;  // only the relay thread touches it (and the destructor after the join)
  std::thread m_thread;
};

}  // namespace kiosk::test

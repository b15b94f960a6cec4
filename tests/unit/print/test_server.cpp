#include "test_server.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <stdexcept>
#include <string>

namespace kiosk::test {
namespace {

int listen_on_loopback(std::uint16_t& port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0)
    throw std::runtime_error("socket failed");
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = 0;
  if (::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 || ::listen(fd, 8) != 0) {
    ::close(fd);
    throw std::runtime_error("bind/listen on 127.0.0.1 failed: " + std::to_string(errno));
  }
  socklen_t length = sizeof address;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
  port = ntohs(address.sin_port);
  return fd;
}

}  // namespace

TestPrinterServer::TestPrinterServer(Behaviour behaviour, std::optional<std::uint8_t> status_reply)
    : m_behaviour(behaviour), m_status_reply(status_reply) {
  m_listen_fd = listen_on_loopback(m_port);
  if (behaviour == Behaviour::never_read) {
    // Accepted sockets inherit a small receive buffer, so a sender fills it after little data.
    const int small = 4096;
    ::setsockopt(m_listen_fd, SOL_SOCKET, SO_RCVBUF, &small, sizeof small);
  }
  if (::pipe2(m_stop_pipe, O_CLOEXEC) != 0)
    throw std::runtime_error("pipe2 failed");
  m_thread = std::thread([this] { run(); });
}

TestPrinterServer::~TestPrinterServer() {
  const char stop = 's';
  [[maybe_unused]] const auto written = ::write(m_stop_pipe[1], &stop, 1);
  m_thread.join();
  ::close(m_listen_fd);
  ::close(m_stop_pipe[0]);
  ::close(m_stop_pipe[1]);
}

std::optional<std::vector<std::byte>> TestPrinterServer::wait_for_job(std::chrono::milliseconds timeout) {
  std::unique_lock lock(m_mutex);
  if (!m_jobs_changed.wait_for(lock, timeout, [this] { return !m_jobs.empty(); }))
    return std::nullopt;
  std::vector<std::byte> job = std::move(m_jobs.front());
  m_jobs.erase(m_jobs.begin());
  return job;
}

int TestPrinterServer::connections() const {
  const std::lock_guard lock(m_mutex);
  return m_connections;
}

void TestPrinterServer::run() {
  std::vector<int> held;  // never_read connections, closed at the end
  int connection = -1;
  std::vector<std::byte> bytes;
  bool status_answered = false;
  for (;;) {
    std::array<pollfd, 2> fds{
        {{m_stop_pipe[0], POLLIN, 0}, {connection >= 0 ? connection : m_listen_fd, POLLIN, 0}}};
    if (::poll(fds.data(), fds.size(), 10000) < 0 && errno != EINTR)
      break;
    if ((fds[0].revents & POLLIN) != 0)
      break;
    if ((fds[1].revents & (POLLIN | POLLHUP | POLLERR)) == 0)
      continue;
    if (connection < 0) {
      const int accepted = ::accept4(m_listen_fd, nullptr, nullptr, SOCK_CLOEXEC);
      if (accepted < 0)
        continue;
      {
        const std::lock_guard lock(m_mutex);
        ++m_connections;
      }
      if (m_behaviour == Behaviour::never_read) {
        held.push_back(accepted);
      } else {
        connection = accepted;
        bytes.clear();
        status_answered = false;
      }
      continue;
    }
    std::array<std::byte, 65536> buffer{};
    const ssize_t n = ::recv(connection, buffer.data(), buffer.size(), 0);
    if (n > 0) {
      bytes.insert(bytes.end(), buffer.begin(), buffer.begin() + n);
      if (m_status_reply && !status_answered && bytes.size() >= 3 && bytes[0] == std::byte{0x10} &&
          bytes[1] == std::byte{0x04} && bytes[2] == std::byte{0x04}) {
        status_answered = true;
        const auto reply = *m_status_reply;
        ::send(connection, &reply, 1, MSG_NOSIGNAL);
      }
      continue;
    }
    ::close(connection);
    connection = -1;
    {
      const std::lock_guard lock(m_mutex);
      m_jobs.push_back(std::move(bytes));
    }
    bytes.clear();
    m_jobs_changed.notify_all();
  }
  if (connection >= 0)
    ::close(connection);
  for (const int fd : held)
    ::close(fd);
}

std::uint16_t closed_loopback_port() {
  std::uint16_t port = 0;
  const int fd = listen_on_loopback(port);
  ::close(fd);
  return port;
}

}  // namespace kiosk::test

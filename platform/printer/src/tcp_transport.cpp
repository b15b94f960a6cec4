#include "printer/tcp_transport.hpp"

#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <memory>

#include <fmt/format.h>

#include "posix_io.hpp"

namespace kiosk::printer {
namespace {

using detail::Clock;
using detail::UniqueFd;

// DLE EOT 4: transmit roll paper sensor status (Epson ESC/POS real-time command).
constexpr std::array<std::byte, 3> kPaperStatusQuery{std::byte{0x10}, std::byte{0x04}, std::byte{0x04}};
// A status byte always has bit 1 and bit 4 set and bits 0 and 7 clear.
constexpr unsigned kStatusFixedMask = 0x93U;
constexpr unsigned kStatusFixedBits = 0x12U;
constexpr unsigned kPaperEndBits = 0x60U;

struct ConnectResult {
  UniqueFd fd;
  SendResult failure;  // meaningful when !fd.valid()
};

PrinterFault connect_fault(int error) {
  switch (error) {
    case ECONNREFUSED:
      return PrinterFault::unavailable;
    case EHOSTUNREACH:
    case ENETUNREACH:
    case EHOSTDOWN:
    case ETIMEDOUT:
      return PrinterFault::offline;
    default:
      return PrinterFault::io_error;
  }
}

// Tries each resolved address in turn until one connects or the deadline passes.
ConnectResult connect_with_deadline(const std::string& host, std::uint16_t port, Clock::time_point deadline,
                                    const std::string& who) {
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_NUMERICSERV | AI_ADDRCONFIG;
  addrinfo* found = nullptr;
  const std::string service = std::to_string(port);
  if (const int error = ::getaddrinfo(host.c_str(), service.c_str(), &hints, &found); error != 0) {
    return {{},
            SendResult::failure(PrinterFault::unavailable,
                                fmt::format("{}: cannot resolve host: {}", who, ::gai_strerror(error)))};
  }
  const std::unique_ptr<addrinfo, decltype(&::freeaddrinfo)> addresses(found, &::freeaddrinfo);

  SendResult last = SendResult::failure(PrinterFault::unavailable, fmt::format("{}: no address", who));
  for (const addrinfo* address = found; address != nullptr; address = address->ai_next) {
    UniqueFd fd(::socket(address->ai_family, address->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC,
                         address->ai_protocol));
    if (!fd.valid()) {
      last = SendResult::failure(PrinterFault::io_error,
                                 fmt::format("{}: socket: {}", who, detail::errno_text(errno)));
      continue;
    }
    int error = 0;
    if (::connect(fd.get(), address->ai_addr, address->ai_addrlen) != 0) {
      error = errno;
      if (error == EINPROGRESS) {
        const auto waited = detail::wait_for(fd.get(), POLLOUT, deadline);
        if (waited == detail::WaitResult::timed_out) {
          return {{},
                  SendResult::failure(PrinterFault::offline,
                                      fmt::format("{}: no answer to connect before the timeout", who))};
        }
        socklen_t length = sizeof error;
        if (waited == detail::WaitResult::failed) {
          error = errno;
        } else if (::getsockopt(fd.get(), SOL_SOCKET, SO_ERROR, &error, &length) != 0) {
          error = errno;
        }
      }
    }
    if (error == 0) {
      // Jobs are written in one go; Nagle would only delay the tail of the job.
      const int one = 1;
      ::setsockopt(fd.get(), IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
      return {std::move(fd), {}};
    }
    last = SendResult::failure(connect_fault(error),
                               fmt::format("{}: connect: {}", who, detail::errno_text(error)));
  }
  return {{}, std::move(last)};
}

constexpr std::chrono::milliseconds kLingerForClose{1000};

void drain_until_closed(int fd, Clock::time_point deadline) {
  std::array<char, 256> sink{};
  while (detail::wait_for(fd, POLLIN, deadline) == detail::WaitResult::ready) {
    const ssize_t n = ::recv(fd, sink.data(), sink.size(), MSG_DONTWAIT);
    if (n == 0 || (n < 0 && errno != EAGAIN && errno != EINTR))
      return;
  }
}

enum class PaperState { present, out, unknown };

PaperState query_paper(int fd, Clock::time_point deadline) {
  if (detail::write_all(fd, kPaperStatusQuery, deadline, true).written != kPaperStatusQuery.size()) {
    return PaperState::unknown;
  }
  if (detail::wait_for(fd, POLLIN, deadline) != detail::WaitResult::ready)
    return PaperState::unknown;
  unsigned char status = 0;
  if (::recv(fd, &status, 1, MSG_DONTWAIT) != 1)
    return PaperState::unknown;
  if ((status & kStatusFixedMask) != kStatusFixedBits)
    return PaperState::unknown;
  return (status & kPaperEndBits) != 0 ? PaperState::out : PaperState::present;
}

}  // namespace

TcpTransport::TcpTransport(std::string host, std::uint16_t port, TcpTransportOptions options)
    : m_host(std::move(host)), m_port(port), m_options(options) {}

std::string TcpTransport::describe() const {
  const bool ipv6 = m_host.find(':') != std::string::npos;
  return ipv6 ? fmt::format("tcp printer [{}]:{}", m_host, m_port)
              : fmt::format("tcp printer {}:{}", m_host, m_port);
}

SendResult TcpTransport::send(std::span<const std::byte> job, std::chrono::milliseconds timeout) {
  const auto deadline = Clock::now() + timeout;
  const std::string who = describe();
  ConnectResult connected = connect_with_deadline(m_host, m_port, deadline, who);
  if (!connected.fd.valid())
    return std::move(connected.failure);
  const int fd = connected.fd.get();

  if (m_options.query_paper_status) {
    const auto status_deadline = std::min(deadline, Clock::now() + m_options.status_timeout);
    if (query_paper(fd, status_deadline) == PaperState::out) {
      return SendResult::failure(PrinterFault::paper_out, fmt::format("{}: out of paper", who));
    }
  }

  const auto written = detail::write_all(fd, job, deadline, true);
  if (written.timed_out) {
    return SendResult::failure(PrinterFault::timeout,
                               fmt::format("{}: stopped reading after {} of {} bytes ({} ms)", who,
                                           written.written, job.size(), timeout.count()));
  }
  if (written.error != 0) {
    return SendResult::failure(PrinterFault::io_error,
                               fmt::format("{}: send: {}", who, detail::errno_text(written.error)));
  }
  // Tell the printer the job is complete, then read until it closes too: closing a socket that still
  // has unread input (a status byte, Epson ASB data) sends RST, which can discard the job's tail.
  ::shutdown(fd, SHUT_WR);
  drain_until_closed(fd, std::min(deadline, Clock::now() + kLingerForClose));
  return SendResult::success();
}

}  // namespace kiosk::printer

#include "posix_io.hpp"

#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <climits>

namespace kiosk::printer::detail {
namespace {

// Blocks SIGPIPE for this thread while alive; if a write raised one meanwhile, it is consumed before the
// old mask comes back (otherwise unblocking would deliver it and terminate the process).
class SigpipeGuard {
 public:
  SigpipeGuard() {
    sigemptyset(&m_pipe);
    sigaddset(&m_pipe, SIGPIPE);
    sigset_t pending;
    sigemptyset(&pending);
    sigpending(&pending);
    m_was_pending = sigismember(&pending, SIGPIPE) == 1;
    pthread_sigmask(SIG_BLOCK, &m_pipe, &m_old);
  }
  ~SigpipeGuard() {
    if (!m_was_pending) {
      const timespec zero{0, 0};
      while (sigtimedwait(&m_pipe, nullptr, &zero) == SIGPIPE) {
      }
    }
    pthread_sigmask(SIG_SETMASK, &m_old, nullptr);
  }
  SigpipeGuard(const SigpipeGuard&) = delete;
  SigpipeGuard& operator=(const SigpipeGuard&) = delete;

 private:
  sigset_t m_pipe{};
  sigset_t m_old{};
  bool m_was_pending = false;
};

}  // namespace

UniqueFd::~UniqueFd() {
  if (m_fd >= 0) {
    ::close(m_fd);
  }
}

UniqueFd& UniqueFd::operator=(UniqueFd&& other) noexcept {
  if (this != &other) {
    if (m_fd >= 0) {
      ::close(m_fd);
    }
    m_fd = other.release();
  }
  return *this;
}

int UniqueFd::close_now() {
  if (m_fd < 0)
    return 0;
  const int result = ::close(release());
  return result == 0 ? 0 : errno;
}

int remaining_ms(Clock::time_point deadline) {
  const auto left = std::chrono::ceil<std::chrono::milliseconds>(deadline - Clock::now()).count();
  return static_cast<int>(std::clamp<long long>(left, 0, INT_MAX));
}

std::string errno_text(int error) {
  char buffer[256] = {};
  // GNU strerror_r returns the message, which may or may not live in `buffer`.
  return ::strerror_r(error, buffer, sizeof buffer);
}

WaitResult wait_for(int fd, short events, Clock::time_point deadline) {
  for (;;) {
    pollfd entry{fd, events, 0};
    const int ready = ::poll(&entry, 1, remaining_ms(deadline));
    if (ready > 0)
      return WaitResult::ready;
    if (ready == 0)
      return WaitResult::timed_out;
    if (errno != EINTR)
      return WaitResult::failed;
  }
}

WriteResult write_all(int fd, std::span<const std::byte> data, Clock::time_point deadline, bool is_socket) {
  WriteResult result;
  SigpipeGuard guard;
  while (result.written < data.size()) {
    const auto* begin = data.data() + result.written;
    const std::size_t size = data.size() - result.written;
    const ssize_t n = is_socket ? ::send(fd, begin, size, MSG_NOSIGNAL) : ::write(fd, begin, size);
    if (n > 0) {
      result.written += static_cast<std::size_t>(n);
      continue;
    }
    if (n < 0 && errno == EINTR)
      continue;
    if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK) {
      result.error = errno;
      return result;
    }
    // The fd is full (or wrote nothing): wait for room, but never past the deadline.
    const WaitResult waited = wait_for(fd, POLLOUT, deadline);
    if (waited == WaitResult::timed_out) {
      result.timed_out = true;
      return result;
    }
    if (waited == WaitResult::failed) {
      result.error = errno;
      return result;
    }
  }
  return result;
}

}  // namespace kiosk::printer::detail

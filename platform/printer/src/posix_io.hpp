#pragma once
// Small POSIX helpers shared by the transports: an owned file descriptor, a deadline, and a write loop
// that waits with poll() instead of blocking so that every transport honours its timeout.

#include <chrono>
#include <cstddef>
#include <span>
#include <string>

namespace kiosk::printer::detail {

class UniqueFd {
 public:
  UniqueFd() = default;
  explicit UniqueFd(int fd) : m_fd(fd) {}
  ~UniqueFd();
  UniqueFd(UniqueFd&& other) noexcept : m_fd(other.release()) {}
  UniqueFd& operator=(UniqueFd&& other) noexcept;
  UniqueFd(const UniqueFd&) = delete;
  UniqueFd& operator=(const UniqueFd&) = delete;

  int get() const { return m_fd; }
  bool valid() const { return m_fd >= 0; }
  int release() {
    const int fd = m_fd;
    m_fd = -1;
    return fd;
  }
  // Closes now and returns close()'s errno (0 on success): a deferred write error can surface here.
  int close_now();

 private:
  int m_fd = -1;
};

using Clock = std::chrono::steady_clock;

// Milliseconds left until `deadline`, clamped to [0, INT_MAX] for poll().
int remaining_ms(Clock::time_point deadline);

// "No such file or directory" for an errno value (thread-safe strerror).
std::string errno_text(int error);

enum class WaitResult { ready, timed_out, failed };

// Waits until `fd` is ready for `events` (POLLIN/POLLOUT) or the deadline passes. On failed, errno is set.
WaitResult wait_for(int fd, short events, Clock::time_point deadline);

struct WriteResult {
  std::size_t written = 0;
  int error = 0;           // errno of the failing write; 0 when all was written or the deadline passed
  bool timed_out = false;  // the fd stopped taking data before the deadline
};

// Writes all of `data` to the non-blocking `fd`, waiting for POLLOUT between partial writes. Uses
// send(MSG_NOSIGNAL) on sockets; for other fds SIGPIPE is blocked on this thread around write() and a
// pending one is consumed, so a reader going away is reported as EPIPE rather than killing the kiosk.
WriteResult write_all(int fd, std::span<const std::byte> data, Clock::time_point deadline, bool is_socket);

}  // namespace kiosk::printer::detail

#pragma once
// A child process for integration tests: fork/exec with stdout/stderr to files, graceful stop (SIGTERM),
// kill -9, and bounded waits. Never leaves a child running: the destructor kills what is still alive.

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace kiosk::test {

class ChildProcess {
 public:
  ChildProcess() = default;
  ~ChildProcess() { kill9(); }
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  // Starts argv[0] with the arguments; output goes to `log` (appended).
  void start(const std::vector<std::string>& argv, const std::filesystem::path& log) {
    if (running()) {
      throw std::logic_error("process already running");
    }
    std::vector<char*> args;
    for (const auto& arg : argv) {
      args.push_back(const_cast<char*>(arg.c_str()));
    }
    args.push_back(nullptr);
    pid_t pid = ::fork();
    if (pid < 0) {
      throw std::runtime_error("fork failed");
    }
    if (pid == 0) {
      int fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
      if (fd >= 0) {
        ::dup2(fd, 1);
        ::dup2(fd, 2);
      }
      ::execvp(args[0], args.data());
      ::_exit(127);
    }
    m_pid = pid;
  }

  bool running() const { return m_pid > 0; }
  pid_t pid() const { return m_pid; }

  // True if it has exited (reaped) by now.
  bool exited() {
    if (m_pid <= 0) {
      return true;
    }
    int status = 0;
    if (::waitpid(m_pid, &status, WNOHANG) == m_pid) {
      m_pid = -1;
      return true;
    }
    return false;
  }

  // SIGTERM, then SIGKILL if it has not exited within `grace`.
  void stop(std::chrono::milliseconds grace = std::chrono::seconds(5)) {
    if (m_pid <= 0) {
      return;
    }
    ::kill(m_pid, SIGTERM);
    if (!wait_exit(grace)) {
      kill9();
    }
  }

  void kill9() {
    if (m_pid <= 0) {
      return;
    }
    ::kill(m_pid, SIGKILL);
    int status = 0;
    ::waitpid(m_pid, &status, 0);
    m_pid = -1;
  }

  bool wait_exit(std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < deadline) {
      if (exited()) {
        return true;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return exited();
  }

 private:
  pid_t m_pid = -1;
};

}  // namespace kiosk::test

#include "proc_stats.hpp"

#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <sstream>
#include <thread>

namespace kiosk::bench {
namespace {

long status_field_kb(const std::string& text, const std::string& key) {
  std::istringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) {
    if (line.rfind(key, 0) == 0) {
      try {
        return std::stol(line.substr(key.size()));
      } catch (const std::exception&) {
        return -1;
      }
    }
  }
  return -1;
}

// Fields 14 and 15 of a stat line (utime, stime in clock ticks). The command name in field 2 may hold
// spaces and parentheses, so counting starts after its last ')'.
std::optional<double> stat_cpu_seconds(const std::string& path) {
  std::ifstream in(path);
  std::string line;
  if (!std::getline(in, line)) {
    return std::nullopt;
  }
  const auto close = line.rfind(')');
  if (close == std::string::npos) {
    return std::nullopt;
  }
  std::istringstream fields(line.substr(close + 2));
  std::string field;
  double ticks = 0;
  // After ')' the fields start at 3 (state); utime is 14, stime 15.
  for (int index = 3; index <= 15 && fields >> field; ++index) {
    if (index >= 14) {
      try {
        ticks += std::stod(field);
      } catch (const std::exception&) {
        return std::nullopt;
      }
    }
  }
  const long hz = ::sysconf(_SC_CLK_TCK);
  return hz > 0 ? std::optional<double>(ticks / static_cast<double>(hz)) : std::nullopt;
}

std::string read_all(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::optional<SchedTime> read_schedstat(const std::filesystem::path& path) {
  std::ifstream in(path);
  double on_cpu_ns = 0;
  double waiting_ns = 0;
  if (!(in >> on_cpu_ns >> waiting_ns)) {
    return std::nullopt;
  }
  return SchedTime{on_cpu_ns / 1e9, waiting_ns / 1e9};
}

}  // namespace

MemoryStatus read_memory_status() {
  const std::string text = read_all("/proc/self/status");
  return {status_field_kb(text, "VmRSS:"), status_field_kb(text, "VmHWM:")};
}

bool reset_peak_rss() {
  std::ofstream out("/proc/self/clear_refs");
  out << "5";
  out.flush();
  return static_cast<bool>(out);
}

std::optional<double> process_cpu_seconds(pid_t pid) {
  return stat_cpu_seconds("/proc/" + std::to_string(pid) + "/stat");
}

std::optional<double> thread_cpu_seconds(pid_t tid) {
  return stat_cpu_seconds("/proc/self/task/" + std::to_string(tid) + "/stat");
}

std::optional<SchedTime> process_sched_time(pid_t pid) {
  std::error_code error;
  std::filesystem::directory_iterator tasks("/proc/" + std::to_string(pid) + "/task", error);
  if (error) {
    return std::nullopt;
  }
  SchedTime total;
  for (const auto& task : tasks) {
    if (const auto one = read_schedstat(task.path() / "schedstat")) {
      total.on_cpu_seconds += one->on_cpu_seconds;
      total.waiting_seconds += one->waiting_seconds;
    }
  }
  return total;
}

std::optional<SchedTime> thread_sched_time(pid_t tid) {
  return read_schedstat("/proc/self/task/" + std::to_string(tid) + "/schedstat");
}

pid_t current_tid() {
  return static_cast<pid_t>(::syscall(SYS_gettid));
}

double percentile(std::vector<double> values, double p) {
  if (values.empty()) {
    return std::numeric_limits<double>::quiet_NaN();
  }
  std::sort(values.begin(), values.end());
  const double rank = std::ceil(p / 100.0 * static_cast<double>(values.size()));
  const auto index = static_cast<std::size_t>(std::clamp(rank, 1.0, static_cast<double>(values.size()))) - 1;
  return values[index];
}

std::string load_average() {
  std::istringstream text(read_all("/proc/loadavg"));
  std::string one;
  std::string five;
  std::string fifteen;
  if (!(text >> one >> five >> fifteen)) {
    return "?";
  }
  return one + " " + five + " " + fifteen;
}

std::string machine_summary() {
  std::istringstream lines(read_all("/proc/cpuinfo"));
  std::string line;
  std::string model = "unknown CPU";
  while (std::getline(lines, line)) {
    if (line.rfind("model name", 0) == 0) {
      const auto colon = line.find(':');
      if (colon != std::string::npos && colon + 2 <= line.size()) {
        model = line.substr(colon + 2);
      }
      break;
    }
  }
  return model + ", " + std::to_string(std::thread::hardware_concurrency()) + " CPUs";
}

}  // namespace kiosk::bench

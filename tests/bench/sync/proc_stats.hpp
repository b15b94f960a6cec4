#pragma once
// What the sync benchmarks read about processes and threads, from /proc (Linux only), and the statistics
// they print. Nothing here throws: a value that cannot be read is reported as missing (nullopt or -1).

#include <sys/types.h>

#include <optional>
#include <string>
#include <vector>

namespace kiosk::bench {

struct MemoryStatus {
  long rss_kb = -1;  // VmRSS: resident now
  long hwm_kb = -1;  // VmHWM: the peak resident size since start or since reset_peak_rss()
};

// VmRSS and VmHWM of this process.
MemoryStatus read_memory_status();

// Resets VmHWM to the current RSS (writes "5" to /proc/self/clear_refs, Linux >= 4.0), so the next
// read_memory_status().hwm_kb is the peak since now. False if the kernel refused.
bool reset_peak_rss();

// user + system CPU seconds of a process (/proc/PID/stat), or of one thread of this process
// (/proc/self/task/TID/stat).
std::optional<double> process_cpu_seconds(pid_t pid);
std::optional<double> thread_cpu_seconds(pid_t tid);

// Scheduler accounting (/proc/.../schedstat): time on a CPU and time runnable but waiting for one. On a
// loaded machine the waiting part is what the load added to the wall time.
struct SchedTime {
  double on_cpu_seconds = 0;
  double waiting_seconds = 0;
};
// Summed over the threads a process has now (threads that already exited are not counted).
std::optional<SchedTime> process_sched_time(pid_t pid);
// One thread of this process.
std::optional<SchedTime> thread_sched_time(pid_t tid);

// The calling thread's kernel id (what /proc/self/task lists).
pid_t current_tid();

// Nearest-rank percentile (p in (0, 100]); NaN when `values` is empty.
double percentile(std::vector<double> values, double p);

// "1.23 1.10 0.98" from /proc/loadavg; "?" when unreadable.
std::string load_average();

// The CPU model name from /proc/cpuinfo and the online CPU count, for the report.
std::string machine_summary();

}  // namespace kiosk::bench

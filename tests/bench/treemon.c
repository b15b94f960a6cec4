// treemon: runs one command and measures it as a whole process tree, for scripts/bench.sh.
//
//   treemon [--interval-ms 20] [--watch FILE] [--mark TEXT]... [--pss] [--linger-ms 3000]
//           [--out RESULT] -- COMMAND [ARGS...]
//
// It makes itself a child subreaper, starts COMMAND in a new process group and, every interval,
// sums the resident set (and, with --pss, the proportional set) of every process in that group or
// below it in the process tree (orphans come back to treemon, so a daemonising helper still counts).
// --watch FILE records when FILE is closed after writing (inotify), i.e. "output written".
// --mark TEXT reads COMMAND's standard output and records the time and the tree's CPU time at the
// first line that contains TEXT (up to 4 marks; use `stdbuf -oL` for programs that buffer).
// SIGTERM/SIGINT/SIGHUP (e.g. from `timeout 60 treemon ...`) kill the whole tree; the result is
// still written, with timed_out=1, and treemon exits 124.
//
// The result is key=value lines (times in ms from just before fork, sizes in KiB):
//   status wall_ms tree_ms png_ms peak_rss_kb peak_pss_kb maxrss_kb max_procs samples cpu_ms (the tree's
//   user+sys) self_cpu_ms (treemon's own, the sampling overhead) timed_out markN_ms markN_cpu_ms
//   markN_rss_kb window_peak_rss_kb (between mark 0 and mark 1)
#define _GNU_SOURCE
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/signalfd.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

enum { k_max_procs = 8192, k_max_marks = 4 };

typedef struct {
  int pid;
  int ppid;
  int pgrp;
  long rss_pages;
  unsigned long long cpu_ticks;  // utime + stime + cutime + cstime
} Proc;

static Proc g_procs[k_max_procs];
static int g_member[k_max_procs];
static int g_nprocs;
static int g_self;
static int g_child_pgid;
static int g_with_pss;
static long g_page_kb;
static long g_ticks_per_s;

static double now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int read_small_file(const char* path, char* buffer, size_t size) {
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return -1;
  ssize_t got = read(fd, buffer, size - 1);
  close(fd);
  if (got <= 0)
    return -1;
  buffer[got] = '\0';
  return (int)got;
}

static int parse_stat(int pid, Proc* proc) {
  char path[64];
  char buffer[1024];
  snprintf(path, sizeof path, "/proc/%d/stat", pid);
  if (read_small_file(path, buffer, sizeof buffer) < 0)
    return -1;
  char* close_paren = strrchr(buffer, ')');
  if (!close_paren)
    return -1;
  // Fields after the command name, counting "state" as field 3 of proc(5).
  char* cursor = close_paren + 2;
  unsigned long long field[25] = {0};
  for (int index = 3; index <= 24 && *cursor; ++index) {
    if (index == 3) {
      ++cursor;  // state letter
    } else {
      field[index] = strtoull(cursor, &cursor, 10);
    }
    while (*cursor == ' ')
      ++cursor;
  }
  proc->pid = pid;
  proc->ppid = (int)field[4];
  proc->pgrp = (int)field[5];
  proc->cpu_ticks = field[14] + field[15] + field[16] + field[17];
  proc->rss_pages = (long)field[24];
  return 0;
}

static long read_pss_kb(int pid) {
  char path[64];
  char buffer[4096];
  snprintf(path, sizeof path, "/proc/%d/smaps_rollup", pid);
  if (read_small_file(path, buffer, sizeof buffer) < 0)
    return 0;
  char* line = strstr(buffer, "\nPss:");
  return line ? strtol(line + 5, NULL, 10) : 0;
}

static int find_proc(int pid) {
  for (int index = 0; index < g_nprocs; ++index) {
    if (g_procs[index].pid == pid)
      return index;
  }
  return -1;
}

typedef struct {
  long rss_kb;
  long pss_kb;
  int count;
  unsigned long long cpu_ticks;
} Sample;

// Processes known not to belong to the tree: everything that existed before the fork, and every process
// seen since that was neither in the child's group nor below treemon. A process never joins the tree
// later (children inherit the group or have a member as parent, and orphans are reparented to treemon
// before they are first seen), so outsiders are not read again: on a busy machine this keeps a 20 ms
// scan to a readdir plus a few reads. (A PID reused within one run by a member would be missed.)
static int* g_outsiders;
static size_t g_outsider_count;
static size_t g_outsider_capacity;

static int compare_int(const void* left, const void* right) {
  const int a = *(const int*)left;
  const int b = *(const int*)right;
  return (a > b) - (a < b);
}

static int is_outsider(int pid) {
  return g_outsider_count > 0 &&
         bsearch(&pid, g_outsiders, g_outsider_count, sizeof(int), compare_int) != NULL;
}

static void add_outsiders(const int* pids, size_t count) {
  if (count == 0)
    return;
  if (g_outsider_count + count > g_outsider_capacity) {
    size_t capacity = g_outsider_capacity ? g_outsider_capacity : 1024;
    while (capacity < g_outsider_count + count)
      capacity *= 2;
    int* grown = realloc(g_outsiders, capacity * sizeof(int));
    if (!grown)
      return;  // then they are simply read again next time
    g_outsiders = grown;
    g_outsider_capacity = capacity;
  }
  memcpy(g_outsiders + g_outsider_count, pids, count * sizeof(int));
  g_outsider_count += count;
  qsort(g_outsiders, g_outsider_count, sizeof(int), compare_int);
}

static void note_existing_processes(void) {
  DIR* dir = opendir("/proc");
  if (!dir)
    return;
  static int pids[k_max_procs];
  size_t count = 0;
  struct dirent* entry;
  while ((entry = readdir(dir)) != NULL && count < k_max_procs) {
    if (isdigit((unsigned char)entry->d_name[0]))
      pids[count++] = atoi(entry->d_name);
  }
  closedir(dir);
  add_outsiders(pids, count);
}

// One pass over /proc: which processes belong to the measured tree, and what they hold.
static Sample scan(void) {
  Sample sample = {0, 0, 0, 0};
  g_nprocs = 0;
  DIR* dir = opendir("/proc");
  if (!dir)
    return sample;
  struct dirent* entry;
  while ((entry = readdir(dir)) != NULL && g_nprocs < k_max_procs) {
    if (!isdigit((unsigned char)entry->d_name[0]))
      continue;
    int pid = atoi(entry->d_name);
    if (pid == g_self || is_outsider(pid))
      continue;
    if (parse_stat(pid, &g_procs[g_nprocs]) == 0)
      ++g_nprocs;
  }
  closedir(dir);
  static int new_outsiders[k_max_procs];
  size_t new_outsider_count = 0;
  for (int index = 0; index < g_nprocs; ++index) {
    const Proc* proc = &g_procs[index];
    int member = proc->pgrp == g_child_pgid;
    int parent = proc->ppid;
    for (int depth = 0; !member && depth < 64 && parent > 1; ++depth) {
      if (parent == g_self) {
        member = 1;
        break;
      }
      int at = find_proc(parent);
      if (at < 0)
        break;  // an outsider, or gone
      parent = g_procs[at].ppid;
    }
    g_member[index] = member;
    if (!member) {
      new_outsiders[new_outsider_count++] = proc->pid;
      continue;
    }
    sample.rss_kb += proc->rss_pages * g_page_kb;
    sample.cpu_ticks += proc->cpu_ticks;
    if (proc->rss_pages > 0)
      ++sample.count;  // zombies hold nothing
    if (g_with_pss)
      sample.pss_kb += read_pss_kb(proc->pid);
  }
  add_outsiders(new_outsiders, new_outsider_count);
  return sample;
}

static void kill_tree(void) {
  if (g_child_pgid > 0)
    kill(-g_child_pgid, SIGKILL);
  scan();
  for (int index = 0; index < g_nprocs; ++index) {
    if (g_member[index])
      kill(g_procs[index].pid, SIGKILL);
  }
}

static void usage(void) {
  fprintf(stderr,
          "usage: treemon [--interval-ms N] [--watch FILE] [--mark TEXT]... [--pss] [--linger-ms N] "
          "[--out FILE] -- COMMAND [ARGS...]\n");
  exit(2);
}

int main(int argc, char** argv) {
  int interval_ms = 20;
  int linger_ms = 3000;
  const char* watch = NULL;
  const char* out_path = NULL;
  const char* marks[k_max_marks];
  int mark_count = 0;
  int arg = 1;
  for (; arg < argc; ++arg) {
    if (strcmp(argv[arg], "--") == 0) {
      ++arg;
      break;
    }
    if (strcmp(argv[arg], "--pss") == 0) {
      g_with_pss = 1;
    } else if (arg + 1 < argc && strcmp(argv[arg], "--interval-ms") == 0) {
      interval_ms = atoi(argv[++arg]);
    } else if (arg + 1 < argc && strcmp(argv[arg], "--linger-ms") == 0) {
      linger_ms = atoi(argv[++arg]);
    } else if (arg + 1 < argc && strcmp(argv[arg], "--watch") == 0) {
      watch = argv[++arg];
    } else if (arg + 1 < argc && strcmp(argv[arg], "--out") == 0) {
      out_path = argv[++arg];
    } else if (arg + 1 < argc && strcmp(argv[arg], "--mark") == 0 && mark_count < k_max_marks) {
      marks[mark_count++] = argv[++arg];
    } else {
      usage();
    }
  }
  if (arg >= argc || interval_ms <= 0)
    usage();

  g_self = getpid();
  g_page_kb = sysconf(_SC_PAGESIZE) / 1024;
  g_ticks_per_s = sysconf(_SC_CLK_TCK);
  prctl(PR_SET_CHILD_SUBREAPER, 1);

  sigset_t signals;
  sigset_t previous;
  sigemptyset(&signals);
  sigaddset(&signals, SIGCHLD);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGHUP);
  sigprocmask(SIG_BLOCK, &signals, &previous);
  int signal_fd = signalfd(-1, &signals, SFD_CLOEXEC | SFD_NONBLOCK);

  int inotify_fd = -1;
  char watch_name[PATH_MAX] = "";
  if (watch) {
    char dir[PATH_MAX];
    snprintf(dir, sizeof dir, "%s", watch);
    char* slash = strrchr(dir, '/');
    if (slash) {
      snprintf(watch_name, sizeof watch_name, "%s", slash + 1);
      if (slash == dir) {
        dir[1] = '\0';
      } else {
        *slash = '\0';
      }
    } else {
      snprintf(watch_name, sizeof watch_name, "%s", dir);
      snprintf(dir, sizeof dir, ".");
    }
    inotify_fd = inotify_init1(IN_CLOEXEC | IN_NONBLOCK);
    if (inotify_fd < 0 || inotify_add_watch(inotify_fd, dir, IN_CLOSE_WRITE | IN_MOVED_TO) < 0) {
      fprintf(stderr, "treemon: cannot watch %s: %s\n", dir, strerror(errno));
      return 2;
    }
  }

  int pipe_fds[2] = {-1, -1};
  if (mark_count > 0 && pipe2(pipe_fds, O_CLOEXEC) != 0) {
    perror("treemon: pipe");
    return 2;
  }

  note_existing_processes();
  const double start = now_ms();
  pid_t child = fork();
  if (child < 0) {
    perror("treemon: fork");
    return 2;
  }
  if (child == 0) {
    setpgid(0, 0);
    sigprocmask(SIG_SETMASK, &previous, NULL);
    if (pipe_fds[1] >= 0)
      dup2(pipe_fds[1], STDOUT_FILENO);
    execvp(argv[arg], argv + arg);
    fprintf(stderr, "treemon: cannot run %s: %s\n", argv[arg], strerror(errno));
    _exit(127);
  }
  setpgid(child, child);  // both sides set it, so there is no window where it is unset
  g_child_pgid = child;
  if (pipe_fds[1] >= 0) {
    close(pipe_fds[1]);
    fcntl(pipe_fds[0], F_SETFL, O_NONBLOCK);
  }

  int status = -1;
  int timed_out = 0;
  double wall_ms = -1;
  double tree_ms = -1;
  double png_ms = -1;
  long peak_rss = 0;
  long peak_pss = 0;
  long window_peak_rss = 0;
  int max_procs = 0;
  int samples = 0;
  double mark_ms[k_max_marks];
  double mark_cpu_ms[k_max_marks];
  long mark_rss[k_max_marks];
  for (int index = 0; index < k_max_marks; ++index) {
    mark_ms[index] = -1;
    mark_cpu_ms[index] = -1;
    mark_rss[index] = -1;
  }
  char line[8192];
  size_t line_length = 0;
  double child_gone_at = -1;
  double next_sample = start;

  for (;;) {
    double now = now_ms();
    if (now >= next_sample) {
      Sample sample = scan();
      ++samples;
      if (sample.rss_kb > peak_rss)
        peak_rss = sample.rss_kb;
      if (sample.pss_kb > peak_pss)
        peak_pss = sample.pss_kb;
      if (sample.count > max_procs)
        max_procs = sample.count;
      if (mark_ms[0] >= 0 && mark_ms[1] < 0 && sample.rss_kb > window_peak_rss)
        window_peak_rss = sample.rss_kb;
      next_sample += interval_ms;
      if (next_sample < now)
        next_sample = now + interval_ms;
      if (child_gone_at >= 0) {
        int alive = 0;
        for (int index = 0; index < g_nprocs && !alive; ++index)
          alive = g_member[index];
        if (!alive) {
          tree_ms = now - start;
          break;
        }
        if (now - child_gone_at > linger_ms) {
          kill_tree();  // a helper that outlives its command for too long is ended, not waited for
        }
      }
    }
    struct pollfd fds[3];
    int count = 0;
    fds[count++] = (struct pollfd){.fd = signal_fd, .events = POLLIN};
    if (inotify_fd >= 0)
      fds[count++] = (struct pollfd){.fd = inotify_fd, .events = POLLIN};
    if (pipe_fds[0] >= 0)
      fds[count++] = (struct pollfd){.fd = pipe_fds[0], .events = POLLIN};
    int wait_ms = (int)(next_sample - now_ms());
    if (wait_ms < 0)
      wait_ms = 0;
    if (poll(fds, (nfds_t)count, wait_ms) < 0 && errno != EINTR)
      break;
    const double event_at = now_ms();

    // The command's output and files first: a line printed just before exit is read while the
    // process is still a zombie, so its CPU time can still be read.
    if (inotify_fd >= 0) {
      char events[4096] __attribute__((aligned(__alignof__(struct inotify_event))));
      ssize_t got;
      while ((got = read(inotify_fd, events, sizeof events)) > 0) {
        for (char* at = events; at < events + got;) {
          const struct inotify_event* event = (const struct inotify_event*)at;
          if (png_ms < 0 && event->len > 0 && strcmp(event->name, watch_name) == 0)
            png_ms = event_at - start;
          at += sizeof(struct inotify_event) + event->len;
        }
      }
    }
    if (pipe_fds[0] >= 0) {
      ssize_t got;
      char chunk[4096];
      while ((got = read(pipe_fds[0], chunk, sizeof chunk)) > 0) {
        for (ssize_t index = 0; index < got; ++index) {
          if (chunk[index] != '\n' && line_length + 1 < sizeof line) {
            line[line_length++] = chunk[index];
            continue;
          }
          line[line_length] = '\0';
          line_length = 0;
          for (int mark = 0; mark < mark_count; ++mark) {
            if (mark_ms[mark] < 0 && strstr(line, marks[mark])) {
              Sample sample = scan();
              mark_ms[mark] = event_at - start;
              mark_cpu_ms[mark] = (double)sample.cpu_ticks * 1000.0 / (double)g_ticks_per_s;
              mark_rss[mark] = sample.rss_kb;
              if (mark == 0 && sample.rss_kb > window_peak_rss)
                window_peak_rss = sample.rss_kb;
            }
          }
          fprintf(stderr, "%s\n", line);  // the command's own output stays visible in the log
        }
      }
      if (got == 0) {
        close(pipe_fds[0]);
        pipe_fds[0] = -1;
      }
    }
    struct signalfd_siginfo info;
    while (read(signal_fd, &info, sizeof info) == (ssize_t)sizeof info) {
      if (info.ssi_signo == SIGCHLD)
        continue;
      timed_out = 1;
      kill_tree();
      if (child_gone_at < 0)
        child_gone_at = event_at;
    }
    for (;;) {
      int child_status;
      pid_t reaped = waitpid(-1, &child_status, WNOHANG);
      if (reaped <= 0)
        break;
      if (reaped == child) {
        wall_ms = event_at - start;
        status = WIFEXITED(child_status) ? WEXITSTATUS(child_status) : 128 + WTERMSIG(child_status);
        child_gone_at = event_at;
        next_sample = event_at;  // look at once whether helpers are left
      }
    }
  }
  // Anything still reparented to us (killed above) is reaped so its rusage counts.
  while (waitpid(-1, NULL, WNOHANG) > 0) {
  }

  struct rusage usage;
  getrusage(RUSAGE_CHILDREN, &usage);
  const double cpu_ms = (double)usage.ru_utime.tv_sec * 1e3 + (double)usage.ru_utime.tv_usec / 1e3 +
                        (double)usage.ru_stime.tv_sec * 1e3 + (double)usage.ru_stime.tv_usec / 1e3;
  struct rusage self_usage;
  getrusage(RUSAGE_SELF, &self_usage);
  const double self_cpu_ms =
      (double)self_usage.ru_utime.tv_sec * 1e3 + (double)self_usage.ru_utime.tv_usec / 1e3 +
      (double)self_usage.ru_stime.tv_sec * 1e3 + (double)self_usage.ru_stime.tv_usec / 1e3;
  FILE* out = out_path ? fopen(out_path, "w") : stdout;
  if (!out) {
    perror("treemon: result file");
    return 2;
  }
  fprintf(out, "status=%d\nwall_ms=%.2f\ntree_ms=%.2f\npng_ms=%.2f\n", status, wall_ms, tree_ms, png_ms);
  fprintf(out, "peak_rss_kb=%ld\npeak_pss_kb=%ld\nmaxrss_kb=%ld\nmax_procs=%d\nsamples=%d\ncpu_ms=%.1f\n",
          peak_rss, peak_pss, usage.ru_maxrss, max_procs, samples, cpu_ms);
  fprintf(out, "timed_out=%d\nwindow_peak_rss_kb=%ld\nself_cpu_ms=%.1f\n", timed_out, window_peak_rss,
          self_cpu_ms);
  for (int mark = 0; mark < mark_count; ++mark) {
    fprintf(out, "mark%d_ms=%.2f\nmark%d_cpu_ms=%.1f\nmark%d_rss_kb=%ld\n", mark, mark_ms[mark], mark,
            mark_cpu_ms[mark], mark, mark_rss[mark]);
  }
  if (out != stdout)
    fclose(out);
  if (timed_out)
    return 124;
  return status < 0 ? 125 : status;
}

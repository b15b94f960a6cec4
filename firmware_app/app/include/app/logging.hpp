#pragma once
// Process-wide logging: one call at start sets spdlog's default logger, which every module then uses
// through spdlog::info() and friends.
//
// Rule: no customer data in logs. Names, account or phone numbers, free text typed on the screen go
// through mask_for_log(), which keeps only the length.

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "app/config.hpp"

namespace kiosk::app {

enum class LogLevel { trace, debug, info, warn, error, off };

// "trace", "debug", "info", "warn", "error" or "off" (exactly; the names used in kiosk.toml).
std::optional<LogLevel> parse_log_level(std::string_view name);
std::string_view to_string(LogLevel level);

struct LoggingOptions {
  std::string level;               // as parse_log_level(); anything else logs at info and says so
  std::filesystem::path log_dir;   // rotating kiosk.log here; empty = no log file
  std::size_t max_file_bytes = 0;  // kiosk.log rotates at this size (0 is taken as 1 MiB)
  std::size_t max_files = 0;       // rotated files kept: kiosk.1.log .. kiosk.<max_files>.log
  bool to_stderr = true;
};

// The options for the [logging] table of `config`, writing into `log_dir` (the caller resolves an empty
// paths.log_dir to the platform default).
LoggingOptions logging_options(const KioskConfig::Logging& config, std::filesystem::path log_dir);

// Replaces spdlog's default logger (named "kiosk") with one writing to:
// - stderr, when `to_stderr`: colours only on a terminal; under systemd (INVOCATION_ID or JOURNAL_STREAM
//   set) the pattern is "[%l] %n: %v" without a timestamp, because journald stamps every line;
// - <log_dir>/kiosk.log, rotating, creating log_dir if needed. When that is impossible the logger writes
//   to stderr only (even if `to_stderr` is false) and logs one warning saying why. With no log_dir and
//   `to_stderr` false it writes to stderr all the same: a logger that writes nowhere hides failures.
// Every message is flushed as it is written, so the last lines before a crash reach the file.
// Never throws; may be called again (tests, config reload) and replaces the previous logger.
void init_logging(const LoggingOptions& options);

// "[redacted N chars]" where N counts UTF-8 code points, so a value can be logged without its content.
std::string mask_for_log(std::string_view value);

}  // namespace kiosk::app

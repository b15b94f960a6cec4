// Sets up spdlog once for the whole process. The kiosk runs as a systemd service, so stderr goes to
// journald; the rotating file is for the technician who opens the cabinet without network access.

#include "app/logging.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <memory>
#include <system_error>
#include <utility>
#include <vector>

#include <fmt/format.h>
#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

namespace kiosk::app {
namespace {

constexpr std::array<std::pair<LogLevel, std::string_view>, 6> k_level_names{{
    {LogLevel::trace, "trace"},
    {LogLevel::debug, "debug"},
    {LogLevel::info, "info"},
    {LogLevel::warn, "warn"},
    {LogLevel::error, "error"},
    {LogLevel::off, "off"},
}};

constexpr std::size_t k_fallback_file_bytes = std::size_t{1024} * 1024;
constexpr std::string_view k_logger_name = "kiosk";

spdlog::level::level_enum to_spdlog(LogLevel level) {
  switch (level) {
    case LogLevel::trace:
      return spdlog::level::trace;
    case LogLevel::debug:
      return spdlog::level::debug;
    case LogLevel::info:
      return spdlog::level::info;
    case LogLevel::warn:
      return spdlog::level::warn;
    case LogLevel::error:
      return spdlog::level::err;
    case LogLevel::off:
      return spdlog::level::off;
  }
  return spdlog::level::info;
}

// journald adds its own timestamp and priority; a second timestamp only makes `journalctl` lines longer.
bool under_systemd() {
  return std::getenv("INVOCATION_ID") != nullptr || std::getenv("JOURNAL_STREAM") != nullptr;
}

// The rotating sink, or why there is none. spdlog opens the file in the constructor and throws if it
// cannot; a kiosk must keep running without its log file, so that becomes a message instead.
std::shared_ptr<spdlog::sinks::sink> make_file_sink(const LoggingOptions& options, std::string& problem) {
  std::error_code error;
  std::filesystem::create_directories(options.log_dir, error);
  if (error) {
    problem = fmt::format("cannot create log directory {}: {}", options.log_dir.string(), error.message());
    return nullptr;
  }
  try {
    const std::size_t max_bytes = options.max_file_bytes > 0 ? options.max_file_bytes : k_fallback_file_bytes;
    const auto file = options.log_dir / "kiosk.log";
    auto sink =
        std::make_shared<spdlog::sinks::rotating_file_sink_mt>(file.string(), max_bytes, options.max_files);
    sink->set_pattern("[%Y-%m-%d %H:%M:%S.%e %z] [%l] [%t] %n: %v");
    return sink;
  } catch (const std::exception& exception) {
    problem = fmt::format("cannot open log file in {}: {}", options.log_dir.string(), exception.what());
    return nullptr;
  }
}

void init_logging_unguarded(const LoggingOptions& options) {
  std::vector<std::string> problems;
  const auto level = parse_log_level(options.level);
  if (!level) {
    problems.push_back(fmt::format("unknown log level \"{}\"; logging at info", options.level));
  }

  std::vector<spdlog::sink_ptr> sinks;
  std::string file_problem;
  if (!options.log_dir.empty()) {
    if (auto file_sink = make_file_sink(options, file_problem)) {
      sinks.push_back(std::move(file_sink));
    } else {
      problems.push_back(file_problem + "; logging to stderr only");
    }
  }
  // stderr is also the fallback when the file was wanted but failed: logs must go somewhere.
  if (options.to_stderr || !file_problem.empty() || sinks.empty()) {
    // The colour sink colours only when stderr is a terminal, so journald gets plain text.
    auto stderr_sink = std::make_shared<spdlog::sinks::stderr_color_sink_mt>(spdlog::color_mode::automatic);
    stderr_sink->set_pattern(under_systemd() ? "[%l] %n: %v" : "[%Y-%m-%d %H:%M:%S.%e] [%^%l%$] %n: %v");
    sinks.push_back(std::move(stderr_sink));
  }

  auto logger = std::make_shared<spdlog::logger>(std::string(k_logger_name), sinks.begin(), sinks.end());
  logger->set_level(to_spdlog(level.value_or(LogLevel::info)));
  // A kiosk logs a few lines a minute; losing the last ones before a crash costs more than a write each.
  logger->flush_on(spdlog::level::trace);
  spdlog::set_default_logger(std::move(logger));

  for (const auto& problem : problems) {
    spdlog::warn("{}", problem);
  }
}

}  // namespace

std::optional<LogLevel> parse_log_level(std::string_view name) {
  for (const auto& [level, level_name] : k_level_names) {
    if (level_name == name) {
      return level;
    }
  }
  return std::nullopt;
}

std::string_view to_string(LogLevel level) {
  for (const auto& [known, name] : k_level_names) {
    if (known == level) {
      return name;
    }
  }
  return "info";
}

LoggingOptions logging_options(const KioskConfig::Logging& config, std::filesystem::path log_dir) {
  LoggingOptions options;
  options.level = config.level;
  options.log_dir = std::move(log_dir);
  options.max_file_bytes = static_cast<std::size_t>(std::max(config.max_file_kib, 1)) * 1024;
  options.max_files = static_cast<std::size_t>(std::max(config.max_files, 0));
  return options;
}

void init_logging(const LoggingOptions& options) {
  try {
    init_logging_unguarded(options);
  } catch (const std::exception& error) {
    // Out of memory, or spdlog itself failing: leave whatever logger there was and say so where we can.
    std::fprintf(stderr, "kiosk: cannot set up logging: %s\n", error.what());
  }
}

std::string mask_for_log(std::string_view value) {
  const auto chars = std::count_if(value.begin(), value.end(),
                                   [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; });
  return fmt::format("[redacted {} chars]", chars);
}

}  // namespace kiosk::app

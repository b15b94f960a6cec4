#include "app/logging.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <spdlog/spdlog.h>

#include <unistd.h>
#include <atomic>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>

namespace kiosk::app {
namespace {

using testing::HasSubstr;
using testing::Not;

constexpr std::size_t k_file_bytes = std::size_t{64} * 1024;

std::string read_text(const std::filesystem::path& file) {
  std::ifstream stream(file, std::ios::binary);
  std::ostringstream text;
  text << stream.rdbuf();
  return text.str();
}

std::size_t count_of(const std::string& text, std::string_view needle) {
  std::size_t count = 0;
  for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + needle.size())) {
    ++count;
  }
  return count;
}

// Sets or clears an environment variable for one test and puts the old value back.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const char* value) : m_name(name) {
    if (const char* old = std::getenv(name)) {
      m_old = old;
    }
    if (value != nullptr) {
      ::setenv(name, value, 1);
    } else {
      ::unsetenv(name);
    }
  }
  ~ScopedEnv() {
    if (m_old) {
      ::setenv(m_name, m_old->c_str(), 1);
    } else {
      ::unsetenv(m_name);
    }
  }
  ScopedEnv(const ScopedEnv&) = delete;
  ScopedEnv& operator=(const ScopedEnv&) = delete;

 private:
  const char* m_name;
  std::optional<std::string> m_old;
};

// Each test gets a fresh directory; afterwards the default logger goes back to stderr only, which also
// closes the files so the directory can be removed.
class LoggingTest : public testing::Test {
 protected:
  LoggingTest() {
    static std::atomic<int> counter{0};
    m_dir = std::filesystem::temp_directory_path() /
            ("kiosk_logging_test_" + std::to_string(::getpid()) + "_" + std::to_string(counter++));
    std::filesystem::remove_all(m_dir);
    std::filesystem::create_directories(m_dir);
  }
  ~LoggingTest() override {
    init_logging(LoggingOptions{"info", {}, 0, 0, true});
    std::error_code ignored;
    std::filesystem::remove_all(m_dir, ignored);
  }

  const std::filesystem::path& dir() const { return m_dir; }

 private:
  std::filesystem::path m_dir;
};

TEST(LogLevel, ParsesTheConfigNames) {
  EXPECT_EQ(parse_log_level("trace"), LogLevel::trace);
  EXPECT_EQ(parse_log_level("debug"), LogLevel::debug);
  EXPECT_EQ(parse_log_level("info"), LogLevel::info);
  EXPECT_EQ(parse_log_level("warn"), LogLevel::warn);
  EXPECT_EQ(parse_log_level("error"), LogLevel::error);
  EXPECT_EQ(parse_log_level("off"), LogLevel::off);
}

TEST(LogLevel, RejectsEverythingElse) {
  for (std::string_view name :
       {"", "INFO", "Info", "warning", "err", "critical", "fatal", " info", "info ", "5"}) {
    EXPECT_EQ(parse_log_level(name), std::nullopt) << name;
  }
}

TEST(LogLevel, NamesRoundTrip) {
  for (auto level :
       {LogLevel::trace, LogLevel::debug, LogLevel::info, LogLevel::warn, LogLevel::error, LogLevel::off}) {
    EXPECT_EQ(parse_log_level(to_string(level)), level);
  }
}

TEST(MaskForLog, KeepsOnlyTheLength) {
  EXPECT_EQ(mask_for_log("Ivan Petrov"), "[redacted 11 chars]");
  EXPECT_EQ(mask_for_log(""), "[redacted 0 chars]");
  EXPECT_EQ(mask_for_log("Иван"), "[redacted 4 chars]");  // characters, not bytes
  EXPECT_EQ(mask_for_log("王小明"), "[redacted 3 chars]");
  EXPECT_EQ(mask_for_log("+47 912 34 567"), "[redacted 14 chars]");
  EXPECT_THAT(mask_for_log("NO9386011117947"), Not(HasSubstr("9386")));
}

TEST(LoggingOptionsFromConfig, ConvertsKibAndKeepsTheDirectory) {
  KioskConfig::Logging config;
  config.level = "debug";
  config.max_file_kib = 64;
  config.max_files = 7;
  const auto options = logging_options(config, "/var/log/branch-kiosk");
  EXPECT_EQ(options.level, "debug");
  EXPECT_EQ(options.log_dir, std::filesystem::path("/var/log/branch-kiosk"));
  EXPECT_EQ(options.max_file_bytes, 64u * 1024u);
  EXPECT_EQ(options.max_files, 7u);
  EXPECT_TRUE(options.to_stderr);
}

TEST_F(LoggingTest, CreatesTheLogDirectoryAndWritesToIt) {
  const auto log_dir = dir() / "nested" / "logs";
  init_logging(LoggingOptions{"info", log_dir, k_file_bytes, 3, false});
  spdlog::info("kiosk started, branch {}", "branch-001");
  spdlog::debug("not at info");
  const std::string text = read_text(log_dir / "kiosk.log");
  EXPECT_THAT(text, HasSubstr("kiosk: kiosk started, branch branch-001"));
  EXPECT_THAT(text, HasSubstr("[info]"));
  EXPECT_THAT(text, Not(HasSubstr("not at info")));
  EXPECT_EQ(spdlog::default_logger()->name(), "kiosk");
  EXPECT_EQ(spdlog::default_logger()->sinks().size(), 1u);  // file only: to_stderr is false
}

TEST_F(LoggingTest, AppliesTheLevel) {
  init_logging(LoggingOptions{"warn", dir(), k_file_bytes, 1, false});
  spdlog::info("quiet info");
  spdlog::warn("loud warning");
  spdlog::error("louder error");
  const std::string text = read_text(dir() / "kiosk.log");
  EXPECT_THAT(text, Not(HasSubstr("quiet info")));
  EXPECT_THAT(text, HasSubstr("loud warning"));
  EXPECT_THAT(text, HasSubstr("louder error"));

  init_logging(LoggingOptions{"off", dir(), k_file_bytes, 1, false});
  spdlog::error("silenced");
  EXPECT_THAT(read_text(dir() / "kiosk.log"), Not(HasSubstr("silenced")));
}

TEST_F(LoggingTest, UnknownLevelLogsAtInfoAndSaysSo) {
  init_logging(LoggingOptions{"chatty", dir(), k_file_bytes, 1, false});
  spdlog::debug("hidden debug");
  spdlog::info("shown info");
  const std::string text = read_text(dir() / "kiosk.log");
  EXPECT_THAT(text, HasSubstr("unknown log level \"chatty\"; logging at info"));
  EXPECT_THAT(text, HasSubstr("shown info"));
  EXPECT_THAT(text, Not(HasSubstr("hidden debug")));
}

TEST_F(LoggingTest, RotatesFiles) {
  constexpr std::size_t k_max_bytes = 4096;
  init_logging(LoggingOptions{"info", dir(), k_max_bytes, 2, false});
  const std::string filler(100, 'x');
  for (int i = 0; i < 500; ++i) {
    spdlog::info("line {} {}", i, filler);
  }
  EXPECT_TRUE(std::filesystem::exists(dir() / "kiosk.log"));
  EXPECT_TRUE(std::filesystem::exists(dir() / "kiosk.1.log"));
  EXPECT_TRUE(std::filesystem::exists(dir() / "kiosk.2.log"));
  EXPECT_FALSE(std::filesystem::exists(dir() / "kiosk.3.log"));  // max_files rotated files, no more
  for (const auto* name : {"kiosk.log", "kiosk.1.log", "kiosk.2.log"}) {
    EXPECT_LE(std::filesystem::file_size(dir() / name), k_max_bytes) << name;
  }
  EXPECT_THAT(read_text(dir() / "kiosk.log"), HasSubstr("line 499 "));
  EXPECT_THAT(read_text(dir() / "kiosk.log"), Not(HasSubstr("line 0 ")));
}

TEST_F(LoggingTest, UnwritableLogDirFallsBackToStderrOnce) {
  // Tests run as root, so permissions do not stop us: a directory under a regular file cannot exist.
  const auto plain_file = dir() / "plain";
  std::ofstream(plain_file) << "not a directory";
  testing::internal::CaptureStderr();
  EXPECT_NO_THROW(init_logging(LoggingOptions{"info", plain_file / "logs", k_file_bytes, 3, false}));
  spdlog::info("still logging");
  const std::string err = testing::internal::GetCapturedStderr();
  EXPECT_EQ(count_of(err, "cannot create log directory"), 1u) << err;
  EXPECT_THAT(err, HasSubstr("logging to stderr only"));
  EXPECT_THAT(err, HasSubstr("still logging"));
  ASSERT_NE(spdlog::default_logger(), nullptr);
  EXPECT_EQ(spdlog::default_logger()->sinks().size(), 1u);
  EXPECT_FALSE(std::filesystem::exists(plain_file / "logs"));
}

TEST_F(LoggingTest, LogDirThatIsAFileFallsBack) {
  const auto plain_file = dir() / "kiosk-logs";
  std::ofstream(plain_file) << "x";
  testing::internal::CaptureStderr();
  EXPECT_NO_THROW(init_logging(LoggingOptions{"info", plain_file, k_file_bytes, 3, true}));
  spdlog::warn("after fallback");
  const std::string err = testing::internal::GetCapturedStderr();
  EXPECT_THAT(err, HasSubstr("logging to stderr only"));
  EXPECT_THAT(err, HasSubstr("after fallback"));
  EXPECT_EQ(spdlog::default_logger()->sinks().size(), 1u);
}

TEST_F(LoggingTest, EmptyLogDirMeansStderrOnly) {
  testing::internal::CaptureStderr();
  init_logging(LoggingOptions{"info", {}, 0, 0, false});
  spdlog::info("to stderr");
  const std::string err = testing::internal::GetCapturedStderr();
  EXPECT_THAT(err, HasSubstr("to stderr"));
  EXPECT_EQ(spdlog::default_logger()->sinks().size(), 1u);
}

TEST_F(LoggingTest, UnderSystemdStderrHasNoTimestamp) {
  ScopedEnv journal("JOURNAL_STREAM", "8:12345");
  ScopedEnv invocation("INVOCATION_ID", nullptr);
  testing::internal::CaptureStderr();
  init_logging(LoggingOptions{"info", {}, 0, 0, true});
  spdlog::info("hello journald");
  const std::string err = testing::internal::GetCapturedStderr();
  EXPECT_EQ(err, "[info] kiosk: hello journald\n");
}

TEST_F(LoggingTest, InvocationIdAloneAlsoMeansSystemd) {
  ScopedEnv journal("JOURNAL_STREAM", nullptr);
  ScopedEnv invocation("INVOCATION_ID", "0123456789abcdef");
  testing::internal::CaptureStderr();
  init_logging(LoggingOptions{"info", {}, 0, 0, true});
  spdlog::warn("stamped by journald");
  EXPECT_EQ(testing::internal::GetCapturedStderr(), "[warning] kiosk: stamped by journald\n");
}

TEST_F(LoggingTest, OutsideSystemdStderrHasATimestampAndNoColourWhenNotATerminal) {
  ScopedEnv journal("JOURNAL_STREAM", nullptr);
  ScopedEnv invocation("INVOCATION_ID", nullptr);
  testing::internal::CaptureStderr();  // a file, not a terminal
  init_logging(LoggingOptions{"info", {}, 0, 0, true});
  spdlog::info("plain");
  std::string err = testing::internal::GetCapturedStderr();
  ASSERT_TRUE(err.ends_with('\n')) << err;
  err.pop_back();
  EXPECT_THAT(err, testing::MatchesRegex(R"(\[[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9:.]+\] \[info\] kiosk: plain)"));
  EXPECT_EQ(err.find('\x1b'), std::string::npos);
}

TEST_F(LoggingTest, CanBeCalledAgainAndSwitchesFiles) {
  const auto first = dir() / "first";
  const auto second = dir() / "second";
  init_logging(LoggingOptions{"info", first, k_file_bytes, 1, false});
  spdlog::info("one");
  init_logging(LoggingOptions{"info", second, k_file_bytes, 1, false});
  spdlog::info("two");
  EXPECT_THAT(read_text(first / "kiosk.log"), Not(HasSubstr("two")));
  EXPECT_THAT(read_text(second / "kiosk.log"), HasSubstr("two"));
}

}  // namespace
}  // namespace kiosk::app

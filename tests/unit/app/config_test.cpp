#include "app/config.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <unistd.h>
#include <algorithm>
#include <atomic>
#include <fstream>
#include <random>
#include <set>
#include <sstream>
#include <string>

namespace kiosk::app {
namespace {

using namespace std::chrono_literals;
using testing::HasSubstr;

constexpr std::string_view k_source = "test.toml";

ConfigResult parse(std::string_view text) {
  return parse_config(text, k_source);
}

std::string all_issues(const ConfigResult& result) {
  std::string text;
  for (const auto& issue : result.issues) {
    text += describe(issue) + "\n";
  }
  return text;
}

std::string read_text(const std::filesystem::path& file) {
  std::ifstream stream(file, std::ios::binary);
  std::ostringstream text;
  text << stream.rdbuf();
  return text.str();
}

std::filesystem::path shipped_example() {
  return std::filesystem::path(KIOSK_ASSETS_DIR) / "kiosk.toml";
}

// Every key of the contract, as table.key in the TOML file.
const std::vector<std::string>& contract_keys() {
  static const std::vector<std::string> keys = {
      "kiosk.branch_id",
      "kiosk.kiosk_id",
      "kiosk.bank_name",
      "kiosk.time_zone",
      "languages.default",
      "languages.enabled",
      "display.profile",
      "display.mode",
      "display.width",
      "display.height",
      "display.high_contrast",
      "session.idle_timeout_seconds",
      "session.idle_warning_seconds",
      "session.attract_cycle_seconds",
      "paths.data_dir",
      "paths.log_dir",
      "paths.cache_dir",
      "printer.transport",
      "printer.target",
      "printer.mode",
      "printer.paper_width_mm",
      "complaints.acknowledge_business_days",
      "complaints.final_response_business_days",
      "complaints.high_priority_issues",
      "complaints.holidays",
      "complaints.escalation_text",
      "sync.policy",
      "sync.mqtt_url",
      "sync.https_url",
      "sync.ca_file",
      "sync.cert_file",
      "sync.key_file",
      "sync.pinned_public_keys",
      "sync.max_batch_events",
      "sync.ack_timeout_seconds",
      "sync.fallback_after_seconds",
      "sync.bundle_public_keys",
      "sync.bundle_kinds",
      "sync.bundle_poll_seconds",
      "sync.complaint_status",
      "staff.pin_hashes",
      "staff.export_dir",
      "counters.listen",
      "counters.tls_cert",
      "counters.tls_key",
      "counters.tokens",
      "logging.level",
      "logging.max_file_kib",
      "logging.max_files",
  };
  return keys;
}

// A fresh directory per test, removed afterwards.
class TempDir {
 public:
  TempDir() {
    static std::atomic<int> counter{0};
    m_path = std::filesystem::temp_directory_path() /
             ("kiosk_config_test_" + std::to_string(::getpid()) + "_" + std::to_string(counter++));
    std::filesystem::remove_all(m_path);
    std::filesystem::create_directories(m_path);
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(m_path, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return m_path; }

  std::filesystem::path write(const std::string& name, std::string_view text) const {
    auto file = m_path / name;
    std::ofstream stream(file, std::ios::binary);
    stream.write(text.data(), static_cast<std::streamsize>(text.size()));
    return file;
  }

 private:
  std::filesystem::path m_path;
};

// ---------------------------------------------------------------------------------------------------
// Defaults

TEST(ConfigDefaults, AreTheContractValues) {
  const KioskConfig config = default_config();
  EXPECT_EQ(config, KioskConfig{});
  EXPECT_EQ(config.kiosk.branch_id, "branch-001");
  EXPECT_EQ(config.kiosk.kiosk_id, "kiosk-01");
  EXPECT_EQ(config.kiosk.bank_name, "Nordic Savings Bank");
  EXPECT_EQ(config.kiosk.time_zone, "Europe/Oslo");
  EXPECT_EQ(config.languages.default_language, "en");
  EXPECT_EQ(config.languages.enabled, (std::vector<std::string>{"en", "ru", "zh-Hans", "nb"}));
  EXPECT_EQ(config.display.profile, Profile::branch);
  EXPECT_EQ(config.display.mode, DisplayMode::windowed);
  EXPECT_EQ(config.display.width, 1920);
  EXPECT_EQ(config.display.height, 1080);
  EXPECT_FALSE(config.display.high_contrast);
  EXPECT_EQ(config.session.idle_timeout, 45s);
  EXPECT_EQ(config.session.idle_warning, 10s);
  EXPECT_EQ(config.session.attract_cycle, 4s);
  EXPECT_TRUE(config.paths.data_dir.empty());
  EXPECT_TRUE(config.paths.log_dir.empty());
  EXPECT_TRUE(config.paths.cache_dir.empty());
  EXPECT_EQ(config.printer.transport, PrinterTransport::none);
  EXPECT_TRUE(config.printer.target.empty());
  EXPECT_EQ(config.logging.level, "info");
  EXPECT_EQ(config.logging.max_file_kib, 5120);
  EXPECT_EQ(config.logging.max_files, 3);
}

TEST(ConfigDefaults, PassValidation) {
  EXPECT_THAT(validate_config(default_config()), testing::IsEmpty());
}

TEST(ConfigDefaults, EmptyDocumentGivesDefaults) {
  for (std::string_view text : {"", "\n\n", "# only a comment\n", "[kiosk]\n[display]\n", "\xEF\xBB\xBF"}) {
    const auto result = parse(text);
    ASSERT_TRUE(result.ok()) << all_issues(result);
    EXPECT_EQ(*result.config, default_config());
  }
}

TEST(ConfigDefaults, MissingKeysKeepTheirDefaults) {
  const auto result = parse("[display]\nwidth = 1280\n");
  ASSERT_TRUE(result.ok()) << all_issues(result);
  KioskConfig expected = default_config();
  expected.display.width = 1280;
  EXPECT_EQ(*result.config, expected);
}

// ---------------------------------------------------------------------------------------------------
// Every key overridden

TEST(ConfigParse, ReadsEveryKey) {
  const auto result = parse(R"toml(
[kiosk]
branch_id = "oslo_sentrum-7"
kiosk_id = "K2"
bank_name = "Банк Норд 北方银行"
time_zone = "Asia/Shanghai"

[languages]
default = "nb"
enabled = ["nb", "zh-Hans"]

[display]
profile = "atm"
mode = "headless"
width = 1080
height = 1920
high_contrast = true

[session]
idle_timeout_seconds = 120
idle_warning_seconds = 20
attract_cycle_seconds = 7

[paths]
data_dir = "/srv/kiosk/data"
log_dir = "/srv/kiosk/log"
cache_dir = "relative/cache"

[printer]
transport = "tcp"
target = "printer.branch.local:9100"

[logging]
level = "debug"
max_file_kib = 64
max_files = 50
)toml");
  ASSERT_TRUE(result.ok()) << all_issues(result);
  EXPECT_TRUE(result.issues.empty());
  const KioskConfig& config = *result.config;
  EXPECT_EQ(config.kiosk.branch_id, "oslo_sentrum-7");
  EXPECT_EQ(config.kiosk.kiosk_id, "K2");
  EXPECT_EQ(config.kiosk.bank_name, "Банк Норд 北方银行");
  EXPECT_EQ(config.kiosk.time_zone, "Asia/Shanghai");
  EXPECT_EQ(config.languages.default_language, "nb");
  EXPECT_EQ(config.languages.enabled, (std::vector<std::string>{"nb", "zh-Hans"}));
  EXPECT_EQ(config.display.profile, Profile::atm);
  EXPECT_EQ(config.display.mode, DisplayMode::headless);
  EXPECT_EQ(config.display.width, 1080);
  EXPECT_EQ(config.display.height, 1920);
  EXPECT_TRUE(config.display.high_contrast);
  EXPECT_EQ(config.session.idle_timeout, 120s);
  EXPECT_EQ(config.session.idle_warning, 20s);
  EXPECT_EQ(config.session.attract_cycle, 7s);
  EXPECT_EQ(config.paths.data_dir, std::filesystem::path("/srv/kiosk/data"));
  EXPECT_EQ(config.paths.log_dir, std::filesystem::path("/srv/kiosk/log"));
  EXPECT_EQ(config.paths.cache_dir, std::filesystem::path("relative/cache"));
  EXPECT_EQ(config.printer.transport, PrinterTransport::tcp);
  EXPECT_EQ(config.printer.target, "printer.branch.local:9100");
  EXPECT_EQ(config.logging.level, "debug");
  EXPECT_EQ(config.logging.max_file_kib, 64);
  EXPECT_EQ(config.logging.max_files, 50);
}

TEST(ConfigParse, ReadsTheDownstreamKeys) {
  const auto result = parse(R"toml(
[sync]
policy = "mqtt_with_https_fallback"
mqtt_url = "ssl://broker.bank.example:8883"
https_url = "https://ingest.bank.example:8443"
bundle_public_keys = ["sync/bundle-current.pub", "/etc/branch-kiosk/bundle-next.pub"]
bundle_kinds = ["services", "surveys"]
bundle_poll_seconds = 60
complaint_status = false
)toml");
  ASSERT_TRUE(result.ok()) << all_issues(result);
  const auto& sync = result.config->sync;
  EXPECT_EQ(sync.bundle_public_keys, (std::vector<std::filesystem::path>{
                                         "sync/bundle-current.pub", "/etc/branch-kiosk/bundle-next.pub"}));
  EXPECT_EQ(sync.bundle_kinds, (std::vector<std::string>{"services", "surveys"}));
  EXPECT_EQ(sync.bundle_poll, 60s);
  EXPECT_FALSE(sync.complaint_status);
}

TEST(ConfigDefaults, DownstreamFollowsTheRuntimeConfigAndTheCustomerContentButNoBundleWithoutKeys) {
  const auto& sync = default_config().sync;
  EXPECT_TRUE(sync.bundle_public_keys.empty());
  EXPECT_EQ(sync.bundle_kinds,
            (std::vector<std::string>{"config", "surveys", "services", "bookings", "announcements"}));
  EXPECT_EQ(sync.bundle_poll, 900s);
  EXPECT_TRUE(sync.complaint_status);
  // Following no kind at all is allowed (bundles off), and so are keys with sync off.
  EXPECT_TRUE(parse("[sync]\nbundle_kinds = []\nbundle_public_keys = [\"k.pub\"]\n").ok());
}

TEST(ConfigParse, AcceptsDottedKeysAndInlineTables) {
  const auto result = parse("kiosk.branch_id = \"b2\"\ndisplay = { width = 800, height = 600 }\n");
  ASSERT_TRUE(result.ok()) << all_issues(result);
  EXPECT_EQ(result.config->kiosk.branch_id, "b2");
  EXPECT_EQ(result.config->display.width, 800);
  EXPECT_EQ(result.config->display.height, 600);
}

TEST(ConfigParse, AcceptsEveryEnumName) {
  for (auto mode : {DisplayMode::windowed, DisplayMode::fullscreen, DisplayMode::headless}) {
    const auto result = parse("[display]\nmode = \"" + std::string(to_string(mode)) + "\"\n");
    ASSERT_TRUE(result.ok()) << all_issues(result);
    EXPECT_EQ(result.config->display.mode, mode);
    EXPECT_EQ(parse_display_mode(to_string(mode)), mode);
  }
  for (auto profile : {Profile::branch, Profile::atm}) {
    EXPECT_EQ(parse_profile(to_string(profile)), profile);
  }
  for (auto transport :
       {PrinterTransport::none, PrinterTransport::file, PrinterTransport::device, PrinterTransport::tcp}) {
    EXPECT_EQ(parse_printer_transport(to_string(transport)), transport);
  }
  EXPECT_EQ(parse_profile("Branch"), std::nullopt);
  EXPECT_EQ(parse_display_mode(""), std::nullopt);
  EXPECT_EQ(parse_printer_transport("usb"), std::nullopt);
}

TEST(ConfigParse, AcceptsEveryLogLevel) {
  for (std::string_view level : {"trace", "debug", "info", "warn", "error", "off"}) {
    const auto result = parse("[logging]\nlevel = \"" + std::string(level) + "\"\n");
    ASSERT_TRUE(result.ok()) << level << ": " << all_issues(result);
    EXPECT_EQ(result.config->logging.level, level);
  }
}

TEST(ConfigParse, AcceptsGoodPrinterTargets) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"file", "/var/spool/kiosk"},   {"file", "spool"},         {"device", "/dev/usb/lp0"},
      {"tcp", "printer.local:9100"},  {"tcp", "10.0.0.5:1"},     {"tcp", "[fe80::1]:9100"},
      {"tcp", "PRN-01.branch:65535"}, {"tcp", "localhost:9100"},
  };
  for (const auto& [transport, target] : cases) {
    const auto result = parse("[printer]\ntransport = \"" + transport + "\"\ntarget = \"" + target + "\"\n");
    EXPECT_TRUE(result.ok()) << transport << " " << target << ": " << all_issues(result);
  }
}

TEST(ConfigParse, AcceptsTheLimitsOfEveryRange) {
  const auto result = parse(R"toml(
[display]
width = 320
height = 4320
[session]
idle_timeout_seconds = 600
idle_warning_seconds = 60
attract_cycle_seconds = 1
[logging]
max_file_kib = 1048576
max_files = 1
)toml");
  ASSERT_TRUE(result.ok()) << all_issues(result);
  const auto low = parse(
      "[display]\nwidth = 7680\nheight = 240\n[session]\nidle_timeout_seconds = 10\nidle_warning_seconds = "
      "3\n"
      "attract_cycle_seconds = 60\n");
  ASSERT_TRUE(low.ok()) << all_issues(low);
}

TEST(ConfigParse, AcceptsIdsOfSixtyFourCharacters) {
  const auto result = parse("[kiosk]\nbranch_id = \"" + std::string(64, 'b') + "\"\nkiosk_id = \"0_-\"\n");
  EXPECT_TRUE(result.ok()) << all_issues(result);
}

TEST(ConfigParse, AcceptsABankNameOfEightyCharacters) {
  std::string name;
  for (int i = 0; i < 80; ++i) {
    name += "Б";  // two bytes each: the limit counts characters, not bytes
  }
  const auto result = parse("[kiosk]\nbank_name = \"" + name + "\"\n");
  EXPECT_TRUE(result.ok()) << all_issues(result);
}

// ---------------------------------------------------------------------------------------------------
// Each rule broken: exactly one issue, with the file, line, key and message.

struct RuleCase {
  std::string name;
  std::string toml;
  std::string key;
  int line;
  std::string message;
};

void PrintTo(const RuleCase& rule, std::ostream* out) {
  *out << rule.name;
}

class ConfigRule : public testing::TestWithParam<RuleCase> {};

TEST_P(ConfigRule, IsReportedWithFileLineAndKey) {
  const RuleCase& rule = GetParam();
  const auto result = parse(rule.toml);
  EXPECT_FALSE(result.ok());
  EXPECT_FALSE(result.config.has_value()) << "a config with issues must not be half-configured";
  ASSERT_EQ(result.issues.size(), 1u) << all_issues(result);
  const ConfigIssue& issue = result.issues.front();
  EXPECT_EQ(issue.file, k_source);
  EXPECT_EQ(issue.line, rule.line) << describe(issue);
  EXPECT_EQ(issue.key, rule.key) << describe(issue);
  EXPECT_THAT(issue.message, HasSubstr(rule.message)) << describe(issue);
  EXPECT_GT(issue.column, 0) << describe(issue);
}

std::string kiosk(std::string_view line) {
  return "[kiosk]\n" + std::string(line) + "\n";
}
std::string table(std::string_view name, std::string_view lines) {
  return "# comment\n[" + std::string(name) + "]\n" + std::string(lines) + "\n";
}

const std::vector<RuleCase> k_rule_cases = {
    // [kiosk]
    {"BranchIdEmpty", kiosk("branch_id = \"\""), "kiosk.branch_id", 2, "must not be empty"},
    {"BranchIdSlash", kiosk("branch_id = \"oslo/1\""), "kiosk.branch_id", 2, "MQTT topic level"},
    {"BranchIdPlus", kiosk("branch_id = \"oslo+1\""), "kiosk.branch_id", 2, "'_' and '-'"},
    {"BranchIdHash", kiosk("branch_id = \"oslo#1\""), "kiosk.branch_id", 2, "\"#\" at position 5"},
    {"BranchIdSpace", kiosk("branch_id = \"oslo 1\""), "kiosk.branch_id", 2, "MQTT topic level"},
    {"BranchIdNonAscii", kiosk("branch_id = \"bergen-ø\""), "kiosk.branch_id", 2, "MQTT topic level"},
    {"BranchIdLeadingDash", kiosk("branch_id = \"-oslo\""), "kiosk.branch_id", 2, "must start with a letter"},
    {"BranchIdLeadingUnderscore", kiosk("branch_id = \"_oslo\""), "kiosk.branch_id", 2, "must start with"},
    {"BranchIdTooLong", kiosk("branch_id = \"" + std::string(65, 'a') + "\""), "kiosk.branch_id", 2,
     "the limit is 64"},
    {"KioskIdEmpty", kiosk("kiosk_id = \"\""), "kiosk.kiosk_id", 2, "must not be empty"},
    {"KioskIdWildcard", kiosk("kiosk_id = \"k+\""), "kiosk.kiosk_id", 2, "MQTT topic level"},
    {"BankNameEmpty", kiosk("bank_name = \"\""), "kiosk.bank_name", 2, "must not be empty"},
    {"BankNameBlank", kiosk("bank_name = \"   \""), "kiosk.bank_name", 2, "must not be empty"},
    {"BankNameTooLong", kiosk("bank_name = \"" + std::string(81, 'x') + "\""), "kiosk.bank_name", 2,
     "81 characters long; the limit is 80"},
    {"BankNameNewline", kiosk("bank_name = \"Nordic\\nBank\""), "kiosk.bank_name", 2, "control characters"},
    {"TimeZoneTypo", kiosk("time_zone = \"Europe/Osl\""), "kiosk.time_zone", 2,
     "unknown IANA time zone \"Europe/Osl\""},
    {"TimeZoneWindowsName", kiosk("time_zone = \"W. Europe Standard Time\""), "kiosk.time_zone", 2,
     "unknown IANA time zone"},
    {"TimeZoneEmpty", kiosk("time_zone = \"\""), "kiosk.time_zone", 2, "must not be empty"},
    {"TimeZoneNotAString", kiosk("time_zone = 1"), "kiosk.time_zone", 2, "expected a string, got an integer"},
    {"BranchIdNotAString", kiosk("branch_id = [\"a\"]"), "kiosk.branch_id", 2,
     "expected a string, got an array"},
    // [languages]
    {"EnabledEmpty", table("languages", "enabled = []"), "languages.enabled", 3, "at least one language"},
    {"EnabledUnknownTag", table("languages", "enabled = [\n  \"en\",\n  \"fr\",\n]"), "languages.enabled", 5,
     "unsupported language tag \"fr\""},
    {"EnabledWrongCase", table("languages", "enabled = [\"en\", \"zh-hans\"]"), "languages.enabled", 3,
     "case-sensitive: did you mean \"zh-Hans\"?"},
    {"EnabledPosixName", table("languages", "enabled = [\"en\", \"zh_CN\"]"), "languages.enabled", 3,
     "unsupported language tag \"zh_CN\""},
    {"EnabledDuplicate", table("languages", "enabled = [\"en\", \"ru\",\n \"en\"]"), "languages.enabled", 4,
     "\"en\" is listed twice"},
    {"EnabledNotAnArray", table("languages", "enabled = \"en\""), "languages.enabled", 3,
     "expected an array of strings, got a string"},
    {"EnabledElementNotAString", table("languages", "enabled = [\"en\",\n  7]"), "languages.enabled", 4,
     "element 2: expected a string, got an integer"},
    {"DefaultUnknown", table("languages", "default = \"fr\""), "languages.default", 3,
     "unsupported language tag \"fr\""},
    {"DefaultNotEnabled", table("languages", "enabled = [\"en\", \"ru\"]\ndefault = \"nb\""),
     "languages.default", 4, "\"nb\" is not in languages.enabled"},
    // [display]
    {"ProfileUnknown", table("display", "profile = \"kiosk\""), "display.profile", 3,
     "unknown profile \"kiosk\"; expected one of: branch, atm"},
    {"ProfileWrongCase", table("display", "profile = \"ATM\""), "display.profile", 3, "unknown profile"},
    {"ModeUnknown", table("display", "mode = \"full\""), "display.mode", 3,
     "unknown display mode \"full\"; expected one of: windowed, fullscreen, headless"},
    {"ModeNotAString", table("display", "mode = true"), "display.mode", 3,
     "expected a string, got a boolean"},
    {"WidthTooSmall", table("display", "width = 319"), "display.width", 3, "between 320 and 7680, got 319"},
    {"WidthTooLarge", table("display", "width = 7681"), "display.width", 3, "between 320 and 7680, got 7681"},
    {"WidthHuge", table("display", "width = 9223372036854775807"), "display.width", 3,
     "got 9223372036854775807"},
    {"WidthNegative", table("display", "width = -1920"), "display.width", 3, "got -1920"},
    {"WidthFloat", table("display", "width = 1920.0"), "display.width", 3,
     "expected an integer, got a floating-point number"},
    {"WidthString", table("display", "width = \"1920\""), "display.width", 3,
     "expected an integer, got a string"},
    {"HeightTooSmall", table("display", "height = 239"), "display.height", 3,
     "between 240 and 4320, got 239"},
    {"HeightTooLarge", table("display", "height = 4321"), "display.height", 3, "between 240 and 4320"},
    {"HighContrastString", table("display", "high_contrast = \"yes\""), "display.high_contrast", 3,
     "expected a boolean (true or false), got a string"},
    {"HighContrastInteger", table("display", "high_contrast = 1"), "display.high_contrast", 3,
     "expected a boolean"},
    // [session]
    {"IdleTimeoutTooShort", table("session", "idle_timeout_seconds = 9"), "session.idle_timeout_seconds", 3,
     "between 10 and 600 s, got 9 s"},
    {"IdleTimeoutTooLong", table("session", "idle_timeout_seconds = 601"), "session.idle_timeout_seconds", 3,
     "between 10 and 600 s"},
    {"IdleTimeoutAsDuration", table("session", "idle_timeout_seconds = 00:00:45"),
     "session.idle_timeout_seconds", 3, "expected an integer, got a time"},
    {"IdleWarningTooShort", table("session", "idle_warning_seconds = 2"), "session.idle_warning_seconds", 3,
     "between 3 and 60 s, got 2 s"},
    {"IdleWarningTooLong", table("session", "idle_warning_seconds = 61"), "session.idle_warning_seconds", 3,
     "between 3 and 60 s"},
    {"IdleWarningEqualsTimeout", table("session", "idle_timeout_seconds = 20\nidle_warning_seconds = 20"),
     "session.idle_warning_seconds", 4, "must be shorter than session.idle_timeout_seconds (20 s), got 20 s"},
    {"IdleWarningLongerThanDefaultTimeout",
     table("session", "idle_timeout_seconds = 12\n\n# the warning\nidle_warning_seconds = 30"),
     "session.idle_warning_seconds", 6, "must be shorter"},
    {"IdleTimeoutBelowDefaultWarning", table("session", "idle_timeout_seconds = 10"),
     "session.idle_warning_seconds", 3, "must be shorter than session.idle_timeout_seconds (10 s), got 10 s"},
    {"AttractCycleZero", table("session", "attract_cycle_seconds = 0"), "session.attract_cycle_seconds", 3,
     "between 1 and 60 s, got 0 s"},
    {"AttractCycleTooLong", table("session", "attract_cycle_seconds = 61"), "session.attract_cycle_seconds",
     3, "between 1 and 60 s"},
    // [paths]
    {"DataDirNotAString", table("paths", "data_dir = 1"), "paths.data_dir", 3, "expected a string"},
    {"LogDirNul", table("paths", "log_dir = \"/var/log\\u0000/x\""), "paths.log_dir", 3,
     "control characters"},
    {"CacheDirArray", table("paths", "cache_dir = [\"/tmp\"]"), "paths.cache_dir", 3, "got an array"},
    // [printer]
    {"TransportUnknown", table("printer", "transport = \"usb\""), "printer.transport", 3,
     "unknown printer transport \"usb\"; expected one of: none, file, device, tcp"},
    {"TargetWithoutTransport", table("printer", "target = \"/dev/usb/lp0\""), "printer.target", 3,
     "must be empty when printer.transport is \"none\""},
    {"FileTargetMissing", table("printer", "transport = \"file\""), "printer.target", 3,
     "is required when printer.transport is \"file\""},
    {"DeviceTargetMissing", table("printer", "transport = \"device\"\ntarget = \"\""), "printer.target", 4,
     "is required when printer.transport is \"device\""},
    {"DeviceTargetRelative", table("printer", "transport = \"device\"\ntarget = \"usb/lp0\""),
     "printer.target", 4, "must be an absolute device path"},
    {"TcpTargetMissing", table("printer", "transport = \"tcp\""), "printer.target", 3,
     "is required when printer.transport is \"tcp\""},
    {"TcpTargetNoPort", table("printer", "transport = \"tcp\"\ntarget = \"printer.local\""), "printer.target",
     4, "the port is missing"},
    {"TcpTargetPortZero", table("printer", "transport = \"tcp\"\ntarget = \"printer.local:0\""),
     "printer.target", 4, "from 1 to 65535"},
    {"TcpTargetPortTooLarge", table("printer", "transport = \"tcp\"\ntarget = \"printer.local:65536\""),
     "printer.target", 4, "from 1 to 65535"},
    {"TcpTargetPortNotANumber", table("printer", "transport = \"tcp\"\ntarget = \"printer.local:91a\""),
     "printer.target", 4, "port \"91a\""},
    {"TcpTargetPortEmpty", table("printer", "transport = \"tcp\"\ntarget = \"printer.local:\""),
     "printer.target", 4, "from 1 to 65535"},
    {"TcpTargetPortSigned", table("printer", "transport = \"tcp\"\ntarget = \"printer.local:+9100\""),
     "printer.target", 4, "from 1 to 65535"},
    {"TcpTargetNoHost", table("printer", "transport = \"tcp\"\ntarget = \":9100\""), "printer.target", 4,
     "must be host:port"},
    {"TcpTargetBadHost", table("printer", "transport = \"tcp\"\ntarget = \"my printer:9100\""),
     "printer.target", 4, "not a host name"},
    {"TcpTargetUrl", table("printer", "transport = \"tcp\"\ntarget = \"tcp://printer:9100\""),
     "printer.target", 4, "must be host:port"},
    {"TcpTargetBareIpv6", table("printer", "transport = \"tcp\"\ntarget = \"fe80::1:9100\""),
     "printer.target", 4, "in brackets"},
    {"TcpTargetBadBrackets", table("printer", "transport = \"tcp\"\ntarget = \"[printer]:9100\""),
     "printer.target", 4, "not an IPv6 address"},
    {"TargetNotAString", table("printer", "transport = \"file\"\ntarget = 9100"), "printer.target", 4,
     "expected a string, got an integer"},
    // [sync]
    {"SyncPolicyUnknown", table("sync", "policy = \"mqtt5\""), "sync.policy", 3,
     "unknown sync policy \"mqtt5\"; expected one of: off, mqtt, https, mqtt_with_https_fallback"},
    {"SyncMqttUrlMissing", table("sync", "policy = \"mqtt\""), "sync.mqtt_url", 3,
     "is required when sync.policy is \"mqtt\""},
    {"SyncHttpsUrlMissingForFallback",
     table("sync", "policy = \"mqtt_with_https_fallback\"\nmqtt_url = \"ssl://b.example:8883\""),
     "sync.https_url", 3, "is required when sync.policy is \"mqtt_with_https_fallback\""},
    {"SyncMqttUrlInTheClear", table("sync", "policy = \"mqtt\"\nmqtt_url = \"tcp://b.example:1883\""),
     "sync.mqtt_url", 4, "TLS only"},
    {"SyncHttpsUrlPlainHttp", table("sync", "policy = \"https\"\nhttps_url = \"http://ho.example\""),
     "sync.https_url", 4, "TLS only"},
    {"SyncHttpsUrlTrailingSlash", table("sync", "policy = \"https\"\nhttps_url = \"https://ho.example/\""),
     "sync.https_url", 4, "no trailing slash"},
    {"SyncCertFileEmpty",
     table("sync", "policy = \"https\"\nhttps_url = \"https://ho.example:8443\"\ncert_file = \"\""),
     "sync.cert_file", 5, "is required when sync.policy is \"https\""},
    {"SyncPinMalformed", table("sync", "pinned_public_keys = [\"abc\"]"), "sync.pinned_public_keys", 3,
     "expected \"sha256//<base64 of the key's SHA-256>\""},
    {"SyncBatchTooLarge", table("sync", "max_batch_events = 501"), "sync.max_batch_events", 3,
     "between 1 and 500, got 501"},
    {"SyncAckTimeoutTooShort", table("sync", "ack_timeout_seconds = 4"), "sync.ack_timeout_seconds", 3,
     "between 5 and 3600"},
    {"SyncFallbackTooShort", table("sync", "fallback_after_seconds = 9"), "sync.fallback_after_seconds", 3,
     "between 10 and 86400"},
    {"SyncBundleKeysThree", table("sync", "bundle_public_keys = [\"a.pub\", \"b.pub\", \"c.pub\"]"),
     "sync.bundle_public_keys", 3, "lists 3 keys; at most 2 are pinned"},
    {"SyncBundleKeyEmpty", table("sync", "bundle_public_keys = [\"a.pub\",\n  \"\"]"),
     "sync.bundle_public_keys", 4, "expected the path of a PEM public key file, got \"\""},
    {"SyncBundleKeyTwice", table("sync", "bundle_public_keys = [\"a.pub\", \"a.pub\"]"),
     "sync.bundle_public_keys", 3, "\"a.pub\" is listed twice"},
    {"SyncBundleKeyNotAString", table("sync", "bundle_public_keys = [1]"), "sync.bundle_public_keys", 3,
     "element 1: expected a string, got an integer"},
    {"SyncBundleKindUnknown", table("sync", "bundle_kinds = [\"surveys\",\n  \"firmware\"]"),
     "sync.bundle_kinds", 4,
     "unknown bundle kind \"firmware\"; this kiosk applies: config, surveys, services, bookings, "
     "announcements"},
    {"SyncBundleKindTwice", table("sync", "bundle_kinds = [\"services\", \"services\"]"), "sync.bundle_kinds",
     3, "\"services\" is listed twice"},
    {"SyncBundlePollTooShort", table("sync", "bundle_poll_seconds = 9"), "sync.bundle_poll_seconds", 3,
     "between 10 and 86400 s, got 9 s"},
    {"SyncBundlePollTooLong", table("sync", "bundle_poll_seconds = 86401"), "sync.bundle_poll_seconds", 3,
     "between 10 and 86400"},
    {"SyncComplaintStatusNotABool", table("sync", "complaint_status = \"yes\""), "sync.complaint_status", 3,
     "expected a boolean (true or false), got a string"},
    {"SyncBundleKeysWithoutHttps",
     table("sync",
           "policy = \"mqtt\"\nmqtt_url = \"ssl://b.example:8883\"\nbundle_public_keys = [\"a.pub\"]"),
     "sync.bundle_public_keys", 5, "sync.https_url is required when bundle_public_keys is set"},
    // [logging]
    {"LevelUnknown", table("logging", "level = \"verbose\""), "logging.level", 3,
     "unknown log level \"verbose\"; expected one of: trace, debug, info, warn, error, off"},
    {"LevelWrongCase", table("logging", "level = \"INFO\""), "logging.level", 3,
     "unknown log level \"INFO\""},
    {"LevelSpdlogAlias", table("logging", "level = \"warning\""), "logging.level", 3, "unknown log level"},
    {"MaxFileKibTooSmall", table("logging", "max_file_kib = 63"), "logging.max_file_kib", 3,
     "between 64 and 1048576, got 63"},
    {"MaxFileKibTooLarge", table("logging", "max_file_kib = 1048577"), "logging.max_file_kib", 3,
     "between 64 and 1048576"},
    {"MaxFilesZero", table("logging", "max_files = 0"), "logging.max_files", 3, "between 1 and 50, got 0"},
    {"MaxFilesTooMany", table("logging", "max_files = 51"), "logging.max_files", 3,
     "between 1 and 50, got 51"},
    // Structure
    {"UnknownKeyTypo", kiosk("branch_idd = \"b\""), "kiosk.branch_idd", 2,
     "unknown key; did you mean \"branch_id\"?"},
    {"UnknownKeyNoSuggestion", table("display", "brightness = 80"), "display.brightness", 3,
     "unknown key; [display] has: profile, mode, width, height, high_contrast"},
    {"UnknownKeyInsteadOfDefault", table("languages", "default_language = \"en\""),
     "languages.default_language", 3, "unknown key"},
    {"UnknownSubTable", "[kiosk]\nbranch_id = \"b\"\n[kiosk.extra]\nx = 1\n", "kiosk.extra", 3,
     "unknown table"},
    {"UnknownTableTypo", "\n[displya]\nwidth = 800\n", "displya", 2,
     "unknown table; did you mean [display]?"},
    {"UnknownTable", "[mqtt]\nhost = \"broker\"\n", "mqtt", 1,
     "unknown table; the tables are: kiosk, languages"},
    {"KeyOutsideAnyTable", "branch_id = \"b\"\n[kiosk]\n", "branch_id", 1,
     "unknown key outside any table; it belongs under [kiosk]"},
    {"TableIsAValue", "display = 5\n", "display", 1, "expected a table [display], got an integer"},
    {"TableIsAnArrayOfTables", "[[printer]]\ntransport = \"file\"\n", "printer", 1,
     "expected a table [printer], got an array"},
    {"UnknownKeyWithEscapes", kiosk("\"bad\\u001b[31mkey\" = 1"), "kiosk.\"bad\\x1B[31mkey\"", 2,
     "unknown key"},
};

INSTANTIATE_TEST_SUITE_P(Config, ConfigRule, testing::ValuesIn(k_rule_cases),
                         [](const testing::TestParamInfo<RuleCase>& param_info) {
                           return param_info.param.name;
                         });

// ---------------------------------------------------------------------------------------------------
// Positions, collecting, describing

TEST(ConfigIssues, PointAtTheKeyLineAndColumn) {
  const auto result = parse("[kiosk]\n  time_zone = \"Europe/Osl\"\n");
  ASSERT_EQ(result.issues.size(), 1u) << all_issues(result);
  EXPECT_EQ(result.issues[0].line, 2);
  EXPECT_EQ(result.issues[0].column, 3);
  EXPECT_EQ(describe(result.issues[0]),
            "test.toml:2:3: kiosk.time_zone: unknown IANA time zone \"Europe/Osl\"");
}

TEST(ConfigIssues, AreAllCollectedInFileOrder) {
  const auto result = parse(R"toml([kiosk]
branch_id = "oslo/sentrum"
time_zone = "Mars/Olympus"

[display]
widht = 1280
height = "tall"

[session]
idle_timeout_seconds = 20
idle_warning_seconds = 25

[printer]
transport = "tcp"
target = "printer"

[logging]
level = "loud"
max_files = 0

[extra]
)toml");
  EXPECT_FALSE(result.ok());
  std::vector<std::pair<int, std::string>> got;
  for (const auto& issue : result.issues) {
    EXPECT_EQ(issue.file, k_source);
    got.emplace_back(issue.line, issue.key);
  }
  const std::vector<std::pair<int, std::string>> expected = {
      {2, "kiosk.branch_id"},
      {3, "kiosk.time_zone"},
      {6, "display.widht"},
      {7, "display.height"},
      {11, "session.idle_warning_seconds"},
      {15, "printer.target"},
      {18, "logging.level"},
      {19, "logging.max_files"},
      {21, "extra"},
  };
  EXPECT_EQ(got, expected) << all_issues(result);
}

TEST(ConfigIssues, ARuleOverAKeyThatFailedToParseIsSkipped) {
  // The timeout is not an integer: comparing the warning with the default timeout would mislead.
  const auto result = parse("[session]\nidle_timeout_seconds = \"long\"\nidle_warning_seconds = 50\n");
  ASSERT_EQ(result.issues.size(), 1u) << all_issues(result);
  EXPECT_EQ(result.issues[0].key, "session.idle_timeout_seconds");

  // An unknown transport: the target cannot be checked against it.
  const auto printer = parse("[printer]\ntransport = \"usb\"\ntarget = \"/dev/usb/lp0\"\n");
  ASSERT_EQ(printer.issues.size(), 1u) << all_issues(printer);
  EXPECT_EQ(printer.issues[0].key, "printer.transport");

  // An unusable enabled list: the default cannot be checked against it.
  const auto languages = parse("[languages]\nenabled = \"nb\"\ndefault = \"nb\"\n");
  ASSERT_EQ(languages.issues.size(), 1u) << all_issues(languages);
  EXPECT_EQ(languages.issues[0].key, "languages.enabled");
}

TEST(ConfigIssues, ABadTableReportsItsKeysOnce) {
  const auto result = parse("languages = \"en\"\n");
  ASSERT_EQ(result.issues.size(), 1u) << all_issues(result);
  EXPECT_EQ(result.issues[0].key, "languages");
}

TEST(ConfigIssues, DescribeLeavesOutWhatIsUnknown) {
  EXPECT_EQ(describe({"kiosk.toml", 12, 3, "kiosk.time_zone", "unknown IANA time zone \"Europe/Osl\""}),
            "kiosk.toml:12:3: kiosk.time_zone: unknown IANA time zone \"Europe/Osl\"");
  EXPECT_EQ(describe({"kiosk.toml", 12, 0, "kiosk.time_zone", "bad"}), "kiosk.toml:12: kiosk.time_zone: bad");
  EXPECT_EQ(describe({"kiosk.toml", 0, 0, "session.idle_warning_seconds", "bad"}),
            "kiosk.toml: session.idle_warning_seconds: bad");
  EXPECT_EQ(describe({"kiosk.toml", 4, 7, "", "syntax"}), "kiosk.toml:4:7: syntax");
  EXPECT_EQ(describe({"", 0, 0, "", "no file"}), "no file");
}

TEST(ConfigIssues, ValidateConfigChecksACodeBuiltConfig) {
  KioskConfig config = default_config();
  config.kiosk.branch_id = "a/b";
  config.display.width = 10;
  config.session.idle_warning = 50s;
  config.logging.level = "chatty";
  config.printer.transport = PrinterTransport::device;
  const auto issues = validate_config(config, "--override");
  std::vector<std::string> keys;
  for (const auto& issue : issues) {
    EXPECT_EQ(issue.file, "--override");
    EXPECT_EQ(issue.line, 0);
    keys.push_back(issue.key);
  }
  EXPECT_THAT(
      keys, testing::UnorderedElementsAre("kiosk.branch_id", "display.width", "session.idle_warning_seconds",
                                          "logging.level", "printer.target"));
}

// ---------------------------------------------------------------------------------------------------
// Syntax errors (toml++ stops at the first one)

TEST(ConfigSyntax, ReportsTomlppLineAndColumn) {
  const auto result = parse("[kiosk]\nbranch_id = \"b\"\nbank_name = = \"x\"\n");
  ASSERT_EQ(result.issues.size(), 1u) << all_issues(result);
  const auto& issue = result.issues[0];
  EXPECT_EQ(issue.file, k_source);
  EXPECT_EQ(issue.line, 3);
  EXPECT_EQ(issue.column, 13);
  EXPECT_TRUE(issue.key.empty());
  EXPECT_FALSE(issue.message.empty());
  EXPECT_THAT(describe(issue), testing::StartsWith("test.toml:3:13: "));
}

TEST(ConfigSyntax, UnterminatedString) {
  const auto result = parse("[kiosk]\n\nbank_name = \"Nordic\n");
  ASSERT_EQ(result.issues.size(), 1u) << all_issues(result);
  EXPECT_EQ(result.issues[0].line, 3);
  EXPECT_GT(result.issues[0].column, 0);
}

TEST(ConfigSyntax, DuplicateKey) {
  const auto result = parse("[display]\nwidth = 800\nwidth = 900\n");
  ASSERT_EQ(result.issues.size(), 1u) << all_issues(result);
  EXPECT_EQ(result.issues[0].line, 3);
}

TEST(ConfigSyntax, DuplicateTable) {
  const auto result = parse("[display]\nwidth = 800\n\n[display]\nheight = 600\n");
  ASSERT_EQ(result.issues.size(), 1u) << all_issues(result);
  EXPECT_EQ(result.issues[0].line, 4);
}

TEST(ConfigSyntax, IniStyleFileIsRejected) {
  const auto result = parse("[kiosk]\nbranch_id = branch-002\n");
  ASSERT_EQ(result.issues.size(), 1u) << all_issues(result);
  EXPECT_EQ(result.issues[0].line, 2);
}

// ---------------------------------------------------------------------------------------------------
// Files

TEST(ConfigFile, LoadsAFile) {
  TempDir dir;
  const auto file = dir.write("kiosk.toml", "[kiosk]\nkiosk_id = \"k9\"\n");
  const auto result = load_config_file(file);
  ASSERT_TRUE(result.ok()) << all_issues(result);
  EXPECT_EQ(result.config->kiosk.kiosk_id, "k9");
}

TEST(ConfigFile, IssuesNameThePathAsGiven) {
  TempDir dir;
  const auto file = dir.write("kiosk.toml", "[kiosk]\n\ntime_zone = \"Europe/Osl\"\n");
  const auto result = load_config_file(file);
  ASSERT_EQ(result.issues.size(), 1u) << all_issues(result);
  EXPECT_EQ(result.issues[0].file, file.string());
  EXPECT_EQ(result.issues[0].line, 3);
  EXPECT_EQ(result.issues[0].key, "kiosk.time_zone");
  EXPECT_EQ(describe(result.issues[0]),
            file.string() + ":3:1: kiosk.time_zone: unknown IANA time zone \"Europe/Osl\"");
}

TEST(ConfigFile, MissingFileIsOneIssueWithTheReason) {
  TempDir dir;
  const auto file = dir.path() / "nope.toml";
  const auto result = load_config_file(file);
  EXPECT_FALSE(result.ok());
  ASSERT_EQ(result.issues.size(), 1u);
  EXPECT_EQ(result.issues[0].file, file.string());
  EXPECT_EQ(result.issues[0].line, 0);
  EXPECT_THAT(result.issues[0].message, HasSubstr("No such file or directory"));
}

TEST(ConfigFile, MissingParentIsOneIssue) {
  TempDir dir;
  const auto file = dir.write("plain", "x") / "kiosk.toml";  // a path through a regular file
  const auto result = load_config_file(file);
  ASSERT_EQ(result.issues.size(), 1u);
  EXPECT_THAT(result.issues[0].message, HasSubstr("Not a directory"));
}

TEST(ConfigFile, DirectoryIsOneIssue) {
  TempDir dir;
  const auto result = load_config_file(dir.path());
  EXPECT_FALSE(result.ok());
  ASSERT_EQ(result.issues.size(), 1u);
  EXPECT_EQ(result.issues[0].file, dir.path().string());
  EXPECT_THAT(result.issues[0].message, HasSubstr("is a directory"));
}

TEST(ConfigFile, DeviceIsOneIssue) {
  const auto result = load_config_file("/dev/zero");
  ASSERT_EQ(result.issues.size(), 1u);
  EXPECT_THAT(result.issues[0].message, HasSubstr("not a regular file"));
}

TEST(ConfigFile, FileOfExactlyTheLimitIsRead) {
  TempDir dir;
  std::string text = "[kiosk]\n# ";
  text += std::string(k_max_config_bytes - text.size() - 1, 'x') + "\n";
  ASSERT_EQ(text.size(), k_max_config_bytes);
  const auto result = load_config_file(dir.write("big.toml", text));
  EXPECT_TRUE(result.ok()) << all_issues(result);
}

TEST(ConfigFile, OversizeFileIsOneIssue) {
  TempDir dir;
  const std::string text = "# " + std::string(k_max_config_bytes, 'x') + "\n";
  const auto file = dir.write("huge.toml", text);
  const auto result = load_config_file(file);
  EXPECT_FALSE(result.ok());
  ASSERT_EQ(result.issues.size(), 1u);
  EXPECT_EQ(result.issues[0].file, file.string());
  EXPECT_THAT(result.issues[0].message, HasSubstr("too large"));
  EXPECT_THAT(result.issues[0].message, HasSubstr(std::to_string(text.size()) + " bytes"));
  // The same limit applies to text given directly.
  const auto direct = parse(text);
  ASSERT_EQ(direct.issues.size(), 1u);
  EXPECT_THAT(direct.issues[0].message, HasSubstr("too large"));
}

TEST(ConfigFile, InvalidUtf8IsOneIssueAtTheByte) {
  TempDir dir;
  // "Nordic Savings Bank Å" saved as Latin-1: 0xC5 followed by a quote is not UTF-8.
  const auto file = dir.write("latin1.toml", "[kiosk]\nbank_name = \"Bank \xC5\"\n");
  const auto result = load_config_file(file);
  EXPECT_FALSE(result.ok());
  ASSERT_EQ(result.issues.size(), 1u) << all_issues(result);
  EXPECT_EQ(result.issues[0].line, 2);
  EXPECT_EQ(result.issues[0].column, 19);
  EXPECT_THAT(result.issues[0].message, HasSubstr("not valid UTF-8"));
  EXPECT_THAT(result.issues[0].message, HasSubstr("0xC5"));
}

TEST(ConfigFile, InvalidUtf8Forms) {
  for (std::string_view bad : {"\xFF", "\xC0\xAF", "\xE0\x80\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80",
                               "\xF8\x88\x80\x80\x80", "\xE2\x82", "\x80"}) {
    const auto result = parse("# comment " + std::string(bad) + "\n");
    ASSERT_EQ(result.issues.size(), 1u) << testing::PrintToString(bad);
    EXPECT_THAT(result.issues[0].message, HasSubstr("not valid UTF-8"));
    EXPECT_EQ(result.issues[0].line, 1);
  }
  // Four-byte characters (outside the BMP) are fine.
  EXPECT_TRUE(parse("# \xF0\x9F\x8F\xA6 bank\n").ok());
}

TEST(ConfigFile, SameFileGivesSameIssuesEachTime) {
  // No state is kept between calls: a second load reports exactly the same.
  TempDir dir;
  const auto file = dir.write("kiosk.toml", "[display]\nwidth = 1\n");
  EXPECT_EQ(load_config_file(file).issues, load_config_file(file).issues);
}

// ---------------------------------------------------------------------------------------------------
// Hostile input: never a crash, never an exception, always a bounded answer.

TEST(ConfigHostile, DeeplyNestedArrays) {
  const std::string text = "a = " + std::string(200000, '[') + std::string(200000, ']') + "\n";
  const auto result = parse(text);
  EXPECT_FALSE(result.ok());
  EXPECT_EQ(result.issues.size(), 1u);
}

TEST(ConfigHostile, DeeplyNestedInlineTables) {
  std::string text = "a = ";
  for (int i = 0; i < 100000; ++i) {
    text += "{b=";
  }
  text += "1" + std::string(100000, '}') + "\n";
  const auto result = parse(text);
  EXPECT_FALSE(result.ok());
  EXPECT_EQ(result.issues.size(), 1u);
}

TEST(ConfigHostile, DeeplyDottedKey) {
  // toml++ recurses once per dotted part; half a megabyte of them would overflow the stack.
  std::string text = "kiosk";
  for (int i = 0; i < 250000; ++i) {
    text += ".a";
  }
  text = "# first line\n" + text + " = 1\n";
  const auto result = parse(text);
  ASSERT_EQ(result.issues.size(), 1u);
  EXPECT_EQ(result.issues[0].line, 2);
  EXPECT_THAT(result.issues[0].message, HasSubstr("nested too deeply"));
}

TEST(ConfigHostile, DeeplyDottedTableHeader) {
  std::string text = "[kiosk";
  for (int i = 0; i < 250000; ++i) {
    text += ".a";
  }
  const auto result = parse(text + "]\n");
  ASSERT_EQ(result.issues.size(), 1u);
  EXPECT_THAT(result.issues[0].message, HasSubstr("nested too deeply"));
}

TEST(ConfigHostile, DotsInsideStringsAreNotNesting) {
  std::string dots(5000, '.');
  const auto result = parse("[kiosk]\nbank_name = \"N" + std::string(70, '.') + "\"\n# " + dots +
                            "\n[paths]\n" + "data_dir = '/srv/" + dots + "'\nlog_dir = \"\"\"\n/" + dots +
                            "\"\"\"\n" + "cache_dir = '''/" + dots + "'''\n");
  EXPECT_TRUE(result.ok()) << all_issues(result);
}

TEST(ConfigHostile, ModeratelyNestedUnknownTablesAreReported) {
  std::string text = "[a";
  for (int i = 0; i < 100; ++i) {
    text += ".b";
  }
  const auto result = parse(text + "]\nc = 1\n");
  ASSERT_EQ(result.issues.size(), 1u) << all_issues(result);
  EXPECT_EQ(result.issues[0].key, "a");
}

TEST(ConfigHostile, HugeStringGivesAShortIssue) {
  const std::string name(1000000, 'N');
  const auto result =
      parse("[kiosk]\nbank_name = \"" + name + "\"\ntime_zone = \"" + std::string(20000, 'Z') + "\"\n");
  ASSERT_EQ(result.issues.size(), 2u) << all_issues(result).substr(0, 1000);
  for (const auto& issue : result.issues) {
    EXPECT_LT(describe(issue).size(), 200u) << describe(issue).substr(0, 1000);
  }
}

TEST(ConfigHostile, HugeKeyGivesAShortIssue) {
  const auto result = parse("[kiosk]\n" + std::string(500000, 'k') + " = 1\n");
  ASSERT_EQ(result.issues.size(), 1u);
  EXPECT_LT(describe(result.issues[0]).size(), 300u);
}

TEST(ConfigHostile, ManyUnknownKeysAreCapped) {
  std::string text = "[kiosk]\n";
  for (int i = 0; text.size() < 900000; ++i) {
    text += "key" + std::to_string(i) + " = " + std::to_string(i) + "\n";
  }
  const auto result = parse(text);
  EXPECT_FALSE(result.ok());
  ASSERT_EQ(result.issues.size(), k_max_config_issues + 1);
  EXPECT_THAT(result.issues.back().message, HasSubstr("more issues not shown"));
}

TEST(ConfigHostile, ControlCharactersInValuesAreEscapedInMessages) {
  const auto result = parse("[kiosk]\ntime_zone = \"\\u001b]0;pwned\\u0007\"\n");
  ASSERT_EQ(result.issues.size(), 1u);
  EXPECT_EQ(result.issues[0].message.find('\x1b'), std::string::npos);
  EXPECT_THAT(result.issues[0].message, HasSubstr("\\x1B]0;pwned\\x07"));
}

TEST(ConfigHostile, NulBytesAndBinaryJunk) {
  EXPECT_FALSE(parse(std::string("[kiosk]\0\0\0", 10)).ok());
  std::mt19937 random(20240607);
  std::uniform_int_distribution<int> byte(0, 255);
  for (int round = 0; round < 200; ++round) {
    std::string junk(static_cast<std::size_t>(byte(random)) * 16, '\0');
    for (auto& c : junk) {
      c = static_cast<char>(byte(random));
    }
    const auto result = parse(junk);
    EXPECT_EQ(result.ok(), result.issues.empty());
  }
}

TEST(ConfigHostile, MutationsOfTheShippedExampleNeverCrash) {
  std::string example = read_text(shipped_example());
  ASSERT_FALSE(example.empty());
  // Uncomment everything first so the mutations hit real keys and values.
  std::string text;
  std::istringstream lines(example);
  for (std::string line; std::getline(lines, line);) {
    text += (line.size() > 1 && line[0] == '#' && line[1] != ' ' ? line.substr(1) : line) + "\n";
  }
  std::mt19937 random(7);
  const std::string alphabet = "[]{}=\".,#'\\\n 0123456789abcxyz-_:/\xC3\xA5";
  for (int round = 0; round < 500; ++round) {
    std::string mutated = text;
    const int edits = 1 + static_cast<int>(random() % 8);
    for (int e = 0; e < edits; ++e) {
      const auto at = random() % mutated.size();
      switch (random() % 3) {
        case 0:
          mutated[at] = alphabet[random() % alphabet.size()];
          break;
        case 1:
          mutated.insert(at, 1, alphabet[random() % alphabet.size()]);
          break;
        default:
          mutated.erase(at, 1 + random() % 5);
          break;
      }
    }
    const auto result = parse(mutated);
    ASSERT_EQ(result.ok(), result.issues.empty());
    for (const auto& issue : result.issues) {
      ASSERT_FALSE(issue.message.empty());
      ASSERT_EQ(issue.file, k_source);
    }
  }
}

// ---------------------------------------------------------------------------------------------------
// The shipped example

// Turns `#key = value` lines into `key = value`; explanations (`# text`) stay comments.
std::string uncomment_keys(const std::string& text) {
  std::string out;
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    const bool commented_key = line.size() > 1 && line[0] == '#' && line[1] >= 'a' && line[1] <= 'z';
    out += (commented_key ? line.substr(1) : line) + "\n";
  }
  return out;
}

TEST(ShippedExample, ParsesToExactlyTheDefaults) {
  const auto result = load_config_file(shipped_example());
  ASSERT_TRUE(result.ok()) << all_issues(result);
  EXPECT_EQ(*result.config, default_config());
}

TEST(ShippedExample, UncommentedValuesAreTheDefaults) {
  const std::string uncommented = uncomment_keys(read_text(shipped_example()));
  ASSERT_NE(uncommented, read_text(shipped_example()));
  const auto result = parse_config(uncommented, "kiosk.toml (uncommented)");
  ASSERT_TRUE(result.ok()) << all_issues(result);
  EXPECT_EQ(*result.config, default_config());
}

TEST(ShippedExample, ListsEveryKeyOnceWithAnExplanation) {
  std::istringstream lines(read_text(shipped_example()));
  std::string section;
  std::string previous;
  std::vector<std::string> listed;
  for (std::string line; std::getline(lines, line); previous = line) {
    if (line.starts_with('[')) {
      section = line.substr(1, line.find(']') - 1);
      continue;
    }
    if (line.size() > 1 && line[0] == '#' && line[1] >= 'a' && line[1] <= 'z') {
      listed.push_back(section + "." + line.substr(1, line.find(' ') - 1));
      EXPECT_TRUE(previous.starts_with("# ") ||
                  (previous.size() > 1 && previous[0] == '#' && previous[1] != ' '))
          << "no explanation above " << line;
    }
  }
  std::vector<std::string> expected = contract_keys();
  std::sort(expected.begin(), expected.end());
  std::vector<std::string> sorted = listed;
  std::sort(sorted.begin(), sorted.end());
  EXPECT_EQ(sorted, expected);
  EXPECT_EQ(std::set<std::string>(listed.begin(), listed.end()).size(), listed.size())
      << "a key is listed twice";
}

TEST(ShippedExample, EveryKeyIsKnownToTheParser) {
  // Each contract key alone, with its default, must parse: proves the parser knows the key by that name.
  const std::string uncommented = uncomment_keys(read_text(shipped_example()));
  for (const auto& key : contract_keys()) {
    const auto dot = key.find('.');
    const std::string name = key.substr(dot + 1);
    // Within its own table: several tables have a key of the same name ("mode").
    const auto table = uncommented.find("[" + key.substr(0, dot) + "]");
    ASSERT_NE(table, std::string::npos) << key;
    const auto start = uncommented.find("\n" + name + " = ", table);
    ASSERT_NE(start, std::string::npos) << key;
    const auto end = uncommented.find('\n', start + 1);
    const std::string text = "[" + key.substr(0, dot) + "]" + uncommented.substr(start, end - start) + "\n";
    const auto result = parse(text);
    EXPECT_TRUE(result.ok()) << key << ": " << all_issues(result);
  }
}

// ---------------------------------------------------------------------------------------------------
// [counters]: the counter link

const std::string k_hash_a(64, 'a');
const std::string k_hash_b = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

TEST(ConfigCounters, OffByDefault) {
  const auto& counters = default_config().counters;
  EXPECT_TRUE(counters.listen.empty());
  EXPECT_TRUE(counters.tokens.empty());
}

TEST(ConfigCounters, ReadsTheLink) {
  const auto result = parse(
      "[counters]\nlisten = \"0.0.0.0:8765\"\ntls_cert = \"counters/branch.crt\"\n"
      "tls_key = \"/etc/kiosk/branch.key\"\ntokens = [\"3:" +
      k_hash_a + "\", \"display:" + k_hash_b + "\"]\n");
  ASSERT_TRUE(result.ok()) << all_issues(result);
  const auto& counters = result.config->counters;
  EXPECT_EQ(counters.listen, "0.0.0.0:8765");
  EXPECT_EQ(counters.tls_cert, "counters/branch.crt");
  EXPECT_EQ(counters.tls_key, "/etc/kiosk/branch.key");
  ASSERT_EQ(counters.tokens.size(), 2u);
  EXPECT_EQ(parse_counter_token_entry(counters.tokens[0]), (CounterTokenEntry{3, k_hash_a}));
  EXPECT_EQ(parse_counter_token_entry(counters.tokens[1]), (CounterTokenEntry{std::nullopt, k_hash_b}));
}

TEST(ConfigCounters, ListenNeedsCertificateKeyAndTokens) {
  const auto result = parse("[counters]\n\nlisten = \"127.0.0.1:8765\"\n");
  EXPECT_FALSE(result.ok());
  std::vector<std::string> keys;
  for (const auto& issue : result.issues) {
    keys.push_back(issue.key);
    EXPECT_EQ(issue.line, 3) << describe(issue);
  }
  EXPECT_THAT(keys,
              testing::UnorderedElementsAre("counters.tls_cert", "counters.tls_key", "counters.listen"));
}

TEST(ConfigCounters, RejectsABadListenAddress) {
  for (const std::string listen : {"8765", "host:0", "[zz]:80", "a b:80"}) {
    const auto result = parse("[counters]\nlisten = \"" + listen +
                              "\"\ntls_cert = \"c\"\ntls_key = \"k\"\n"
                              "tokens = [\"1:" +
                              k_hash_a + "\"]\n");
    ASSERT_EQ(result.issues.size(), 1u) << listen << ": " << all_issues(result);
    EXPECT_EQ(result.issues[0].key, "counters.listen");
    EXPECT_EQ(result.issues[0].line, 2);
  }
}

TEST(ConfigCounters, EachBadTokenLineIsReportedAtItsElement) {
  const auto result =
      parse("[counters]\ntokens = [\n  \"1:" + k_hash_a + "\",\n  \"0:" + k_hash_b +
            "\",\n  \"07:" + k_hash_b + "\",\n  \"1000:" + k_hash_b + "\",\n  \"screen:" + k_hash_b +
            "\",\n  \"2:" + k_hash_b.substr(1) + "\",\n  \"2:" + std::string(64, 'A') + "\",\n  \"" +
            k_hash_b + "\",\n  \"display:" + k_hash_a + "\",\n]\n");
  ASSERT_EQ(result.issues.size(), 8u) << all_issues(result);
  for (std::size_t i = 0; i < result.issues.size(); ++i) {
    EXPECT_EQ(result.issues[i].key, "counters.tokens");
    EXPECT_EQ(result.issues[i].line, static_cast<int>(i) + 4) << describe(result.issues[i]);
  }
  EXPECT_THAT(result.issues.back().message, HasSubstr("listed twice"));
  EXPECT_THAT(result.issues[0].message, HasSubstr("neither a counter number"));
}

TEST(ConfigCounters, TokenEntryShapes) {
  EXPECT_EQ(parse_counter_token_entry("999:" + k_hash_a), (CounterTokenEntry{999, k_hash_a}));
  EXPECT_EQ(parse_counter_token_entry("display:" + k_hash_a), (CounterTokenEntry{std::nullopt, k_hash_a}));
  EXPECT_EQ(parse_counter_token_entry("-1:" + k_hash_a), std::nullopt);
  EXPECT_EQ(parse_counter_token_entry("1:" + k_hash_a + "0"), std::nullopt);
  EXPECT_EQ(parse_counter_token_entry(""), std::nullopt);
  EXPECT_THAT(counter_token_problem("nocolon").value_or(""), HasSubstr("counter-token"));
  EXPECT_EQ(counter_token_problem("12:" + k_hash_b), std::nullopt);
}

TEST(ConfigCounters, CounterNumbersHaveOneSpelling) {
  EXPECT_EQ(parse_counter_number("1"), 1);
  EXPECT_EQ(parse_counter_number("999"), 999);
  for (const auto* text : {"", "0", "01", "1000", "+1", "-1", "1a", " 1"}) {
    EXPECT_EQ(parse_counter_number(text), std::nullopt) << text;
  }
}

#ifdef KIOSK_SOURCE_DIR
TEST(ConfigurationDoc, DocumentsEveryKey) {
  const std::string doc = read_text(std::filesystem::path(KIOSK_SOURCE_DIR) / "docs" / "configuration.md");
  ASSERT_FALSE(doc.empty());
  for (const auto& key : contract_keys()) {
    EXPECT_THAT(doc, HasSubstr("`" + key + "`")) << key;
  }
}
#endif

}  // namespace
}  // namespace kiosk::app

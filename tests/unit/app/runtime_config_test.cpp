// The config bundle (app/runtime_config.hpp): only the whitelist of runtime-safe keys is accepted, values
// follow kiosk.toml's rules on the merged config (kiosk.toml, bank-wide, branch), hostile payloads are
// refused with a clear issue, and RuntimeConfig falls back layer by layer when bundles expire.

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "app/runtime_config.hpp"

namespace kiosk::app {
namespace {

using namespace std::chrono_literals;

// PIN 2468 (tests/unit/store/pin_hash_test.cpp); only the shape matters here.
constexpr const char* k_hash =
    "pbkdf2-sha256$210000$AAECAwQFBgcICQoLDA0ODw==$3h0Ecyp2BaL4dIc6djwyE3JqSNrJj2DOPz5HhnTZO8M=";

ContentUpdate layer(std::string payload, std::string scope = "all", std::uint64_t version = 1,
                    std::optional<std::chrono::sys_seconds> expires = std::nullopt) {
  auto origin = "config/" + scope + " v" + std::to_string(version);
  return ContentUpdate{"config", std::move(payload), version, std::move(origin), std::move(scope), expires};
}

ConfigResult merge(const std::string& payload, const KioskConfig& file = default_config()) {
  return merge_config_bundles(file, {layer(payload)});
}

std::string issues_of(const ConfigResult& result) {
  std::string text;
  for (const auto& issue : result.issues)
    text += describe(issue) + "\n";
  return text;
}

// The single issue of a refused payload.
ConfigIssue refusal(const std::string& payload, const KioskConfig& file = default_config()) {
  const auto result = merge(payload, file);
  EXPECT_FALSE(result.ok()) << payload;
  EXPECT_FALSE(result.config.has_value()) << "a refused bundle changes nothing";
  EXPECT_EQ(result.issues.size(), 1U) << issues_of(result);
  return result.issues.empty() ? ConfigIssue{} : result.issues.front();
}

TEST(ConfigBundle, EveryWhitelistedKeyIsTakenOverKioskToml) {
  const auto result = merge(R"({
    "session": {"idle_timeout_seconds": 90, "idle_warning_seconds": 20, "attract_cycle_seconds": 7},
    "languages": {"enabled": ["nb", "en"], "default": "nb"},
    "display": {"high_contrast": true},
    "complaints": {"acknowledge_business_days": 2, "final_response_business_days": 20,
                   "high_priority_issues": ["card_retained"], "holidays": ["2026-12-24", "2026-12-25"],
                   "escalation_text": "Ask the branch manager."},
    "staff": {"pin_hashes": ["manager:manager:)" +
                            std::string(k_hash) + R"("]}
  })");
  ASSERT_TRUE(result.ok()) << issues_of(result);
  const auto& config = *result.config;
  EXPECT_EQ(config.session.idle_timeout, 90s);
  EXPECT_EQ(config.session.idle_warning, 20s);
  EXPECT_EQ(config.session.attract_cycle, 7s);
  EXPECT_EQ(config.languages.enabled, (std::vector<std::string>{"nb", "en"}));
  EXPECT_EQ(config.languages.default_language, "nb");
  EXPECT_TRUE(config.display.high_contrast);
  EXPECT_EQ(config.complaints.acknowledge_business_days, 2);
  EXPECT_EQ(config.complaints.final_response_business_days, 20);
  EXPECT_EQ(config.complaints.high_priority_issues, std::vector<std::string>{"card_retained"});
  EXPECT_EQ(config.complaints.holidays, (std::vector<std::string>{"2026-12-24", "2026-12-25"}));
  EXPECT_EQ(config.complaints.escalation_text, "Ask the branch manager.");
  EXPECT_EQ(config.staff.pin_hashes, std::vector<std::string>{"manager:manager:" + std::string(k_hash)});
  // Everything else is kiosk.toml's.
  auto rest = config;
  rest.session = default_config().session;
  rest.languages = default_config().languages;
  rest.display = default_config().display;
  rest.complaints = default_config().complaints;
  rest.staff = default_config().staff;
  EXPECT_EQ(rest, default_config());
}

TEST(ConfigBundle, TheShippedSampleIsAValidBundleForTheShippedExample) {
  std::ifstream in(std::filesystem::path(KIOSK_ASSETS_DIR) / "config" / "config-bundle.sample.json");
  ASSERT_TRUE(in) << "assets/config/config-bundle.sample.json";
  std::stringstream text;
  text << in.rdbuf();
  const auto shipped = load_config_file(std::filesystem::path(KIOSK_ASSETS_DIR) / "kiosk.toml");
  ASSERT_TRUE(shipped.ok());
  const auto result = merge(text.str(), *shipped.config);
  ASSERT_TRUE(result.ok()) << issues_of(result);
  EXPECT_EQ(result.config->languages.default_language, "nb");
  EXPECT_EQ(result.config->session.idle_timeout, 60s);
}

TEST(ConfigBundle, AnEmptyPayloadKeepsKioskToml) {
  auto file = default_config();
  file.session.idle_timeout = 30s;
  const auto result = merge("{}", file);
  ASSERT_TRUE(result.ok()) << issues_of(result);
  EXPECT_EQ(*result.config, file);
}

struct RefusedKey {
  const char* name;
  const char* payload;
  const char* key;
  const char* reason;  // part of the message
};

class ConfigBundleRefusedKey : public ::testing::TestWithParam<RefusedKey> {};

TEST_P(ConfigBundleRefusedKey, RefusesTheWholeBundleNamingTheKey) {
  const auto& param = GetParam();
  // A whitelisted key beside it changes nothing either: the bundle is refused whole.
  const std::string payload =
      std::string(R"({"session": {"idle_timeout_seconds": 60}, )") + param.payload + "}";
  const auto issue = refusal(payload);
  EXPECT_EQ(issue.file, "config/all v1");
  EXPECT_EQ(issue.key, param.key);
  EXPECT_NE(issue.message.find(param.reason), std::string::npos) << issue.message;
}

INSTANTIATE_TEST_SUITE_P(
    RestartAndIdentityKeys, ConfigBundleRefusedKey,
    ::testing::Values(
        RefusedKey{"KioskId", R"("kiosk": {"kiosk_id": "hall-9"})", "kiosk.kiosk_id", "identifies the kiosk"},
        RefusedKey{"BranchId", R"("kiosk": {"branch_id": "br-002"})", "kiosk.branch_id",
                   "identifies the kiosk"},
        RefusedKey{"TimeZone", R"("kiosk": {"time_zone": "UTC"})", "kiosk.time_zone", "set it in kiosk.toml"},
        RefusedKey{"BankName", R"("kiosk": {"bank_name": "Other Bank"})", "kiosk.bank_name", "at start"},
        RefusedKey{"DataDir", R"("paths": {"data_dir": "/tmp/x"})", "paths.data_dir", "kiosk.toml only"},
        RefusedKey{"SyncUrl", R"("sync": {"https_url": "https://evil.example:443"})", "sync.https_url",
                   "never changed by a bundle"},
        RefusedKey{"SyncCert", R"("sync": {"ca_file": "/tmp/evil-ca.crt"})", "sync.ca_file",
                   "never changed by a bundle"},
        RefusedKey{"BundleKeys", R"("sync": {"bundle_public_keys": ["/tmp/evil.pub"]})",
                   "sync.bundle_public_keys", "never changed by a bundle"},
        RefusedKey{"DisplayMode", R"("display": {"mode": "fullscreen"})", "display.mode", "made at start"},
        RefusedKey{"DisplaySize", R"("display": {"width": 1080})", "display.width", "made at start"},
        RefusedKey{"Profile", R"("display": {"profile": "atm"})", "display.profile", "made at start"},
        RefusedKey{"CounterListen", R"("counters": {"listen": "0.0.0.0:1"})", "counters.listen", "at start"},
        RefusedKey{"CounterTokens", R"("counters": {"tokens": []})", "counters.tokens", "at start"},
        RefusedKey{"CounterTls", R"("counters": {"tls_key": "k.pem"})", "counters.tls_key", "at start"},
        RefusedKey{"Logging", R"("logging": {"level": "trace"})", "logging.level", "at start"},
        RefusedKey{"Printer", R"("printer": {"target": "10.0.0.1:9100"})", "printer.target", "at start"},
        RefusedKey{"ExportDir", R"("staff": {"export_dir": "/etc"})", "staff.export_dir", "kiosk.toml only"},
        RefusedKey{"UnknownKey", R"("session": {"idle_timeout": 60})", "session.idle_timeout", "unknown key"},
        RefusedKey{"UnknownTable", R"("firmware": {"url": "x"})", "firmware.url", "unknown key"},
        RefusedKey{"TableIsNotAnObject", R"("staff": ["x"])", "staff", "expected a table"}),
    [](const auto& test) { return std::string(test.param.name); });

struct BadValue {
  const char* name;
  const char* payload;
  const char* key;
  const char* message;
};

class ConfigBundleBadValue : public ::testing::TestWithParam<BadValue> {};

TEST_P(ConfigBundleBadValue, GetsTheRuleOfKioskToml) {
  const auto& param = GetParam();
  const auto issue = refusal(param.payload);
  EXPECT_EQ(issue.key, param.key);
  EXPECT_NE(issue.message.find(param.message), std::string::npos) << issue.message;
}

INSTANTIATE_TEST_SUITE_P(
    SameRulesAsTheFile, ConfigBundleBadValue,
    ::testing::Values(
        BadValue{"TimeoutOutOfRange", R"({"session": {"idle_timeout_seconds": 5}})",
                 "session.idle_timeout_seconds", "between 10 and 600 s, got 5 s"},
        BadValue{"TimeoutAsString", R"({"session": {"idle_timeout_seconds": "60"}})",
                 "session.idle_timeout_seconds", "expected an integer, got a string"},
        BadValue{"TimeoutAsFloat", R"({"session": {"idle_timeout_seconds": 60.0}})",
                 "session.idle_timeout_seconds", "expected an integer, got a floating-point number"},
        BadValue{"TimeoutHuge", R"({"session": {"idle_timeout_seconds": 18446744073709551615}})",
                 "session.idle_timeout_seconds", "too large"},
        BadValue{"WarningNotShorter", R"({"session": {"idle_warning_seconds": 50}})",
                 "session.idle_warning_seconds", "must be shorter than session.idle_timeout_seconds"},
        BadValue{"ContrastNotBoolean", R"({"display": {"high_contrast": 1}})", "display.high_contrast",
                 "expected a boolean"},
        BadValue{"UnknownLanguage", R"({"languages": {"enabled": ["en", "xx"]}})", "languages.enabled",
                 "\"xx\""},
        BadValue{"DefaultNotEnabled", R"({"languages": {"enabled": ["en"], "default": "nb"}})",
                 "languages.default", "not in languages.enabled"},
        BadValue{"LanguagesNotStrings", R"({"languages": {"enabled": ["en", 3]}})", "languages.enabled",
                 "element 2: expected a string, got an integer"},
        BadValue{"NoSuchHoliday", R"({"complaints": {"holidays": ["2026-02-30"]}})", "complaints.holidays",
                 "2026-02-30"},
        BadValue{"FinalBeforeAcknowledge",
                 R"({"complaints": {"acknowledge_business_days": 10, "final_response_business_days": 5}})",
                 "complaints.final_response_business_days", "must not be shorter"},
        BadValue{"Null", R"({"complaints": {"escalation_text": null}})", "complaints.escalation_text",
                 "null is not a value"},
        BadValue{"NestedInList", R"({"complaints": {"holidays": [["2026-12-24"]]}})", "complaints.holidays",
                 "element 1: expected a string, got an array"},
        BadValue{"ObjectForString", R"({"complaints": {"escalation_text": {"en": "x"}}})",
                 "complaints.escalation_text", "expected a string, got a table"},
        BadValue{"PlainPin", R"({"staff": {"pin_hashes": ["manager:manager:2468"]}})", "staff.pin_hashes",
                 "the hash is not valid"},
        BadValue{"PinSlotWithoutHash", R"({"staff": {"pin_hashes": ["2468"]}})", "staff.pin_hashes",
                 "element 1"}),
    [](const auto& test) { return std::string(test.param.name); });

TEST(ConfigBundle, APlainPinIsNeverEchoedInTheReport) {
  const auto issue = refusal(R"({"staff": {"pin_hashes": ["manager:manager:802613"]}})");
  EXPECT_EQ(describe(issue).find("802613"), std::string::npos) << describe(issue);
}

TEST(ConfigBundle, ALongerEscalationTextThanTheFileAllowsIsRefused) {
  const auto issue = refusal(R"({"complaints": {"escalation_text": ")" + std::string(1001, 'x') + R"("}})");
  EXPECT_EQ(issue.key, "complaints.escalation_text");
}

TEST(ConfigBundle, LanguagesMayOnlyNarrowOrReorderKioskToml) {
  auto file = default_config();
  file.languages.enabled = {"en", "nb"};
  EXPECT_TRUE(merge(R"({"languages": {"enabled": ["nb"], "default": "nb"}})", file).ok());
  const auto issue = refusal(R"({"languages": {"enabled": ["en", "zh-Hans"]}})", file);
  EXPECT_EQ(issue.key, "languages.enabled");
  EXPECT_NE(issue.message.find("\"zh-Hans\" is not enabled in kiosk.toml"), std::string::npos)
      << issue.message;
}

TEST(ConfigBundle, RulesSpanningKeysUseKioskTomlsValues) {
  auto file = default_config();
  file.session.idle_timeout = 20s;
  file.session.idle_warning = 5s;
  // Valid on the defaults (45 s), not on this kiosk's file.
  const auto issue = refusal(R"({"session": {"idle_warning_seconds": 30}})", file);
  EXPECT_EQ(issue.key, "session.idle_warning_seconds");
  EXPECT_NE(issue.message.find("(20 s)"), std::string::npos) << issue.message;
}

TEST(ConfigBundle, TheBranchsBundleGoesOverTheBankWideOneAndIsCheckedWithIt) {
  const auto bank = layer(R"({"session": {"idle_timeout_seconds": 120, "attract_cycle_seconds": 9}})");
  const auto branch = layer(R"({"session": {"idle_timeout_seconds": 60}})", "br-001");
  const auto merged = merge_config_bundles(default_config(), {bank, branch});
  ASSERT_TRUE(merged.ok()) << issues_of(merged);
  EXPECT_EQ(merged.config->session.idle_timeout, 60s);
  EXPECT_EQ(merged.config->session.attract_cycle, 9s);
  // A branch warning that fits only the bank-wide timeout is refused once the bank's is gone, and the
  // report names the branch's bundle.
  const auto warning = layer(R"({"session": {"idle_warning_seconds": 50}})", "br-001", 2);
  EXPECT_TRUE(merge_config_bundles(default_config(), {bank, warning}).ok());
  const auto alone = merge_config_bundles(default_config(), {warning});
  ASSERT_FALSE(alone.ok());
  EXPECT_EQ(alone.issues.front().file, "config/br-001 v2");
  EXPECT_NE(
      config_bundles_problem(default_config(), {warning}).find("config/br-001 v2: session.idle_warning"),
      std::string::npos);
}

TEST(ConfigBundle, HostilePayloadsAreRefusedWithAReason) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"not json at all", "not valid JSON"},
      {"", "not valid JSON"},
      {std::string("{\"session\": {\"idle_timeout_seconds\": \"\xff\xfe\"}}"), "not valid JSON"},
      {"[1, 2, 3]", "must be an object of tables"},
      {"\"config\"", "must be an object of tables"},
      {"null", "must be an object of tables"},
      {std::string(30000, '[') + std::string(30000, ']'), "must be an object of tables"},
      {"{\"a\":" + std::string(20000, '[') + std::string(20000, ']') + "}", "expected a table"},
      {std::string("\0\x01\x02{}", 5), "not valid JSON"},
  };
  for (const auto& [payload, reason] : cases) {
    const auto result = merge(payload);
    ASSERT_FALSE(result.ok()) << payload.substr(0, 40);
    ASSERT_FALSE(result.issues.empty());
    EXPECT_NE(result.issues.front().message.find(reason), std::string::npos)
        << payload.substr(0, 40) << ": " << issues_of(result);
  }
}

TEST(ConfigBundle, AnOversizePayloadIsRefusedBeforeParsing) {
  std::string payload = R"({"complaints": {"escalation_text": ")";
  payload += std::string(k_max_config_bundle_bytes, 'x');
  payload += R"("}})";
  const auto issue = refusal(payload);
  EXPECT_NE(issue.message.find("at most 65536"), std::string::npos) << issue.message;
}

TEST(ConfigBundle, ManyUnknownKeysGiveABoundedReport) {
  std::string payload = R"({"session": {)";
  for (int i = 0; i < 2000; ++i)
    payload += (i == 0 ? "" : ",") + std::string("\"k") + std::to_string(i) + "\": 1";
  payload += "}}";
  const auto result = merge(payload);
  ASSERT_FALSE(result.ok());
  EXPECT_LE(result.issues.size(), k_max_config_issues + 1);
  EXPECT_LE(config_bundles_problem(default_config(), {layer(payload)}).size(), 1100U);
}

TEST(ConfigBundle, TakeConfigUpdatesLeavesTheContentInOrder) {
  std::vector<ContentUpdate> updates = {
      {"services", "{}", 1, "services/all v1"}, layer("{}"), {"surveys", "{}", 1, "surveys/all v1"}};
  const auto config = take_config_updates(updates);
  ASSERT_EQ(config.size(), 1U);
  EXPECT_EQ(config[0].kind, "config");
  ASSERT_EQ(updates.size(), 2U);
  EXPECT_EQ(updates[0].kind, "services");
  EXPECT_EQ(updates[1].kind, "surveys");
}

TEST(RuntimeConfigLayers, ARefusedUpdateKeepsTheConfigInUse) {
  RuntimeConfig runtime(default_config());
  EXPECT_TRUE(runtime.update({layer(R"({"session": {"idle_timeout_seconds": 60}})")}));
  EXPECT_EQ(runtime.effective().session.idle_timeout, 60s);
  EXPECT_FALSE(runtime.update({layer(R"({"kiosk": {"kiosk_id": "x"}})", "all", 2)}));
  EXPECT_EQ(runtime.effective().session.idle_timeout, 60s);
  EXPECT_FALSE(runtime.update({layer(R"({"session": {"idle_timeout_seconds": 60}})", "all", 3)}))
      << "the same settings again change nothing";
}

TEST(RuntimeConfigLayers, ExpiryFallsBackFromBranchToBankWideToKioskToml) {
  const std::chrono::sys_seconds now{std::chrono::seconds{1795510800}};
  RuntimeConfig runtime(default_config());
  // The branch's arrives first; the bank-wide one still goes under it.
  ASSERT_TRUE(runtime.update({layer(R"({"session": {"idle_timeout_seconds": 60}})", "br-001", 1, now + 1h)}));
  EXPECT_FALSE(runtime.update({layer(R"({"session": {"idle_timeout_seconds": 120}})", "all", 1, now + 2h)}));
  EXPECT_EQ(runtime.effective().session.idle_timeout, 60s);
  EXPECT_FALSE(runtime.drop_expired(now));
  EXPECT_TRUE(runtime.drop_expired(now + 1h));
  EXPECT_EQ(runtime.effective().session.idle_timeout, 120s);
  EXPECT_TRUE(runtime.drop_expired(now + 2h));
  EXPECT_EQ(runtime.effective(), default_config());
  EXPECT_FALSE(runtime.drop_expired(now + 3h));
}

TEST(RuntimeConfigLayers, ABranchLayerValidOnlyWithTheExpiredBankWideOneFallsBackToKioskToml) {
  const std::chrono::sys_seconds now{std::chrono::seconds{1795510800}};
  RuntimeConfig runtime(default_config());
  ASSERT_TRUE(runtime.update({layer(R"({"session": {"idle_timeout_seconds": 120}})", "all", 1, now + 1h)}));
  ASSERT_TRUE(runtime.update({layer(R"({"session": {"idle_warning_seconds": 50}})", "br-001", 1, now + 5h)}));
  EXPECT_EQ(runtime.effective().session.idle_warning, 50s);
  EXPECT_TRUE(runtime.drop_expired(now + 1h));
  EXPECT_EQ(runtime.effective(), default_config()) << "45 s timeout with a 50 s warning is never run";
}

}  // namespace
}  // namespace kiosk::app

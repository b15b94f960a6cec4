#include "app/startup.hpp"

#include <spdlog/spdlog.h>

#include <system_error>

#include "app/logging.hpp"
#include "platform/paths.hpp"
#include "store/store.hpp"

namespace kiosk::app {
namespace {

std::filesystem::path or_default(const std::filesystem::path& configured, std::filesystem::path fallback) {
  return configured.empty() ? std::move(fallback) : configured;
}

void log_store_outcome(const store::OpenReport& report) {
  switch (report.outcome) {
    case store::OpenOutcome::opened:
    case store::OpenOutcome::created:
      spdlog::info("store ready (schema {}): {}", report.schema_version, report.message);
      break;
    case store::OpenOutcome::recovered_from_corruption:
      spdlog::error("store was damaged and moved aside to {}; a fresh store is in use: {}",
                    report.moved_aside_to.string(), report.message);
      break;
    case store::OpenOutcome::unavailable:
      spdlog::critical("store unavailable, kiosk out of service: {}", report.message);
      break;
  }
}

}  // namespace

Startup::Startup() = default;
Startup::~Startup() = default;
Startup::Startup(Startup&&) noexcept = default;
Startup& Startup::operator=(Startup&&) noexcept = default;

std::optional<KioskConfig> load_startup_config(const StartupOptions& options,
                                               std::vector<ConfigIssue>& issues) {
  if (!options.config_file) {
    return default_config();
  }
  auto result = load_config_file(*options.config_file);
  issues = std::move(result.issues);
  return std::move(result.config);
}

Startup prepare_startup(KioskConfig config, const StartupOptions& options) {
  Startup startup;
  if (options.display_mode) {
    config.display.mode = *options.display_mode;
  }
  startup.data_dir =
      options.data_dir.value_or(or_default(config.paths.data_dir, platform::default_data_dir()));
  startup.cache_dir = or_default(config.paths.cache_dir, startup.data_dir / "cache");
  startup.log_dir = or_default(config.paths.log_dir, startup.data_dir / "log");
  init_logging(
      logging_options(config.logging, options.log_to_file ? startup.log_dir : std::filesystem::path()));

  std::string tried;
  if (auto assets = platform::find_assets_dir(&tried)) {
    startup.assets_dir = *assets;
  } else {
    spdlog::error("assets folder not found (looked in {}); screens show English text", tried);
  }
  std::vector<std::string> problems;
  startup.catalogs = LanguageCatalogs::load(startup.assets_dir / "i18n", config.languages.enabled, problems);
  for (const auto& problem : problems) {
    spdlog::error("{}", problem);
  }

  store::OpenReport report;
  startup.store = store::Store::open(startup.data_dir / "kiosk.db", report);
  log_store_outcome(report);
  if (!startup.store) {
    startup.out_of_service_reason = "store unavailable: " + report.message;
  }
  startup.config = std::move(config);
  return startup;
}

}  // namespace kiosk::app

#pragma once
// The real kiosk UI, headless, for e2e tests: config defaults, the shipped catalogs, a ManualClock the
// test moves, fonts cached in the build tree (shared by all e2e tests, so only the first one bakes).

#include <memory>
#include <string>

#include "app/catalogs.hpp"
#include "app/config.hpp"
#include "app/kiosk_app.hpp"
#include "app/kiosk_services.hpp"
#include "app/preview_driver.hpp"
#include "store/store.hpp"
#include "temp_dir.hpp"
#include "ui/widgets/keyboard.hpp"
#include "domain/language.hpp"
#include "platform/clock.hpp"
#include "platform/sdl_runtime.hpp"
#include "ui/fonts.hpp"
#include "ui/headless_kiosk.hpp"

namespace kiosk::test {

inline app::LanguageCatalogs shipped_catalogs(const std::vector<std::string>& tags) {
  std::vector<std::string> problems;
  auto catalogs =
      app::LanguageCatalogs::load(std::filesystem::path(KIOSK_ASSETS_DIR) / "i18n", tags, problems);
  if (!problems.empty()) {
    throw std::runtime_error("catalog problem: " + problems.front());
  }
  return catalogs;
}

inline ui::FontRequest test_font_request(const app::LanguageCatalogs& catalogs,
                                         const app::KioskConfig& config) {
  ui::FontRequest request;
  request.glyph_text = catalogs.glyph_text() + config.kiosk.bank_name + ui::keyboard_glyphs();
  for (const auto& language : domain::supported_languages()) {
    request.glyph_text += language.autonym;
  }
  request.cache_dir = std::filesystem::current_path() / "font-cache";
  request.files = ui::find_system_fonts(nullptr);
  return request;
}

// Tuesday 24 November 2026, 09:00 UTC: 10:00 in Oslo, when every shipped service is open.
inline constexpr std::chrono::sys_seconds k_test_start{std::chrono::seconds{1795510800}};

// The real UI headless, with the real customer desk on a fresh store in a temporary folder (and, when the
// config names one, a real printer transport).
class UiHarness {
 public:
  explicit UiHarness(int width = 1920, int height = 1080, app::KioskConfig config = app::default_config(),
                     bool with_services = true)
      : m_sdl(platform::SdlRuntime::Video::none), m_clock(k_test_start), m_data("kiosk-ui") {
    auto catalogs = shipped_catalogs(config.languages.enabled);
    auto fonts = test_font_request(catalogs, config);
    m_app = std::make_unique<app::KioskApp>(config, std::move(catalogs), m_clock.steady_now());
    if (with_services) {
      store::OpenReport report;
      m_store = store::Store::open(m_data.path() / "kiosk.db", report);
      if (!m_store) throw std::runtime_error("test store: " + report.message);
      m_services = app::make_kiosk_services(m_store.get(), config, KIOSK_ASSETS_DIR, m_data.path(), m_clock,
                                            m_app->catalogs());
      m_services.attach_to(*m_app);
      if (m_services.desk) fonts.glyph_text += app::content_glyph_text(m_services.desk->content());
    }
    m_kiosk = std::make_unique<ui::HeadlessKiosk>(*m_app, m_clock, std::move(fonts), width, height);
    m_kiosk->runner().settle();
  }
  ~UiHarness() {
    m_kiosk.reset();
    m_app.reset();
    m_services = {};
  }

  app::KioskApp& app() { return *m_app; }
  ui::HeadlessKiosk& kiosk() { return *m_kiosk; }
  platform::ManualClock& clock() { return m_clock; }
  const ui::WidgetRegistry& widgets() const { return m_kiosk->widgets(); }
  app::FrameVm vm() const { return m_app->view_model(m_clock.steady_now()); }

  bool tap(std::string_view id) { return m_kiosk->tap(id); }
  void type(std::string_view text) { m_kiosk->type(text); }
  // Drives the app to `screen` the way a customer would (see app/preview_driver.hpp), then draws.
  bool drive_to(app::ScreenId screen, const std::string& language) {
    const bool reached = app::drive_to_screen(*m_app, screen, language, m_clock.steady_now());
    m_kiosk->runner().settle();
    return reached;
  }
  store::Store* store() { return m_store.get(); }
  const app::KioskServices& services() const { return m_services; }
  const std::filesystem::path& data_dir() const { return m_data.path(); }
  // Moves time and lets the kiosk react as its loop would.
  void wait(std::chrono::steady_clock::duration by) {
    m_clock.advance(by);
    m_kiosk->runner().settle();
  }

 private:
  platform::SdlRuntime m_sdl;
  platform::ManualClock m_clock;
  TempDir m_data;
  std::unique_ptr<store::Store> m_store;
  app::KioskServices m_services;
  std::unique_ptr<app::KioskApp> m_app;
  std::unique_ptr<ui::HeadlessKiosk> m_kiosk;
};

}  // namespace kiosk::test

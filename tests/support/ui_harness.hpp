#pragma once
// The real kiosk UI, headless, for e2e tests: config defaults, the shipped catalogs, a ManualClock the
// test moves, fonts cached in the build tree (shared by all e2e tests, so only the first one bakes).

#include <memory>
#include <string>

#include "app/catalogs.hpp"
#include "app/config.hpp"
#include "app/kiosk_app.hpp"
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
  request.glyph_text = catalogs.glyph_text() + config.kiosk.bank_name;
  for (const auto& language : domain::supported_languages()) {
    request.glyph_text += language.autonym;
  }
  request.cache_dir = std::filesystem::current_path() / "font-cache";
  request.files = ui::find_system_fonts(nullptr);
  return request;
}

class UiHarness {
 public:
  explicit UiHarness(int width = 1920, int height = 1080, app::KioskConfig config = app::default_config())
      : m_sdl(platform::SdlRuntime::Video::none) {
    auto catalogs = shipped_catalogs(config.languages.enabled);
    auto fonts = test_font_request(catalogs, config);
    m_app = std::make_unique<app::KioskApp>(config, std::move(catalogs), m_clock.steady_now());
    m_kiosk = std::make_unique<ui::HeadlessKiosk>(*m_app, m_clock, std::move(fonts), width, height);
    m_kiosk->runner().settle();
  }

  app::KioskApp& app() { return *m_app; }
  ui::HeadlessKiosk& kiosk() { return *m_kiosk; }
  platform::ManualClock& clock() { return m_clock; }
  const ui::WidgetRegistry& widgets() const { return m_kiosk->widgets(); }
  app::FrameVm vm() const { return m_app->view_model(m_clock.steady_now()); }

  bool tap(std::string_view id) { return m_kiosk->tap(id); }
  // Moves time and lets the kiosk react as its loop would.
  void wait(std::chrono::steady_clock::duration by) {
    m_clock.advance(by);
    m_kiosk->runner().settle();
  }

 private:
  platform::SdlRuntime m_sdl;
  platform::ManualClock m_clock;
  std::unique_ptr<app::KioskApp> m_app;
  std::unique_ptr<ui::HeadlessKiosk> m_kiosk;
};

}  // namespace kiosk::test

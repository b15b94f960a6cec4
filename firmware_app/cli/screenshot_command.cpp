// screenshot: renders one screen, in one language and size, to a PNG file with the real UI, headless.
#include <spdlog/spdlog.h>

#include <iostream>

#include "app/kiosk_services.hpp"
#include "app/preview_driver.hpp"
#include "app/screen_id.hpp"
#include "cli/commands.hpp"
#include "cli/ui_session.hpp"
#include "domain/language.hpp"
#include "platform/sdl_runtime.hpp"
#include "ui/headless_kiosk.hpp"

namespace kiosk::cli {

int screenshot(const ScreenshotOptions& options) {
  const auto screen = app::screen_from_key(options.screen);
  const auto language = domain::find_language(options.language);
  const auto size = parse_size(options.size);
  if (!screen || !language || !size) {
    std::cerr << "screenshot: unknown screen, language or size (screens:";
    for (const auto id : app::all_screens())
      std::cerr << ' ' << app::screen_key(id);
    std::cerr << "; languages: en, ru, zh-Hans, nb; size: WIDTHxHEIGHT)\n";
    return k_exit_failure;
  }
  auto config = load_config_or_report(options.startup);
  if (!config) {
    return k_exit_bad_config;
  }
  auto startup_options = options.startup;
  startup_options.log_to_file = false;
  auto startup = app::prepare_startup(std::move(*config), startup_options);
  try {
    platform::SdlRuntime sdl(platform::SdlRuntime::Video::none);
    platform::SystemClock clock;
    auto fonts = font_request(startup);
    fonts.numerals = *screen == app::ScreenId::now_serving;  // the hall display's big ticket numbers
    auto kiosk_app = make_app(startup, clock);
    // Flow screens are reached by real intents on a throw-away store: never the kiosk's own data.
    app::PreviewServices preview(startup.config, startup.assets_dir, kiosk_app->catalogs());
    preview.services().attach_to(*kiosk_app);
    if (preview.services().desk)
      fonts.glyph_text += app::content_glyph_text(preview.services().desk->content());
    ui::HeadlessKiosk kiosk(*kiosk_app, clock, std::move(fonts), size->first, size->second);
    if (!app::drive_to_screen(*kiosk_app, *screen, std::string(language->tag), clock.steady_now())) {
      std::cerr << "screenshot: the flow could not reach " << options.screen << '\n';
      return k_exit_failure;
    }
    if (options.high_contrast || options.idle_warning) {
      kiosk_app->preview_overlays(options.high_contrast, options.idle_warning, clock.steady_now());
    }
    kiosk.runner().settle();
    std::string error;
    if (!kiosk.write_png(options.out, &error)) {
      std::cerr << "screenshot: " << error << '\n';
      return k_exit_failure;
    }
  } catch (const std::exception& error) {
    std::cerr << "screenshot: " << error.what() << '\n';
    return k_exit_failure;
  }
  std::cout << options.out.string() << '\n';
  return k_exit_ok;
}

}  // namespace kiosk::cli

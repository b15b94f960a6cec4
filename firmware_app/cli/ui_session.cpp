#include "cli/ui_session.hpp"

#include <charconv>
#include <iostream>

#include "domain/language.hpp"
#include "ui/widgets/keyboard.hpp"

namespace kiosk::cli {

std::optional<app::KioskConfig> load_config_or_report(const app::StartupOptions& options) {
  std::vector<app::ConfigIssue> issues;
  auto config = app::load_startup_config(options, issues);
  for (const auto& issue : issues) {
    std::cerr << app::describe(issue) << '\n';
  }
  return config;
}

ui::FontRequest font_request(const app::Startup& startup) {
  ui::FontRequest request;
  request.glyph_text = startup.catalogs.glyph_text() + startup.config.kiosk.bank_name + ui::keyboard_glyphs();
  for (const auto& language : domain::supported_languages()) {
    request.glyph_text += language.autonym;
  }
  request.cache_dir = startup.cache_dir;
  request.files = ui::find_system_fonts(nullptr);
  return request;
}

std::unique_ptr<app::KioskApp> make_app(app::Startup& startup, const platform::Clock& clock) {
  auto kiosk_app =
      std::make_unique<app::KioskApp>(startup.config, std::move(startup.catalogs), clock.steady_now());
  if (startup.out_of_service_reason) {
    kiosk_app->enter_out_of_service(*startup.out_of_service_reason);
  }
  return kiosk_app;
}

std::optional<std::pair<int, int>> parse_size(const std::string& text) {
  const auto separator = text.find('x');
  if (separator == std::string::npos) {
    return std::nullopt;
  }
  int width = 0;
  int height = 0;
  const char* begin = text.data();
  const char* middle = begin + separator;
  const char* end = begin + text.size();
  const auto parsed_width = std::from_chars(begin, middle, width);
  const auto parsed_height = std::from_chars(middle + 1, end, height);
  if (parsed_width.ptr != middle || parsed_height.ptr != end || width < 320 || height < 240 || width > 7680 ||
      height > 4320) {
    return std::nullopt;
  }
  return std::pair{width, height};
}

}  // namespace kiosk::cli

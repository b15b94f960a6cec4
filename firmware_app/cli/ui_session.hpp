#pragma once
// Shared wiring of the commands that draw: the app built from a Startup, and the font request.

#include <memory>
#include <optional>
#include <string>

#include "app/kiosk_app.hpp"
#include "app/startup.hpp"
#include "platform/clock.hpp"
#include "ui/fonts.hpp"

namespace kiosk::cli {

// The configuration the options name; on problems prints one line per issue to stderr and returns
// nullopt (the kiosk never starts half-configured).
std::optional<app::KioskConfig> load_config_or_report(const app::StartupOptions& options);

// The glyphs to bake: every catalog, the bank name and the language names.
ui::FontRequest font_request(const app::Startup& startup);

// The app for this startup, out of service when the store could not be opened. Takes the catalogs
// out of `startup`: call font_request() first.
std::unique_ptr<app::KioskApp> make_app(app::Startup& startup, const platform::Clock& clock);

// Parses "1920x1080"; nullopt when malformed or outside 320x240 .. 7680x4320.
std::optional<std::pair<int, int>> parse_size(const std::string& text);

}  // namespace kiosk::cli

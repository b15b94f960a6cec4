#pragma once
// Brings a KioskApp to any screen the way a customer would: by applying the same intents their taps
// emit. The screenshot command, the headless run and tests use it, so every screenshot shows a state the
// real flows produced (with the sample content of a scratch store, never the production one).

#include <string>

#include "app/kiosk_app.hpp"

namespace kiosk::app {

// Starts a fresh session in `language` and drives it to `screen`. Returns false (and leaves the app on
// the furthest screen it reached) when the flow cannot get there, e.g. no service is open or no desk.
bool drive_to_screen(KioskApp& app, ScreenId screen, const std::string& language, KioskApp::TimePoint now);

}  // namespace kiosk::app

#pragma once
// Everything that belongs to the customer at the screen. It is one plain struct on purpose: the idle
// wipe and "start over" are `session = {}`, so nothing a customer chose or typed can survive into the
// next customer's session.

#include <string>

#include "app/screen_id.hpp"

namespace kiosk::app {

struct CustomerSession {
  ScreenId screen = ScreenId::attract;
  ScreenId return_from_language = ScreenId::home;  // where "Back" on the language picker goes
  std::string language;                            // BCP 47 tag; empty until the customer starts
  bool accessibility = false;                      // larger text, high contrast, doubled time limits
};

}  // namespace kiosk::app

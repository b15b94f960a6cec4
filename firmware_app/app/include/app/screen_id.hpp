#pragma once
// The screens a customer can see. Ids are stable strings: they name screenshots, test expectations and
// log lines, and never change with the language.

#include <optional>
#include <span>
#include <string_view>

namespace kiosk::app {

enum class ScreenId {
  attract,         // idle: bank name, "touch to start" cycling through languages
  language,        // language picker, each language named in itself
  home,            // what the customer can do here
  out_of_service,  // the kiosk cannot take customers; calm text, reason for staff
};

std::string_view screen_key(ScreenId id);
std::optional<ScreenId> screen_from_key(std::string_view key);
std::span<const ScreenId> all_screens();

}  // namespace kiosk::app

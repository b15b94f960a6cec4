#include "app/screen_id.hpp"

#include <array>

namespace kiosk::app {
namespace {

struct ScreenName {
  ScreenId id;
  std::string_view key;
};

constexpr std::array<ScreenName, 4> k_screens{{
    {ScreenId::attract, "attract"},
    {ScreenId::language, "language"},
    {ScreenId::home, "home"},
    {ScreenId::out_of_service, "out_of_service"},
}};

constexpr std::array<ScreenId, 4> k_screen_ids{ScreenId::attract, ScreenId::language, ScreenId::home,
                                               ScreenId::out_of_service};

}  // namespace

std::string_view screen_key(ScreenId id) {
  for (const auto& screen : k_screens) {
    if (screen.id == id) {
      return screen.key;
    }
  }
  return "unknown";
}

std::optional<ScreenId> screen_from_key(std::string_view key) {
  for (const auto& screen : k_screens) {
    if (screen.key == key) {
      return screen.id;
    }
  }
  return std::nullopt;
}

std::span<const ScreenId> all_screens() {
  return k_screen_ids;
}

}  // namespace kiosk::app

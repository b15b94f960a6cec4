#include "domain/language.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace kiosk::domain {
namespace {

constexpr std::array<LanguageInfo, 4> k_languages{{
    {"en", "English", "English"},
    {"ru", "Русский", "Russian"},
    {"zh-Hans", "简体中文", "Chinese (Simplified)"},
    {"nb", "Norsk bokmål", "Norwegian Bokmål"},
}};

bool equal_ignoring_ascii_case(std::string_view a, std::string_view b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
  });
}

}  // namespace

std::span<const LanguageInfo> supported_languages() {
  return k_languages;
}

std::optional<LanguageInfo> find_language(std::string_view tag) {
  for (const auto& language : k_languages) {
    if (equal_ignoring_ascii_case(language.tag, tag)) {
      return language;
    }
  }
  return std::nullopt;
}

}  // namespace kiosk::domain

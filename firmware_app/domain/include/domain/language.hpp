#pragma once
// The languages a customer can choose. Tags are BCP 47 ("zh-Hans", not "zh_CN") because they travel
// in events and config; catalogs are named after the tag.

#include <optional>
#include <span>
#include <string_view>

namespace kiosk::domain {

struct LanguageInfo {
  std::string_view tag;      // BCP 47 tag, e.g. "nb"
  std::string_view autonym;  // the language named in itself, shown on the language picker
  std::string_view english_name;
};

// Every language the kiosk ships a catalog for, in the order the picker shows them.
std::span<const LanguageInfo> supported_languages();

// The language with this tag (case-insensitive; "zh-hans" matches), or nullopt.
std::optional<LanguageInfo> find_language(std::string_view tag);

}  // namespace kiosk::domain

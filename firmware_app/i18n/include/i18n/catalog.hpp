#pragma once
// Translated messages for one language, loaded from a gettext .po catalog at start.
//
// Guarantees: lookups never fail and never throw. A message missing from the catalog, or present but
// fuzzy or untranslated, comes back as the English msgid so the customer always sees text. Plural
// forms follow the catalog's own Plural-Forms header (Russian has one/few/many, Chinese one form).

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::i18n {

class PluralRule;

class Catalog {
 public:
  Catalog();  // an empty catalog: every lookup returns the msgid, plurals follow English rules
  ~Catalog();
  Catalog(Catalog&&) noexcept;
  Catalog& operator=(Catalog&&) noexcept;

  // Loads a .po file. On error returns nullopt and fills `error` with "file:line: what is wrong".
  static std::optional<Catalog> load_po_file(const std::filesystem::path& path, std::string* error);
  static std::optional<Catalog> parse_po(std::string_view text, std::string_view source_name, std::string* error);

  // The translation of `msgid` (in `context` when not empty), or `msgid` itself.
  std::string_view tr(std::string_view msgid) const;
  std::string_view trc(std::string_view context, std::string_view msgid) const;
  // The plural form for `n`, chosen by the catalog's plural rule, or English rules on the msgids.
  std::string_view tr_n(std::string_view singular, std::string_view plural, std::uint64_t n) const;

  // The Language header of the catalog (e.g. "ru", "zh_Hans"), empty for the empty catalog.
  const std::string& language() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

// Replaces {name} placeholders with values. Unknown names and unbalanced braces are left as they are,
// so a broken translation shows odd text rather than crashing the kiosk. "{{" and "}}" are literal braces.
std::string format_named(std::string_view pattern, const std::map<std::string, std::string, std::less<>>& values);

}  // namespace kiosk::i18n

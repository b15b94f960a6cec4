#pragma once
// Translated messages for one language, loaded from a gettext .po catalog at start.
//
// Guarantees: lookups never fail and never throw. A message missing from the catalog, or present but
// fuzzy or untranslated, comes back as the English msgid so the customer always sees text. Plural
// forms follow the catalog's own Plural-Forms header (Russian has one/few/many, Chinese one form).
// A returned view points into the catalog or into the argument passed in, so it is valid while both
// are. A moved-from catalog behaves like the empty one.

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
struct PoFile;

class Catalog {
 public:
  Catalog();  // an empty catalog: every lookup returns the msgid, plurals follow English rules
  ~Catalog();
  Catalog(Catalog&&) noexcept;
  Catalog& operator=(Catalog&&) noexcept;

  // Loads a .po file. On error returns nullopt and fills `error` with "file:line: what is wrong".
  static std::optional<Catalog> load_po_file(const std::filesystem::path& path, std::string* error);
  static std::optional<Catalog> parse_po(std::string_view text, std::string_view source_name,
                                         std::string* error);
  // Builds a catalog from an already parsed file (i18n/po_file.hpp). Fails only on a malformed
  // Plural-Forms header, reported at the header's line.
  static std::optional<Catalog> from_po_file(PoFile file, std::string_view source_name, std::string* error);

  // The translation of `msgid` (in `context` when not empty), or `msgid` itself.
  std::string_view tr(std::string_view msgid) const;
  std::string_view trc(std::string_view context, std::string_view msgid) const;
  // The plural form for `n`, chosen by the catalog's plural rule, or English rules on the msgids.
  std::string_view tr_n(std::string_view singular, std::string_view plural, std::uint64_t n) const;

  // The Language header of the catalog as written (e.g. "ru", "zh_CN"), empty for the empty catalog.
  // Catalog files are named after BCP 47 tags (zh-Hans.po), but the Language header uses gettext's
  // ll_CC form, which has no script subtag: zh-Hans.po says "Language: zh_CN" (gettext's name for
  // Simplified Chinese; i18nspector rejects "zh_Hans" and "zh-Hans" as invalid-language). The other
  // tags (en, ru, nb) are the same in both forms.
  const std::string& language() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

// Replaces {name} placeholders with values. Unknown names and unbalanced braces are left as they are,
// so a broken translation shows odd text rather than crashing the kiosk. "{{" and "}}" are literal braces.
std::string format_named(std::string_view pattern,
                         const std::map<std::string, std::string, std::less<>>& values);

}  // namespace kiosk::i18n

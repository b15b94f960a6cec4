#pragma once
// The message catalogs of the languages this kiosk offers, loaded once at start.

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "i18n/catalog.hpp"

namespace kiosk::app {

class LanguageCatalogs {
 public:
  // Loads <i18n_dir>/<tag>.po for each tag. A missing or broken catalog is reported in `problems` and
  // replaced by an empty one, so that language shows the English text instead of stopping the kiosk.
  static LanguageCatalogs load(const std::filesystem::path& i18n_dir, const std::vector<std::string>& tags,
                               std::vector<std::string>& problems);

  // The catalog for `tag`; the empty (English) catalog for a tag that was not loaded.
  const i18n::Catalog& for_language(const std::string& tag) const;

  // The text of every loaded catalog file, so the font bakes exactly the glyphs the screens can show.
  const std::string& glyph_text() const { return m_glyph_text; }

 private:
  std::map<std::string, i18n::Catalog, std::less<>> m_catalogs;
  i18n::Catalog m_fallback;
  std::string m_glyph_text;
};

}  // namespace kiosk::app

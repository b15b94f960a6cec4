#include "app/catalogs.hpp"

#include <fstream>
#include <sstream>

namespace kiosk::app {
namespace {

bool read_file(const std::filesystem::path& file, std::string& text) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    return false;
  }
  std::ostringstream content;
  content << in.rdbuf();
  text = content.str();
  return true;
}

}  // namespace

LanguageCatalogs LanguageCatalogs::load(const std::filesystem::path& i18n_dir,
                                        const std::vector<std::string>& tags,
                                        std::vector<std::string>& problems) {
  LanguageCatalogs catalogs;
  for (const auto& tag : tags) {
    const auto file = i18n_dir / (tag + ".po");
    std::string text;
    if (!read_file(file, text)) {
      problems.push_back("cannot read catalog " + file.string() + "; " + tag + " shows English text");
      continue;
    }
    std::string error;
    auto catalog = i18n::Catalog::parse_po(text, file.string(), &error);
    if (!catalog) {
      problems.push_back("broken catalog " + error + "; " + tag + " shows English text");
      continue;
    }
    catalogs.m_glyph_text += text;
    catalogs.m_catalogs.emplace(tag, std::move(*catalog));
  }
  return catalogs;
}

const i18n::Catalog& LanguageCatalogs::for_language(const std::string& tag) const {
  auto found = m_catalogs.find(tag);
  return found == m_catalogs.end() ? m_fallback : found->second;
}

}  // namespace kiosk::app

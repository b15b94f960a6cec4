#pragma once
// The kiosk's fonts: Noto Sans for Latin and Cyrillic merged with Noto Sans CJK SC, from Debian's
// fonts-noto-core and fonts-noto-cjk. Only the glyphs the catalogs and screens use are baked (all of
// Chinese at 40 px would cost ~330 ms and +85 MB), and the baked atlas is cached on disk keyed by font
// files, sizes and glyph set, so later starts skip the bake.

#include <array>
#include <filesystem>
#include <string>

struct ImFont;
struct ImFontAtlas;

namespace kiosk::ui {

enum class FontRole { small, body, button, title, hero };
inline constexpr std::size_t k_font_role_count = 5;

struct FontSet {
  std::array<ImFont*, k_font_role_count> fonts{};
  // Ticket numbers for the hall display, baked large with only letters, digits and '-' (FontRequest::
  // numerals); null otherwise, and screens then scale the hero font.
  ImFont* numerals = nullptr;
  ImFont* get(FontRole role) const { return fonts[static_cast<std::size_t>(role)]; }
  // The next smaller role, for text that does not fit (hero -> title -> button -> body -> small).
  static FontRole smaller(FontRole role);
};

// Pixel size of each role at a layout scale, larger when large_text is on.
float font_pixel_size(FontRole role, float scale, bool large_text);
// Pixel size of FontSet::numerals at a layout scale.
float numerals_pixel_size(float scale);

struct FontFiles {
  std::filesystem::path latin_regular;
  std::filesystem::path latin_bold;
  std::filesystem::path cjk_regular;
  std::filesystem::path cjk_bold;
  int cjk_face_index = 2;  // Simplified Chinese in Debian's NotoSansCJK-*.ttc (JP, KR, SC, TC, HK)
};

// Debian's Noto files, or the missing paths listed in `missing`.
FontFiles find_system_fonts(std::string* missing);

struct FontRequest {
  float scale = 1.0F;
  bool large_text = false;
  std::string glyph_text;           // every text that may be shown (catalogs, config names, autonyms)
  std::filesystem::path cache_dir;  // empty: no cache
  FontFiles files;
  bool numerals = false;  // also bake FontSet::numerals (the hall display's ticket numbers)
};

struct FontReport {
  bool from_cache = false;
  bool fallback_font = false;  // Noto missing: ImGui's built-in font (ASCII only) so the kiosk still runs
  std::filesystem::path cache_file;
  std::string problem;  // why the cache or the fonts could not be used, for the log
  int glyph_count = 0;
  int atlas_width = 0;
  int atlas_height = 0;
};

// Clears `atlas` and fills it with the kiosk's fonts, from the cache when it matches. Never throws;
// problems are in the report.
FontSet build_fonts(ImFontAtlas& atlas, const FontRequest& request, FontReport& report);

}  // namespace kiosk::ui

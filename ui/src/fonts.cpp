#include "ui/fonts.hpp"

#include <imgui.h>

#include <array>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <system_error>

#include "font_cache.hpp"

namespace kiosk::ui {
namespace {

constexpr std::uint32_t k_cache_format = 2;

// Role sizes in pixels at 1080 px on the short side.
constexpr std::array<float, k_font_role_count> k_base_sizes{30.0F, 38.0F, 44.0F, 64.0F, 100.0F};
constexpr float k_large_text_factor = 1.3F;
// The hall display's ticket numbers: about a third of a 1080 px screen, so scaling them to their box
// mostly shrinks (crisp) rather than magnifies (blurred). Only what a ticket number can hold is baked,
// which keeps the atlas small: ~40 glyphs.
constexpr float k_numerals_base_size = 360.0F;
constexpr ImWchar k_numeral_ranges[] = {'-', '-', '0', '9', 'A', 'Z', 0};

// Characters the screens draw themselves, beyond what the catalogs contain.
constexpr const char* k_ui_symbols =
    "0123456789 ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz…–—•·«»“”‘’";

class Fnv1a {
 public:
  void add(const void* data, std::size_t size) {
    const auto* bytes = static_cast<const unsigned char*>(data);
    for (std::size_t i = 0; i < size; ++i) {
      m_hash = (m_hash ^ bytes[i]) * 1099511628211ULL;
    }
  }
  template <typename T>
  void add_value(const T& value) {
    add(&value, sizeof(T));
  }
  void add_string(const std::string& text) {
    add(text.data(), text.size());
    add_value(text.size());
  }
  std::uint64_t value() const { return m_hash; }

 private:
  std::uint64_t m_hash = 14695981039346656037ULL;
};

void add_file_identity(Fnv1a& hash, const std::filesystem::path& file) {
  std::error_code error;
  hash.add_string(file.string());
  hash.add_value(std::filesystem::file_size(file, error));
  hash.add_value(std::filesystem::last_write_time(file, error).time_since_epoch().count());
}

std::uint64_t cache_key(const FontRequest& request, const ImVector<ImWchar>& ranges) {
  Fnv1a hash;
  hash.add_value(k_cache_format);
  hash.add_value(IMGUI_VERSION_NUM);
  hash.add_value(sizeof(ImFontGlyph));
  for (const auto* file : {&request.files.latin_regular, &request.files.latin_bold,
                           &request.files.cjk_regular, &request.files.cjk_bold}) {
    add_file_identity(hash, *file);
  }
  hash.add_value(request.files.cjk_face_index);
  for (std::size_t role = 0; role < k_font_role_count; ++role) {
    hash.add_value(font_pixel_size(static_cast<FontRole>(role), request.scale, request.large_text));
  }
  hash.add(ranges.Data, sizeof(ImWchar) * static_cast<std::size_t>(ranges.Size));
  if (request.numerals) {
    hash.add_value(numerals_pixel_size(request.scale));
    hash.add(k_numeral_ranges, sizeof(k_numeral_ranges));
  }
  return hash.value();
}

ImVector<ImWchar> glyph_ranges(const std::string& glyph_text) {
  ImFontGlyphRangesBuilder builder;
  builder.AddRanges(ImGui::GetIO().Fonts->GetGlyphRangesDefault());  // Basic Latin + Latin-1
  builder.AddText(k_ui_symbols);
  builder.AddText(glyph_text.c_str(), glyph_text.c_str() + glyph_text.size());
  ImVector<ImWchar> ranges;
  builder.BuildRanges(&ranges);
  return ranges;
}

bool is_bold(FontRole role) {
  return role == FontRole::title || role == FontRole::hero;
}

void add_role_font(ImFontAtlas& atlas, const FontRequest& request, FontRole role, const ImWchar* ranges) {
  ImFontConfig config;
  config.OversampleH =
      1;  // large text on a fixed-size screen: horizontal oversampling only costs atlas space
  config.OversampleV = 1;
  config.PixelSnapH = true;
  const float size = font_pixel_size(role, request.scale, request.large_text);
  const auto& latin = is_bold(role) ? request.files.latin_bold : request.files.latin_regular;
  const auto& cjk = is_bold(role) ? request.files.cjk_bold : request.files.cjk_regular;
  atlas.AddFontFromFileTTF(latin.c_str(), size, &config, ranges);
  config.MergeMode = true;  // CJK fills only the glyphs Noto Sans lacks
  config.FontNo = request.files.cjk_face_index;
  atlas.AddFontFromFileTTF(cjk.c_str(), size, &config, ranges);
}

void add_numerals_font(ImFontAtlas& atlas, const FontRequest& request) {
  ImFontConfig config;
  config.OversampleH = 1;
  config.OversampleV = 1;
  config.PixelSnapH = true;
  atlas.AddFontFromFileTTF(request.files.latin_bold.c_str(), numerals_pixel_size(request.scale), &config,
                           k_numeral_ranges);
}

int expected_font_count(const FontRequest& request) {
  return static_cast<int>(k_font_role_count) + (request.numerals ? 1 : 0);
}

FontSet fonts_in_order(ImFontAtlas& atlas) {
  FontSet set;
  for (std::size_t role = 0; role < k_font_role_count && static_cast<int>(role) < atlas.Fonts.Size; ++role) {
    set.fonts[role] = atlas.Fonts[static_cast<int>(role)];
  }
  if (atlas.Fonts.Size > static_cast<int>(k_font_role_count)) {
    set.numerals = atlas.Fonts[static_cast<int>(k_font_role_count)];
  }
  return set;
}

FontSet fallback_fonts(ImFontAtlas& atlas, const FontRequest& request, FontReport& report) {
  atlas.Clear();
  report.fallback_font = true;
  for (std::size_t role = 0; role < k_font_role_count; ++role) {
    ImFontConfig config;
    config.SizePixels = font_pixel_size(static_cast<FontRole>(role), request.scale, request.large_text);
    atlas.AddFontDefault(&config);
  }
  atlas.Build();
  report.atlas_width = atlas.TexWidth;
  report.atlas_height = atlas.TexHeight;
  return fonts_in_order(atlas);
}

}  // namespace

FontRole FontSet::smaller(FontRole role) {
  return role == FontRole::small ? FontRole::small : static_cast<FontRole>(static_cast<int>(role) - 1);
}

float numerals_pixel_size(float scale) {
  return static_cast<float>(static_cast<int>(k_numerals_base_size * scale));
}

float font_pixel_size(FontRole role, float scale, bool large_text) {
  const float base = k_base_sizes[static_cast<std::size_t>(role)] * scale;
  const bool grows = large_text && role != FontRole::hero;
  return static_cast<float>(static_cast<int>(grows ? base * k_large_text_factor : base));
}

FontFiles find_system_fonts(std::string* missing) {
  FontFiles files{
      .latin_regular = "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
      .latin_bold = "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf",
      .cjk_regular = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
      .cjk_bold = "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",
  };
  for (const auto* file : {&files.latin_regular, &files.latin_bold, &files.cjk_regular, &files.cjk_bold}) {
    std::error_code error;
    if (!std::filesystem::is_regular_file(*file, error) && missing != nullptr) {
      *missing += (missing->empty() ? "" : ", ") + file->string();
    }
  }
  return files;
}

FontSet build_fonts(ImFontAtlas& atlas, const FontRequest& request, FontReport& report) {
  report = {};
  std::string missing;
  for (const auto* file : {&request.files.latin_regular, &request.files.latin_bold,
                           &request.files.cjk_regular, &request.files.cjk_bold}) {
    std::error_code error;
    if (!std::filesystem::is_regular_file(*file, error)) {
      missing += (missing.empty() ? "" : ", ") + file->string();
    }
  }
  if (!missing.empty()) {
    report.problem = "font files missing (" + missing + "); using ImGui's built-in font (ASCII only)";
    return fallback_fonts(atlas, request, report);
  }

  const ImVector<ImWchar> ranges = glyph_ranges(request.glyph_text);
  const auto key = cache_key(request, ranges);
  if (!request.cache_dir.empty()) {
    char name[40];
    std::snprintf(name, sizeof(name), "atlas-%016llx.bin", static_cast<unsigned long long>(key));
    report.cache_file = request.cache_dir / "fonts" / name;
    if (load_atlas_cache(atlas, report.cache_file, key, expected_font_count(request), &report.problem)) {
      report.from_cache = true;
      report.problem.clear();
      report.atlas_width = atlas.TexWidth;
      report.atlas_height = atlas.TexHeight;
      report.glyph_count = atlas.Fonts[0]->Glyphs.Size;
      return fonts_in_order(atlas);
    }
  }

  atlas.Clear();
  atlas.Flags |= ImFontAtlasFlags_NoMouseCursors;  // a touch kiosk draws no mouse cursor
  for (std::size_t role = 0; role < k_font_role_count; ++role) {
    add_role_font(atlas, request, static_cast<FontRole>(role), ranges.Data);
  }
  if (request.numerals) {
    add_numerals_font(atlas, request);
  }
  if (!atlas.Build()) {
    report.problem = "the font atlas could not be built; using ImGui's built-in font";
    return fallback_fonts(atlas, request, report);
  }
  atlas.ClearInputData();  // the 20 MB CJK file is not needed once baked
  report.atlas_width = atlas.TexWidth;
  report.atlas_height = atlas.TexHeight;
  report.glyph_count = atlas.Fonts[0]->Glyphs.Size;
  if (!report.cache_file.empty()) {
    std::string error;
    if (!save_atlas_cache(atlas, report.cache_file, key, &error)) {
      report.problem = error;
    } else {
      report.problem.clear();
    }
  }
  return fonts_in_order(atlas);
}

}  // namespace kiosk::ui

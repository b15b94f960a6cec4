#include "font_cache.hpp"

#include <imgui.h>

#include <array>
#include <cstring>
#include <fstream>
#include <system_error>
#include <vector>

namespace kiosk::ui {
namespace {

constexpr std::array<char, 8> k_magic{'B', 'K', 'A', 'T', 'L', 'A', 'S', '2'};
constexpr std::int32_t k_max_side = 16384;
constexpr std::int32_t k_max_glyphs = 1 << 20;

// Binary writer/reader of plain values. The cache is read only on the machine that wrote it, so the
// native byte order is fine; the key includes the ImGui version, so struct layouts match too.
class Writer {
 public:
  explicit Writer(std::ofstream& out) : m_out(out) {}
  template <typename T>
  void put(const T& value) {
    m_out.write(reinterpret_cast<const char*>(&value), sizeof(T));
  }
  void put_bytes(const void* data, std::size_t size) {
    m_out.write(static_cast<const char*>(data), static_cast<std::streamsize>(size));
  }

 private:
  std::ofstream& m_out;
};

class Reader {
 public:
  explicit Reader(std::ifstream& in) : m_in(in) {}
  template <typename T>
  bool get(T& value) {
    return static_cast<bool>(m_in.read(reinterpret_cast<char*>(&value), sizeof(T)));
  }
  bool get_bytes(void* data, std::size_t size) {
    return static_cast<bool>(m_in.read(static_cast<char*>(data), static_cast<std::streamsize>(size)));
  }
  bool at_end() { return m_in.peek() == std::char_traits<char>::eof(); }

 private:
  std::ifstream& m_in;
};

void write_font(Writer& writer, const ImFont& font) {
  writer.put(font.FontSize);
  writer.put(font.Ascent);
  writer.put(font.Descent);
  writer.put(font.FallbackChar);
  writer.put(font.EllipsisChar);
  writer.put(font.DotChar);
  writer.put(font.MetricsTotalSurface);
  writer.put(static_cast<std::int32_t>(font.Glyphs.Size));
  writer.put_bytes(font.Glyphs.Data, sizeof(ImFontGlyph) * static_cast<std::size_t>(font.Glyphs.Size));
}

bool read_font(Reader& reader, ImFontAtlas& atlas, std::string* error) {
  auto* font = IM_NEW(ImFont);
  atlas.Fonts.push_back(font);
  font->ContainerAtlas = &atlas;
  std::int32_t glyph_count = 0;
  if (!reader.get(font->FontSize) || !reader.get(font->Ascent) || !reader.get(font->Descent) ||
      !reader.get(font->FallbackChar) || !reader.get(font->EllipsisChar) || !reader.get(font->DotChar) ||
      !reader.get(font->MetricsTotalSurface) || !reader.get(glyph_count)) {
    *error = "truncated font header";
    return false;
  }
  if (glyph_count <= 0 || glyph_count > k_max_glyphs) {
    *error = "implausible glyph count";
    return false;
  }
  font->Glyphs.resize(glyph_count);
  if (!reader.get_bytes(font->Glyphs.Data, sizeof(ImFontGlyph) * static_cast<std::size_t>(glyph_count))) {
    *error = "truncated glyph table";
    return false;
  }
  for (const auto& glyph : font->Glyphs) {
    if (glyph.Codepoint > IM_UNICODE_CODEPOINT_MAX) {
      *error = "glyph outside the Unicode range ImGui was built for";
      return false;
    }
  }
  font->BuildLookupTable();
  return true;
}

bool read_texture(Reader& reader, ImFontAtlas& atlas, std::string* error) {
  std::int32_t width = 0;
  std::int32_t height = 0;
  if (!reader.get(width) || !reader.get(height) || width <= 0 || height <= 0 || width > k_max_side ||
      height > k_max_side) {
    *error = "bad texture size";
    return false;
  }
  if (!reader.get(atlas.TexUvWhitePixel) || !reader.get_bytes(atlas.TexUvLines, sizeof(atlas.TexUvLines))) {
    *error = "truncated texture header";
    return false;
  }
  const auto pixel_count = static_cast<std::size_t>(width) * static_cast<std::size_t>(height);
  atlas.TexPixelsAlpha8 = static_cast<unsigned char*>(IM_ALLOC(pixel_count));
  if (!reader.get_bytes(atlas.TexPixelsAlpha8, pixel_count)) {
    *error = "truncated texture";
    return false;
  }
  atlas.TexWidth = width;
  atlas.TexHeight = height;
  atlas.TexUvScale = ImVec2(1.0F / static_cast<float>(width), 1.0F / static_cast<float>(height));
  return true;
}

}  // namespace

bool save_atlas_cache(const ImFontAtlas& atlas, const std::filesystem::path& file, std::uint64_t key,
                      std::string* error) {
  if (atlas.TexPixelsAlpha8 == nullptr) {
    *error = "atlas has no alpha texture to cache";
    return false;
  }
  std::error_code fs_error;
  std::filesystem::create_directories(file.parent_path(), fs_error);
  auto temporary = file;
  temporary += ".tmp";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    if (!out) {
      *error = "cannot write " + temporary.string();
      return false;
    }
    Writer writer(out);
    writer.put(k_magic);
    writer.put(key);
    writer.put(static_cast<std::int32_t>(atlas.Fonts.Size));
    for (const ImFont* font : atlas.Fonts) {
      write_font(writer, *font);
    }
    writer.put(static_cast<std::int32_t>(atlas.TexWidth));
    writer.put(static_cast<std::int32_t>(atlas.TexHeight));
    writer.put(atlas.TexUvWhitePixel);
    writer.put_bytes(atlas.TexUvLines, sizeof(atlas.TexUvLines));
    writer.put_bytes(atlas.TexPixelsAlpha8,
                     static_cast<std::size_t>(atlas.TexWidth) * static_cast<std::size_t>(atlas.TexHeight));
    if (!out.flush()) {
      *error = "cannot write " + temporary.string() + " (disk full?)";
      std::filesystem::remove(temporary, fs_error);
      return false;
    }
  }
  std::filesystem::rename(temporary, file, fs_error);
  if (fs_error) {
    *error = "cannot rename " + temporary.string() + ": " + fs_error.message();
    std::filesystem::remove(temporary, fs_error);
    return false;
  }
  return true;
}

bool load_atlas_cache(ImFontAtlas& atlas, const std::filesystem::path& file, std::uint64_t key,
                      int expected_fonts, std::string* error) {
  atlas.Clear();
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    *error = "no cache file " + file.string();
    return false;
  }
  Reader reader(in);
  std::array<char, 8> magic{};
  std::uint64_t stored_key = 0;
  std::int32_t font_count = 0;
  if (!reader.get(magic) || magic != k_magic || !reader.get(stored_key) || stored_key != key ||
      !reader.get(font_count) || font_count != expected_fonts) {
    *error = "cache file " + file.string() + " is for other fonts or another version";
    return false;
  }
  bool ok = true;
  for (int index = 0; ok && index < font_count; ++index) {
    ok = read_font(reader, atlas, error);
  }
  ok = ok && read_texture(reader, atlas, error);
  if (ok && !reader.at_end()) {
    *error = "trailing bytes";
    ok = false;
  }
  if (!ok) {
    *error = "damaged cache file " + file.string() + ": " + *error;
    atlas.Clear();
    return false;
  }
  atlas.TexReady = true;
  return true;
}

}  // namespace kiosk::ui

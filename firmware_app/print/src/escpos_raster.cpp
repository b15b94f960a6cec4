#include "print/escpos_raster.hpp"

#include <fcntl.h>
#include <stb_truetype.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <variant>

#include <fmt/format.h>

#include "escpos_commands.hpp"
#include "print/text_layout.hpp"

namespace kiosk::print {
namespace {

constexpr float kEmDotsPerMagnification = 24.0F;  // font A is 24 dots high
constexpr int kCoverageThreshold = 128;           // of 255: at or above prints black
constexpr int kRuleMarginRows = 6;
constexpr int kRuleThicknessRows = 2;
constexpr int kQuietZoneModules = 4;

// A read-only memory mapping of a whole font file.
class MappedFile {
 public:
  MappedFile() = default;
  ~MappedFile() {
    if (m_data != nullptr)
      ::munmap(m_data, m_size);
  }
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;

  // Empty string on success, else why the file cannot be used.
  std::string map(const std::filesystem::path& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
      return fmt::format("font {}: {}", path.string(), std::strerror(errno));
    struct stat info {};
    std::string error;
    if (::fstat(fd, &info) != 0) {
      error = fmt::format("font {}: {}", path.string(), std::strerror(errno));
    } else if (info.st_size < 12) {
      error = fmt::format("font {}: too small to be a font ({} bytes)", path.string(), info.st_size);
    } else {
      void* data = ::mmap(nullptr, static_cast<std::size_t>(info.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
      if (data == MAP_FAILED) {
        error = fmt::format("font {}: mmap: {}", path.string(), std::strerror(errno));
      } else {
        m_data = data;
        m_size = static_cast<std::size_t>(info.st_size);
      }
    }
    ::close(fd);
    return error;
  }

  const unsigned char* bytes() const { return static_cast<const unsigned char*>(m_data); }

 private:
  void* m_data = nullptr;
  std::size_t m_size = 0;
};

// The family name of a face (name id 16 "typographic family" when present, else 1), from the Windows
// Unicode name record, decoded from UTF-16BE (BMP only, which font family names are).
bool has_family(const stbtt_fontinfo& font, std::string_view family) {
  for (const int name_id : {16, 1}) {
    int length = 0;
    const char* name = stbtt_GetFontNameString(&font, &length, STBTT_PLATFORM_ID_MICROSOFT,
                                               STBTT_MS_EID_UNICODE_BMP, STBTT_MS_LANG_ENGLISH, name_id);
    if (name == nullptr)
      continue;
    std::u32string decoded;
    for (int i = 0; i + 1 < length; i += 2) {
      decoded.push_back(static_cast<char32_t>((static_cast<unsigned char>(name[i]) << 8) |
                                              static_cast<unsigned char>(name[i + 1])));
    }
    if (encode_utf8(decoded) == family)
      return true;
  }
  return false;
}

}  // namespace

struct RasterFonts::Impl {
  MappedFile files[4];
  stbtt_fontinfo regular{};
  stbtt_fontinfo bold{};
  stbtt_fontinfo cjk_regular{};
  stbtt_fontinfo cjk_bold{};
};

namespace {

// Initialises `font` from the face of `file` named `family` (any face when family is empty; the first).
std::string init_face(const MappedFile& file, const std::filesystem::path& path, std::string_view family,
                      stbtt_fontinfo& font) {
  const int faces = stbtt_GetNumberOfFonts(file.bytes());
  if (faces <= 0)
    return fmt::format("font {}: not a TrueType/OpenType font or collection", path.string());
  for (int index = 0; index < faces; ++index) {
    const int offset = stbtt_GetFontOffsetForIndex(file.bytes(), index);
    if (offset < 0 || stbtt_InitFont(&font, file.bytes(), offset) == 0) {
      return fmt::format("font {}: face {} cannot be read", path.string(), index);
    }
    if (family.empty() || has_family(font, family))
      return {};
  }
  return fmt::format("font {}: no face of family \"{}\" among its {} faces", path.string(), family, faces);
}

// A 1-bit image as wide as the paper, growing downwards. Bit 7 of each byte is the leftmost dot.
class Canvas {
 public:
  explicit Canvas(int width_dots) : m_width_dots(width_dots), m_width_bytes((width_dots + 7) / 8) {}

  int width_dots() const { return m_width_dots; }
  int width_bytes() const { return m_width_bytes; }
  int rows() const { return static_cast<int>(m_bits.size()) / m_width_bytes; }

  void add_rows(int count) {
    m_bits.resize(m_bits.size() + static_cast<std::size_t>(count * m_width_bytes), 0);
  }

  void set(int x, int y) {
    if (x < 0 || y < 0 || x >= m_width_dots || y >= rows())
      return;
    m_bits[static_cast<std::size_t>(y * m_width_bytes + x / 8)] |=
        static_cast<std::uint8_t>(0x80U >> (x % 8));
  }

  // Sends the image as GS v 0 bands and starts empty again.
  void flush(detail::EscposWriter& out) {
    const auto band_bytes = static_cast<std::size_t>(kRasterBandRows * m_width_bytes);
    for (std::size_t at = 0; at < m_bits.size(); at += band_bytes) {
      const std::size_t size = std::min(band_bytes, m_bits.size() - at);
      out.raster_band(m_width_bytes, std::span<const std::uint8_t>(m_bits).subspan(at, size));
    }
    m_bits.clear();
  }

 private:
  int m_width_dots;
  int m_width_bytes;
  std::vector<std::uint8_t> m_bits;
};

struct Glyph {
  const stbtt_fontinfo* font = nullptr;
  int index = 0;
  float scale = 0;
};

class RasterRenderer {
 public:
  RasterRenderer(const RasterFonts::Impl& fonts, PaperWidth width)
      : m_fonts(fonts), m_width(width), m_canvas(paper_dots(width)) {}

  RasterEncodeResult run(const Document& document) {
    m_out.initialize();
    for (const Block& block : document.blocks()) {
      std::visit([this](const auto& b) { add(b); }, block);
      if (!m_error.empty())
        return RasterEncodeResult{{}, m_error};
    }
    m_canvas.flush(m_out);
    return RasterEncodeResult{m_out.take(), {}};
  }

 private:
  Glyph pick(char32_t c, bool bold, float em) const {
    const stbtt_fontinfo& latin = bold ? m_fonts.bold : m_fonts.regular;
    const stbtt_fontinfo& cjk = bold ? m_fonts.cjk_bold : m_fonts.cjk_regular;
    const auto code = static_cast<int>(c);
    if (const int index = stbtt_FindGlyphIndex(&latin, code); index != 0) {
      return {&latin, index, stbtt_ScaleForMappingEmToPixels(&latin, em)};
    }
    if (const int index = stbtt_FindGlyphIndex(&cjk, code); index != 0) {
      return {&cjk, index, stbtt_ScaleForMappingEmToPixels(&cjk, em)};
    }
    return {&latin, 0, stbtt_ScaleForMappingEmToPixels(&latin, em)};  // .notdef: a visible box
  }

  static float advance(const Glyph& glyph) {
    int advance_width = 0;
    int left_bearing = 0;
    stbtt_GetGlyphHMetrics(glyph.font, glyph.index, &advance_width, &left_bearing);
    return static_cast<float>(advance_width) * glyph.scale;
  }

  void draw_glyph(const Glyph& glyph, float x, int baseline) {
    const float shift = x - std::floor(x);
    int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    stbtt_GetGlyphBitmapBoxSubpixel(glyph.font, glyph.index, glyph.scale, glyph.scale, shift, 0, &x0, &y0,
                                    &x1, &y1);
    const int w = x1 - x0;
    const int h = y1 - y0;
    if (w <= 0 || h <= 0)
      return;
    m_coverage.assign(static_cast<std::size_t>(w * h), 0);
    stbtt_MakeGlyphBitmapSubpixel(glyph.font, m_coverage.data(), w, h, w, glyph.scale, glyph.scale, shift, 0,
                                  glyph.index);
    const int left = static_cast<int>(std::floor(x)) + x0;
    for (int row = 0; row < h; ++row) {
      for (int col = 0; col < w; ++col) {
        if (m_coverage[static_cast<std::size_t>(row * w + col)] >= kCoverageThreshold) {
          m_canvas.set(left + col, baseline + y0 + row);
        }
      }
    }
  }

  void add(const TextBlock& block) {
    const bool bold = block.style.bold;
    const float em = kEmDotsPerMagnification * static_cast<float>(magnification(block.style.size));
    const stbtt_fontinfo& latin = bold ? m_fonts.bold : m_fonts.regular;
    int ascent = 0, descent = 0, gap = 0;
    stbtt_GetFontVMetrics(&latin, &ascent, &descent, &gap);
    const float scale = stbtt_ScaleForMappingEmToPixels(&latin, em);
    const int baseline_offset = static_cast<int>(std::ceil(static_cast<float>(ascent) * scale));
    const int line_rows = baseline_offset + static_cast<int>(std::ceil(static_cast<float>(-descent) * scale));

    const auto width_of = [&](char32_t c) { return static_cast<int>(std::ceil(advance(pick(c, bold, em)))); };
    for (const std::u32string& line : wrap_lines(decode_utf8(block.utf8), m_canvas.width_dots(), width_of)) {
      float line_width = 0;
      for (const char32_t c : line)
        line_width += static_cast<float>(width_of(c));
      float x = block.style.align == Align::center
                    ? std::max(0.0F, (static_cast<float>(m_canvas.width_dots()) - line_width) / 2.0F)
                    : 0.0F;
      const int top = m_canvas.rows();
      m_canvas.add_rows(line_rows);
      for (const char32_t c : line) {
        const Glyph glyph = pick(c, bold, em);
        if (c != U' ')
          draw_glyph(glyph, x, top + baseline_offset);
        x += static_cast<float>(width_of(c));
      }
    }
  }

  void add(const QrBlock& block) {
    const detail::QrMatrix matrix = detail::encode_qr(block.payload);
    if (!matrix.error.empty()) {
      m_error = matrix.error;
      return;
    }
    const int module = detail::qr_module_size(matrix.modules, m_width);
    if (module < 1) {
      m_error = "QR code: the payload is too long for a symbol that fits the paper";
      return;
    }
    const int side = (matrix.modules + 2 * kQuietZoneModules) * module;
    const int left = (m_canvas.width_dots() - side) / 2 + kQuietZoneModules * module;
    const int top = m_canvas.rows() + kQuietZoneModules * module;
    m_canvas.add_rows(side);
    for (int my = 0; my < matrix.modules; ++my) {
      for (int mx = 0; mx < matrix.modules; ++mx) {
        if (matrix.dark[static_cast<std::size_t>(my * matrix.modules + mx)] == 0)
          continue;
        for (int dy = 0; dy < module; ++dy) {
          for (int dx = 0; dx < module; ++dx)
            m_canvas.set(left + mx * module + dx, top + my * module + dy);
        }
      }
    }
  }

  void add(const RuleBlock&) {
    const int top = m_canvas.rows() + kRuleMarginRows;
    m_canvas.add_rows(2 * kRuleMarginRows + kRuleThicknessRows);
    for (int row = 0; row < kRuleThicknessRows; ++row) {
      for (int x = 0; x < m_canvas.width_dots(); ++x)
        m_canvas.set(x, top + row);
    }
  }

  void add(const FeedBlock& block) {
    m_canvas.flush(m_out);
    m_out.feed_lines(block.lines);
  }

  void add(const CutBlock&) {
    m_canvas.flush(m_out);
    m_out.cut();
  }

  const RasterFonts::Impl& m_fonts;
  PaperWidth m_width;
  Canvas m_canvas;
  detail::EscposWriter m_out;
  std::vector<unsigned char> m_coverage;
  std::string m_error;
};

}  // namespace

RasterFonts::RasterFonts(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
RasterFonts::~RasterFonts() = default;

RasterFontsLoad RasterFonts::load(const RasterFontPaths& paths) {
  auto impl = std::make_unique<Impl>();
  const struct {
    const std::filesystem::path& path;
    std::string_view family;
    stbtt_fontinfo& font;
  } faces[] = {
      {paths.regular, {}, impl->regular},
      {paths.bold, {}, impl->bold},
      {paths.cjk_regular, paths.cjk_family, impl->cjk_regular},
      {paths.cjk_bold, paths.cjk_family, impl->cjk_bold},
  };
  for (std::size_t i = 0; i < std::size(faces); ++i) {
    if (std::string error = impl->files[i].map(faces[i].path); !error.empty())
      return {nullptr, error};
    if (std::string error = init_face(impl->files[i], faces[i].path, faces[i].family, faces[i].font);
        !error.empty()) {
      return {nullptr, error};
    }
  }
  return {std::shared_ptr<const RasterFonts>(new RasterFonts(std::move(impl))), {}};
}

RasterEncodeResult encode_raster_mode(const Document& document, const RasterFonts& fonts, PaperWidth width) {
  return RasterRenderer(fonts.impl(), width).run(document);
}

}  // namespace kiosk::print

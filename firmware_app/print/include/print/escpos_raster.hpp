#pragma once
// Raster mode: the whole document drawn as 1-bit images with the kiosk's own fonts and sent as GS v 0
// bands, so any script prints on any ESC/POS printer, whatever code pages it has.
//
// Glyphs come from Noto Sans (Latin, Cyrillic, Greek; Bold for bold text) and, for what it lacks, Noto
// Sans CJK SC (the face of the .ttc whose family name is "Noto Sans CJK SC", index 2 in Debian's files).
// Normal text is 24 dots per em (the height of font A), large 48, huge 72; anti-aliased coverage is
// thresholded to black and white. Text wraps at the paper width in dots, with the rules of
// text_layout.hpp. QR codes come from libqrencode (level M), drawn with the largest module size up to 6
// dots that fits with its quiet zone. Images go out in bands of at most kRasterBandRows rows (small
// enough for the receive buffer of cheap printers); feed and cut stay printer commands.

#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "print/document.hpp"

namespace kiosk::print {

constexpr int kRasterBandRows = 128;

struct RasterFontPaths {
  std::filesystem::path regular = "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf";
  std::filesystem::path bold = "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf";
  std::filesystem::path cjk_regular = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";
  std::filesystem::path cjk_bold = "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc";
  std::string cjk_family = "Noto Sans CJK SC";  // face picked from the .ttc collections by family name
};

struct RasterFontsLoad;

// The four faces, memory-mapped read-only (the CJK collections are ~20 MB each; only the pages of glyphs
// actually drawn are read). Load once at start; immutable afterwards, so one instance may be shared by
// threads.
class RasterFonts {
 public:
  static RasterFontsLoad load(const RasterFontPaths& paths = {});

  ~RasterFonts();
  RasterFonts(const RasterFonts&) = delete;
  RasterFonts& operator=(const RasterFonts&) = delete;

  struct Impl;
  const Impl& impl() const { return *m_impl; }

 private:
  explicit RasterFonts(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> m_impl;
};

struct RasterFontsLoad {
  std::shared_ptr<const RasterFonts> fonts;  // null when error is set
  std::string error;                         // names the file and what is wrong with it
};

struct RasterEncodeResult {
  std::vector<std::byte> bytes;  // empty unless ok()
  std::string error;             // what stops the job (QR payload too long)
  bool ok() const { return error.empty(); }
};

RasterEncodeResult encode_raster_mode(const Document& document, const RasterFonts& fonts, PaperWidth width);

}  // namespace kiosk::print

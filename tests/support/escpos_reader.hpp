#pragma once
// A strict ESC/POS decoder for tests: it reads back what the print encoders produce, independently of
// their code (its own tables of code pages), and calls every command it does not know an error, so a test
// catches garbage bytes as well as wrong text.
//
// Understood: LF, ESC @, ESC t n, ESC E n, ESC a n, ESC d n, GS ! n, GS V m [n], FS &, FS ., GS ( k (QR
// model, size, level, store, print), GS v 0 (raster band), DLE EOT n. Text between commands is decoded
// with the code page active at that point (ESC t: 0 PC437, 5 CP865, 17 CP866, 19 CP858), or as GB18030
// while Chinese mode (FS &) is on.

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace kiosk::test {

struct LineStyle {
  int width = 1;  // GS ! magnification
  int height = 1;
  bool bold = false;
  bool centered = false;
};

struct RasterBand {
  int width_bytes = 0;
  int rows = 0;
  std::vector<std::uint8_t> bits;  // rows * width_bytes, MSB is the left dot

  bool dot(int x, int y) const {
    return (bits[static_cast<std::size_t>(y * width_bytes + x / 8)] & (0x80U >> (x % 8))) != 0;
  }
};

struct DecodedPrint {
  std::vector<std::string> lines;        // UTF-8, one per LF
  std::vector<LineStyle> line_styles;    // the style at each LF, parallel to `lines`
  std::vector<std::string> qr_payloads;  // one per QR print command
  std::vector<int> qr_module_sizes;      // parallel to qr_payloads
  int raster_images = 0;                 // GS v 0 bands
  int raster_rows = 0;                   // rows over all bands
  std::vector<RasterBand> raster_bands;
  int initializations = 0;  // ESC @
  int feeds = 0;            // lines fed by ESC d
  bool cut = false;
  bool chinese_mode_at_end = false;
  std::vector<std::string> errors;  // "offset 12: unknown command ESC 0x71", ...
};

DecodedPrint decode_escpos(std::span<const std::byte> bytes);

}  // namespace kiosk::test

#pragma once
// The ESC/POS commands both encoders emit, as bytes appended to one buffer. Values follow Epson's
// "ESC/POS Application Programming Guide"; each command names its sequence next to it.

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "print/document.hpp"

namespace kiosk::print::detail {

class EscposWriter {
 public:
  void initialize();                      // ESC @
  void select_code_page(std::uint8_t n);  // ESC t n
  void chinese_mode(bool on);             // FS & (on) / FS . (off)
  void character_size(TextSize size);     // GS ! n (width and height magnification)
  void bold(bool on);                     // ESC E n
  void align(Align align);                // ESC a n
  void feed_lines(int lines);             // ESC d n
  void cut();                             // GS V 66 0 (feed to the cutter, partial cut)
  void line_feed();                       // LF
  // GS ( k: model 2, module size, error correction M, store `payload`, print.
  void qr_code(std::string_view payload, int module_size);
  // GS v 0: one raster band, `width_bytes` wide, rows = bits.size() / width_bytes, MSB is the left dot.
  void raster_band(int width_bytes, std::span<const std::uint8_t> bits);

  void bytes(std::initializer_list<unsigned> values);
  void raw(std::string_view data);

  std::vector<std::byte> take() { return std::move(m_bytes); }

 private:
  void put(unsigned value) { m_bytes.push_back(static_cast<std::byte>(value & 0xFFU)); }
  std::vector<std::byte> m_bytes;
};

// The largest payload a QR code holds at error correction level M (version 40, byte mode).
constexpr std::size_t kMaxQrPayload = 2331;

struct QrMatrix {
  int modules = 0;                 // width and height in modules, without the quiet zone
  std::vector<std::uint8_t> dark;  // modules * modules, 1 = dark
  std::string error;               // why it could not be encoded; empty on success
};

// Encodes `payload` with libqrencode (level M, byte mode, smallest version), the same symbol a printer
// picks for GS ( k with the same data and level.
QrMatrix encode_qr(std::string_view payload);

// The module size in dots for a symbol of `modules` on `width` paper: at most 6 dots, the quiet zone of
// 4 modules on each side included; 0 when even 1 dot per module does not fit.
int qr_module_size(int modules, PaperWidth width);

}  // namespace kiosk::print::detail

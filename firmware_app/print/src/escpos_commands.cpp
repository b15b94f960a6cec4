#include "escpos_commands.hpp"

#include <qrencode.h>

#include <algorithm>
#include <memory>

#include <fmt/format.h>

namespace kiosk::print::detail {
namespace {

constexpr unsigned ESC = 0x1B;
constexpr unsigned GS = 0x1D;
constexpr unsigned FS = 0x1C;
constexpr unsigned LF = 0x0A;
constexpr int kQuietZoneModules = 4;
constexpr int kMaxModuleDots = 6;

}  // namespace

void EscposWriter::initialize() {
  bytes({ESC, '@'});
}

void EscposWriter::select_code_page(std::uint8_t n) {
  bytes({ESC, 't', n});
}

void EscposWriter::chinese_mode(bool on) {
  bytes({FS, on ? 0x26U : 0x2EU});
}

void EscposWriter::character_size(TextSize size) {
  // High nibble: width - 1; low nibble: height - 1.
  const auto m = static_cast<unsigned>(magnification(size) - 1);
  bytes({GS, '!', (m << 4) | m});
}

void EscposWriter::bold(bool on) {
  bytes({ESC, 'E', on ? 1U : 0U});
}

void EscposWriter::align(Align value) {
  bytes({ESC, 'a', value == Align::center ? 1U : 0U});
}

void EscposWriter::feed_lines(int lines) {
  bytes({ESC, 'd', static_cast<unsigned>(std::clamp(lines, 0, 255))});
}

void EscposWriter::cut() {
  bytes({GS, 'V', 66, 0});
}

void EscposWriter::line_feed() {
  put(LF);
}

void EscposWriter::qr_code(std::string_view payload, int module_size) {
  const auto stored = static_cast<unsigned>(payload.size() + 3);
  bytes({GS, '(', 'k', 4, 0, 49, 65, 50, 0});                               // function 165: model 2
  bytes({GS, '(', 'k', 3, 0, 49, 67, static_cast<unsigned>(module_size)});  // function 167: module size
  bytes({GS, '(', 'k', 3, 0, 49, 69, 49});                                  // function 169: level M
  bytes({GS, '(', 'k', stored & 0xFFU, stored >> 8, 49, 80, 48});           // function 180: store
  raw(payload);
  bytes({GS, '(', 'k', 3, 0, 49, 81, 48});  // function 181: print the stored symbol
}

void EscposWriter::raster_band(int width_bytes, std::span<const std::uint8_t> bits) {
  const auto x = static_cast<unsigned>(width_bytes);
  const auto rows = static_cast<unsigned>(bits.size() / static_cast<std::size_t>(width_bytes));
  bytes({GS, 'v', '0', 0, x & 0xFFU, x >> 8, rows & 0xFFU, rows >> 8});
  for (const std::uint8_t b : bits)
    put(b);
}

void EscposWriter::bytes(std::initializer_list<unsigned> values) {
  for (const unsigned v : values)
    put(v);
}

void EscposWriter::raw(std::string_view data) {
  for (const char c : data)
    put(static_cast<unsigned char>(c));
}

QrMatrix encode_qr(std::string_view payload) {
  QrMatrix matrix;
  if (payload.empty()) {
    matrix.error = "QR code: the payload is empty";
    return matrix;
  }
  if (payload.size() > kMaxQrPayload) {
    matrix.error = fmt::format("QR code: a payload of {} bytes exceeds the {} a QR code holds at level M",
                               payload.size(), kMaxQrPayload);
    return matrix;
  }
  const std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
      QRcode_encodeData(static_cast<int>(payload.size()),
                        reinterpret_cast<const unsigned char*>(payload.data()), 0, QR_ECLEVEL_M),
      &QRcode_free);
  if (!code) {
    matrix.error = fmt::format("QR code: libqrencode could not encode {} bytes", payload.size());
    return matrix;
  }
  matrix.modules = code->width;
  const auto count = static_cast<std::size_t>(code->width) * static_cast<std::size_t>(code->width);
  matrix.dark.resize(count);
  for (std::size_t i = 0; i < count; ++i)
    matrix.dark[i] = code->data[i] & 1U;
  return matrix;
}

int qr_module_size(int modules, PaperWidth width) {
  return std::min(kMaxModuleDots, paper_dots(width) / (modules + 2 * kQuietZoneModules));
}

}  // namespace kiosk::print::detail

#include "print/document.hpp"

#include <algorithm>

#include "print/text_layout.hpp"

namespace kiosk::print {
namespace {

bool is_control(char32_t c) {
  return c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F);
}

// See the guarantees in document.hpp: normalised line ends, tabs as spaces, no control characters.
std::string sanitize(std::string_view utf8) {
  const std::u32string decoded = decode_utf8(utf8);
  std::u32string clean;
  clean.reserve(decoded.size());
  for (std::size_t i = 0; i < decoded.size(); ++i) {
    const char32_t c = decoded[i];
    if (c == U'\r') {
      clean.push_back(U'\n');
      if (i + 1 < decoded.size() && decoded[i + 1] == U'\n')
        ++i;
    } else if (c == U'\t') {
      clean.push_back(U' ');
    } else if (c == U'\n' || !is_control(c)) {
      clean.push_back(c);
    }
  }
  return encode_utf8(clean);
}

}  // namespace

int paper_columns(PaperWidth width) {
  return width == PaperWidth::mm80 ? 48 : 32;
}

int paper_dots(PaperWidth width) {
  return width == PaperWidth::mm80 ? 576 : 384;
}

int magnification(TextSize size) {
  switch (size) {
    case TextSize::normal:
      return 1;
    case TextSize::large:
      return 2;
    case TextSize::huge:
      return 3;
  }
  return 1;
}

Document& Document::text(std::string utf8, TextStyle style) {
  m_blocks.emplace_back(TextBlock{sanitize(utf8), style});
  return *this;
}

Document& Document::qr(std::string payload) {
  m_blocks.emplace_back(QrBlock{std::move(payload)});
  return *this;
}

Document& Document::rule() {
  m_blocks.emplace_back(RuleBlock{});
  return *this;
}

Document& Document::feed(int lines) {
  m_blocks.emplace_back(FeedBlock{std::clamp(lines, 0, 255)});
  return *this;
}

Document& Document::cut() {
  m_blocks.emplace_back(CutBlock{});
  return *this;
}

}  // namespace kiosk::print

#include "print/text_layout.hpp"

#include <algorithm>
#include <array>

namespace kiosk::print {
namespace {

constexpr char32_t kReplacement = 0xFFFD;

struct Range {
  char32_t first;
  char32_t last;
};

// East Asian Width W and F blocks that matter on a receipt (Unicode 15, EastAsianWidth.txt, condensed).
constexpr std::array<Range, 16> kWideRanges{{
    {0x1100, 0x115F},    // Hangul Jamo initial consonants
    {0x2E80, 0x303E},    // CJK radicals, Kangxi, CJK symbols and punctuation
    {0x3041, 0x33FF},    // Hiragana, Katakana, Bopomofo, Hangul compatibility, CJK compatibility
    {0x3400, 0x4DBF},    // CJK Extension A
    {0x4E00, 0x9FFF},    // CJK Unified Ideographs
    {0xA000, 0xA4CF},    // Yi
    {0xA960, 0xA97F},    // Hangul Jamo Extended-A
    {0xAC00, 0xD7A3},    // Hangul syllables
    {0xF900, 0xFAFF},    // CJK compatibility ideographs
    {0xFE10, 0xFE19},    // vertical forms
    {0xFE30, 0xFE6F},    // CJK compatibility forms, small form variants
    {0xFF00, 0xFF60},    // fullwidth forms
    {0xFFE0, 0xFFE6},    // fullwidth signs
    {0x1F300, 0x1F64F},  // pictographs, emoticons
    {0x1F900, 0x1F9FF},  // supplemental symbols and pictographs
    {0x20000, 0x3FFFD},  // CJK Extension B and later
}};

constexpr std::array<Range, 5> kCombiningRanges{{
    {0x0300, 0x036F},
    {0x0483, 0x0489},
    {0x1AB0, 0x1AFF},
    {0x1DC0, 0x1DFF},
    {0x20D0, 0x20FF},
}};

bool in_ranges(char32_t c, const auto& ranges) {
  return std::any_of(ranges.begin(), ranges.end(), [c](Range r) { return c >= r.first && c <= r.last; });
}

bool is_wide(char32_t c) {
  return in_ranges(c, kWideRanges);
}

// Closing punctuation that must not start a line (a small kinsoku set).
bool is_closing(char32_t c) {
  constexpr std::u32string_view closing = U"，。、！？；：）」』】〉》,.!?;:)";
  return closing.find(c) != std::u32string_view::npos;
}

// May a line break between `before` and `after`?
bool can_break_between(char32_t before, char32_t after) {
  if (is_closing(after) || after == U' ')
    return false;
  return before == U' ' || is_wide(before) || is_wide(after);
}

void trim_trailing_spaces(std::u32string& line) {
  while (!line.empty() && line.back() == U' ')
    line.pop_back();
}

void wrap_paragraph(std::u32string_view paragraph, int max_width, const WidthFunction& width_of,
                    std::vector<std::u32string>& out) {
  std::u32string line;
  int width = 0;
  const auto measure = [&](std::u32string_view text) {
    int total = 0;
    for (const char32_t c : text)
      total += width_of(c);
    return total;
  };
  bool wrapped = false;
  for (const char32_t c : paragraph) {
    const int w = width_of(c);
    if (c == U' ' && line.empty() && wrapped)
      continue;  // a wrapped line does not start with a space
    // Each round either empties `line` or shortens it, so this ends.
    while (width + w > max_width && !line.empty()) {
      wrapped = true;
      if (c == U' ') {
        break;  // the space itself is the break; it is dropped below
      }
      std::size_t cut = 0;
      for (std::size_t i = line.size(); i > 0; --i) {
        const char32_t after = i < line.size() ? line[i] : c;
        if (can_break_between(line[i - 1], after)) {
          cut = i;
          break;
        }
      }
      std::u32string rest;
      if (cut > 0 && cut < line.size()) {
        rest = line.substr(cut);
        line.resize(cut);
      }
      trim_trailing_spaces(line);
      out.push_back(std::move(line));
      line = std::move(rest);
      width = measure(line);
    }
    if (c == U' ' && width + w > max_width && !line.empty()) {
      trim_trailing_spaces(line);
      out.push_back(std::move(line));
      line.clear();
      width = 0;
      continue;
    }
    line.push_back(c);
    width += w;
  }
  trim_trailing_spaces(line);
  out.push_back(std::move(line));
}

}  // namespace

std::u32string decode_utf8(std::string_view utf8) {
  std::u32string out;
  out.reserve(utf8.size());
  std::size_t i = 0;
  while (i < utf8.size()) {
    const auto lead = static_cast<unsigned char>(utf8[i]);
    std::size_t length = 0;
    char32_t c = 0;
    char32_t minimum = 0;
    if (lead < 0x80) {
      out.push_back(lead);
      ++i;
      continue;
    }
    if ((lead & 0xE0U) == 0xC0U) {
      length = 2, c = lead & 0x1FU, minimum = 0x80;
    } else if ((lead & 0xF0U) == 0xE0U) {
      length = 3, c = lead & 0x0FU, minimum = 0x800;
    } else if ((lead & 0xF8U) == 0xF0U) {
      length = 4, c = lead & 0x07U, minimum = 0x10000;
    }
    bool valid = length > 0 && i + length <= utf8.size();
    for (std::size_t k = 1; valid && k < length; ++k) {
      const auto byte = static_cast<unsigned char>(utf8[i + k]);
      valid = (byte & 0xC0U) == 0x80U;
      c = (c << 6) | (byte & 0x3FU);
    }
    valid = valid && c >= minimum && c <= 0x10FFFF && !(c >= 0xD800 && c <= 0xDFFF);
    if (valid) {
      out.push_back(c);
      i += length;
    } else {
      out.push_back(kReplacement);
      ++i;
    }
  }
  return out;
}

std::string encode_utf8(char32_t c) {
  std::string out;
  if (c < 0x80) {
    out.push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (c >> 6)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (c >> 12)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (c >> 18)));
    out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
  return out;
}

std::string encode_utf8(std::u32string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char32_t c : text)
    out += encode_utf8(c);
  return out;
}

int display_columns(char32_t c) {
  if (in_ranges(c, kCombiningRanges))
    return 0;
  return is_wide(c) ? 2 : 1;
}

int display_columns(std::u32string_view text) {
  int total = 0;
  for (const char32_t c : text)
    total += display_columns(c);
  return total;
}

std::vector<std::u32string> wrap_lines(std::u32string_view text, int max_width,
                                       const WidthFunction& width_of) {
  std::vector<std::u32string> lines;
  std::size_t start = 0;
  for (;;) {
    const std::size_t end = text.find(U'\n', start);
    const std::u32string_view paragraph =
        text.substr(start, end == std::u32string_view::npos ? std::u32string_view::npos : end - start);
    wrap_paragraph(paragraph, std::max(max_width, 1), width_of, lines);
    if (end == std::u32string_view::npos)
      break;
    start = end + 1;
  }
  return lines;
}

}  // namespace kiosk::print

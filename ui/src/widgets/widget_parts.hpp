#pragma once
// Small helpers the widget files share: UTF-8 splitting, colour packing, id joining. Internal to
// kiosk_ui (not installed with the public headers).

#include <imgui.h>

#include <string>
#include <string_view>
#include <vector>

#include "ui/theme.hpp"

namespace kiosk::ui::widget_parts {

inline ImU32 packed(Rgb colour) {
  return ImGui::ColorConvertFloat4ToU32(ImVec4(colour.r, colour.g, colour.b, 1.0F));
}

// Length in bytes of the UTF-8 sequence starting with `lead`; 1 for a stray or invalid byte, so a
// walk over bad input always advances.
inline std::size_t sequence_length(unsigned char lead) {
  if (lead < 0x80)
    return 1;
  if ((lead >> 5U) == 0x6)
    return 2;
  if ((lead >> 4U) == 0xE)
    return 3;
  if ((lead >> 3U) == 0x1E)
    return 4;
  return 1;
}

// The text cut into code points (each a view into `text`). Truncated sequences stay whole bytes.
inline std::vector<std::string_view> split_code_points(std::string_view text) {
  std::vector<std::string_view> pieces;
  std::size_t at = 0;
  while (at < text.size()) {
    std::size_t length = sequence_length(static_cast<unsigned char>(text[at]));
    if (at + length > text.size())
      length = text.size() - at;
    pieces.push_back(text.substr(at, length));
    at += length;
  }
  return pieces;
}

inline std::string join_id(std::string_view a, std::string_view b) {
  std::string id(a);
  id += '.';
  id += b;
  return id;
}

}  // namespace kiosk::ui::widget_parts
